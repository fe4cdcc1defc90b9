//! The comparison of two periods (`vs=` in the address): the view's date range against the
//! period before it or another, and the words, people, places and organisations that rose or
//! fell most between them, each a link that narrows the timeline to it. Worked out by
//! [`dateline_core::compare`] from the listing's split of the view's articles by period.

use crate::components::is_plain_click;
use crate::corpus::{catalogue, corpus, index};
use crate::url_state::ViewControl;
use dateline_core::compare::{
    compare, sides, Against, Change, Changes, Comparison as Compared, Period, Periods, Subject,
    SIGNIFICANT,
};
use dateline_core::listing::Listing;
use dateline_core::url_state::{encode, ViewState};
use dateline_core::{Date, Month};
use leptos::prelude::*;

/// Shown while the view compares two periods; absent otherwise.
#[component]
pub fn Comparison(
    /// The view, read and changed.
    view: ViewControl,
    /// The listing, which splits the view's articles by period.
    listing: Memo<Listing>,
) -> impl IntoView {
    let periods = use_periods(view, listing);
    let compared: Memo<Option<Compared>> = Memo::new(move |_| {
        let periods = periods.get()?;
        let sides = listing.with(|l| sides(corpus(), &l.unranged, &periods));
        Some(compare(corpus(), index(), catalogue(), &sides))
    });
    let close = move |_| {
        view.navigate(ViewState {
            compare: None,
            ..view.state.get_untracked()
        })
    };
    view! {
        <Show when=move || periods.with(Option::is_some)>
            <section class="comparison" aria-labelledby="comparison-title">
                <div class="comparison-head">
                    <h2 id="comparison-title" class="comparison-title">
                        {move || periods.get().map(|p| format!("{} against {}", p.this.label(), p.other.label()))}
                    </h2>
                    <button type="button" class="comparison-close" on:click=close>"Close the comparison"</button>
                </div>
                <AgainstFields view periods />
                {move || compared.with(|c| c.as_ref().map(|c| summary(c, periods.get())))}
                <div class="comparison-groups">
                    {move || compared.with(|c| c.as_ref().and_then(|c| periods.get().map(|p| groups(view, c, p))))}
                </div>
            </section>
        </Show>
    }
}

/// The periods the view compares, if it compares any: its date range (an open end is the
/// corpus's first or last month) and the period it is against.
pub fn use_periods(view: ViewControl, listing: Memo<Listing>) -> Memo<Option<Periods>> {
    let span = listing.with_untracked(|l| l.histogram.span);
    Memo::new(move |_| {
        view.state
            .with(|s| Periods::resolve(s.compare?, s.from, s.to, span))
    })
}

/// "412 articles in 2024 against 230 in 2023 …": what was compared, and how to read it.
fn summary(compared: &Compared, periods: Option<Periods>) -> impl IntoView {
    let periods = periods?;
    let [here, there] = compared.articles;
    let noun = |n: u32| if n == 1 { "article" } else { "articles" };
    let overlap = periods
        .this
        .overlaps(&periods.other)
        .then_some(" The periods overlap: an article in both counts in each.");
    let text = if here == 0 || there == 0 {
        let empty = if here == 0 {
            periods.this
        } else {
            periods.other
        };
        format!(
            "No article of this view is from {}: choose another period to compare.",
            empty.label()
        )
    } else if compared.words.is_empty() && compared.values.iter().all(Changes::is_empty) {
        format!(
            "{here} {} in {} against {there} in {}: nothing rose or fell more than chance would have it.",
            noun(here),
            periods.this.label(),
            periods.other.label()
        )
    } else {
        format!(
            "{here} {} in {} against {there} in {}. Each count is of articles; the score is the log-likelihood of the change (above {} it is unlikely to be chance).",
            noun(here),
            periods.this.label(),
            periods.other.label(),
            tenths(SIGNIFICANT)
        )
    };
    Some(view! { <p class="comparison-summary">{text}{overlap}</p> })
}

/// The words and each compared facet: what rose beside what fell.
fn groups(view: ViewControl, compared: &Compared, periods: Periods) -> impl IntoView {
    let titles = [
        ("Words", "Word"),
        ("People", "Person"),
        ("Places", "Place"),
        ("Organisations", "Organisation"),
    ];
    std::iter::once(&compared.words)
        .chain(&compared.values)
        .zip(titles)
        .filter(|(changes, _)| !changes.is_empty())
        .map(|(changes, (title, noun))| {
            view! {
                <section class="comparison-group">
                    <h3>{title}</h3>
                    <div class="changes">
                        {table(view, &changes.rose, "Rose", noun, periods)}
                        {table(view, &changes.fell, "Fell", noun, periods)}
                    </div>
                </section>
            }
        })
        .collect_view()
}

