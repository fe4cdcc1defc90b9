//! Dateline's browser app: replaces the prerendered first screen with the live [`App`].

use dateline::app::App;
use dateline::{corpus, crash, PRERENDERED};
use leptos::prelude::{document, window};

fn main() {
    crash::install();
    #[cfg(feature = "crash-test")]
    crash::panic_on_test_event();
    // User Timing marks, for the load benchmark's breakdown (and any browser profiler).
    mark("dateline:start");
    corpus::searcher();
    mark("dateline:decoded");
    // The first screen written at build time goes in the same task as the app's own is
    // mounted, so no frame shows neither, and the same markup lands in the same place.
    if let Ok(Some(prerendered)) = document().query_selector(&format!("[{PRERENDERED}]")) {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
    mark("dateline:mounted");
}

fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}
