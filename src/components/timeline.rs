//! The timeline: the articles that match the search, in date order in sections by year, or best
//! match first; each entry marks what matched and shows the best passage.

use super::{is_plain_click, outlet_name, Marked};
use crate::corpus::corpus;
use dateline_core::search::{Excerpt, Highlighter, Results};
use dateline_core::timeline::group_by_year;
use dateline_core::url_state::{self, Order, ViewState};
use dateline_core::Article;
use leptos::prelude::*;

/// Words shown in an entry's excerpt.
const EXCERPT_WORDS: usize = 28;

/// The list of matching articles, each a link that opens it in the reader.
#[component]
pub fn Timeline(
    /// The current view (for links and the order).
    state: Signal<ViewState>,
    /// The search results.
    results: Memo<Results>,
    /// Slug of the article open in the reader, highlighted in the list.
    #[prop(into)]
    open: Signal<Option<&'static str>>,
    /// Called with an article's slug when the user opens it.
    on_open: Callback<String>,
    /// Called when the user picks another order.
    on_order: Callback<Order>,
) -> impl IntoView {
    let order = Memo::new(move |_| state.with(|s| s.order));
    let ranked = move || results.with(|r| !r.highlighter.is_empty());
    let list = move || {
        let order = order.get();
        let current = state.get_untracked();
        results.with(|r| {
            let articles = corpus().articles();
            let entries = |hits: &mut dyn Iterator<Item = &'static Article>| {
                hits.map(|article| {
                    let (headline_marks, excerpt) = marks_for(article, &r.highlighter);
                    let href = url_state::encode(&ViewState {
                        article: Some(article.slug.clone()),
                        ..current.clone()
                    });
                    view! { <Entry article href headline_marks excerpt open on_open /> }
                })
                .collect_view()
            };
            if order == Order::Relevance && !r.highlighter.is_empty() {
                let mut hits = r.hits.iter().filter_map(|h| articles.get(h.doc as usize));
                view! { <ol class="entries ranked">{entries(&mut hits)}</ol> }.into_any()
            } else {
                // Corpus order is timeline order.
                let mut docs: Vec<u32> = r.hits.iter().map(|h| h.doc).collect();
                docs.sort_unstable();
                group_by_year(docs.iter().filter_map(|&d| articles.get(d as usize)))
                    .into_iter()
                    .map(|group| {
                        let label = group
                            .year
                            .map_or_else(|| "Undated".to_owned(), |y| y.to_string());
                        view! {
                            <section class="year">
                                <h2 class="year-label">{label}</h2>
                                <ol class="entries">{entries(&mut group.articles.into_iter())}</ol>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        })
    };
    view! {
        <nav class="timeline" aria-label="Timeline of articles">
            <div class="results-bar">
                <p class="results-count" role="status" aria-live="polite">{move || count_line(&results.read())}</p>
                <Show when=ranked>
                    <div class="order" role="group" aria-label="Order">
                        <OrderLink state order=Order::Timeline label="Timeline" on_order />
                        <OrderLink state order=Order::Relevance label="Best match" on_order />
                    </div>
                </Show>
            </div>
            <Show when=move || results.with(|r| r.hits.is_empty())>
                <p class="no-results">
                    "No article matches. Try fewer or shorter words, or remove a filter."
                </p>
            </Show>
            {list}
        </nav>
    }
}

/// "3 of 5 articles match", or "5 articles" without a search.
fn count_line(results: &Results) -> String {
    let total = corpus().len();
    let noun = if total == 1 { "article" } else { "articles" };
    if results.is_filtered {
        let verb = if results.hits.len() == 1 {
            "matches"
        } else {
            "match"
        };
        format!("{} of {total} {noun} {verb}", results.hits.len())
    } else {
        format!("{total} {noun}")
    }
}

/// The marks in an article's headline, and its best passage when the search has words.
fn marks_for(
    article: &Article,
    highlighter: &Highlighter,
) -> (Vec<std::ops::Range<usize>>, Option<Excerpt>) {
    if highlighter.is_empty() {
        return (Vec::new(), None);
    }
    let excerpt = highlighter
        .excerpt(article, EXCERPT_WORDS)
        .filter(|e| !e.marks.is_empty());
    (highlighter.marks(&article.headline), excerpt)
}

/// A link that switches the order of results.
#[component]
fn OrderLink(
    state: Signal<ViewState>,
    order: Order,
    label: &'static str,
    on_order: Callback<Order>,
) -> impl IntoView {
    let href = move || {
        url_state::encode(&ViewState {
            order,
            ..state.get()
        })
    };
    let current = move || state.with(|s| s.order == order);
    view! {
        <a
            class="order-link"
            href=href
            aria-current=move || current().then_some("true")
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    on_order.run(order);
                }
            }
        >
            {label}
        </a>
    }
}

/// One article in the timeline: date, outlet, headline and, when searching, the best passage.
#[component]
fn Entry(
    /// The article shown.
    article: &'static Article,
    /// The link to the view with this article open.
    href: String,
    /// Marks in the headline.
    headline_marks: Vec<std::ops::Range<usize>>,
    /// The passage that best matches the search.
    excerpt: Option<Excerpt>,
    /// Slug of the open article.
    open: Signal<Option<&'static str>>,
    /// Called with the slug when the entry is opened.
    on_open: Callback<String>,
) -> impl IntoView {
    let slug = article.slug.as_str();
    let is_open = move || open.get() == Some(slug);
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
                <span class="entry-headline">
                    <Marked text=article.headline.as_str() marks=headline_marks />
                </span>
                {excerpt.map(|e| view! {
                    <span class="entry-excerpt">
                        {e.cut_start.then_some("… ")}
                        <Marked text=e.text marks=e.marks />
                        {e.cut_end.then_some(" …")}
                    </span>
                })}
            </a>
        </li>
    }
}
