//! The reader's stars and notes, kept in this browser: the only module that reads or writes the
//! browser's storage.
//!
//! [`use_stars`] reads them once (under a key of this corpus, so two collections opened from one
//! host never mix), follows changes made in another tab of the same page, and writes every
//! change at once. A stored value this version cannot read is set aside under the same key with
//! `:unreadable` added, never overwritten, and reported; a browser that keeps nothing (storage
//! turned off, a full quota) keeps the stars for as long as the page is open, and says so.

use crate::corpus::corpus;
use dateline_core::stars::{storage_key, Merged, Stars};
use dateline_core::url_state::ViewState;
use dateline_core::Article;
use leptos::prelude::*;

/// The corpus's name (its folder's, written by the build script): the key its stars are kept under.
const CORPUS_NAME: &str = match option_env!("DATELINE_CORPUS_NAME") {
    Some(name) => name,
    None => "corpus",
};

/// The stars, and the only way to change them.
#[derive(Clone, Copy)]
pub struct StarControl {
    stars: RwSignal<Stars>,
    /// Corpus indices of the starred articles of this corpus, ascending.
    pub docs: Memo<Vec<u32>>,
    /// What went wrong keeping them, worded for the user; `None` when all is well.
    pub problem: RwSignal<Option<String>>,
}

impl StarControl {
    /// Whether the article `slug` is starred (tracked).
    pub fn is_starred(&self, slug: &str) -> bool {
        self.stars.with(|s| s.is_starred(slug))
    }

    /// The note on the article `slug` (tracked); empty when there is none.
    pub fn note(&self, slug: &str) -> String {
        self.stars
            .with(|s| s.note(slug).unwrap_or_default().to_owned())
    }

    /// The note on an article in a view (untracked): the reader's own, else the one the view's
    /// shared link carries.
    pub fn note_of(&self, article: &Article, state: &ViewState) -> Option<String> {
        self.stars
            .with_untracked(|s| s.note(&article.slug).map(str::to_owned))
            .or_else(|| state.set_note(&article.slug).map(str::to_owned))
    }

    /// How many articles of this corpus are starred (tracked).
    pub fn count(&self) -> usize {
        self.docs.with(Vec::len)
    }

    /// Stars the article, or removes its star and note.
    pub fn toggle(&self, slug: &str) {
        self.stars.update(|s| {
            s.toggle(slug);
        });
        self.save();
    }

    /// Writes the note on a starred article.
    pub fn set_note(&self, slug: &str, note: &str) {
        self.stars.update(|s| s.set_note(slug, note));
        self.save();
    }

    /// Stars the articles (slug, note) of a collection from elsewhere: a file another copy
    /// exported, or a shared link.
    pub fn merge<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
    ) -> Merged {
        let merged = self
            .stars
            .try_update(|s| s.merge(entries, corpus()))
            .unwrap_or_default();
        self.save();
        merged
    }

    /// The starred articles of this corpus in timeline order, each with its note (untracked).
    pub fn starred_with_notes(&self) -> Vec<(&'static str, Option<String>)> {
        let articles = corpus().articles();
        self.stars.with_untracked(|stars| {
            self.docs
                .get_untracked()
                .into_iter()
                .filter_map(|d| articles.get(d as usize))
                .map(|a| (a.slug.as_str(), stars.note(&a.slug).map(str::to_owned)))
                .collect()
        })
    }

    fn save(&self) {
        if cfg!(feature = "ssr") {
            return;
        }
        let text = self.stars.with_untracked(Stars::encode);
        if let Err(problem) = store(&key(), &text) {
            self.problem.set(Some(problem));
        }
    }
}

/// The storage key of this corpus's stars.
fn key() -> String {
    storage_key(CORPUS_NAME)
}

/// Reads the stars kept in this browser and keeps them up to date. Call once, in the root
/// component; components find them with [`stars`].
pub fn use_stars() -> StarControl {
    let stars = RwSignal::new(Stars::default());
    let problem = RwSignal::new(None);
    let docs = Memo::new(move |_| stars.with(|s| s.docs(corpus())));
    let control = StarControl {
        stars,
        docs,
        problem,
    };
    provide_context(control);
    if cfg!(feature = "ssr") {
        return control;
    }
    let load = move || match read() {
        Ok(kept) => {
            stars.set(kept);
            problem.set(None);
        }
        Err(why) => problem.set(Some(why)),
    };
    load();
    // Another tab of this page starred something: show it here too.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k == key()) {
            load();
        }
    });
    control
}

/// The stars of the page (from [`use_stars`]).
pub fn stars() -> StarControl {
    expect_context::<StarControl>()
}

/// The stars kept in this browser: none when there are none; an error worded for the user when
/// the storage cannot be used or holds what cannot be read (which is then set aside).
fn read() -> Result<Stars, String> {
    let storage = storage().map_err(unkept)?;
    let key = key();
    let Some(text) = storage.get_item(&key).ok().flatten() else {
        return Ok(Stars::default());
    };
    Stars::decode(&text).map_err(|unreadable| {
        let aside = format!("{key}:unreadable");
        // An earlier unreadable copy stays: nothing the user had is overwritten.
        if storage.get_item(&aside).ok().flatten().is_none() {
            let _ = storage.set_item(&aside, &text);
        }
        let _ = storage.remove_item(&key);
        unreadable.to_string()
    })
}

/// Writes `text` under `key`, or says why it could not be kept.
fn store(key: &str, text: &str) -> Result<(), String> {
    storage()
        .map_err(unkept)?
        .set_item(key, text)
        .map_err(|_| unkept("its storage for this page is full"))
}

/// The browser's storage for this page; `Err` (why, in a few words) when it keeps none.
fn storage() -> Result<web_sys::Storage, &'static str> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err("it keeps no data for this page"),
    }
}

/// The notice for stars that cannot be kept.
fn unkept(why: &str) -> String {
    format!(
        "Stars and notes cannot be kept in this browser ({why}); they last until this page is closed."
    )
}
