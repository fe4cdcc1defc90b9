//! Ingestion speed on synthetic corpora: `cargo bench -p dateline-ingest --bench ingest`.
//! Prints, for 1k and 10k articles, the corpus size and the median of three ingest runs.

use dateline_ingest::{ingest_dir, synth};
use std::time::Instant;

fn main() {
    println!(
        "{:>8} {:>10} {:>12} {:>14} {:>10}",
        "articles", "text MB", "ingest (ms)", "articles/s", "MB/s"
    );
    for count in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temporary folder");
        let bytes = synth::write_corpus(dir.path(), count, 42).expect("corpus written");
        let mut times: Vec<f64> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let ingested = ingest_dir(dir.path()).expect("synthetic corpus ingests");
                assert_eq!(ingested.corpus.len(), count);
                start.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[1];
        let mb = bytes as f64 / 1e6;
        println!(
            "{count:>8} {mb:>10.1} {:>12.0} {:>14.0} {:>10.1}",
            median * 1e3,
            count as f64 / median,
            mb / median
        );
    }
}
