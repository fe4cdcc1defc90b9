//! The only module that reads or writes the URL.
//!
//! The URL query is the single source of truth for the view. [`use_view_state`] parses it
//! (through the core codec) into a signal, re-parses it whenever the browser moves through
//! history, and gives components one way to change the view: [`ViewControl::navigate`], which
//! pushes one history entry. (A search being typed is shown first and written to the address
//! right after the frame that shows it: [`ViewControl::type_search`].) URLs are written relative to the page (`?a=…`, or the page's own
//! path for the default view), so they work at any sub-path and from `file://`, where
//! `location.origin` is "null" and router crates that build absolute URLs fail.

use crate::corpus::{catalogue, corpus};
use dateline_core::url_state::{self, Notice, ViewState};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Read access to the view, and the one way to change it.
#[derive(Clone, Copy)]
pub struct ViewControl {
    /// The current view, always what the URL says.
    pub state: Signal<ViewState>,
    /// What the current URL asked for that could not be shown; cleared by [`Self::dismiss_notices`].
    pub notices: Signal<Vec<Notice>>,
    /// The view with no article open: what narrows the list, which opening an article leaves as
    /// it is.
    pub narrowing: Memo<ViewState>,
    /// Its link: every article link is made from it, so a keystroke encodes the view once, and
    /// opening an article changes no link.
    link_base: Memo<String>,
    set_notices: WriteSignal<Vec<Notice>>,
    /// Whether the latest history entry was made by typing a search, so the next keystroke
    /// replaces it instead of adding one per letter.
    typing: StoredValue<bool>,
    /// Re-reads the address into the view: after every write here, and on Back or Forward.
    reread: Callback<()>,
    /// Shows a query before the address says it (typing: see [`Self::type_search`]).
    show: Callback<String>,
    /// The address a keystroke has shown but not yet written.
    pending: StoredValue<Option<Pending>>,
}

/// An address change waiting for the frame that shows it to be painted.
#[derive(Clone)]
struct Pending {
    /// What goes in the address bar.
    target: String,
    /// Whether it takes the place of the current history entry rather than adding one.
    replace: bool,
}

impl ViewControl {
    /// Shows `next`, adding one history entry (nothing happens if it is the current view).
    pub fn navigate(&self, next: ViewState) {
        self.typing.set_value(false);
        self.go(next, false);
    }

    /// Shows `next` as the search being typed: the first keystroke adds a history entry, the
    /// following ones update it, so Back returns to the view before the search.
    ///
    /// The view follows the key at once and the address after the frame that shows it: writing
    /// the address (and the browser's work that follows, such as fetching the favicon again) is
    /// then not part of the time from the key to its result on screen. The address is written
    /// before any other change of view, and dropped if the user goes Back or Forward first.
    pub fn type_search(&self, next: ViewState) {
        let replace = self.typing.get_value();
        self.typing.set_value(true);
        if self.state.get_untracked() == next {
            return;
        }
        let query = url_state::encode(&next);
        let waiting = self.pending.with_value(Option::is_some);
        self.pending.update_value(|pending| {
            let target = address_target(&query);
            *pending = Some(match pending.take() {
                // Keys within one frame: the first decides whether an entry is added.
                Some(earlier) => Pending {
                    target,
                    replace: earlier.replace && replace,
                },
                None => Pending { target, replace },
            });
        });
        self.show.run(query);
        if !waiting {
            let pending = self.pending;
            request_animation_frame(move || {
                set_timeout(move || write_pending(pending), std::time::Duration::ZERO);
            });
        }
    }

    fn go(&self, next: ViewState, replace: bool) {
        if self.state.get_untracked() == next {
            return;
        }
        self.write_query(url_state::encode(&next), replace);
    }

    /// Shows the view a pasted link names (any copy's address, or just its query), as if the
    /// link had been opened here: what it asks that cannot be shown becomes notices.
    pub fn open_query(&self, query: &str) {
        self.typing.set_value(false);
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        self.write_query(query, false);
    }

    /// The relative link to this view with an article open (tracks the view, for `href`s).
    pub fn article_href(&self, slug: &str) -> String {
        self.link_base
            .with(|base| url_state::with_article(base, slug))
    }

    /// Opens an article in the reader, keeping the rest of the view.
    pub fn open_article(&self, slug: &str) {
        self.navigate(ViewState {
            article: Some(slug.to_owned()),
            ..self.state.get_untracked()
        });
    }