/// One table of changes, strongest first; nothing when there are none.
fn table(
    view: ViewControl,
    changes: &[Change],
    caption: &'static str,
    noun: &'static str,
    periods: Periods,
) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        let rows = changes
            .iter()
            .map(|change| {
                let label = name(&change.subject);
                // The link follows the view (its order, say, which leaves the comparison as it is).
                let subject = change.subject.clone();
                let href = move || match encode(&target(&view.state.get(), &subject)) {
                    query if query.is_empty() => "?".to_owned(),
                    query => query,
                };
                let subject = change.subject.clone();
                let sign = if change.score > 0.0 { "+" } else { "−" };
                view! {
                    <tr>
                        <th scope="row">
                            <a href=href on:click=move |ev| {
                                if is_plain_click(&ev) {
                                    ev.prevent_default();
                                    view.navigate(target(&view.state.get_untracked(), &subject));
                                }
                            }>{label}</a>
                        </th>
                        <td>{change.counts[0]}</td>
                        <td>{change.counts[1]}</td>
                        <td>{format!("{sign}{}", tenths(change.score.abs()))}</td>
                    </tr>
                }
            })
            .collect_view();
        let class = if caption == "Rose" {
            "changes-table rose"
        } else {
            "changes-table fell"
        };
        view! {
            <table class=class>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{noun}</th>
                        <th scope="col">{periods.this.label()}</th>
                        <th scope="col">{periods.other.label()}</th>
                        <th scope="col">"Score"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}

/// What a change is called: the word, or the value's label.
fn name(subject: &Subject) -> String {
    match subject {
        Subject::Word(word) => word.clone(),
        Subject::Value(facet, value) => catalogue()
            .value(*facet, *value)
            .map_or_else(String::new, |v| v.label.clone()),
    }
}

/// The view that narrows the timeline to a change (the comparison stays).
fn target(state: &ViewState, subject: &Subject) -> ViewState {
    let mut next = ViewState {
        article: None,
        ..state.clone()
    };
    match subject {
        Subject::Word(word) => {
            next.query = match state.query.trim() {
                "" => word.clone(),
                query => format!("{query} {word}"),
            };
        }
        Subject::Value(facet, value) => {
            let id = catalogue()
                .value(*facet, *value)
                .map_or("", |v| v.id.as_str());
            if !next.is_selected(*facet, id) {
                next = next.toggled(*facet, id);
            }
        }
    }
    next
}

/// A score to one decimal, without the float formatting code (see `histogram::BAR`).
fn tenths(score: f64) -> String {
    let tenths = (score * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The period compared against: the one before, or two month fields.
#[component]
fn AgainstFields(view: ViewControl, periods: Memo<Option<Periods>>) -> impl IntoView {
    let before = move || view.state.with(|s| s.compare == Some(Against::Before));
    let set = move |is_from: bool, value: String| {
        let Some(current) = periods.get_untracked() else {
            return;
        };
        let Some(month) = Month::parse(value.trim()) else {
            return;
        };
        let other = current.other;
        let period = if is_from {
            Period::new(month, other.to.max(month))
        } else {
            Period::new(other.from.min(month), month)
        };
        view.navigate(ViewState {
            compare: Some(Against::Period(period)),
            ..view.state.get_untracked()
        });
    };
    let field = move |is_from: bool| {
        let (id, label) = if is_from {
            ("compare-from", "From")
        } else {
            ("compare-to", "To")
        };
        view! {
            <label class="range-field" for=id>
                <span>{label}</span>
                <input
                    id=id
                    type="month"
                    prop:value=move || periods.with(|p| p.map(|p| {
                        let m = if is_from { p.other.from } else { p.other.to };
                        m.to_string()
                    }).unwrap_or_default())
                    on:change=move |ev| set(is_from, event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <div class="comparison-against range-fields" role="group" aria-label="Compared against">
            <span class="comparison-against-label">"Against"</span>
            <button
                type="button"
                class="range-clear"
                aria-pressed=move || if before() { "true" } else { "false" }
                on:click=move |_| view.navigate(ViewState {
                    compare: Some(Against::Before),
                    ..view.state.get_untracked()
                })
            >
                "The period before"
            </button>
            {field(true)}
            {field(false)}
        </div>
    }
}

/// The view that starts a comparison: the view's range against the period before it; without a
/// range, the corpus's last twelve months (to the month of `last`, its last date) against the
/// twelve before them.
pub fn compared_view(state: &ViewState, last: Option<Date>) -> ViewState {
    let mut next = ViewState {
        compare: Some(Against::Before),
        ..state.clone()
    };
    if state.from.is_none() && state.to.is_none() {
        if let Some(last) = last {
            let year = Period::ending(Month::of(last), 12);
            next.from = Some(year.from.first_day());
            next.to = Some(year.to.last_day());
        }
    }
    next
}
