//! The timeline: the articles of the view in sections by year and month (oldest or newest first)
//! or best match first; same-event reports from several outlets share one expandable entry; each
//! entry marks what matched and shows the best passage.
//!
//! Only the rows near the viewport are in the page ([`dateline_core::window`]): spacers stand
//! for the others at their estimated heights, which are corrected from what renders. Rows are
//! keyed by their articles, so an entry that stays in view across a keystroke is kept, not
//! rebuilt, and excerpts and marks are worked out for the rendered entries only. Printing renders
//! every row.

use super::{is_plain_click, outlet_name, Marked, StarToggle};
use crate::corpus::{catalogue, clusters, corpus};
use crate::stars::stars;
use crate::url_state::ViewControl;
use dateline_core::listing::Listing;
use dateline_core::search::{Excerpt, Highlighter, Results};
use dateline_core::timeline::{sections, MonthSection, Node, YearSection};
use dateline_core::url_state::{self, bound_label, Order, ViewState};
use dateline_core::window::{cut, Heights, Row, Rows, Window};
use dateline_core::{Article, Month};
use leptos::ev::Custom;
use leptos::prelude::*;

/// Words shown in an entry's excerpt.
const EXCERPT_WORDS: usize = 28;
/// A list of up to this many rows is rendered whole: windowing only pays on long lists.
const WHOLE_UP_TO: usize = 64;
/// Rows are rendered this many viewport heights above and below the viewport.
const OVERSCAN: f64 = 1.0;
/// First estimates of the rows' heights (CSS pixels), before any is measured: an entry without
/// and with an excerpt.
const YEAR_HEIGHT: f32 = 52.0;
const MONTH_HEIGHT: f32 = 34.0;
const ENTRY_HEIGHTS: [f32; 2] = [88.0, 150.0];

/// The timeline grouped for display: best match first, or in year and month sections.
#[derive(Clone, Debug, PartialEq)]
enum Grouped {
    Ranked(Vec<u32>),
    Sections(Vec<YearSection>),
}

/// The timeline's rows and the window of them rendered: made once by the root component, and
/// shared by the [`Timeline`] that renders them and the keys that walk its entries
/// ([`TimelineRows::step`]).
#[derive(Clone, Copy)]
pub struct TimelineRows {
    ranked: Memo<bool>,
    grouped: Memo<Grouped>,
    rows: Memo<Rows>,
    window: Memo<Window>,
    /// Whether the page is being printed (every row, and each entry's note, rendered).
    printing: RwSignal<bool>,
    /// The viewport in pixels from the top of the list.
    viewport: RwSignal<(f32, f32)>,
    list: NodeRef<leptos::html::Div>,
}

