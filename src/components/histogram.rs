//! The histogram of articles per month (SVG) for the current search and facets. Dragging across
//! it (a brush) sets the date range, a click selects one month, and two month fields do the same
//! from the keyboard.

use crate::components::compared_view;
use crate::components::comparison::use_periods;
use crate::url_state::ViewControl;
use dateline_core::listing::{Histogram as Counts, Listing};
use dateline_core::url_state::ViewState;
use dateline_core::Month;
use leptos::prelude::*;

/// SVG units per bar, and the height of the tallest bar's box. Every coordinate is a whole
/// number: formatting floats would add their formatting code (about 11 KB) to the app.
const BAR: u32 = 10;
const HEIGHT: u32 = 100;

/// The per-month chart with its range controls.
#[component]
pub fn Histogram(
    /// The view, read and changed.
    view: ViewControl,
    /// The histogram of the current view.
    listing: Memo<Listing>,
) -> impl IntoView {
    let counts = Memo::new(move |_| listing.with(|l| l.histogram.clone()));
    let svg = NodeRef::<leptos::svg::Svg>::new();
    // The bars under a drag in progress: where it started and where the pointer is.
    let drag = RwSignal::new(None::<(usize, usize)>);
    // Memos: every bar follows the selection, which most view changes (a keystroke) leave alone.
    let range = Memo::new(move |_| view.state.with(|s| (s.from, s.to)));
    // The period a comparison is against, shaded.
    let periods = use_periods(view, listing);
    let other = Memo::new(move |_| periods.get().map(|p| p.other));

    let bar_at = move |client_x: i32| -> Option<usize> {
        let el = svg.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let bars = counts.with_untracked(|c| c.counts.len());
        if bars == 0 || rect.width() <= 0.0 {
            return None;
        }
        let fraction = ((f64::from(client_x) - rect.left()) / rect.width()).clamp(0.0, 0.999_999);
        Some((fraction * bars as f64) as usize)
    };
    let commit = move |(a, b): (usize, usize)| {
        let (from, to) = counts.with_untracked(|c| (c.month_at(a.min(b)), c.month_at(a.max(b))));
        let state = view.state.get_untracked();
        let same = a == b && state.from == from && state.to == to;
        // Clicking the one selected month again clears the range.
        let (from, to) = if same { (None, None) } else { (from, to) };
        view.navigate(ViewState { from, to, ..state });
    };

    let selected = Memo::new(move |_| -> Option<(usize, usize)> {
        if let Some((a, b)) = drag.get() {
            return Some((a.min(b), a.max(b)));
        }
        let (from, to) = range.get();
        if from.is_none() && to.is_none() {
            return None;
        }
        counts.with(|c| {
            let first = from.map_or(0, |m| c.index_of(m));
            let last = to.map_or(c.counts.len().saturating_sub(1), |m| c.index_of(m));
            Some((first, last))
        })
    });

    // The axis is the corpus's, the same in every view: the bars are made once, and a new view
    // changes only the heights and titles that differ.
    let axis = counts.with_untracked(|c| c.counts.len());
    let bars = move || {
        (0..axis)
            .map(|i| {
                let bar = Memo::new(move |_| {
                    counts.with(|c| {
                        let count = c.counts.get(i).copied().unwrap_or(0);
                        let max = c.max().max(1);
                        let h = if count == 0 {
                            0
                        } else {
                            (u64::from(count) * u64::from(HEIGHT - 8) / u64::from(max)).max(6)
                                as u32
                        };
                        (count, h)
                    })
                });
                let month = counts
                    .with_untracked(|c| c.month_at(i))
                    .map(Month::long_form)
                    .unwrap_or_default();
                let inside = move || selected.get().is_none_or(|(a, b)| (a..=b).contains(&i));
                let at = counts.with_untracked(|c| c.month_at(i));
                let compared = move || {
                    other
                        .get()
                        .is_some_and(|p| at.is_some_and(|m| p.contains(m)))
                        && !selected.get().is_some_and(|(a, b)| (a..=b).contains(&i))
                };
                let title = move || {
                    let count = bar.get().0;
                    let noun = if count == 1 { "article" } else { "articles" };
                    format!("{month}: {count} {noun}")
                };
                view! {
                    <rect
                        class="bar"
                        class:outside=move || !inside() && !compared()
                        class:compared=compared
                        x=i as u32 * BAR + 1
                        y=move || HEIGHT - bar.get().1
                        width=BAR - 2
                        height=move || bar.get().1
                    >
                        <title>{title}</title>
                    </rect>
                }
            })
            .collect_view()
    };
    let band = move || {
        selected.get().map(|(a, b)| {
            view! {
                <rect class="brush" x=a as u32 * BAR y="0" width=(b - a + 1) as u32 * BAR height=HEIGHT />
            }
        })
    };
    // The axis (its months, width, label and year ticks) is the corpus's: worked out once.
    let view_box = format!("0 0 {} {HEIGHT}", axis.max(1) as u32 * BAR);
    let label = counts.with_untracked(chart_label);

    view! {
        <section class="histogram" aria-labelledby="histogram-title">
            <div class="histogram-head">
                <h2 id="histogram-title" class="histogram-title">"Articles per month"</h2>
                <RangeFields view counts range comparing=Signal::derive(move || other.with(Option::is_some)) />
            </div>
            <Show when=move || counts.with(|c| !c.counts.is_empty())>
                <svg
                    node_ref=svg
                    class="histogram-chart"
                    class:dragging=move || drag.get().is_some()
                    viewBox=view_box.clone()
                    preserveAspectRatio="none"
                    role="img"
                    aria-label=label.clone()
                    on:pointerdown=move |ev| {
                        if ev.button() != 0 {
                            return;
                        }
                        if let Some(i) = bar_at(ev.client_x()) {
                            if let Some(el) = svg.get_untracked() {
                                let _ = el.set_pointer_capture(ev.pointer_id());
                            }
                            drag.set(Some((i, i)));
                        }
                    }
                    on:pointermove=move |ev| {
                        if drag.with_untracked(Option::is_some) {
                            if let Some(i) = bar_at(ev.client_x()) {
                                drag.update(|d| if let Some((_, end)) = d { *end = i });
                            }
                        }
                    }
                    on:pointerup=move |_| {
                        if let Some(span) = drag.get_untracked() {
                            drag.set(None);
                            commit(span);
                        }
                    }
                    on:pointercancel=move |_| drag.set(None)
                >
                    {band}
                    {bars}
                </svg>
                <YearTicks counts />
            </Show>
        </section>
    }
}

