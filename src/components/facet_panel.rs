//! The facet panel: the reader's starred articles, then outlets, people, places, organisations,
//! years, tags and languages, each value a checkbox with its live count, a filter box for long
//! facets, and "Clear all".

use crate::corpus::catalogue;
use crate::stars::stars;
use crate::url_state::ViewControl;
use dateline_core::facets::{Facet, FacetValue};
use dateline_core::listing::Listing;
use dateline_core::order;
use dateline_core::url_state::ViewState;
use leptos::prelude::*;

/// A facet with more values than this gets a box to find one.
const FIND_FROM: usize = 8;

/// Every facet that has values in this corpus (languages only when there are two or more: one
/// language narrows nothing).
#[component]
pub fn FacetPanel(
    /// The view, read and changed.
    view: ViewControl,
    /// Counts for the current view.
    listing: Memo<Listing>,
) -> impl IntoView {
    let narrowed = move || view.state.with(|s| s.is_narrowed());
    let facets = Facet::ALL
        .into_iter()
        .filter(|&f| catalogue().values(f).len() >= if f == Facet::Language { 2 } else { 1 })
        .map(|facet| view! { <FacetGroup view listing facet /> })
        .collect_view();
    view! {
        <div id="facet-panel" class="facet-panel">
            <div class="facet-panel-head">
                <h2 class="facet-panel-title">"Filters"</h2>
                <Show when=narrowed>
                    <button
                        type="button"
                        class="clear-all"
                        on:click=move |_| view.navigate(view.state.with_untracked(|s| s.cleared()))
                    >
                        "Clear all"
                    </button>
                </Show>
            </div>
            <StarredFilter view />
            {facets}
        </div>
    }
}

/// "Starred": only the articles starred in this browser, with how many this collection has.
#[component]
fn StarredFilter(view: ViewControl) -> impl IntoView {
    let stars = stars();
    let on = move || view.state.with(|s| s.starred);
    view! {
        <section class="facet facet-starred" aria-labelledby="facet-starred">
            <h3 id="facet-starred" class="facet-title">"Your stars"</h3>
            <ul class="facet-values">
                <li class="facet-value" class:selected=on>
                    <input
                        type="checkbox"
                        id="f-starred"
                        prop:checked=on
                        on:change=move |_| {
                            let state = view.state.get_untracked();
                            view.navigate(ViewState { starred: !state.starred, ..state });
                        }
                    />
                    <label for="f-starred">
                        <span class="facet-label">"Starred"</span>
                        <span class="facet-count">{move || stars.count()}</span>
                    </label>
                </li>
            </ul>
        </section>
    }
}

/// One facet: its values with counts, most frequent first (years newest first).
#[component]
fn FacetGroup(view: ViewControl, listing: Memo<Listing>, facet: Facet) -> impl IntoView {
    let values: &'static [FacetValue] = catalogue().values(facet);
    let find = RwSignal::new(String::new());
    let heading_id = format!("facet-{}", facet.key());
    let labelled_by = heading_id.clone();
    // Which values show, in order: a memo, so that a keystroke that changes no count leaves the
    // rows alone, and one that does moves and updates them in place rather than rebuilding them.
    let counts = Memo::new(move |_| listing.with(|l| l.counts(facet).to_vec()));
    let selected = Memo::new(move |_| {
        view.state.with(|s| {
            values
                .iter()
                .map(|v| s.is_selected(facet, &v.id))
                .collect::<Vec<bool>>()
        })
    });
    let order = Memo::new(move |_| {
        let needle = find.with(|f| f.trim().to_lowercase());
        let mut shown: Vec<(usize, u32)> = counts.with(|counts| {
            selected.with(|selected| {
                (0..values.len())
                    .map(|i| (i, counts.get(i).copied().unwrap_or(0)))
                    // A value with no article in the view is hidden, unless it is selected.
                    .filter(|&(i, count)| {
                        (count > 0 || selected[i])
                            && (needle.is_empty()
                                || values[i].label.to_lowercase().contains(&needle))
                    })
                    .collect()
            })
        });
        // The catalogue holds each facet's values in label order, so an index orders by label.
        if facet == Facet::Year {
            order::sort_by_key(&mut shown, |&(i, _)| u64::from(!(i as u32)));
        } else {
            order::sort_by_key(&mut shown, |&(i, count)| order::pair(!count, i as u32));
        }
        shown.into_iter().map(|(i, _)| i).collect::<Vec<usize>>()
    });
    let row = move |i: usize| {
        let value = &values[i];
        let id = value.id.as_str();
        let input_id = format!("f-{}-{i}", facet.key());
        let is_selected = move || selected.with(|s| s[i]);
        view! {
            <li class="facet-value" class:selected=is_selected>
                <input
                    type="checkbox"
                    id=input_id.clone()
                    prop:checked=is_selected
                    on:change=move |_| view.navigate(view.state.with_untracked(|s| s.toggled(facet, id)))
                />
                <label for=input_id>
                    <span class="facet-label">{value.label.as_str()}</span>
                    <span class="facet-count">{move || counts.with(|c| c.get(i).copied().unwrap_or(0))}</span>
                </label>
            </li>
        }
    };
    let rows = view! {
        <For each=move || order.get() key=|i| *i children=row />
        <Show when=move || order.with(Vec::is_empty)>
            <li class="facet-none">"None in this view"</li>
        </Show>
    };
    let findable = values.len() > FIND_FROM;
    view! {
        <section class="facet" aria-labelledby=labelled_by data-facet=facet.key()>
            <h3 id=heading_id class="facet-title">{facet.title()}</h3>
            {findable.then(|| view! {
                <input
                    type="search"
                    class="facet-find"
                    placeholder=format!("Find in {}", facet.title().to_lowercase())
                    aria-label=format!("Find in {}", facet.title().to_lowercase())
                    prop:value=move || find.get()
                    on:input=move |ev| find.set(event_target_value(&ev))
                />
            })}
            <ul class="facet-values">{rows}</ul>
        </section>
    }
}
