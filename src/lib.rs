//! Dateline's browser app: the [`app::App`] component and what it is made of. Everything it
//! shows comes from the corpus compiled into the binary and the URL, and the reader's own stars,
//! notes and recent views kept in the browser ([`storage`]).
//!
//! Built for the browser (`csr`, the default feature) by Trunk from `src/main.rs`; built
//! natively with `ssr` by `src/bin/prerender.rs`, which writes the default view's first screen
//! into the page at build time, painted before the wasm has loaded.

pub mod app;
mod components;
pub mod corpus;
pub mod crash;
mod keyboard;
mod recent;
mod stars;
mod storage;
pub mod takeover;
mod url_state;

pub use takeover::PRERENDERED;
