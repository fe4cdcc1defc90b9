//! Dateline's browser app: the [`app::App`] component and what it is made of. Everything it
//! shows comes from the corpus compiled into the binary and the URL.
//!
//! Built for the browser (`csr`, the default feature) by Trunk from `src/main.rs`; built
//! natively with `ssr` by `src/bin/prerender.rs`, which writes the default view's first screen
//! into the page at build time, painted before the wasm has loaded.

pub mod app;
mod components;
pub mod corpus;
pub mod crash;
mod keyboard;
mod url_state;

/// The attribute on the prerendered first screen, which the app removes when it mounts.
pub const PRERENDERED: &str = "data-prerendered";