impl TimelineRows {
    /// Derives the rows from the listing, follows the viewport while scrolling, renders every
    /// row while printing, and corrects the estimated heights from what renders.
    pub fn new(
        view: ViewControl,
        results: Memo<Results>,
        highlighter: Memo<Highlighter>,
        listing: Memo<Listing>,
    ) -> TimelineRows {
        let order = Memo::new(move |_| view.state.with(|s| s.order));
        let ranked = Memo::new(move |_| results.with(Results::is_ranked));
        let grouped = Memo::new(move |_| {
            listing.with(|l| {
                if order.get() == Order::Relevance && ranked.get() {
                    Grouped::Ranked(l.docs.clone())
                } else {
                    Grouped::Sections(sections(corpus(), clusters(), &l.docs))
                }
            })
        });
        // Entry heights learnt from what rendered, without and with excerpts.
        let learnt = RwSignal::new(ENTRY_HEIGHTS);
        let excerpts = Memo::new(move |_| highlighter.with(|h| !h.is_empty()));
        let rows = Memo::new(move |_| {
            let heights = Heights {
                year: YEAR_HEIGHT,
                month: MONTH_HEIGHT,
                entry: learnt.with(|l| l[usize::from(excerpts.get())]),
            };
            grouped.with(|g| match g {
                Grouped::Ranked(docs) => Rows::ranked(docs.len(), heights),
                Grouped::Sections(s) => Rows::of_sections(s, heights),
            })
        });

        let list = NodeRef::<leptos::html::Div>::new();
        let viewport = RwSignal::new((0.0f32, viewport_height() as f32));
        let follow = move || {
            let Some(el) = list.get_untracked() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            // Hidden (a phone's reader covers the timeline): keep the window for when it returns.
            if rect.height() == 0.0 && rect.top() == 0.0 {
                return;
            }
            let from = -rect.top();
            let next = (from as f32, (from + viewport_height()) as f32);
            if viewport.get_untracked() != next {
                viewport.set(next);
            }
        };
        let scrolling = window_event_listener(leptos::ev::scroll, move |_| follow());
        let resizing = window_event_listener(leptos::ev::resize, move |_| follow());
        let printing = RwSignal::new(false);
        let before_print =
            window_event_listener(Custom::<web_sys::Event>::new("beforeprint"), move |_| {
                printing.set(true)
            });
        let after_print =
            window_event_listener(Custom::<web_sys::Event>::new("afterprint"), move |_| {
                printing.set(false)
            });
        on_cleanup(move || {
            scrolling.remove();
            resizing.remove();
            before_print.remove();
            after_print.remove();
        });

        let window: Memo<Window> = Memo::new(move |_| {
            rows.with(|r| {
                if printing.get() || r.len() <= WHOLE_UP_TO {
                    return r.all();
                }
                let (from, to) = viewport.get();
                let margin = (f64::from(to - from) * OVERSCAN) as f32;
                r.window(from - margin, to + margin)
            })
        });

        // After a render, compares the rendered rows' height with their estimate and corrects the
        // estimate of an entry, so the spacers and the scrollbar come to match the page. Once per
        // list: rows of very different heights would otherwise move the window back and forth.
        let learnt_for_list = StoredValue::new(false);
        Effect::new(move |_| {
            grouped.track();
            learnt_for_list.set_value(false);
        });
        Effect::new(move |_| {
            window.track();
            request_animation_frame(move || {
                let Some(el) = list.get_untracked() else {
                    return;
                };
                let (w, entries, estimate, whole) = rows.with_untracked(|r| {
                    let w = window.get_untracked();
                    let entries = r.rows()[w.range.clone()]
                        .iter()
                        .filter(|row| matches!(row, Row::Entry { .. }))
                        .count();
                    let estimate = r.height() - w.before - w.after;
                    let whole = w.range == (0..r.len());
                    (w, entries, estimate, whole)
                });
                // A list rendered whole has no spacer to size: measuring it would only force a
                // layout of the page before its first frame.
                if whole || entries < 4 || printing.get_untracked() || learnt_for_list.get_value() {
                    return;
                }
                learnt_for_list.set_value(true);
                let measured = el.get_bounding_client_rect().height() as f32 - w.before - w.after;
                let kind = usize::from(excerpts.get_untracked());
                let entry = learnt.with_untracked(|l| l[kind]);
                let corrected = entry + (measured - estimate) / entries as f32;
                if corrected > 8.0 && (corrected - entry).abs() > entry * 0.02 {
                    learnt.update(|l| l[kind] = corrected);
                }
                follow();
            });
        });
        TimelineRows {
            ranked,
            grouped,
            rows,
            window,
            viewport,
            list,
            printing,
        }
    }

    /// Scrolls the entry holding the article `slug` into view when it is not rendered (a link
    /// that opens an article deep in a long list); nothing when the list does not hold it.
    pub fn show(&self, slug: &str) {
        // Hidden (a phone's reader covers the timeline): nothing to scroll to.
        let hidden = self
            .list
            .get_untracked()
            .is_none_or(|el| el.get_bounding_client_rect().height() == 0.0);
        if hidden {
            return;
        }
        if let Some((row, _, true)) = self.locate(Some(slug), 0) {
            self.reveal(row);
        }
    }

