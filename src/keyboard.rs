//! The page-wide keys: `/` focuses the search box (as on many sites); `j`/`k` or the arrow keys go
//! to the next or previous article of the whole list (the timeline renders the entries it has to
//! reach), Enter opens it (it is a link), `s` stars it (or the open article) or removes its star,
//! Esc closes the reader and returns to the article's entry.

use crate::components::TimelineRows;
use crate::stars::StarControl;
use dateline_core::Article;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The search box `/` focuses.
const SEARCH_INPUT: &str = "search-input";

/// The links of the timeline's entries, in page order.
const ENTRY_LINKS: &str = ".timeline .entry-link";

/// Installs the page-wide keys. Call once, in the root component.
pub fn use_result_keys(
    open: Signal<Option<&'static Article>>,
    close_reader: Callback<()>,
    rows: TimelineRows,
    stars: StarControl,
) {
    // The entry a key asked for that is not rendered yet: the next key steps on from it.
    let pending = StoredValue::new(None::<&'static str>);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        if key == "/" {
            if !is_typing(&ev) {
                if let Some(input) = document()
                    .get_element_by_id(SEARCH_INPUT)
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            }
            return;
        }
        if ev.alt_key() {
            return;
        }
        if key == "Escape" {
            if let Some(article) = open.get_untracked() {
                close_reader.run(());
                // The entry may lie outside the rows rendered: have it rendered first.
                // After the next frame: on a phone the timeline shows again only then.
                let slug = rows.step(Some(&article.slug), 0).unwrap_or(&article.slug);
                request_animation_frame(move || focus_entry(slug, pending));
            }
            return;
        }
        if is_typing(&ev) {
            return;
        }
        if key == "s" {
            // The focused entry's article (its link or its star), else the open one.
            let focused = document().active_element().and_then(|a| {
                if a.matches(ENTRY_LINKS).unwrap_or(false) {
                    a.get_attribute("data-slug")
                } else {
                    a.get_attribute("data-star")
                }
            });
            let slug = focused.or_else(|| open.get_untracked().map(|a| a.slug.clone()));
            if let Some(slug) = slug {
                ev.prevent_default();
                stars.toggle(&slug);
            }
            return;
        }
        let step = match key.as_str() {
            "j" | "ArrowDown" => 1,
            "k" | "ArrowUp" => -1,
            _ => return,
        };
        // Arrows keep their meaning (scrolling) unless focus is already on an entry or nowhere.
        if key.starts_with("Arrow") && !focus_is_on_entry_or_page() {
            return;
        }
        if move_focus(rows, step, pending) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
}

/// Whether the key went to a field the user types into.
fn is_typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        })
}

fn entry_links() -> Vec<HtmlElement> {
    let Ok(list) = document().query_selector_all(ENTRY_LINKS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn focus_is_on_entry_or_page() -> bool {
    match document().active_element() {
        None => true,
        Some(active) => {
            active.matches(ENTRY_LINKS).unwrap_or(false)
                || matches!(active.tag_name().as_str(), "BODY" | "HTML")
        }
    }
}

/// Focuses the entry `step` after the focused one (or the one still to be focused; the first or
/// last of the list when there is none).
fn move_focus(rows: TimelineRows, step: isize, pending: StoredValue<Option<&'static str>>) -> bool {
    let current = pending.get_value().map(str::to_owned).or_else(|| {
        document()
            .active_element()
            .filter(|a| a.matches(ENTRY_LINKS).unwrap_or(false))
            .and_then(|a| a.get_attribute("data-slug"))
    });
    match rows.step(current.as_deref(), step) {
        Some(slug) => {
            focus_entry(slug, pending);
            true
        }
        None => false,
    }
}

/// Focuses the entry of the article `slug`: now if it is rendered, else once it is (meanwhile it
/// is `pending`).
fn focus_entry(slug: &'static str, pending: StoredValue<Option<&'static str>>) {
    let find = move || {
        entry_links()
            .into_iter()
            .find(|l| l.get_attribute("data-slug").as_deref() == Some(slug))
    };
    match find() {
        Some(link) => {
            pending.set_value(None);
            let _ = link.focus();
        }
        None => {
            pending.set_value(Some(slug));
            request_animation_frame(move || {
                if pending.get_value() == Some(slug) {
                    pending.set_value(None);
                    if let Some(link) = find() {
                        let _ = link.focus();
                    }
                }
            });
        }
    }
}
