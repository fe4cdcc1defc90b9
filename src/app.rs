//! The root component: owns the URL-backed view state and lays out the page.

use crate::components::{NoticeBar, Reader, Timeline};
use crate::corpus::corpus;
use crate::url_state::use_view_state;
use dateline_core::url_state::ViewState;
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

    let open_article = Callback::new(move |slug: String| {
        view.navigate(ViewState {
            article: Some(slug),
        })
    });
    let close_reader = Callback::new(move |()| view.navigate(ViewState { article: None }));

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
                        close_reader.run(());
                    }
                }>"Dateline"</a>
                <p class="summary">{summary()}</p>
            </header>
            <NoticeBar notices=view.notices on_dismiss=Callback::new(move |()| view.dismiss_notices()) />
            <main class="layout">
                <Timeline
                    open=Signal::derive(move || open.get().map(|a| a.slug.as_str()))
                    on_open=open_article
                />
                <Reader article=open.into() on_close=close_reader />
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
