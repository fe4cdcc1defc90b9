//! The corpus and everything the build derived from it (search index, facet values, clusters),
//! compiled into the app: embedded by the build script, decoded once on first use.

use dateline_core::blob::{self, Bundle};
use dateline_core::cluster::Clusters;
use dateline_core::facets::Catalogue;
use dateline_core::search::{SearchIndex, Searcher};
use dateline_core::Corpus;
use std::sync::LazyLock;

#[cfg(not(feature = "ssr"))]
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The prerender's blob, found in the built wasm ([`use_blob`]).
#[cfg(feature = "ssr")]
static GIVEN: std::sync::OnceLock<&'static [u8]> = std::sync::OnceLock::new();

/// Gives the prerender the blob the browser build embedded. Call before anything reads the corpus.
#[cfg(feature = "ssr")]
pub fn use_blob(bytes: &'static [u8]) {
    let _ = GIVEN.set(bytes);
}

#[cfg(not(feature = "ssr"))]
include!(concat!(env!("OUT_DIR"), "/stemmers.rs"));

/// The prerender runs natively, where every stemmer is at hand.
#[cfg(feature = "ssr")]
fn carry_stemmers() {}

static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| {
    carry_stemmers();
    #[cfg(feature = "ssr")]
    let bytes: &'static [u8] = GIVEN.get().copied().unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let bytes = BLOB;
    // The only `expect` in the app: the build script wrote this blob with the same core crate,
    // so a failure here is a broken build, not bad input.
    blob::decode(bytes).expect("the embedded corpus blob decodes")
});

static SEARCHER: LazyLock<Searcher<'static>> = LazyLock::new(|| Searcher::new(corpus(), index()));

/// The facet values of the embedded corpus.
pub fn catalogue() -> &'static Catalogue {
    &BUNDLE.catalogue
}

/// Its same-event clusters.
pub fn clusters() -> &'static Clusters {
    &BUNDLE.clusters
}

/// The embedded corpus.
pub fn corpus() -> &'static Corpus {
    &BUNDLE.corpus
}

/// The search index built from it.
pub fn index() -> &'static SearchIndex {
    &BUNDLE.index
}

/// The search engine over the embedded corpus.
pub fn searcher() -> &'static Searcher<'static> {
    &SEARCHER
}
