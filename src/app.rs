//! The root component: owns the URL-backed view state and lays out the page.

use crate::components::{NoticeBar, Reader, SearchBox, Timeline};
use crate::corpus::{corpus, searcher};
use crate::url_state::use_view_state;
use dateline_core::search::Results;
use dateline_core::url_state::{Order, ViewState};
use dateline_core::Article;
use leptos::prelude::*;

/// The whole page: masthead, notices, the timeline and the reader.
#[component]
pub fn App() -> impl IntoView {
    let view = use_view_state();
    let open: Memo<Option<&'static Article>> = Memo::new(move |_| {
        view.state
            .with(|s| s.article.as_deref().and_then(|slug| corpus().find(slug)))
    });

    let query = Memo::new(move |_| view.state.with(|s| s.query.clone()));
    let results: Memo<Results> = Memo::new(move |_| query.with(|q| searcher().search(q)));
    let problems = Signal::derive(move || {
        results.with(|r| {
            r.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
    });
    // A memo: the reader's headline, captions and body borrow one copy instead of each cloning it.
    let highlighter = Memo::new(move |_| results.with(|r| r.highlighter.clone()));

    let open_article = Callback::new(move |slug: String| {
        view.navigate(ViewState {
            article: Some(slug),
            ..view.state.get_untracked()
        })
    });
    let close_reader = Callback::new(move |()| {
        view.navigate(ViewState {
            article: None,
            ..view.state.get_untracked()
        })
    });
    let set_order = Callback::new(move |order: Order| {
        view.navigate(ViewState {
            order,
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

    // Esc closes the reader from anywhere on the page.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked().is_some() {
            close_reader.run(());
        }
    });
    on_cleanup(move || esc.remove());

    view! {
        <div class="app" class:reading=move || open.get().is_some()>
            <header class="masthead">
                <a class="brand" href="?" on:click=move |ev| {
                    if crate::components::is_plain_click(&ev) {
                        ev.prevent_default();
                        view.navigate(ViewState::default());
                    }
                }>"Dateline"</a>
                <p class="summary">{summary()}</p>
                <SearchBox query=query.into() problems on_input=type_search on_done=end_typing />
            </header>
            <NoticeBar notices=view.notices on_dismiss=Callback::new(move |()| view.dismiss_notices()) />
            <main class="layout">
                <Timeline
                    state=view.state
                    results
                    open=Signal::derive(move || open.get().map(|a| a.slug.as_str()))
                    on_open=open_article
                    on_order=set_order
                />
                <Reader article=open.into() highlighter on_close=close_reader />
            </main>
        </div>
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
