//! How the app takes over from the first screen written at build time (`bin/prerender.rs`): it
//! builds itself behind that screen, invisible but laid out where it will stand, in parts of
//! one task each (so no task holds the main thread long: the load benchmark's longest task),
//! then removes the prerendered screen and shows itself in one task, before the next frame.
//! The markup is the same in the same place, so nothing moves (no layout shift).

use leptos::prelude::*;
use std::time::Duration;

/// The attribute on the prerendered first screen.
pub const PRERENDERED: &str = "data-prerendered";

/// The parts built after the first (the masthead and the search): the timeline, the histogram,
/// the filters, then the reader and the printed header. Each took 10 to 25 ms of the 55 the
/// whole page took to mount at the seed size (headless Chromium, this machine; most of it the
/// browser compiling the code a part runs for the first time).
pub const PARTS: u8 = 4;

/// How much of the page is built: `0` right after mounting, [`PARTS`] when all of it is.
#[derive(Clone, Copy)]
pub struct Built(RwSignal<u8>);

impl Built {
    /// Starts building: the first part now, each next one in a task of its own, then the
    /// swap. Prerendering builds everything at once.
    pub fn start() -> Built {
        if cfg!(feature = "ssr") {
            return Built(RwSignal::new(PARTS));
        }
        let built = Built(RwSignal::new(0));
        built.next();
        built
    }

    fn next(self) {
        set_timeout(
            move || {
                self.0.update(|n| *n += 1);
                if self.0.get_untracked() < PARTS {
                    self.next();
                } else {
                    remove_prerendered();
                }
            },
            Duration::ZERO,
        );
    }

    /// Whether part `n` (from 1) is built (tracked).
    pub fn has(self, n: u8) -> bool {
        self.0.get() >= n
    }

    /// Whether the whole page is built (tracked): until then it stays invisible.
    pub fn is_done(self) -> bool {
        self.has(PARTS)
    }
}

/// Removes the prerendered first screen, if the page has one.
fn remove_prerendered() {
    if let Ok(Some(prerendered)) = document().query_selector(&format!("[{PRERENDERED}]")) {
        prerendered.remove();
    }
}
