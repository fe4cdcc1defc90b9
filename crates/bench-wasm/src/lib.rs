//! Dateline's search engine exposed to JavaScript for the browser benchmark
//! (`bench/search/`): load a corpus and its index from the bytes `search-bench --emit` wrote,
//! then run queries. Built in release mode, like the app.

use dateline_core::search::{typo, SearchIndex, Searcher};
use dateline_core::Corpus;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CORPUS: RefCell<Option<&'static Corpus>> = const { RefCell::new(None) };
    static SEARCHER: RefCell<Option<Searcher<'static>>> = const { RefCell::new(None) };
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Decodes the corpus from a blob, its text packed as in the app (the analogue of the other
/// engines' JSON parse; not part of their index build). Leaks the previous one, and the bytes,
/// which the corpus's text is unpacked from as in the app: the bench page loads a handful of
/// corpora.
#[wasm_bindgen]
pub fn load_corpus(bytes: &[u8]) -> Result<usize, JsError> {
    let corpus: Corpus = dateline_core::blob::decode_leaked(bytes)
        .map_err(|e| JsError::new(&e.to_string()))?
        .corpus;
    let len = corpus.len();
    CORPUS.with(|c| *c.borrow_mut() = Some(leak(corpus)));
    SEARCHER.with(|s| *s.borrow_mut() = None);
    Ok(len)
}

/// Decodes the prebuilt index and makes the searcher: what "index ready" measures.
#[wasm_bindgen]
pub fn load_index(bytes: &[u8]) -> Result<usize, JsError> {
    let corpus = CORPUS
        .with(|c| *c.borrow())
        .ok_or_else(|| JsError::new("call load_corpus first"))?;
    let index: SearchIndex =
        postcard::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let index = leak(index);
    // The benchmark's corpora are built at run time, in any language.
    dateline_core::search::analyse::Stemming::carry_every();
    SEARCHER.with(|s| *s.borrow_mut() = Some(Searcher::new(corpus, index)));
    Ok(index.term_count())
}

/// Makes the typo automata, which the app makes on its first typo query.
#[wasm_bindgen]
pub fn warm_up() {
    typo::warm_up();
}

/// Runs a query; returns the ids (corpus positions) of the best `limit` hits.
#[wasm_bindgen]
pub fn search(query: &str, limit: usize) -> Vec<u32> {
    SEARCHER.with(|s| {
        s.borrow().as_ref().map_or_else(Vec::new, |searcher| {
            let results = searcher.search(query);
            results
                .best_first()
                .iter()
                .take(limit)
                .map(|h| h.doc)
                .collect()
        })
    })
}
