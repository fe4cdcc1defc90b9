//! Experiment: the phrase queries of the mix, with their matches and time.
use dateline_bench::queries::{self, Kind};
use dateline_bench::synthetic;
use dateline_core::search::{SearchIndex, Searcher};
use std::time::Instant;

fn main() {
    let corpus = synthetic::corpus(10000, 42);
    let index = SearchIndex::build(&corpus);
    let searcher = Searcher::new(&corpus, &index);
    for q in queries::mix(&corpus, 7).iter().filter(|q| q.kind == Kind::Phrase) {
        let words: Vec<&str> = q.words.split(' ').collect();
        let df: Vec<u32> = words
            .iter()
            .map(|w| index.lookup(&dateline_core::search::analyse::term(w)).map_or(0, |e| e.doc_frequency))
            .collect();
        searcher.search(&q.ours);
        let start = Instant::now();
        let hits = searcher.search(&q.ours).hits.len();
        println!("{:>8.3} ms  {:>6} hits  df {:?}  {}", start.elapsed().as_secs_f64() * 1000.0, hits, df, q.ours);
    }
}
