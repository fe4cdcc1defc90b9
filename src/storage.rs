//! The only module that reads or writes the browser's storage (`localStorage`), for the reader's
//! own things: stars and notes ([`crate::stars`]) and recent views ([`crate::recent`]).
//!
//! Each thing is kept under a key of this corpus ([`corpus_name`]), so two collections opened
//! from one host never mix. A value its owner cannot read is set aside ([`set_aside`]) under the
//! same key with `:unreadable` added, never overwritten; a browser that keeps nothing (storage
//! turned off, a full quota) is an error worded for the user.

use leptos::prelude::*;

/// The corpus's name (its folder's, written by the build script): part of every key.
pub fn corpus_name() -> &'static str {
    option_env!("DATELINE_CORPUS_NAME").unwrap_or("corpus")
}

/// The text kept under `key`, if any; `Err` (why, in a few words) when the browser keeps
/// nothing for this page.
pub fn read(key: &str) -> Result<Option<String>, &'static str> {
    Ok(storage()?.get_item(key).ok().flatten())
}

/// Keeps `text` under `key`; `Err` (why, in a few words) when it cannot be kept.
pub fn write(key: &str, text: &str) -> Result<(), &'static str> {
    storage()?
        .set_item(key, text)
        .map_err(|_| "its storage for this page is full")
}

/// Moves an unreadable `text` out of `key`, to `key:unreadable` (an earlier unreadable copy
/// stays: nothing the user had is overwritten).
pub fn set_aside(key: &str, text: &str) {
    let Ok(storage) = storage() else { return };
    let aside = format!("{key}:unreadable");
    if storage.get_item(&aside).ok().flatten().is_none() {
        let _ = storage.set_item(&aside, text);
    }
    let _ = storage.remove_item(key);
}

/// Calls `changed` when another tab of this page changes what is kept under `key`.
pub fn on_change_elsewhere(key: String, changed: impl Fn() + 'static) {
    // The root component lives as long as the page, and so does this listener.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k == key) {
            changed();
        }
    });
}

fn storage() -> Result<web_sys::Storage, &'static str> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err("it keeps no data for this page"),
    }
}
