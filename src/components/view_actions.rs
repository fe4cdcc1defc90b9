//! What a user does with the whole view: copy its link, export its articles (CSV, JSON, Markdown,
//! RIS) with the notes on them, print it as a briefing (the toolbar, with the Stars and Recent
//! menus of their own modules); and the header that only the printout shows.

use super::recent_menu::RecentMenu;
use super::stars_menu::StarsMenu;
use crate::corpus::{catalogue, corpus};
use crate::stars::{stars, StarControl};
use crate::url_state::{is_offline_copy, permalink, ViewControl};
use dateline_core::export::{Export, Exported, Format};
use dateline_core::listing::Listing;
use dateline_core::url_state::{bound_label, query_of_link, ViewState};
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

/// What the toolbar last did, said under it.
#[derive(Clone)]
pub(super) enum Status {
    /// Done; what to tell the user.
    Said(String),
    /// The clipboard refused: the link, to copy by hand.
    CopyByHand(String),
}

/// The view's toolbar: Copy link, Export, Print, Stars, Recent; in the offline copy, also Open a
/// link.
#[component]
pub fn ViewActions(
    /// The view, read.
    view: ViewControl,
    /// Its articles.
    listing: Memo<Listing>,
) -> impl IntoView {
    let status = RwSignal::new(None::<Status>);
    let copy = move |_| {
        copy_link(
            permalink(&view.state.get_untracked()),
            "Link copied.".to_owned(),
            status,
        );
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    let stars = stars();
    let export = move |format: Format| {
        close(menu);
        let state = view.state.get_untracked();
        let text = listing.with_untracked(|l| export_text(&state, l, stars, format));
        if let Err(e) = download(&text, format) {
            leptos::logging::error!("export failed: {e:?}");
        }
    };
    view! {
        <div class="view-actions" role="group" aria-label="This view">
            <button type="button" class="copy-link" on:click=copy>"Copy link"</button>
            <details class="export" node_ref=menu>
                <summary>"Export"</summary>
                <ul class="export-menu">
                    {Format::ALL
                        .into_iter()
                        .map(|f| view! {
                            <li>
                                <button type="button" data-format=f.extension() on:click=move |_| export(f)>
                                    {format!("{} (.{})", f.label(), f.extension())}
                                </button>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </details>
            <button type="button" class="print" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            <StarsMenu status />
            <RecentMenu view />
            {is_offline_copy().then(|| view! { <OpenLink view /> })}
            <p class="copy-status" role="status" aria-live="polite">
                {move || match status.get() {
                    None => ().into_any(),
                    Some(Status::Said(said)) => said.into_any(),
                    Some(Status::CopyByHand(link)) => view! {
                        <label>
                            "Copy this link: "
                            <input class="copy-fallback" type="text" readonly prop:value=link on:focus=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            } />
                        </label>
                    }
                    .into_any(),
                }}
            </p>
        </div>
    }
}

/// Puts a link on the clipboard and says `said` (in the offline copy, also how a colleague opens a
/// link that names this file), or, when the clipboard refuses, offers the link to copy by hand.
pub(super) fn copy_link(link: String, said: String, status: RwSignal<Option<Status>>) {
    let said = if is_offline_copy() {
        format!(
            "{said} It opens this view in this file; a colleague with their own copy of \
             dateline.html pastes it into “Open a link”."
        )
    } else {
        said
    };
    let promise = window().navigator().clipboard().write_text(&link);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(Some(if copied {
            Status::Said(said)
        } else {
            Status::CopyByHand(link)
        }));
    });
}

/// Folds a toolbar menu once its choice is made.
pub(super) fn close(menu: NodeRef<leptos::html::Details>) {
    if let Some(details) = menu.get_untracked() {
        details.set_open(false);
    }
}

/// In the offline copy, a link someone copied from their own copy names a file on their
/// machine; pasting it here shows its view in this copy.
#[component]
fn OpenLink(view: ViewControl) -> impl IntoView {
    let menu = NodeRef::<leptos::html::Details>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let problem = RwSignal::new(false);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get_untracked() else {
            return;
        };
        match query_of_link(&field.value()) {
            Some(query) => {
                problem.set(false);
                view.open_query(query);
                field.set_value("");
                close(menu);
            }
            None => problem.set(true),
        }
    };
    view! {
        <details class="open-link" node_ref=menu>
            <summary>"Open a link"</summary>
            <form class="open-link-form" on:submit=open>
                <label for="open-link-input">"A Dateline link from any copy of this file"</label>
                <input id="open-link-input" type="text" node_ref=input autocomplete="off"
                    spellcheck="false" placeholder="file:///…/dateline.html?q=…"
                    aria-invalid=move || problem.get().to_string() />
                <button type="submit">"Open"</button>
                <p class="open-link-problem" role="alert">
                    {move || problem.get().then_some("That is not a link to a Dateline view: paste the whole address.")}
                </p>
            </form>
        </details>
    }
}

