//! The reader: the open article's clean text and its metadata, with where each came from.

use super::{is_plain_click, outlet_name, Marked, NoteField, StarToggle};
use crate::corpus::{corpus, index};
use crate::url_state::ViewControl;
use dateline_core::export::is_web_url;
use dateline_core::facets::Facet;
use dateline_core::model::Text;
use dateline_core::related::related;
use dateline_core::search::Highlighter;
use dateline_core::{Article, Confidence, EntityKind, Sourced};
use leptos::html;
use leptos::prelude::*;

/// How many related articles the reader lists.
const RELATED: usize = 5;

/// The open article, or a hint to pick one when none is open.
#[component]
pub fn Reader(
    /// The view, read and changed.
    view: ViewControl,
    /// The article to show.
    article: Signal<Option<&'static Article>>,
    /// What the search matched, marked in the text.
    highlighter: Memo<Highlighter>,
    /// Called when the user closes the reader.
    on_close: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    // Moves focus to the article when one opens, so keyboard and screen-reader users land on it,
    // then brings the first match into view. Both wait for the frame: by then every change the
    // opening made is in the page, so they lay it out once with the frame, not once more before.
    Effect::new(move |_| {
        if article.get().is_some() {
            highlighter.track();
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
                scroll_to_first_match();
            });
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
                        <h2 class="reader-headline" tabindex="-1" node_ref=heading>
                            {move || highlighter.with(|h| view! { <Marked text=a.headline.as_str() marks=h.marks(&a.headline) /> })}
                        </h2>
                        <div class="reader-star">
                            <StarToggle article=a labelled=true />
                            <NoteField slug=a.slug.as_str() />
                            {move || view.state.with(|s| s.set_note(&a.slug).map(str::to_owned)).map(|note| view! {
                                <p class="shared-note"><span class="shared-note-label">"Note in the shared link: "</span>{note}</p>
                            })}
                        </div>
                        {(!a.captions.is_empty()).then(|| view! {
                            <aside class="reader-captions" aria-label="Photo captions">
                                <MarkedParagraphs texts=&a.captions highlighter />
                            </aside>
                        })}
                        <div class="reader-body">
                            {if a.paragraphs.is_empty() {
                                // A row of an export with a title and no text (a story list).
                                view! {
                                    <p class="reader-headline-only">
                                        "Only the headline is in this collection: its source holds no text for it."
                                        {a.url.as_deref().filter(|u| is_web_url(u)).map(|_| " The text is at the original, linked below.")}
                                    </p>
                                }
                                .into_any()
                            } else {
                                view! { <MarkedParagraphs texts=&a.paragraphs highlighter /> }.into_any()
                            }}
                        </div>
                        <Entities view article=a />
                        <footer class="reader-source">
                            {a.url.as_deref().filter(|u| is_web_url(u)).map(|url| view! {
                                <a href=url target="_blank" rel="noopener noreferrer">"Read the original"</a>
                                " · "
                            })}
                            <span>"Source: "<code>{a.source.as_str()}</code></span>
                        </footer>
                        <Related view article=a />
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
    texts: &'static [Text],
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
    /// The view, changed when a chip adds a filter.
    view: ViewControl,
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
            let facet = Facet::of_entity(kind);
            let names: Vec<(&'static str, &'static str)> = article
                .entities
                .iter()
                .filter_map(|&i| corpus().entity(i))
                .filter(|e| e.kind == kind)
                .map(|e| (e.id.as_str(), e.name.as_str()))
                .collect();
            (!names.is_empty()).then(|| {
                view! {
                    <div class="entity-row">
                        <dt>{label}</dt>
                        <dd>
                            <ul class="chips">
                                {names.into_iter().map(|(id, name)| view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="chip"
                                            aria-pressed=move || if view.state.with(|s| s.is_selected(facet, id)) { "true" } else { "false" }
                                            title=format!("Show only articles that mention {name} (or remove that filter)")
                                            on:click=move |_| view.navigate(view.state.with_untracked(|s| s.toggled(facet, id)))
                                        >
                                            {name}
                                        </button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                }
            })
        })
        .collect_view();
    view! { <dl class="reader-entities" aria-label="Mentioned">{rows}</dl> }
}

/// Articles that share the most telling entities and words with this one.
#[component]
fn Related(
    /// The view, for the links.
    view: ViewControl,
    /// The open article.
    article: &'static Article,
) -> impl IntoView {
    let articles = corpus().articles();
    let Some(doc) = articles.iter().position(|a| std::ptr::eq(a, article)) else {
        return ().into_any();
    };
    // Related articles stand below the text: they are ranked once the article is on screen, in
    // a task after its first frame (at 10,000 articles that is a few milliseconds of posting
    // lists the click need not wait for).
    let found = RwSignal::new(Vec::new());
    request_animation_frame(move || {
        set_timeout(
            move || {
                // Gone already when the reader closed or moved on within the frame.
                let _ = found.try_set(related(corpus(), index(), doc as u32, RELATED));
            },
            std::time::Duration::ZERO,
        );
    });
    (move || found.with(|found| related_list(view, found))).into_any()
}

/// The list of related articles, or nothing when there are none (yet).
fn related_list(view: ViewControl, found: &[dateline_core::related::Related]) -> AnyView {
    let articles = corpus().articles();
    if found.is_empty() {
        return ().into_any();
    }
    let items = found
        .iter()
        .filter_map(|r| {
            let other = articles.get(r.doc as usize)?;
            let slug = other.slug.as_str();
            let shared: Vec<&str> = r
                .shared
                .iter()
                .take(3)
                .filter_map(|&e| corpus().entity(e))
                .map(|e| e.name.as_str())
                .collect();
            let href = move || view.article_href(slug);
            let when = other
                .date
                .map(|d| d.long_form())
                .unwrap_or_else(|| "Undated".to_owned());
            Some(view! {
                <li>
                    <a
                        href=href
                        on:click=move |ev| {
                            if is_plain_click(&ev) {
                                ev.prevent_default();
                                view.open_article(slug);
                            }
                        }
                    >
                        {other.headline.as_str()}
                    </a>
                    <span class="related-meta">
                        {format!("{when} · {}", outlet_name(other))}
                        {(!shared.is_empty()).then(|| format!(" · shares {}", shared.join(", ")))}
                    </span>
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="related" aria-labelledby="related-title">
            <h2 id="related-title">"Related articles"</h2>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

/// Brings the reader's first marked match into view, scrolling the reader pane itself where it
/// scrolls (wide screens) so the page around it stays put, and the page on a phone.
fn scroll_to_first_match() {
    let find = |selector: &str| document().query_selector(selector).ok().flatten();
    let Some(mark) = find(".reader-body mark, .reader-captions mark") else {
        return;
    };
    let pane = find(".reader > article").filter(|a| a.scroll_height() > a.client_height());
    let Some(pane) = pane else {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
        return;
    };
    let viewport = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let (area, at) = (
        pane.get_bounding_client_rect(),
        mark.get_bounding_client_rect(),
    );
    let (top, bottom) = (area.top().max(0.0), area.bottom().min(viewport));
    if at.top() >= top && at.bottom() <= bottom {
        return;
    }
    // The match goes a third of the way down the visible part of the pane.
    let target = top + (bottom - top) / 3.0;
    pane.set_scroll_top(pane.scroll_top() + (at.top() - target) as i32);
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
