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

/// Runs a Trunk post_build hook named `tool` on its directory: the only argument (e.g. `dist`),
/// else the staging directory Trunk names in `TRUNK_STAGING_DIR`. Exits with a usage line when
/// there is neither, and with the error when `run` fails.
pub fn run_hook<E: std::fmt::Display>(
    tool: &str,
    run: impl FnOnce(&std::path::Path) -> Result<(), E>,
) {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(std::path::PathBuf::from)
    else {
        eprintln!("usage: {tool} <dist dir> (or run as Trunk's post_build hook)");
        std::process::exit(2);
    };
    if let Err(e) = run(&dir) {
        eprintln!("{tool}: {e}");
        std::process::exit(1);
    }
}

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
