//! The corpus compiled into the app: embedded by the build script, decoded once on first use.

use dateline_core::{blob, Corpus};
use std::sync::LazyLock;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    // The only `expect` in the app: the build script wrote this blob with the same core crate,
    // so a failure here is a broken build, not bad input.
    blob::decode(BLOB).expect("the embedded corpus blob decodes")
});

/// The embedded corpus.
pub fn corpus() -> &'static Corpus {
    &CORPUS
}
