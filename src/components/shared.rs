//! The bar above a shared collection (a link made with "Share starred"): what it is, a way to
//! star its articles here (with the notes the link carries), and a way back to every article.

use crate::corpus::corpus;
use crate::stars::stars;
use crate::url_state::ViewControl;
use dateline_core::stars::docs_of_ids;
use dateline_core::url_state::ViewState;
use leptos::prelude::*;

/// Shown while the view is a shared collection; absent otherwise.
#[component]
pub fn SharedBar(
    /// The view, read and changed.
    view: ViewControl,
) -> impl IntoView {
    let stars = stars();
    let shared = move || view.state.with(|s| !s.set.is_empty());
    // What "Star them here" did, said until the view changes.
    let said = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        view.state.with(|s| s.set.len());
        said.set(None);
    });
    let summary = move || {
        view.state.with(|s| {
            let articles = match s.set.len() {
                1 => "1 article".to_owned(),
                n => format!("{n} articles"),
            };
            match s.set_notes.len() {
                0 => format!("A shared collection: {articles}."),
                1 => format!("A shared collection: {articles}, one with a note (in the reader)."),
                n => format!("A shared collection: {articles}, {n} with notes (in the reader)."),
            }
        })
    };
    let star_here = move |_| {
        let state = view.state.get_untracked();
        let articles = corpus().articles();
        let entries: Vec<(&'static str, Option<&str>)> = docs_of_ids(corpus(), &state.set)
            .into_iter()
            .filter_map(|d| articles.get(d as usize))
            .map(|a| (a.slug.as_str(), state.set_note(&a.slug)))
            .collect();
        let merged = stars.merge(entries);
        said.set(Some(format!("Kept in this browser: {merged}")));
    };
    let show_all = move |_| {
        view.navigate(ViewState {
            set: Vec::new(),
            set_notes: Vec::new(),
            ..view.state.get_untracked()
        })
    };
    view! {
        <Show when=shared>
            <div class="shared-bar" role="region" aria-label="Shared collection">
                <p>{summary}</p>
                <button type="button" class="star-shared" on:click=star_here>"Star them here"</button>
                <button type="button" class="show-all" on:click=show_all>"Show every article"</button>
                <p class="shared-status" role="status">{move || said.get()}</p>
            </div>
        </Show>
    }
}
