//! The histogram of articles over time (SVG) for the current search and facets: months over the
//! corpus's span, years over decades, and a short chosen range on its own in weeks or days
//! ([`Axis::choose`]). Dragging across it (a brush) sets the date range, a click selects one bar,
//! and two date fields (months, or days when the bars are days or weeks) do the same from the
//! keyboard.

use crate::components::compared_view;
use crate::components::comparison::use_periods;
use crate::url_state::ViewControl;
use dateline_core::axis::{Axis, Unit};
use dateline_core::listing::Listing;
use dateline_core::url_state::ViewState;
use dateline_core::{Date, Month};
use leptos::prelude::*;

/// SVG units per bar, and the height of the tallest bar's box. Every coordinate is a whole
/// number: formatting floats would add their formatting code (about 11 KB) to the app.
const BAR: u32 = 10;
const HEIGHT: u32 = 100;

/// At most this many labels under the chart; on a narrow screen half of them (every other one is
/// `minor`, and the stylesheet hides those there), so labels never run into each other.
const TICKS: usize = 12;

/// The chart with its range controls.
#[component]
pub fn Histogram(
    /// The view, read and changed.
    view: ViewControl,
    /// The histogram of the current view.
    listing: Memo<Listing>,
) -> impl IntoView {
    let counts = Memo::new(move |_| listing.with(|l| l.histogram.clone()));
    // The bars, remade only when the axis changes (a short range chosen or given up), not when
    // a view changes their heights.
    let axis = Memo::new(move |_| counts.with(|c| c.axis));
    let span = counts.with_untracked(|c| c.span);
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
        let bars = axis.with_untracked(|a| a.bars);
        if bars == 0 || rect.width() <= 0.0 {
            return None;
        }
        let fraction = ((f64::from(client_x) - rect.left()) / rect.width()).clamp(0.0, 0.999_999);
        Some((fraction * bars as f64) as usize)
    };
    let commit = move |(a, b): (usize, usize)| {
        let axis = axis.get_untracked();
        let (from, to) = (Some(axis.start(a.min(b))), Some(axis.end(a.max(b))));
        let state = view.state.get_untracked();
        let same = a == b && state.from == from && state.to == to;
        // Clicking the one selected bar again clears the range.
        let (from, to) = if same { (None, None) } else { (from, to) };
        view.navigate(ViewState { from, to, ..state });
    };

    let selected = Memo::new(move |_| -> Option<(usize, usize)> {
        if let Some((a, b)) = drag.get() {
            return Some((a.min(b), a.max(b)));
        }
        let (from, to) = range.get();
        let axis = axis.get();
        // A range shown on its own (in weeks or days) is the whole axis: nothing to mark.
        if (from.is_none() && to.is_none()) || matches!(axis.unit, Unit::Day | Unit::Week) {
            return None;
        }
        let first = from.map_or(0, |d| axis.clamped_bar(d));
        let last = to.map_or(axis.bars.saturating_sub(1), |d| axis.clamped_bar(d));
        Some((first, last))
    });

    let bars = move || {
        let axis = axis.get();
        (0..axis.bars)
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
                let label = axis.label(i);
                let month = Month::of(axis.start(i));
                let inside = move || selected.get().is_none_or(|(a, b)| (a..=b).contains(&i));
                let compared = move || {
                    other.get().is_some_and(|p| p.contains(month))
                        && !selected.get().is_some_and(|(a, b)| (a..=b).contains(&i))
                };
                let title = move || {
                    let count = bar.get().0;
                    let noun = if count == 1 { "article" } else { "articles" };
                    format!("{label}: {count} {noun}")
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
    let view_box = move || format!("0 0 {} {HEIGHT}", axis.get().bars.max(1) as u32 * BAR);
    let title = move || format!("Articles per {}", axis.get().unit.name());

    view! {
        <section class="histogram" aria-labelledby="histogram-title">
            <div class="histogram-head">
                <h2 id="histogram-title" class="histogram-title">{title}</h2>
                <RangeFields view axis span range comparing=Signal::derive(move || other.with(Option::is_some)) />
            </div>
            <Show when=move || axis.with(|a| a.bars > 0)>
                <svg
                    node_ref=svg
                    class="histogram-chart"
                    class:dragging=move || drag.get().is_some()
                    viewBox=view_box
                    preserveAspectRatio="none"
                    role="img"
                    aria-label=move || chart_label(&axis.get())
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
                {move || view! { <Ticks axis=axis.get() /> }}
            </Show>
        </section>
    }
}

/// "Articles per month from October 2014 to March 2025. Drag across it …"
fn chart_label(axis: &Axis) -> String {
    let first = axis.label(0);
    let last = axis.label(axis.bars.saturating_sub(1));
    format!(
        "Articles per {} from {first} to {last}. Drag across it to choose a date range, or use the From and To fields.",
        axis.unit.name()
    )
}

/// The labels under the chart: years under months, months under weeks and days, placed at the
/// bar where each begins. An SVG, so each is placed by an attribute: a strict
/// Content-Security-Policy refuses the inline `style` a prerendered page would need to place
/// HTML labels.
#[component]
fn Ticks(axis: Axis) -> impl IntoView {
    let bars = axis.bars.max(1);
    let ticks = axis.ticks(TICKS);
    // Thousandths of a per cent, in whole numbers (see `BAR`).
    let places: Vec<usize> = ticks.iter().map(|(i, _)| i * 100_000 / bars).collect();
    // A label near the right edge hangs to the left of its tick, inside the chart.
    let hangs = |at: usize| at > 94_000;
    let ticks = ticks
        .into_iter()
        .enumerate()
        .map(|(n, (_, label))| {
            let at = places[n];
            let x = format!("{}.{:03}%", at / 1000, at % 1000);
            let end = hangs(at);
            // On a narrow screen, every other label goes, and so does one the last (hanging
            // to the left) would run into.
            let crowded = n + 1 < places.len()
                && places
                    .last()
                    .is_some_and(|&last| hangs(last) && last - at < 20_000);
            let minor = n % 2 == 1 || crowded;
            view! {
                <g class="tick" class:end=end class:minor=minor>
                    <line x1=x.clone() x2=x.clone() y1="0" y2="100%" />
                    <text x=x dx=if end { "-0.2em" } else { "0.2em" } y="1em" text-anchor=if end { "end" } else { "start" }>
                        {label}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! { <svg class="histogram-ticks" aria-hidden="true">{ticks}</svg> }
}

/// The keyboard way to set the range: two date fields (months, or days when the bars are days or
/// weeks), "All dates" and "Compare periods".
#[component]
fn RangeFields(
    view: ViewControl,
    /// The histogram's axis: whether the fields take months or days.
    axis: Memo<Axis>,
    /// The corpus's first and last dates.
    span: Option<(Date, Date)>,
    /// The view's range (a memo: a keystroke leaves the fields alone).
    range: Memo<(Option<Date>, Option<Date>)>,
    /// Whether the view compares its range with another period.
    comparing: Signal<bool>,
) -> impl IntoView {
    let days = Memo::new(move |_| matches!(axis.get().unit, Unit::Day | Unit::Week));
    let set = move |is_from: bool, value: String| {
        let value = value.trim();
        // A month field gives `YYYY-MM`: its first day for From, its last for To.
        let date = Date::parse(value).or_else(|| {
            Month::parse(value).map(|m| if is_from { m.first_day() } else { m.last_day() })
        });
        let mut state = view.state.get_untracked();
        if is_from {
            state.from = date;
        } else {
            state.to = date;
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
        // A field of months or of days, made again when that changes.
        move || {
            let days = days.get();
            let form = move |date: Option<Date>| {
                date.map(|d| {
                    if days {
                        d.to_string()
                    } else {
                        Month::of(d).to_string()
                    }
                })
                .unwrap_or_default()
            };
            let (min, max) = (form(span.map(|s| s.0)), form(span.map(|s| s.1)));
            view! {
                <label class="range-field" for=id>
                    <span>{label}</span>
                    <input
                        id=id
                        type=if days { "date" } else { "month" }
                        min=min
                        max=max
                        prop:value=move || range.with(|(from, to)| form(if is_from { *from } else { *to }))
                        on:change=move |ev| set(is_from, event_target_value(&ev))
                    />
                </label>
            }
        }
    };
    let last = span.map(|s| s.1);
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
                        compared_view(&state, last)
                    });
                }
            >
                "Compare periods"
            </button>
        </div>
    }
}
