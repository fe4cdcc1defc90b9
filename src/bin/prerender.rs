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
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
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

    let screen = render()?;
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
fn render() -> Result<String, String> {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| App().into_view().to_html());
    prepare(&html)
}

/// The app's markup made the page's first screen: its root marked, which the app removes when
/// it mounts its own, and ended with the element the head's render-blocking link waits for (see
/// `insert`); without `style` attributes, which a strict Content-Security-Policy refuses in
/// markup (the app sets the same styles through the CSSOM, which it allows: only the list's
/// spacers have one, and a first screen needs no spacer below it).
fn prepare(html: &str) -> Result<String, String> {
    let mut root = true;
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("div.app", |el| {
                if std::mem::take(&mut root) {
                    el.set_attribute(PRERENDERED, "")?;
                    el.append(
                        &format!("<span id=\"{FIRST_SCREEN_END}\" hidden></span>"),
                        ContentType::Html,
                    );
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[style]", |el| {
                el.remove_attribute("style");
                Ok(())
            })),
    )
    .map_err(|e| format!("the app's markup does not rewrite: {e}"))
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
            prepare(
                r#"<div class="rows-spacer" style="height:0px;"></div><p style="">a style="x"</p>"#
            )
            .unwrap(),
            r#"<div class="rows-spacer"></div><p>a style="x"</p>"#
        );
    }

    #[test]
    fn the_root_is_marked_and_ended_once() {
        assert_eq!(
            prepare(r#"<div class="app reading"><p>x</p><div class="app"></div></div>"#).unwrap(),
            r#"<div class="app reading" data-prerendered=""><p>x</p><div class="app"></div><span id="first-screen-end" hidden></span></div>"#
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
