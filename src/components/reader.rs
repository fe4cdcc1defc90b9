//! The reader: the open article's clean text and its metadata, with where each came from.

use super::{outlet_name, Marked};
use crate::corpus::corpus;
use dateline_core::search::Highlighter;
use dateline_core::{Article, Confidence, EntityKind, Sourced};
use leptos::html;
use leptos::prelude::*;

/// The open article, or a hint to pick one when none is open.
#[component]
pub fn Reader(
    /// The article to show.
    article: Signal<Option<&'static Article>>,
    /// What the search matched, marked in the text.
    highlighter: Memo<Highlighter>,
    /// Called when the user closes the reader.
    on_close: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    // Moves focus to the article when one opens, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        if article.get().is_some() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });

    view! {
        <section class="reader" aria-label="Article">
            {move || match article.get() {
                None => view! {
                    <p class="reader-empty">"Choose an article from the timeline to read it here."</p>
                }
                .into_any(),
                Some(a) => view! {
                    <article>
                        <button class="reader-close" type="button" on:click=move |_| on_close.run(())>
                            <span aria-hidden="true">"←"</span>" Timeline"
                        </button>
                        <p class="reader-meta">
                            <span class="reader-outlet" title=hint("Outlet", &a.outlet_source)>{outlet_name(a)}</span>
                            " · "
                            <DateWithSource article=a />
                            {a.place.as_deref().map(|p| view! { " · "<span class="reader-place">{p}</span> })}
                        </p>
                        <h1 class="reader-headline" tabindex="-1" node_ref=heading>
                            {move || highlighter.with(|h| view! { <Marked text=a.headline.as_str() marks=h.marks(&a.headline) /> })}
                        </h1>
                        {(!a.captions.is_empty()).then(|| view! {
                            <aside class="reader-captions" aria-label="Photo captions">
                                <MarkedParagraphs texts=&a.captions highlighter />
                            </aside>
                        })}
                        <div class="reader-body">
                            <MarkedParagraphs texts=&a.paragraphs highlighter />
                        </div>
                        <Entities article=a />
                        <footer class="reader-source">
                            {a.url.as_deref().map(|url| view! {
                                <a href=url target="_blank" rel="noopener noreferrer">"Read the original"</a>
                                " · "
                            })}
                            <span>"Source file: "<code>{a.source.as_str()}</code></span>
                        </footer>
                    </article>
                }
                .into_any(),
            }}
        </section>
    }
}

/// Paragraphs of text, each with the search's matches marked.
#[component]
fn MarkedParagraphs(
    /// The paragraphs.
    texts: &'static [String],
    /// What the search matched.
    highlighter: Memo<Highlighter>,
) -> impl IntoView {
    move || {
        highlighter.with(|h| {
            texts
                .iter()
                .map(|t| view! { <p><Marked text=t.as_str() marks=h.marks(t) /></p> })
                .collect_view()
        })
    }
}

/// The publication date, with a small mark saying how it was established.
#[component]
fn DateWithSource(
    /// The article whose date is shown.
    article: &'static Article,
) -> impl IntoView {
    let source = &article.date_source;
    // Only a date that is not stated outright carries a mark.
    let mark = match source.confidence {
        Confidence::High => None,
        Confidence::Medium => Some("inferred"),
        Confidence::Low => Some("uncertain"),
    };
    view! {
        <span class="reader-date" title=hint("Date", source)>
            {match article.date {
                Some(d) => view! {
                    <time datetime=d.to_string()>{d.long_form()}</time>
                    {mark.map(|m| view! { " "<span class="provenance-mark">"("{m}")"</span> })}
                }
                .into_any(),
                None => view! { <span>"Date unknown"</span> }.into_any(),
            }}
        </span>
        <details class="provenance">
            <summary>"How we know"</summary>
            <p>{format!("Date {}.", source.describe())}</p>
            <p>{format!("Outlet {}.", article.outlet_source.describe())}</p>
            <p>{format!("Headline {}.", article.headline_source.describe())}</p>
        </details>
    }
}

/// The people, places and organisations the article mentions, as chips by kind.
#[component]
fn Entities(
    /// The article whose entities are shown.
    article: &'static Article,
) -> impl IntoView {
    let groups = [
        (EntityKind::Person, "People"),
        (EntityKind::Place, "Places"),
        (EntityKind::Organisation, "Organisations"),
    ];
    let rows = groups
        .into_iter()
        .filter_map(|(kind, label)| {
            let names: Vec<&'static str> = article
                .entities
                .iter()
                .filter_map(|&i| corpus().entity(i))
                .filter(|e| e.kind == kind)
                .map(|e| e.name.as_str())
                .collect();
            (!names.is_empty()).then(|| {
                view! {
                    <div class="entity-row">
                        <dt>{label}</dt>
                        <dd>
                            <ul class="chips">
                                {names.into_iter().map(|n| view! { <li class="chip">{n}</li> }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                }
            })
        })
        .collect_view();
    view! { <dl class="reader-entities" aria-label="Mentioned">{rows}</dl> }
}

/// A tooltip: "Date: from line 9: “Monday, 25th March 2019” (high confidence)".
fn hint(field: &str, source: &Sourced) -> String {
    let confidence = match source.confidence {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    };
    format!("{field}: {} ({confidence} confidence)", source.describe())
}
