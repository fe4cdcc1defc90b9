//! The toolbar's Stars menu: a link to the starred articles (with their notes when the link stays
//! short enough), and stars imported from a collection file another copy exported (its JSON
//! export).

use super::view_actions::{close, copy_link, Status};
use crate::stars::{stars, StarControl};
use crate::url_state::permalink;
use dateline_core::stars::short_id;
use dateline_core::url_state::ViewState;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

/// The longest shared link that carries notes: links travel safely up to about 2,000 characters
/// (mail clients, chat apps and old browsers cut or refuse longer ones).
const LINK_LIMIT: usize = 2000;

/// The Stars menu: a link to the starred articles (with their notes when they fit), and stars
/// imported from a collection file another copy exported.
#[component]
pub(super) fn StarsMenu(status: RwSignal<Option<Status>>) -> impl IntoView {
    let stars = stars();
    let menu = NodeRef::<leptos::html::Details>::new();
    let share = move |_| {
        close(menu);
        let (link, said) = share_link(stars);
        copy_link(link, said, status);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared, so that choosing the same file again imports it again.
        input.set_value("");
        close(menu);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let said = match text
                .ok()
                .and_then(|t| t.as_string())
                .map(|t| collection(&t))
            {
                Some(Ok(entries)) => {
                    let merged =
                        stars.merge(entries.iter().map(|(s, n)| (s.as_str(), n.as_deref())));
                    format!("From {name}: {merged}")
                }
                Some(Err(why)) => format!("{name} was not imported: {why}"),
                None => format!("{name} could not be read."),
            };
            status.set(Some(Status::Said(said)));
        });
    };
    view! {
        <details class="stars-menu" node_ref=menu>
            <summary>"Stars"</summary>
            <div class="stars-menu-body">
                <button type="button" class="share-starred" on:click=share disabled=move || stars.count() == 0>
                    {move || format!("Copy a link to the {} starred", stars.count())}
                </button>
                <label class="import-stars">
                    "Import stars from a JSON export of another copy"
                    <input type="file" accept=".json,application/json" on:change=import />
                </label>
            </div>
        </details>
    }
}

/// The link to this page showing only the starred articles, with their notes when the link
/// stays under [`LINK_LIMIT`]; and what to tell the user about it.
fn share_link(stars: StarControl) -> (String, String) {
    let starred = stars.starred_with_notes();
    let count = starred.len();
    let set: Vec<String> = starred.iter().map(|(slug, _)| short_id(slug)).collect();
    let set_notes: Vec<(String, String)> = starred
        .iter()
        .filter_map(|(slug, note)| Some((short_id(slug), note.clone()?)))
        .collect();
    let notes = set_notes.len();
    let bare = ViewState {
        set,
        ..ViewState::default()
    };
    let articles = if count == 1 {
        "the starred article".to_owned()
    } else {
        format!("the {count} starred articles")
    };
    if notes == 0 {
        return (permalink(&bare), format!("Link to {articles} copied."));
    }
    let noted = permalink(&ViewState {
        set_notes,
        ..bare.clone()
    });
    if noted.len() <= LINK_LIMIT {
        let notes = if notes == 1 {
            "1 note".to_owned()
        } else {
            format!("{notes} notes")
        };
        return (noted, format!("Link to {articles} copied, with {notes}."));
    }
    (
        permalink(&bare),
        format!(
            "Link to {articles} copied without their notes: with them it would be {} characters, \
             longer than links safely travel ({LINK_LIMIT}). To pass the notes on, tick Starred, \
             Export as JSON and send the file: Stars › Import reads it in another copy.",
            noted.len()
        ),
    )
}

/// The (slug, note) entries of a collection file: the JSON export of any copy (its `articles`,
/// each with a `slug` and perhaps a `note`), read with the browser's own JSON parser.
fn collection(text: &str) -> Result<Vec<(String, Option<String>)>, &'static str> {
    const NOT_AN_EXPORT: &str =
        "it is not a JSON export of Dateline (an object with a list of “articles”)";
    let value = js_sys::JSON::parse(text).map_err(|_| "it is not JSON")?;
    let articles = js_sys::Reflect::get(&value, &JsValue::from_str("articles"))
        .ok()
        .filter(js_sys::Array::is_array)
        .ok_or(NOT_AN_EXPORT)?;
    let field = |item: &JsValue, name: &str| {
        js_sys::Reflect::get(item, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let entries: Vec<(String, Option<String>)> = js_sys::Array::from(&articles)
        .iter()
        .filter_map(|item| Some((field(&item, "slug")?, field(&item, "note"))))
        .collect();
    if entries.is_empty() {
        return Err("it names no article");
    }
    Ok(entries)
}
