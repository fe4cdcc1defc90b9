//! The search box, what the query could not use, and the help popover with the query language.

use leptos::prelude::*;

/// A search field bound to the URL's query, with its problems listed below it. (`/` focuses it:
/// see [`crate::keyboard`].)
#[component]
pub fn SearchBox(
    /// The query as the URL holds it.
    query: Signal<String>,
    /// What the query could not use, worded for the user.
    problems: Signal<Vec<String>>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// Called when the user leaves the field.
    on_done: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="search">
            <form class="search-form" role="search" on:submit=move |ev| ev.prevent_default()>
                <label class="visually-hidden" for="search-input">"Search articles"</label>
                <input
                    id="search-input"
                    class="search-input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Search: putin railway, \"far east\", person:kim after:2019"
                    aria-describedby="search-problems"
                    prop:value=move || query.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    on:blur=move |_| on_done.run(())
                />
                <button class="search-help-button" type="button" popovertarget="search-help" aria-label="Search help">
                    "?"
                </button>
            </form>
            <ul id="search-problems" class="search-problems" aria-live="polite">
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <SearchHelp />
        </div>
    }
}

/// The query language, in a popover.
#[component]
fn SearchHelp() -> impl IntoView {
    let rows = [
        (
            "sanctions railway",
            "articles with every word, best first in Relevance order",
        ),
        (
            "sanct",
            "the last word also matches as a prefix while you type, even with a typo (vladovo)",
        ),
        (
            "vladivostock",
            "small typos are forgiven in words of 5 letters or more",
        ),
        ("\"far east\"", "an exact phrase"),
        (
            "-drill",
            "leave out articles with a word (or -\"a phrase\")",
        ),
        ("russia OR china", "either word"),
        (
            "person:putin",
            "articles mentioning a person; also place:, org:",
        ),
        ("outlet:\"moscow times\"", "articles from an outlet"),
        (
            "after:2019 before:2023-06",
            "by date (YYYY, YYYY-MM or YYYY-MM-DD), bounds excluded",
        ),
    ];
    view! {
        <div id="search-help" class="search-help" popover="auto" role="dialog" aria-label="Search help">
            <h2>"Searching"</h2>
            <table>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(example, meaning)| view! {
                            <tr>
                                <th scope="row"><code>{example}</code></th>
                                <td>{meaning}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>
                "Case, accents, hyphens and apostrophes do not matter (Kim Jong-un = kim jong un); "
                "word endings do not either (sanction = sanctions). Aliases count: DPRK finds North Korea. "
                "Press / to search from anywhere."
            </p>
        </div>
    }
}