    /// The entry `step` entries after (or before) the one holding the article `from` (the first
    /// or the last entry without one), as the slug of its article; made sure to be rendered by
    /// the next frame, so `j` and `k` go through every result, not only those rendered.
    pub fn step(&self, from: Option<&str>, step: isize) -> Option<&'static str> {
        let (row, lead, _) = self.locate(from, step)?;
        self.reveal(row);
        corpus()
            .articles()
            .get(lead as usize)
            .map(|a| a.slug.as_str())
    }

    /// The row and lead article of the entry `step` entries from the one holding the article
    /// `from`, and whether an entry holds `from`.
    fn locate(&self, from: Option<&str>, step: isize) -> Option<(usize, u32, bool)> {
        let articles = corpus().articles();
        let slug = |doc: u32| articles.get(doc as usize).map(|a| a.slug.as_str());
        // The target's row and lead article, found while the entries are borrowed.
        self.grouped.with_untracked(|g| {
            self.rows.with_untracked(|r| {
                // Each entry's row and articles (lead first).
                let entries: Vec<(usize, &[u32])> = r
                    .rows()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, row)| match (*row, g) {
                        (Row::Entry { node, .. }, Grouped::Ranked(docs)) => {
                            docs.get(node).map(std::slice::from_ref).map(|d| (i, d))
                        }
                        (Row::Entry { year, month, node }, Grouped::Sections(s)) => {
                            Some((i, s[year].months[month].nodes[node].docs.as_slice()))
                        }
                        _ => None,
                    })
                    .collect();
                let last = entries.len().checked_sub(1)?;
                let at = from.and_then(|from| {
                    entries
                        .iter()
                        .position(|(_, docs)| docs.iter().any(|&d| slug(d) == Some(from)))
                });
                let next = match at {
                    Some(i) => i.saturating_add_signed(step).min(last),
                    None if step > 0 => 0,
                    None => last,
                };
                let (row, docs) = entries[next];
                Some((row, *docs.first()?, at.is_some()))
            })
        })
    }

    /// Scrolls, at once, so that row `row` is rendered a third of the way down the viewport,
    /// unless it is rendered already.
    fn reveal(&self, row: usize) {
        if self.window.with_untracked(|w| w.range.contains(&row)) {
            return;
        }
        let Some(el) = self.list.get_untracked() else {
            return;
        };
        let height = viewport_height();
        let from = f64::from(self.rows.with_untracked(|r| r.top(row))) - height / 3.0;
        let list_top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        let options = web_sys::ScrollToOptions::new();
        options.set_top(list_top + from);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        window().scroll_to_with_scroll_to_options(&options);
        self.viewport.set((from as f32, (from + height) as f32));
    }
}

/// The list of the view's articles, each a link that opens it in the reader.
#[component]
pub fn Timeline(
    /// The view, read and changed.
    view: ViewControl,
    /// The rows of the list and the window of them to render.
    rows: TimelineRows,
    /// What the search matched, marked in headlines and excerpts.
    highlighter: Memo<Highlighter>,
    /// The articles to list.
    listing: Memo<Listing>,
    /// Slug of the article open in the reader, highlighted in the list.
    #[prop(into)]
    open: Signal<Option<&'static str>>,
) -> impl IntoView {
    let TimelineRows {
        ranked,
        grouped,
        rows,
        window,
        list: list_ref,
        printing,
        ..
    } = rows;
    let context = EntryContext {
        view,
        highlighter,
        open,
        with_year: false,
        printing,
    };
    // Best-match order mixes the years, and no year heading says which an entry is from.
    let ranked_context = EntryContext {
        with_year: true,
        ..context
    };
    let range = Memo::new(move |_| window.with(|w| w.range.clone()));
    let ranked_nodes = Memo::new(move |_| {
        grouped.with(|g| match g {
            Grouped::Ranked(docs) => range.with(|r| {
                docs[r.start.min(docs.len())..r.end.min(docs.len())]
                    .iter()
                    .map(|&d| Node { docs: vec![d] })
                    .collect()
            }),
            Grouped::Sections(_) => Vec::new(),
        })
    });
    let visible = Memo::new(move |_| {
        grouped.with(|g| match g {
            Grouped::Sections(s) => rows.with(|r| range.with(|w| cut(s, r, w.clone()))),
            Grouped::Ranked(_) => Vec::new(),
        })
    });
    let is_ranked = Memo::new(move |_| grouped.with(|g| matches!(g, Grouped::Ranked(_))));
    let list = move || {
        if is_ranked.get() {
            view! {
                <ol class="entries ranked">
                    <For each=move || ranked_nodes.get() key=|n| n.docs.clone() children=move |node| view! { <NodeEntry node context=ranked_context /> } />
                </ol>
            }
            .into_any()
        } else {
            view! {
                <For
                    each=move || visible.with(|v| v.iter().map(|y| y.year).collect::<Vec<_>>())
                    key=|year| *year
                    children=move |year| view! { <YearPart year visible context /> }
                />
            }
            .into_any()
        }
    };

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
            <div class="timeline-rows" node_ref=list_ref>
                <div class="rows-spacer" aria-hidden="true" style:height=move || px(window.with(|w| w.before))></div>
                {list}
                <div class="rows-spacer" aria-hidden="true" style:height=move || px(window.with(|w| w.after))></div>
            </div>
        </section>
    }
}

