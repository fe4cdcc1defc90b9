//! Dateline's browser app: mounts the [`app::App`] component. Everything it shows comes from
//! the corpus compiled into the binary and the URL.

mod app;
mod components;
mod corpus;
mod crash;
mod keyboard;
mod url_state;

fn main() {
    crash::install();
    #[cfg(feature = "crash-test")]
    crash::panic_on_test_event();
    // User Timing marks, for the load benchmark's breakdown (and any browser profiler).
    mark("dateline:start");
    corpus::searcher();
    mark("dateline:decoded");
    leptos::mount::mount_to_body(app::App);
    mark("dateline:mounted");
}

fn mark(name: &str) {
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark(name);
    }
}