    /// Ends a run of typing: the next keystroke starts a new history entry.
    pub fn end_typing(&self) {
        self.typing.set_value(false);
    }

    /// Hides the notices about the current URL.
    pub fn dismiss_notices(&self) {
        self.set_notices.set(Vec::new());
    }

    /// Puts `query` (with its `?`, or empty for the default view) in the address bar as a new
    /// history entry, or in place of the current one, then shows what it says.
    fn write_query(&self, query: String, replace: bool) {
        // A keystroke's address first, so history keeps the order the user made it in.
        write_pending(self.pending);
        write_address(&address_target(&query), replace);
        self.reread.run(());
    }
}

/// What goes in the address bar for `query` (with its `?`, or empty for the default view, which
/// is the page's own path: an empty URL would leave the old query in place).
fn address_target(query: &str) -> String {
    if query.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        query.to_owned()
    }
}

/// Writes the address a keystroke has shown, if it is still waiting.
fn write_pending(pending: StoredValue<Option<Pending>>) {
    // Gone with the page (the root component) or already written.
    if let Some(Some(Pending { target, replace })) = pending.try_update_value(Option::take) {
        write_address(&target, replace);
    }
}

/// Puts `target` in the address bar as a new history entry, or in place of the current one.
fn write_address(target: &str, replace: bool) {
    // The History API directly rather than through `gloo-history`, which stores a serde-encoded
    // state with a random id in every entry: dropping it took 14.3 KB gzip (4.3 %) off the app
    // shell (`dateline-size`), with `serde-wasm-bindgen`, `getrandom` and float formatting.
    let history = window().history().expect("a window has a history");
    let written = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(target))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(target))
    };
    // A browser may refuse (too many entries too fast): the view then stays what the address says.
    if let Err(e) = written {
        leptos::logging::warn!("the address could not be changed to {target}: {e:?}");
    }
}

/// The address's query, with its `?` (empty when there is none; always, when prerendering the
/// default view).
fn address_query() -> String {
    if cfg!(feature = "ssr") {
        return String::new();
    }
    window().location().search().unwrap_or_default()
}

/// The absolute address of a view of this page, for sharing and exports: the page's own address
/// (whatever host, sub-path or `file://` path it was opened from) with the view's query.
pub fn permalink(state: &ViewState) -> String {
    // Prerendered (hidden on screen, and replaced before anyone prints): the view's query alone.
    if cfg!(feature = "ssr") {
        return url_state::encode(state);
    }
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    format!("{page}{}", url_state::encode(state))
}

/// Whether the page was opened from disk (the single-file build), where a link names this
/// machine's copy of the file and a colleague opens it in theirs through "Open a link".
pub fn is_offline_copy() -> bool {
    !cfg!(feature = "ssr") && window().location().protocol().is_ok_and(|p| p == "file:")
}

/// Sets up the URL-backed view state. Call once, in the root component.
pub fn use_view_state() -> ViewControl {
    let read = |query: &str| url_state::parse_for(query, corpus(), catalogue());

    let first = read(&address_query());
    let (state, set_state) = signal(first.state);
    let (notices, set_notices) = signal(first.notices);
    let typing = StoredValue::new(false);
    let narrowing = Memo::new(move |_| {
        state.with(|s| ViewState {
            article: None,
            ..s.clone()
        })
    });
    let link_base = Memo::new(move |_| narrowing.with(url_state::encode));

    let show = Callback::new(move |query: String| {
        let parsed = read(&query);
        set_state.set(parsed.state);
        // Unchanged notices (none, while typing) wake nothing.
        set_notices.maybe_update(|notices| {
            let changed = *notices != parsed.notices;
            if changed {
                *notices = parsed.notices;
            }
            changed
        });
    });
    let reread = Callback::new(move |()| show.run(address_query()));
    let pending = StoredValue::new(None);
    // The root component lives as long as the page, and so does this listener. Back or Forward
    // before a keystroke's address was written: the browser's entry wins, and it is dropped.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        pending.set_value(None);
        reread.run(());
    });

    ViewControl {
        state: state.into(),
        notices: notices.into(),
        set_notices,
        narrowing,
        link_base,
        typing,
        reread,
        show,
        pending,
    }
}
