//! The crash view: when the app panics, the page says so instead of freezing, and offers the
//! panic message, with what a bug report needs, ready to copy.
//!
//! A panic is a bug, and in release builds it aborts the WebAssembly instance. So the panic hook
//! builds this view itself with plain DOM calls (no Leptos, nothing that calls back into Rust
//! later), and the view works without script: "Reload" is a link to the page's own address,
//! which holds the whole view. The report is text in a read-only field, never markup.

use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlTextAreaElement};

/// Set once the view is up: a second panic (the app's own, or while building the view) only
/// goes to the console.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Routes panics to the console (with `console_error_panic_hook`) and to the crash view.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !SHOWN.swap(true, Ordering::Relaxed) {
            let address = web_sys::window().and_then(|w| w.location().href().ok());
            show(&report(info, address.as_deref()), address.as_deref());
        }
    }));
}

/// The text of a bug report: the panic message and where it happened, the address (the view
/// that was open) and the browser.
fn report(info: &PanicHookInfo<'_>, address: Option<&str>) -> String {
    let browser = web_sys::window().and_then(|w| w.navigator().user_agent().ok());
    format!(
        "Dateline {version} stopped: {info}\n\nAddress: {address}\nBrowser: {browser}\n",
        version = env!("CARGO_PKG_VERSION"),
        address = address.unwrap_or("unknown"),
        browser = browser.as_deref().unwrap_or("unknown"),
    )
}

/// Hides the app (its nodes stay, for developer tools) and shows the crash view, with the
/// report selected. Does nothing if the page has no document or body.
fn show(report: &str, address: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let app = body.children();
    for i in 0..app.length() {
        if let Some(node) = app.item(i) {
            let _ = node.set_attribute("hidden", "");
        }
    }
    if let Some((view, field)) = crash_view(&document, report, address) {
        let _ = body.append_child(&view);
        let _ = field.focus();
        field.select();
    }
}

/// The view, and its report field.
fn crash_view(
    document: &Document,
    report: &str,
    address: Option<&str>,
) -> Option<(Element, HtmlTextAreaElement)> {
    let element = |tag: &str, text: &str| -> Option<Element> {
        let e = document.create_element(tag).ok()?;
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let view = element("main", "")?;
    view.set_class_name("crash");
    view.set_attribute("role", "alert").ok()?;
    let heading = element("h1", "Dateline stopped working")?;
    let explanation = element(
        "p",
        "Something went wrong inside the app. Reloading the page usually brings it back, with \
         the same view: the address holds it.",
    )?;

    let reload = element("a", "Reload the page")?;
    reload.set_class_name("crash-reload");
    // Without the address, an empty link still goes to the page itself.
    reload.set_attribute("href", address.unwrap_or("")).ok()?;
    let reload_line = element("p", "")?;
    reload_line.append_child(&reload).ok()?;

    let label = element(
        "label",
        "If it happens again, please report it with these details (selected, ready to copy):",
    )?;
    label.set_attribute("for", "crash-report").ok()?;
    let field: HtmlTextAreaElement = element("textarea", "")?.dyn_into().ok()?;
    field.set_id("crash-report");
    field.set_attribute("readonly", "").ok()?;
    field.set_attribute("rows", "8").ok()?;
    field.set_attribute("spellcheck", "false").ok()?;
    // A textarea's text content is its value: text, never parsed.
    field.set_text_content(Some(report));

    for part in [&heading, &explanation, &reload_line, &label, &field] {
        view.append_child(part).ok()?;
    }
    Some((view, field))
}

/// For end-to-end tests only (the `crash-test` feature; never in a shipped build): a
/// `dateline-test-crash` event on `window` panics with its detail, as a bug in an event
/// handler would.
#[cfg(feature = "crash-test")]
pub fn panic_on_test_event() {
    use wasm_bindgen::closure::Closure;
    let handler = Closure::<dyn Fn(web_sys::CustomEvent)>::new(|event: web_sys::CustomEvent| {
        panic!(
            "test crash: {}",
            event.detail().as_string().unwrap_or_default()
        );
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(
            "dateline-test-crash",
            handler.as_ref().unchecked_ref(),
        );
    }
    handler.forget();
}
