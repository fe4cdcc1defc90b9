//! Full-text search over the corpus: an index prebuilt at build time, a small query language,
//! BM25 ranking with field boosts, typo and prefix tolerance, phrases, filters, and match
//! positions for highlighting.
//!
//! - [`analyse`]: tokens, folding and stemming, shared by everything below.
//! - [`index`]: [`SearchIndex`], built from a [`Corpus`](crate::Corpus) and serialised in the blob;
//!   [`postings`] is its byte encoding and [`typo`] its Levenshtein automata.
//! - [`query`]: the query language, parsed into a [`Query`].
//! - [`searcher`]: [`Searcher::search`] runs a query into ranked [`Results`].
//! - [`highlight`]: where a result matched, and the best excerpt.

pub mod analyse;
pub mod highlight;
pub mod index;
pub mod pairs;
pub mod postings;
pub mod query;
pub mod searcher;
pub mod typo;

pub use highlight::{segments, Excerpt, Highlighter};
pub use index::SearchIndex;
pub use query::{parse, Problem, Query};
pub use searcher::{Hit, Results, Searcher};
