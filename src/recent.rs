//! The views opened lately in this browser, for the toolbar's Recent menu: kept in its storage
//! ([`crate::storage`]) and followed across the page's tabs.
//!
//! A view counts as opened once it has stayed on screen for [`SETTLED`]: a search being typed
//! passes through a view per letter, and only the one the reader stops at is worth going back to.
//! Which article is open is not part of it.

use crate::storage::{self, corpus_name};
use crate::url_state::ViewControl;
use dateline_core::recent::{storage_key, RecentViews};
use dateline_core::url_state;
use leptos::prelude::*;
use std::time::Duration;

/// How long a view stays on screen before it counts as opened.
const SETTLED: Duration = Duration::from_millis(1200);

/// The recent views, and what went wrong reading them.
#[derive(Clone, Copy)]
pub struct RecentControl {
    /// The views, newest first.
    pub views: RwSignal<RecentViews>,
    /// What went wrong reading them, worded for the user; `None` when all is well.
    pub problem: RwSignal<Option<String>>,
}

/// Reads the recent views kept in this browser and adds each view the reader settles on. Call
/// once, in the root component; components find them with [`recent`].
pub fn use_recent(view: ViewControl) -> RecentControl {
    let views = RwSignal::new(RecentViews::default());
    let problem = RwSignal::new(None);
    let control = RecentControl { views, problem };
    provide_context(control);
    if cfg!(feature = "ssr") {
        return control;
    }
    let key = storage_key(corpus_name());
    let load = {
        let key = key.clone();
        move || {
            // A browser that keeps nothing: the list lasts as long as the page (the stars say so).
            let Ok(Some(text)) = storage::read(&key) else {
                return;
            };
            match RecentViews::decode(&text) {
                Ok(kept) => views.set(kept),
                Err(unreadable) => {
                    storage::set_aside(&key, &text);
                    problem.set(Some(unreadable.to_string()));
                }
            }
        }
    };
    load();
    storage::on_change_elsewhere(key.clone(), load);
    Effect::new(move |_| {
        let query = view.narrowing.with(url_state::encode);
        // The default view is one click away already (the masthead).
        if query.is_empty() {
            return;
        }
        let key = key.clone();
        set_timeout(
            move || {
                if view.narrowing.with_untracked(url_state::encode) != query {
                    return;
                }
                if views.try_update(|v| v.opened(&query)) == Some(true) {
                    let _ = storage::write(&key, &views.with_untracked(RecentViews::encode));
                }
            },
            SETTLED,
        );
    });
    control
}

/// The recent views of the page (from [`use_recent`]).
pub fn recent() -> RecentControl {
    expect_context::<RecentControl>()
}