/// A whole number of CSS pixels (whole numbers: formatting floats would add their code to the app).
fn px(height: f32) -> String {
    format!("{}px", height.max(0.0).round() as u32)
}

/// The window's inner height, in CSS pixels (a tall laptop's, when prerendering).
fn viewport_height() -> f64 {
    if cfg!(feature = "ssr") {
        return 900.0;
    }
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}

/// The rendered part of one year section.
#[component]
fn YearPart(
    year: Option<i16>,
    visible: Memo<Vec<YearSection>>,
    context: EntryContext,
) -> impl IntoView {
    let months = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .find(|s| s.year == year)
                .map(|s| s.months.clone())
                .unwrap_or_default()
        })
    });
    let label = year.map_or_else(|| "Undated".to_owned(), |y| y.to_string());
    view! {
        <section class="year">
            <h2 class="year-label">{label}</h2>
            <For
                each=move || months.with(|ms| ms.iter().map(|m| m.month).collect::<Vec<_>>())
                key=|month| *month
                children=move |month| view! { <MonthPart month months context /> }
            />
        </section>
    }
}

/// The rendered entries of one month.
#[component]
fn MonthPart(
    month: Option<Month>,
    months: Memo<Vec<MonthSection>>,
    context: EntryContext,
) -> impl IntoView {
    let nodes = Memo::new(move |_| {
        months.with(|ms| {
            ms.iter()
                .find(|m| m.month == month)
                .map(|m| m.nodes.clone())
                .unwrap_or_default()
        })
    });
    let heading = month.map(|m| view! { <h3 class="month-label">{m.name()}</h3> });
    view! {
        <section class="month">
            {heading}
            <ol class="entries">
                <For each=move || nodes.get() key=|n| n.docs.clone() children=move |node| view! { <NodeEntry node context /> } />
            </ol>
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
        if state.starred {
            out.push((
                "starred only".to_owned(),
                ViewState {
                    starred: false,
                    ..state.clone()
                },
            ));
        }
        if state.from.is_some() || state.to.is_some() {
            let from = state
                .from
                .map_or_else(|| "…".to_owned(), |d| bound_label(d, true));
            let to = state
                .to
                .map_or_else(|| "…".to_owned(), |d| bound_label(d, false));
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
    let stars = stars();
    let message = move || {
        if view.state.with(|s| s.starred) && stars.count() == 0 {
            "No article is starred in this browser yet: star one with ☆ beside it, or press s on it. Or remove a filter:"
        } else {
            "No article matches all of this. Try fewer or shorter words, or remove a filter:"
        }
    };
    view! {
        <div class="no-results">
            <p>{message}</p>
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
    /// Whether dates show their year (no year heading above them).
    with_year: bool,
    /// Whether the page is being printed: a printed entry shows the note on its article.
    printing: RwSignal<bool>,
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
        return view! { <li class="entry"><EntryLink article=lead context /><StarToggle article=lead /></li> }.into_any();
    }
    let expanded = RwSignal::new(false);
    // A cluster is a handful of articles: a linear check beats sorting them.
    let mut outlets: Vec<&str> = Vec::new();
    for outlet in std::iter::once(lead)
        .chain(others.iter().copied())
        .map(outlet_name)
    {
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    let summary = format!("{} outlets", outlets.len());
    let list_id = format!("cluster-{}", lead.slug);
    view! {
        <li class="entry cluster">
            <EntryLink article=lead context />
            <StarToggle article=lead />
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
                {others.into_iter().map(|a| view! { <li class="entry"><EntryLink article=a context /><StarToggle article=a /></li> }).collect_view()}
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
        with_year,
        printing,
    } = context;
    let slug = article.slug.as_str();
    let is_open = move || open.get() == Some(slug);
    let href = move || view.article_href(slug);
    let (datetime, day) = match article.date {
        Some(d) => (d.to_string(), format!("{} {}", d.day, &d.month_name()[..3])),
        None => (String::new(), "—".to_owned()),
    };
    // Under the day, on a line of its own: the date column is narrow.
    let year = article
        .date
        .filter(|_| with_year)
        .map(|d| view! { " "<span class="entry-year">{d.year}</span> });
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
            <time class="entry-date" datetime=datetime>{day}{year}</time>
            <span class="entry-outlet">{outlet_name(article)}</span>
            {marked}
            {move || printing.get().then(|| stars().note_of(article, &view.state.get_untracked())).flatten().map(|note| view! {
                <span class="entry-note">{note}</span>
            })}
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
