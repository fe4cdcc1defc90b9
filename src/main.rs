//! Dateline's browser app: mounts the [`App`], which takes over from the prerendered first
//! screen ([`dateline::takeover`]).

use dateline::app::App;
use dateline::{corpus, crash};
use leptos::prelude::window;

fn main() {
    crash::install();
    #[cfg(feature = "crash-test")]
    crash::panic_on_test_event();
    // The page shows its prerendered first screen meanwhile: instantiating the wasm and starting
    // the app go in two tasks, so neither holds the main thread as long as both (the load
    // benchmark's longest task).
    leptos::prelude::set_timeout(start, std::time::Duration::ZERO);
}

/// Decodes the corpus and mounts the app.
fn start() {
    // User Timing marks, for the load benchmark's breakdown (and any browser profiler).
    mark("dateline:start");
    corpus::searcher();
    mark("dateline:decoded");
    leptos::mount::mount_to_body(App);
    mark("dateline:mounted");
}

fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}
