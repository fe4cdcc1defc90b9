//! Dateline's pure logic, shared by the build-time ingestion and the browser app.
//!
//! This crate does no IO and knows nothing of the web: it owns the article model ([`model`]),
//! the one binary format the corpus travels in ([`blob`]), the grouping of articles into a
//! timeline ([`timeline`]) and the codec between the view and the URL query ([`url_state`]).
//! Everything here is tested natively with `cargo test`.

pub mod axis;
pub mod blob;
pub mod cluster;
pub mod compare;
pub mod export;
pub mod facets;
pub mod listing;
pub mod model;
pub mod order;
pub mod packed;
pub mod recent;
pub mod related;
pub mod search;
pub mod stars;
pub mod text;
pub mod timeline;
pub mod url_state;
pub mod window;

pub use model::{
    Article, Confidence, Corpus, Date, Entity, EntityIndex, EntityKind, LeftOut, Month, Provenance,
    Sourced,
};