/// "Articles per month from October 2014 to March 2025; drag to choose dates."
fn chart_label(c: &Counts) -> String {
    let first = c.first.map(Month::long_form).unwrap_or_default();
    let last = c.last().map(Month::long_form).unwrap_or_default();
    format!("Articles per month from {first} to {last}. Drag across it to choose a date range, or use the From and To fields.")
}

/// The years under the chart, placed at their January (or the first month shown). The axis is
/// the same in every view: they are placed once. An SVG, so each is placed by an attribute: a
/// strict Content-Security-Policy refuses the inline `style` a prerendered page would need to
/// place HTML labels.
#[component]
fn YearTicks(counts: Memo<Counts>) -> impl IntoView {
    counts.with_untracked(|c| {
        let bars = c.counts.len().max(1);
        let years: Vec<(usize, i16)> = c
            .months()
            .enumerate()
            // The first month gets a tick unless a January follows too closely for two labels.
            .filter(|(i, (m, _))| m.month == 1 || (*i == 0 && m.month <= 7))
            .map(|(i, (m, _))| (i, m.year))
            .collect();
        let every = years.len().div_ceil(12).max(1);
        let ticks = years
            .into_iter()
            .enumerate()
            .filter(|(n, _)| n % every == 0)
            .map(|(_, (i, year))| {
                // Thousandths of a per cent, in whole numbers (see `BAR`).
                let at = i * 100_000 / bars;
                let x = format!("{}.{:03}%", at / 1000, at % 1000);
                // A label near the right edge hangs to the left of its tick, inside the chart.
                let end = at > 94_000;
                view! {
                    <g class="tick" class:end=end>
                        <line x1=x.clone() x2=x.clone() y1="0" y2="100%" />
                        <text x=x dx=if end { "-0.2em" } else { "0.2em" } y="1em" text-anchor=if end { "end" } else { "start" }>
                            {year}
                        </text>
                    </g>
                }
            })
            .collect_view();
        view! { <svg class="histogram-ticks" aria-hidden="true">{ticks}</svg> }
    })
}

/// The keyboard way to set the range: two month fields and "All dates".
#[component]
fn RangeFields(
    view: ViewControl,
    counts: Memo<Counts>,
    /// The view's range (a memo: a keystroke leaves the fields alone).
    range: Memo<(Option<Month>, Option<Month>)>,
    /// Whether the view compares its range with another period.
    comparing: Signal<bool>,
) -> impl IntoView {
    let last_month = counts.with_untracked(Counts::last);
    // The axis's first and last months, the same in every view.
    let (first, last) = counts.with_untracked(|c| {
        let first = c.first.map(|m| m.to_string()).unwrap_or_default();
        let last = c.last().map(|m| m.to_string()).unwrap_or_default();
        (first, last)
    });
    let set = move |is_from: bool, value: String| {
        let month = Month::parse(value.trim());
        let mut state = view.state.get_untracked();
        if is_from {
            state.from = month;
        } else {
            state.to = month;
        }
        // Moving one end past the other leaves the range open at the other end.
        if let (Some(f), Some(t)) = (state.from, state.to) {
            if f > t {
                if is_from {
                    state.to = None;
                } else {
                    state.from = None;
                }
            }
        }
        view.navigate(state);
    };
    let has_range = move || range.with(|(from, to)| from.is_some() || to.is_some());
    let field = move |is_from: bool| {
        let (id, label) = if is_from {
            ("range-from", "From")
        } else {
            ("range-to", "To")
        };
        view! {
            <label class="range-field" for=id>
                <span>{label}</span>
                <input
                    id=id
                    type="month"
                    min=first.clone()
                    max=last.clone()
                    prop:value=move || range.with(|(from, to)| {
                        let m = if is_from { from } else { to };
                        m.map(|m| m.to_string()).unwrap_or_default()
                    })
                    on:change=move |ev| set(is_from, event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <div class="range-fields" role="group" aria-label="Date range">
            {field(true)}
            {field(false)}
            <Show when=has_range>
                <button
                    type="button"
                    class="range-clear"
                    on:click=move |_| view.navigate(ViewState { from: None, to: None, ..view.state.get_untracked() })
                >
                    "All dates"
                </button>
            </Show>
            <button
                type="button"
                class="range-clear compare-toggle"
                aria-pressed=move || if comparing.get() { "true" } else { "false" }
                title="Compare these dates with the period before them: the words, people, places and organisations that rose or fell"
                on:click=move |_| {
                    let state = view.state.get_untracked();
                    view.navigate(if state.compare.is_some() {
                        ViewState { compare: None, ..state }
                    } else {
                        compared_view(&state, last_month)
                    });
                }
            >
                "Compare periods"
            </button>
        </div>
    }
}
