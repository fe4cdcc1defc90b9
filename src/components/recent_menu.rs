//! The toolbar's Recent menu: the last views opened in this browser ([`crate::recent`]).

use super::view_actions::{close, describe};
use crate::corpus::{catalogue, corpus};
use crate::recent::recent;
use crate::url_state::ViewControl;
use dateline_core::url_state;
use leptos::prelude::*;

/// The Recent menu: the last views opened in this browser, newest first, each one click away.
#[component]
pub(super) fn RecentMenu(view: ViewControl) -> impl IntoView {
    let recent = recent();
    let menu = NodeRef::<leptos::html::Details>::new();
    let entries = move || {
        let current = view.narrowing.with(url_state::encode);
        recent.views.with(|views| {
            views
                .queries()
                .iter()
                .map(|query| {
                    let parsed = url_state::parse_for(query, corpus(), catalogue());
                    let parts = describe(&parsed.state);
                    let label = if parts.is_empty() {
                        "All articles".to_owned()
                    } else {
                        parts.join(" · ")
                    };
                    let is_current = *query == current;
                    let query = query.clone();
                    view! {
                        <li>
                            <a
                                href=query.clone()
                                aria-current=is_current.then_some("page")
                                on:click=move |ev| {
                                    if super::is_plain_click(&ev) {
                                        ev.prevent_default();
                                        close(menu);
                                        view.open_query(query.trim_start_matches('?'));
                                    }
                                }
                            >
                                {label}
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="recent-menu" node_ref=menu>
            <summary>"Recent"</summary>
            <div class="recent-menu-body">
                <Show when=move || recent.views.with(|v| v.queries().is_empty())>
                    <p class="recent-empty">"The views you open here are listed, newest first."</p>
                </Show>
                <ol class="recent-list">{entries}</ol>
            </div>
        </details>
    }
}
