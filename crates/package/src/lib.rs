//! Packaging of the built page (`dist/`), native only, run after `trunk build`:
//!
//! - [`loader_hash`]: the content hash in the loader script's name (`boot-<hash>.js`);
//! - [`single_file`]: the self-contained `dateline.html` that works from disk (Trunk's
//!   post_build hook runs the `dateline-package` binary);
//! - [`sizes`]: raw, gzip and brotli bytes of each asset, the app shell against the corpus, and
//!   the largest contributors to the wasm (the `dateline-size` binary).

pub mod error;
pub mod loader_hash;
pub mod single_file;
pub mod sizes;

pub use error::PackageError;

/// The name of the single-file build, beside `index.html`.
pub const SINGLE_FILE: &str = "dateline.html";

/// `bytes` gzip-compressed at the best level: how the single file packs the wasm, and how the
/// size report weighs what a static host would serve.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to a Vec cannot fail");
    gz.finish().expect("writing to a Vec cannot fail")
}
