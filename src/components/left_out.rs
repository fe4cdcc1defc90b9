//! The note under the masthead's summary that names the files of the corpus folder that gave
//! no article, so a reader knows the timeline is not everything the folder held.

use crate::corpus::corpus;
use leptos::prelude::*;

/// "3 files left out", unfolding to each file and why; absent when every file is an article.
#[component]
pub fn LeftOutNote() -> impl IntoView {
    let left_out = corpus().left_out();
    (!left_out.is_empty()).then(|| {
        let label = match left_out.len() {
            1 => "1 file left out".to_owned(),
            n => format!("{n} files left out"),
        };
        view! {
            <details class="left-out">
                <summary>{label}</summary>
                <p>
                    "These files of the collection's folder gave no article. The people who built \
                     it can see why, and what to do, with dateline-check."
                </p>
                <ul>
                    {left_out
                        .iter()
                        .map(|l| {
                            view! {
                                <li>
                                    <span class="left-out-file">{l.source.as_str()}</span>
                                    ": "
                                    <span class="left-out-reason">{l.reason.as_str()}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}
