//! Notices about a link that asked for something the corpus cannot show (and, for a link to an
//! article that now shares its slug, the articles to choose from), and about stars this browser
//! cannot keep or read.

use super::{is_plain_click, outlet_name};
use crate::corpus;
use crate::recent::recent;
use crate::stars::stars;
use crate::url_state::ViewControl;
use dateline_core::url_state::Notice;
use leptos::prelude::*;

/// A dismissible bar listing what the URL asked for that was ignored; absent when all is well.
#[component]
pub fn NoticeBar(
    /// The view, for the links to articles a notice offers.
    view: ViewControl,
) -> impl IntoView {
    let notices = view.notices;
    let stars = stars();
    let recent = recent();
    // The reader's own things this browser cannot keep or read.
    let kept = move || {
        [stars.problem.get(), recent.problem.get()]
            .into_iter()
            .flatten()
    };
    view! {
        <Show when=move || notices.with(|n| !n.is_empty()) || kept().next().is_some()>
            <div class="notice" role="status">
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <NoticeItem view notice=n /> }).collect_view()}
                    {move || kept().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <button type="button" class="notice-dismiss" on:click=move |_| {
                    view.dismiss_notices();
                    stars.problem.set(None);
                    recent.problem.set(None);
                }>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}

/// One notice; a shared slug also lists its articles, each opening in the reader.
#[component]
fn NoticeItem(view: ViewControl, notice: Notice) -> impl IntoView {
    let text = notice.to_string();
    let choices = match notice {
        Notice::SharedArticle { candidates, .. } => Some(candidates),
        _ => None,
    };
    let choices = choices.map(|candidates| {
        let links = candidates
            .into_iter()
            .filter_map(|slug| corpus::corpus().find(&slug))
            .map(|article| {
                let slug = article.slug.as_str();
                let date = article.date.map(|d| d.to_string()).unwrap_or_default();
                view! {
                    <li>
                        <a
                            href=move || view.article_href(slug)
                            on:click=move |ev| {
                                // The article's own link has no notice: navigating clears this one.
                                if is_plain_click(&ev) {
                                    ev.prevent_default();
                                    view.open_article(slug);
                                }
                            }
                        >
                            {article.headline.as_str()}
                        </a>
                        " — "{outlet_name(article)}" · "{date}" · "<code>{article.source.as_str()}</code>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="notice-choices">{links}</ul> }
    });
    view! { <li>{text}{choices}</li> }
}
