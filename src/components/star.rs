//! The star beside each article (in the timeline and the reader) and the note on a starred one.

use crate::stars::stars;
use dateline_core::stars::NOTE_LIMIT;
use dateline_core::Article;
use leptos::prelude::*;

/// A toggle that stars an article or removes its star (the `s` key does the same for the focused
/// entry or the open article). In the timeline it sits beside the entry's link, not in it: a
/// button may not sit in a link.
#[component]
pub fn StarToggle(
    /// The article.
    article: &'static Article,
    /// Whether the button shows its name ("Star") beside the symbol, as in the reader.
    #[prop(optional)]
    labelled: bool,
) -> impl IntoView {
    let stars = stars();
    let slug = article.slug.as_str();
    // One reactive attribute: the symbol (☆ or ★) follows `aria-pressed` in the stylesheet.
    view! {
        <button
            type="button"
            class="star-toggle"
            class:labelled=labelled
            data-star=slug
            aria-pressed=move || if stars.is_starred(slug) { "true" } else { "false" }
            aria-label=(!labelled).then(|| format!("Star: {}", article.headline))
            title="Star or unstar (s)"
            on:click=move |_| stars.toggle(slug)
        >
            <span class="star-symbol" aria-hidden="true"></span>
            // Shown in the reader; in the timeline the button is named by its `aria-label`.
            <span class="star-label">" Star"</span>
        </button>
    }
}

/// The note on a starred article, written as it is typed; shown only while it is starred.
#[component]
pub fn NoteField(
    /// The article.
    slug: &'static str,
) -> impl IntoView {
    let stars = stars();
    let id = format!("note-{slug}");
    view! {
        <Show when=move || stars.is_starred(slug)>
            <div class="note-field">
                <label for=id.clone()>"Your note"</label>
                <textarea
                    id=id.clone()
                    rows="2"
                    maxlength=NOTE_LIMIT.to_string()
                    placeholder="Why it matters, what to check… Kept in this browser."
                    prop:value=move || stars.note(slug)
                    on:input=move |ev| stars.set_note(slug, &event_target_value(&ev))
                ></textarea>
            </div>
        </Show>
    }
}
