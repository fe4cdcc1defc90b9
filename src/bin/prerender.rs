//! `dateline-prerender`: the first step of Trunk's post_build hook (`scripts/post-build.sh`).
//! Renders the default view's first screen (the same `App` component, rendered to HTML natively)
//! and writes it into the built page, so the browser paints it before the wasm has loaded; the
//! app replaces it when it mounts.
//!
//! The corpus is the one the browser build embedded: its blob is read out of the built wasm in
//! the staging directory Trunk names in `TRUNK_STAGING_DIR` (or the directory given as the only
//! argument, e.g. `dist`).

use dateline::app::App;
use dateline::{corpus, PRERENDERED};
use dateline_core::blob;
use dateline_package::run_hook;
use dateline_package::sizes::locate_blob;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn main() {
    run_hook("dateline-prerender", run);
}

fn run(dir: &Path) -> Result<(), String> {
    let wasm = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|x| x == "wasm"))
        .ok_or_else(|| {
            format!(
                "no .wasm file in {}: run `trunk build` first",
                dir.display()
            )
        })?;
    let bytes = fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let found = locate_blob(&bytes).ok_or_else(|| {
        format!(
            "{} holds no corpus blob of format version {}: rebuild it with `trunk build`",
            wasm.display(),
            blob::FORMAT_VERSION
        )
    })?;
    corpus::use_blob(Box::leak(found.blob.into_boxed_slice()));

    let screen = render();
    let index = dir.join("index.html");
    let page =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let page = insert(&page, &screen).ok_or_else(|| {
        format!(
            "{} has no </body>, or is prerendered already",
            index.display()
        )
    })?;
    fs::write(&index, page).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    println!(
        "dateline-prerender: wrote the first screen into {} ({} bytes)",
        index.display(),
        screen.len()
    );
    Ok(())
}

/// The app's markup for the default view, as the browser's first render makes it.
fn render() -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| App().into_view().to_html());
    // Mark the root, which the app removes when it mounts its own; end it with the element the
    // head's render-blocking link waits for (see `insert`).
    let mut html = html.replacen(
        "<div class=\"app",
        &format!("<div {PRERENDERED} class=\"app"),
        1,
    );
    if let Some(end) = html.rfind("</div>") {
        html.insert_str(
            end,
            &format!("<span id=\"{FIRST_SCREEN_END}\" hidden></span>"),
        );
    }
    without_style_attributes(&html)
}

/// `html` without its `style` attributes: a strict Content-Security-Policy refuses them in
/// markup (the app sets the same styles through the CSSOM, which it allows). Only the list's
/// spacers have one, and a first screen needs no spacer below it.
fn without_style_attributes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Text is escaped (`<` as `&lt;`), so every `<` opens a tag; the tag runs to the first `>`
    // outside a quoted value, and values are double-quoted with their quotes escaped.
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                quoted ^= c == '"';
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let mut tag = &rest[..end];
        while let Some(at) = tag.find(" style=\"") {
            out.push_str(&tag[..at]);
            let value = &tag[at + " style=\"".len()..];
            tag = value.find('"').map_or("", |close| &value[close + 1..]);
        }
        out.push_str(tag);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The id of the last element of the prerendered screen: once the parser has reached it, the
/// whole screen is there.
const FIRST_SCREEN_END: &str = "first-screen-end";

/// `page` with `screen` as the last element of its body, where the app mounts its own, and a
/// link in its head that holds the first paint until the whole screen is parsed: painted half
/// parsed, what arrived next moved what was painted (a layout shift).
fn insert(page: &str, screen: &str) -> Option<String> {
    if page.contains(PRERENDERED) {
        return None;
    }
    let head = page.find("</head>")?;
    let body = page.rfind("</body>")?;
    Some(format!(
        "{}<link rel=\"expect\" href=\"#{FIRST_SCREEN_END}\" blocking=\"render\">\n  {}{screen}\n  {}",
        &page[..head],
        &page[head..body],
        &page[body..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_attributes_go_and_the_rest_stays() {
        assert_eq!(
            without_style_attributes(
                r#"<div class="rows-spacer" style="height:0px;"></div><p style="">a style="x"</p>"#
            ),
            r#"<div class="rows-spacer"></div><p>a style="x"</p>"#
        );
    }

    #[test]
    fn the_first_screen_goes_last_in_the_body_once() {
        let page = "<html><head></head><body>\n<noscript>x</noscript>\n</body></html>";
        let once = insert(page, "<div data-prerendered class=\"app\"></div>").unwrap();
        assert_eq!(
            once,
            "<html><head><link rel=\"expect\" href=\"#first-screen-end\" blocking=\"render\">\n  </head>\
             <body>\n<noscript>x</noscript>\n<div data-prerendered class=\"app\"></div>\n  </body></html>"
        );
        assert_eq!(insert(&once, "<div></div>"), None);
    }
}
