//! The timeline: every article in date order, in sections by year.

use super::is_plain_click;
use super::outlet_name;
use crate::corpus::corpus;
use dateline_core::timeline::group_by_year;
use dateline_core::{url_state, Article};
use leptos::prelude::*;

/// The list of articles, grouped by year, each a link that opens it in the reader.
#[component]
pub fn Timeline(
    /// Slug of the article open in the reader, highlighted in the list.
    #[prop(into)]
    open: Signal<Option<&'static str>>,
    /// Called with an article's slug when the user opens it.
    on_open: Callback<String>,
) -> impl IntoView {
    let groups = group_by_year(corpus().articles());
    view! {
        <nav class="timeline" aria-label="Timeline of articles">
            {groups
                .into_iter()
                .map(|group| {
                    let label = group.year.map_or_else(|| "Undated".to_owned(), |y| y.to_string());
                    view! {
                        <section class="year">
                            <h2 class="year-label">{label}</h2>
                            <ol class="entries">
                                {group
                                    .articles
                                    .into_iter()
                                    .map(|article| view! { <Entry article open on_open /> })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// One article in the timeline: date, outlet and headline.
#[component]
fn Entry(
    /// The article shown.
    article: &'static Article,
    /// Slug of the open article.
    open: Signal<Option<&'static str>>,
    /// Called with the slug when the entry is opened.
    on_open: Callback<String>,
) -> impl IntoView {
    let slug = article.slug.as_str();
    let is_open = move || open.get() == Some(slug);
    let href = url_state::encode(&url_state::ViewState {
        article: Some(slug.to_owned()),
    });
    let (datetime, day) = match article.date {
        Some(d) => (d.to_string(), format!("{} {}", d.day, &d.month_name()[..3])),
        None => (String::new(), "—".to_owned()),
    };
    view! {
        <li class="entry" class:open=is_open>
            <a
                href=href
                aria-current=move || is_open().then_some("true")
                on:click=move |ev| {
                    if is_plain_click(&ev) {
                        ev.prevent_default();
                        on_open.run(slug.to_owned());
                    }
                }
            >
                <time class="entry-date" datetime=datetime>{day}</time>
                <span class="entry-outlet">{outlet_name(article)}</span>
                <span class="entry-headline">{article.headline.as_str()}</span>
            </a>
        </li>
    }
}
