//! The root component: owns the URL-backed view state, derives everything shown from it, and
//! lays out the page.
//!
//! Data flows one way: URL → [`ViewState`] → search [`Results`] → [`Listing`] (facet counts,
//! histogram, articles in order) → components. Components change the view only through
//! [`ViewControl`](crate::url_state::ViewControl), which writes the URL; the URL change flows back down.

use crate::components::{
    is_plain_click, Comparison, FacetPanel, Histogram, LeftOutNote, NoticeBar, PrintHeader, Reader,
    SearchBox, SharedBar, Timeline, TimelineRows, ViewActions,
};
use crate::corpus::{catalogue, corpus, searcher};
use crate::keyboard::use_result_keys;
use crate::recent::use_recent;
use crate::stars::use_stars;
use crate::takeover::Built;
use crate::url_state::use_view_state;
use dateline_core::listing::{list, Listing};
use dateline_core::search::Results;
use dateline_core::stars::docs_of_ids;
use dateline_core::url_state::ViewState;
use dateline_core::Article;
use leptos::prelude::*;

/// The whole page: masthead, notices, facets, histogram, the timeline and the reader.
#[component]
pub fn App() -> impl IntoView {
    // Built in parts behind the prerendered first screen, then shown in its place.
    let built = Built::start();
    let view = use_view_state();
    let stars = use_stars();
    use_recent(view);
    let open: Memo<Option<&'static Article>> = Memo::new(move |_| {
        view.state
            .with(|s| s.article.as_deref().and_then(|slug| corpus().find(slug)))
    });

    let query = Memo::new(move |_| view.state.with(|s| s.query.clone()));
    let results: Memo<Results> = Memo::new(move |_| query.with(|q| searcher().search(q)));
    // A shared collection's articles, found once per link rather than per keystroke.
    let set = Memo::new(move |_| view.state.with(|s| s.set.clone()));
    let set_docs = Memo::new(move |_| set.with(|ids| docs_of_ids(corpus(), ids)));
    // Everything but the open article and the comparison narrows the list; opening one or
    // comparing must not recount. Starring an article recounts only when the view shows starred
    // articles alone.
    let listed = Memo::new(move |_| {
        view.narrowing.with(|s| ViewState {
            compare: None,
            ..s.clone()
        })
    });
    let listing: Memo<Listing> = Memo::new(move |_| {
        results.with(|r| {
            listed.with(|s| {
                let list = |kept: Option<&[u32]>| list(corpus(), catalogue(), r, s, kept);
                match (s.starred, !s.set.is_empty()) {
                    (false, false) => list(None),
                    (true, false) => stars.docs.with(|starred| list(Some(starred))),
                    (false, true) => set_docs.with(|shared| list(Some(shared))),
                    (true, true) => {
                        let both: Vec<u32> = stars.docs.with(|starred| {
                            set_docs.with(|shared| {
                                starred
                                    .iter()
                                    .copied()
                                    .filter(|d| shared.binary_search(d).is_ok())
                                    .collect()
                            })
                        });
                        list(Some(&both))
                    }
                }
            })
        })
    });
    let problems = Signal::derive(move || {
        results.with(|r| {
            r.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
    });
    // A memo: the timeline's entries and the reader's headline, captions and body borrow one copy
    // instead of each cloning it.
    let highlighter = Memo::new(move |_| results.with(|r| r.highlighter.clone()));
    let facets_open = RwSignal::new(false);

    let close_reader = Callback::new(move |()| {
        view.navigate(ViewState {
            article: None,
            ..view.state.get_untracked()
        })
    });
    let type_search = Callback::new(move |query: String| {
        view.type_search(ViewState {
            query,
            ..view.state.get_untracked()
        })
    });
    let end_typing = Callback::new(move |()| view.end_typing());

    // Syncs the outside world with the view: the tab title follows the open article.
    Effect::new(move |_| {
        let title = match open.get() {
            Some(article) => format!("{} — Dateline", article.headline),
            None => "Dateline".to_owned(),
        };
        document().set_title(&title);
    });
    let rows = TimelineRows::new(view, results, highlighter, listing);
    use_result_keys(open.into(), close_reader, rows, stars);
    // A link that opens an article deep in a long list shows its entry too, once the page is
    // built and the list laid out: two frames on, when the timeline has learnt its rows' heights
    // from the first screen (placed at the first estimates, the entry would be scrolled past).
    // Later opens come from the list itself, or from the reader's links beside it.
    if let Some(article) = open.get_untracked() {
        Effect::new(move |shown: Option<bool>| {
            if shown == Some(true) || !built.is_done() {
                return shown.unwrap_or(false);
            }
            request_animation_frame(move || {
                request_animation_frame(move || rows.show(&article.slug))
            });
            true
        });
    }

    view! {
        <div class="app" class:reading=move || open.get().is_some() class:building=move || !built.is_done()>
            <a class="skip-link" href="#timeline">"Skip to the timeline"</a>
            <header class="masthead">
                <h1 class="brand-heading">
                    <a class="brand" href="?" on:click=move |ev| {
                        if is_plain_click(&ev) {
                            ev.prevent_default();
                            view.navigate(ViewState::default());
                        }
                    }>"Dateline"</a>
                </h1>
                <div class="summary-line">
                    <p class="summary">{summary()}</p>
                    <LeftOutNote />
                </div>
                <SearchBox query=query.into() problems on_input=type_search on_done=end_typing />
                <ViewActions view listing />
            </header>
            <Show when=move || built.has(4)>
                <PrintHeader view listing />
            </Show>
            <NoticeBar view />
            <SharedBar view />
            <div class="layout">
                <aside class="facets" class:open=move || facets_open.get() aria-label="Filters">
                    <button
                        class="facets-toggle"
                        type="button"
                        aria-expanded=move || if facets_open.get() { "true" } else { "false" }
                        aria-controls="facet-panel"
                        on:click=move |_| facets_open.update(|o| *o = !*o)
                    >
                        {move || filter_toggle_label(&view.state.read())}
                    </button>
                    <Show when=move || built.has(3)>
                        <FacetPanel view listing />
                    </Show>
                </aside>
                <main class="content">
                    <Show when=move || built.has(2)>
                        <Histogram view listing />
                        <Comparison view listing />
                    </Show>
                    <Show when=move || built.has(1)>
                        <Timeline view rows highlighter listing open=Signal::derive(move || open.get().map(|a| a.slug.as_str())) />
                    </Show>
                    <Show when=move || built.has(4)>
                        <Reader view article=open.into() highlighter on_close=close_reader />
                    </Show>
                </main>
            </div>
        </div>
    }
}

/// The narrow-screen button that shows the facet panel: "Filters (2)".
fn filter_toggle_label(state: &ViewState) -> String {
    let active: usize = state.filters.values().map(|ids| ids.len()).sum::<usize>()
        + usize::from(state.from.is_some() || state.to.is_some())
        + usize::from(state.starred);
    if active == 0 {
        "Filters".to_owned()
    } else {
        format!("Filters ({active})")
    }
}

/// "5 articles, 2014–2025": what the corpus spans.
fn summary() -> String {
    let articles = corpus().articles();
    let years: Vec<i16> = articles
        .iter()
        .filter_map(|a| a.date.map(|d| d.year))
        .collect();
    let count = match articles.len() {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    };
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if first != last => format!("{count}, {first}–{last}"),
        (Some(year), _) => format!("{count}, {year}"),
        _ => count,
    }
}
