//! Packaging of the built page (`dist/`), native only, run after `trunk build`:
//!
//! - [`single_file`]: the self-contained `dateline.html` that works from disk (Trunk's
//!   post_build hook runs the `dateline-package` binary);
//! - [`sizes`]: raw, gzip and brotli bytes of each asset, the app shell against the corpus, and
//!   the largest contributors to the wasm (the `dateline-size` binary).

pub mod error;
pub mod single_file;
pub mod sizes;

pub use error::PackageError;

/// The name of the single-file build, beside `index.html`.
pub const SINGLE_FILE: &str = "dateline.html";
