//! Text with the search's matches marked: text nodes and `<mark>` elements, never HTML strings.

use dateline_core::search::segments;
use leptos::prelude::*;
use std::ops::Range;

/// `text` with the byte ranges in `marks` wrapped in `<mark>`.
#[component]
pub fn Marked(
    /// The text shown.
    #[prop(into)]
    text: String,
    /// Byte ranges of `text` to mark, sorted and disjoint.
    marks: Vec<Range<usize>>,
) -> impl IntoView {
    segments(&text, &marks)
        .into_iter()
        .map(|(piece, marked)| {
            let piece = piece.to_owned();
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
