//! The timeline: the articles of the view in sections by year and month (oldest or newest first)
//! or best match first; same-event reports from several outlets share one expandable entry; each
//! entry marks what matched and shows the best passage.

use super::{is_plain_click, outlet_name, Marked};
use crate::corpus::{catalogue, clusters, corpus};
use crate::url_state::ViewControl;
use dateline_core::listing::Listing;
use dateline_core::search::{Excerpt, Highlighter, Results};
use dateline_core::timeline::{sections, Node};
use dateline_core::url_state::{self, Order, ViewState};
use dateline_core::Article;
use leptos::prelude::*;

/// Words shown in an entry's excerpt.
const EXCERPT_WORDS: usize = 28;
/// Articles rendered at first, and added by each "Show more".
const PAGE: usize = 200;

/// The list of the view's articles, each a link that opens it in the reader.
#[component]
pub fn Timeline(
    /// The view, read and changed.
    view: ViewControl,
    /// The search results (whether they are ranked).
    results: Memo<Results>,
    /// What the search matched, marked in headlines and excerpts.
    highlighter: Memo<Highlighter>,
    /// The articles to list.
    listing: Memo<Listing>,
    /// Slug of the article open in the reader, highlighted in the list.
    #[prop(into)]
    open: Signal<Option<&'static str>>,
) -> impl IntoView {
    let order = Memo::new(move |_| view.state.with(|s| s.order));
    let ranked = Memo::new(move |_| results.with(Results::is_ranked));
    let shown = RwSignal::new(PAGE);
    // A new list starts at its first page.
    Effect::new(move |_| {
        listing.track();
        shown.set(PAGE);
    });
    let context = EntryContext {
        view,
        highlighter,
        open,
    };

    let list = move || {
        let limit = shown.get();
        listing.with(|l| {
            let docs = &l.docs[..l.docs.len().min(limit)];
            if order.get() == Order::Relevance && ranked.get() {
                let entries = docs
                    .iter()
                    .map(|&d| view! { <NodeEntry node=Node { docs: vec![d] } context /> })
                    .collect_view();
                return view! { <ol class="entries ranked">{entries}</ol> }.into_any();
            }
            sections(corpus(), clusters(), docs)
                .into_iter()
                .map(|year| {
                    let label = year
                        .year
                        .map_or_else(|| "Undated".to_owned(), |y| y.to_string());
                    let months = year
                        .months
                        .into_iter()
                        .map(|month| {
                            let nodes = month
                                .nodes
                                .into_iter()
                                .map(|node| view! { <NodeEntry node context /> })
                                .collect_view();
                            let heading = month
                                .month
                                .map(|m| view! { <h3 class="month-label">{m.name()}</h3> });
                            view! {
                                <section class="month">
                                    {heading}
                                    <ol class="entries">{nodes}</ol>
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="year">
                            <h2 class="year-label">{label}</h2>
                            {months}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let more = move || listing.with(|l| l.docs.len().saturating_sub(shown.get()));

    view! {
        <section id="timeline" class="timeline" aria-label="Timeline of articles" tabindex="-1">
            <div class="results-bar">
                <p class="results-count" role="status" aria-live="polite">
                    {move || listing.with(|l| count_line(l.docs.len(), view.state.with(ViewState::is_narrowed)))}
                </p>
                <div class="order" role="group" aria-label="Order">
                    {Order::ALL
                        .into_iter()
                        .map(|o| view! {
                            <Show when=move || o != Order::Relevance || ranked.get()>
                                <OrderLink view order=o />
                            </Show>
                        })
                        .collect_view()}
                </div>
            </div>
            <Show when=move || listing.with(|l| l.docs.is_empty())>
                <EmptyState view />
            </Show>
            {list}
            <Show when=move || { more() > 0 }>
                <button type="button" class="show-more" on:click=move |_| shown.update(|s| *s += PAGE)>
                    {move || format!("Show {} more of {}", more().min(PAGE), more())}
                </button>
            </Show>
        </section>
    }
}

/// "3 of 5 articles", or "5 articles" when nothing narrows the view.
fn count_line(shown: usize, narrowed: bool) -> String {
    let total = corpus().len();
    let noun = if total == 1 { "article" } else { "articles" };
    if narrowed {
        let verb = if shown == 1 { "matches" } else { "match" };
        format!("{shown} of {total} {noun} {verb}")
    } else {
        format!("{total} {noun}")
    }
}

/// No article in the view: says so and offers to remove each thing that narrows it.
#[component]
fn EmptyState(view: ViewControl) -> impl IntoView {
    let removals = move || {
        let state = view.state.get();
        let mut out: Vec<(String, ViewState)> = Vec::new();
        if !state.query.trim().is_empty() {
            out.push((
                format!("search “{}”", state.query.trim()),
                ViewState {
                    query: String::new(),
                    ..state.clone()
                },
            ));
        }
        for (&facet, ids) in &state.filters {
            for id in ids {
                let label = catalogue().label(facet, id);
                out.push((
                    format!("{}: {label}", facet.key()),
                    state.toggled(facet, id),
                ));
            }
        }
        if state.from.is_some() || state.to.is_some() {
            let from = state.from.map_or_else(|| "…".to_owned(), |m| m.long_form());
            let to = state.to.map_or_else(|| "…".to_owned(), |m| m.long_form());
            out.push((
                format!("dates {from} – {to}"),
                ViewState {
                    from: None,
                    to: None,
                    ..state.clone()
                },
            ));
        }
        out.into_iter()
            .map(|(label, next)| {
                view! {
                    <li>
                        <button type="button" class="remove-filter" on:click=move |_| view.navigate(next.clone())>
                            {format!("Remove {label}")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="no-results">
            <p>"No article matches all of this. Try fewer or shorter words, or remove a filter:"</p>
            <ul class="removals">{removals}</ul>
        </div>
    }
}

/// A link that switches the order of results.
#[component]
fn OrderLink(view: ViewControl, order: Order) -> impl IntoView {
    let href = move || {
        url_state::encode(&ViewState {
            order,
            ..view.state.get()
        })
    };
    let current = move || view.state.with(|s| s.order == order);
    view! {
        <a
            class="order-link"
            href=href
            aria-current=move || current().then_some("true")
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    view.navigate(ViewState { order, ..view.state.get_untracked() });
                }
            }
        >
            {order.label()}
        </a>
    }
}

/// What every entry needs from the page.
#[derive(Clone, Copy)]
struct EntryContext {
    view: ViewControl,
    highlighter: Memo<Highlighter>,
    open: Signal<Option<&'static str>>,
}

/// One entry: an article, or one event's reports from several outlets, the others folded away.
#[component]
fn NodeEntry(node: Node, context: EntryContext) -> impl IntoView {
    let articles = corpus().articles();
    let mut docs = node
        .docs
        .into_iter()
        .filter_map(|d| articles.get(d as usize));
    let Some(lead) = docs.next() else {
        return ().into_any();
    };
    let others: Vec<&'static Article> = docs.collect();
    if others.is_empty() {
        return view! { <li class="entry"><EntryLink article=lead context /></li> }.into_any();
    }
    let expanded = RwSignal::new(false);
    let mut outlets: Vec<&str> = std::iter::once(lead)
        .chain(others.iter().copied())
        .map(outlet_name)
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let summary = format!("{} outlets", outlets.len());
    let list_id = format!("cluster-{}", lead.slug);
    view! {
        <li class="entry cluster">
            <EntryLink article=lead context />
            <button
                type="button"
                class="cluster-toggle"
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                aria-controls=list_id.clone()
                title=outlets.join(", ")
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {summary}
            </button>
            <ol id=list_id class="entries cluster-members" hidden=move || !expanded.get()>
                {others.into_iter().map(|a| view! { <li class="entry"><EntryLink article=a context /></li> }).collect_view()}
            </ol>
        </li>
    }
    .into_any()
}

/// The link of one article: date, outlet, marked headline and, when searching, the best passage.
#[component]
fn EntryLink(article: &'static Article, context: EntryContext) -> impl IntoView {
    let EntryContext {
        view,
        highlighter,
        open,
    } = context;
    let slug = article.slug.as_str();
    let is_open = move || open.get() == Some(slug);
    let href = move || view.article_href(slug);
    let (datetime, day) = match article.date {
        Some(d) => (d.to_string(), format!("{} {}", d.day, &d.month_name()[..3])),
        None => (String::new(), "—".to_owned()),
    };
    let marked = move || {
        highlighter.with(|h| {
            let (headline_marks, excerpt) = marks_for(article, h);
            view! {
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
            }
        })
    };
    view! {
        <a
            class="entry-link"
            class:open=is_open
            data-slug=slug
            href=href
            aria-current=move || is_open().then_some("true")
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    view.open_article(slug);
                }
            }
        >
            <time class="entry-date" datetime=datetime>{day}</time>
            <span class="entry-outlet">{outlet_name(article)}</span>
            {marked}
        </a>
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
