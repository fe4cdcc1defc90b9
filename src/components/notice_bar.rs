//! Notices about a link that asked for something the corpus cannot show.

use dateline_core::url_state::Notice;
use leptos::prelude::*;

/// A dismissible bar listing what the URL asked for that was ignored; absent when all is well.
#[component]
pub fn NoticeBar(
    /// The notices to show.
    notices: Signal<Vec<Notice>>,
    /// Called when the user dismisses the bar.
    on_dismiss: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>
                    {move || notices.get().iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}
                </ul>
                <button type="button" class="notice-dismiss" on:click=move |_| on_dismiss.run(())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