/// What the view shows, in words: the search, each filter, the dates, the stars and a shared
/// collection.
pub(super) fn describe(state: &ViewState) -> Vec<String> {
    let mut parts = Vec::new();
    if !state.query.trim().is_empty() {
        parts.push(format!("search “{}”", state.query.trim()));
    }
    for (&facet, ids) in &state.filters {
        let labels: Vec<&str> = ids.iter().map(|id| catalogue().label(facet, id)).collect();
        parts.push(format!("{}: {}", facet.key(), labels.join(" or ")));
    }
    if state.starred {
        parts.push("starred in this browser".to_owned());
    }
    match state.set.len() {
        0 => {}
        1 => parts.push("a shared collection of 1 article".to_owned()),
        n => parts.push(format!("a shared collection of {n} articles")),
    }
    match (state.from, state.to) {
        (None, None) => {}
        (from, to) => {
            let from = from.map_or_else(|| "the start".to_owned(), |d| bound_label(d, true));
            let to = to.map_or_else(|| "the end".to_owned(), |d| bound_label(d, false));
            parts.push(format!("from {from} to {to}"));
        }
    }
    parts
}

fn title(state: &ViewState) -> String {
    let parts = describe(state);
    if parts.is_empty() {
        "Dateline: all articles".to_owned()
    } else {
        format!("Dateline: {}", parts.join(" · "))
    }
}

/// The export file's text for the view's articles, in view order, each with the note on it (the
/// reader's own, else the one a shared link carries).
fn export_text(state: &ViewState, listing: &Listing, stars: StarControl, format: Format) -> String {
    let view = ViewState {
        article: None,
        ..state.clone()
    };
    let articles = listing
        .docs
        .iter()
        .filter_map(|&d| corpus().articles().get(d as usize))
        .map(|a| Exported {
            article: a,
            permalink: permalink(&ViewState {
                article: Some(a.slug.clone()),
                ..view.clone()
            }),
            note: stars.note_of(a, state),
        })
        .collect();
    Export {
        title: title(&view),
        permalink: permalink(&view),
        articles,
    }
    .render(format)
}

/// Hands the text to the browser as a file download.
fn download(text: &str, format: Format) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(format.mime());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(&format!("dateline-view.{}", format.extension()));
    link.click();
    // The download has started from the object URL; it can go once the click is handled.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The top of the printed briefing: what the view is, and the link to it. Hidden on screen.
#[component]
pub fn PrintHeader(
    /// The view printed.
    view: ViewControl,
    /// Its articles.
    listing: Memo<Listing>,
) -> impl IntoView {
    let state = move || view.state.get();
    view! {
        <div class="print-header">
            <p class="print-title">{move || title(&state())}</p>
            <p>{move || listing.with(|l| format!("{} articles, in the order shown.", l.docs.len()))}</p>
            <p>"View online: "<span class="print-permalink">{move || permalink(&ViewState { article: None, ..state() })}</span></p>
        </div>
    }
}
