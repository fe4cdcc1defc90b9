//! The page-wide keys: `/` focuses the search box (as on many sites); `j`/`k` or the arrow keys go
//! to the next or previous article, Enter opens it (it is a link), Esc closes the reader and returns
//! to the article's entry.

use dateline_core::Article;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The search box `/` focuses.
const SEARCH_INPUT: &str = "search-input";

/// The links of the timeline's entries, in page order.
const ENTRY_LINKS: &str = ".timeline .entry-link";

/// Installs the page-wide keys. Call once, in the root component.
pub fn use_result_keys(open: Signal<Option<&'static Article>>, close_reader: Callback<()>) {
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
                focus_entry_after_render(article.slug.clone());
            }
            return;
        }
        if is_typing(&ev) {
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
        if move_focus(step) {
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

/// Focuses the entry `step` after the focused one (the first or last when none is focused).
fn move_focus(step: isize) -> bool {
    let links = entry_links();
    if links.is_empty() {
        return false;
    }
    let active = document().active_element();
    let current = links.iter().position(|l| {
        active
            .as_ref()
            .is_some_and(|a| a == l.as_ref() as &web_sys::Element)
    });
    let next = match current {
        Some(i) => i.saturating_add_signed(step).min(links.len() - 1),
        None if step > 0 => 0,
        None => links.len() - 1,
    };
    let _ = links[next].focus();
    true
}

/// After the reader closes, puts focus back on the article's entry so the walk continues there.
fn focus_entry_after_render(slug: String) {
    request_animation_frame(move || {
        if let Some(link) = entry_links()
            .into_iter()
            .find(|l| l.get_attribute("data-slug").as_deref() == Some(slug.as_str()))
        {
            let _ = link.focus();
        }
    });
}
