//! The viewer's benchmark: what the build works out once (facet catalogue, same-event clusters),
//! what the app does at start-up (decode the blob, nothing else) and what each view change costs (search, then listing with facet counts and the
//! histogram, then the year/month sections of the whole list, its rows and the window of them a
//! first screen renders, and for the last view a comparison of its year with the year before),
//! over synthetic corpora; and how the clusters come out (share of articles
//! in one, the largest, the widest span).
//!
//! `cargo run --release -p dateline-bench --bin view-bench -- [sizes, default 1000,10000,100000]`

use dateline_bench::queries::{self, Kind};
use dateline_bench::synthetic;
use dateline_core::blob;
use dateline_core::cluster::Clusters;
use dateline_core::compare::{compare, sides, Periods};
use dateline_core::facets::{Catalogue, Facet};
use dateline_core::listing::list;
use dateline_core::search::{SearchIndex, Searcher};
use dateline_core::timeline::sections;
use dateline_core::url_state;
use dateline_core::window::{cut, Heights, Rows};
use std::time::Instant;

/// Each view is computed this many times after one warm-up.
const REPEATS: usize = 20;
/// A first screen: 900 pixels tall, with the app's first estimates of row heights.
const SCREEN: f32 = 900.0;
const HEIGHTS: Heights = Heights {
    year: 52.0,
    month: 34.0,
    entry: 88.0,
};

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "1000,10000,100000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!("Viewer benchmark (native, single thread; per view: median of {REPEATS} runs)\n");
    println!("| articles | catalogue (build) | clusters (build) | in clusters | largest | widest | blob | decode (start-up) | all, oldest | word | word + person, newest | person + range | two facets, relevance | year against the one before (compare) |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for size in sizes {
        let corpus = synthetic::corpus(size, 42);
        let index = SearchIndex::build(&corpus);
        let start = Instant::now();
        let catalogue = Catalogue::new(&corpus);
        let catalogue_ms = ms(start.elapsed());
        let start = Instant::now();
        let clusters = Clusters::new(&corpus);
        let clusters_ms = ms(start.elapsed());
        let clustered = (0..corpus.len() as u32)
            .filter(|&d| clusters.size(d) > 1)
            .count();
        let largest = (0..corpus.len() as u32)
            .map(|d| clusters.size(d))
            .max()
            .unwrap_or(0);
        let widest = widest_span(&corpus, &clusters);
        // Leaked, as the app's embedded blob lives for the whole program: decoding borrows from it.
        let bytes: &'static [u8] = Box::leak(blob::encode(&corpus).into_boxed_slice());
        let start = Instant::now();
        let bundle = blob::decode(bytes).expect("the blob just written decodes");
        let decode_ms = ms(start.elapsed());
        assert!(bundle.catalogue == catalogue && bundle.clusters == clusters);
        drop(bundle);
        let searcher = Searcher::new(&corpus, &index);
        let person = &catalogue.values(Facet::Person)[0].id;
        let outlet = &catalogue.values(Facet::Outlet)[0].id;
        // A word of the search bench's mix: mid-frequency, found in the corpus.
        let mix = queries::mix(&corpus, 7);
        let word = mix
            .iter()
            .find(|q| q.kind == Kind::Single)
            .map_or("russia", |q| q.ours.trim());
        let views = [
            String::new(),
            format!("?q={word}"),
            format!("?q={word}&person={person}&sort=newest"),
            format!("?person={person}&from=2016-01&to=2019-12"),
            format!("?q={word}&person={person}&outlet={outlet}&sort=relevance"),
            "?from=2018-01&to=2018-12&vs=before".to_owned(),
        ];
        let mut cells = Vec::new();
        for view in &views {
            let state = url_state::parse(view).state;
            let mut times = Vec::new();
            for run in 0..=REPEATS {
                let start = Instant::now();
                let results = searcher.search(&state.query);
                let listing = list(&corpus, &catalogue, &results, &state, None);
                let grouped = sections(&corpus, &clusters, &listing.docs);
                let rows = Rows::of_sections(&grouped, HEIGHTS);
                let window = rows.window(0.0, 2.0 * SCREEN);
                std::hint::black_box(cut(&grouped, &rows, window.range));
                if let Some(against) = state.compare {
                    let span = listing.histogram.span;
                    let periods = Periods::resolve(against, state.from, state.to, span)
                        .expect("the synthetic corpus has dates");
                    let sides = sides(&corpus, &listing.unranged, &periods);
                    std::hint::black_box(compare(&corpus, &index, &catalogue, &sides));
                }
                if run > 0 {
                    times.push(ms(start.elapsed()));
                }
            }
            times.sort_by(f64::total_cmp);
            cells.push(format!("{:.2} ms", times[times.len() / 2]));
        }
        println!(
            "| {size} | {catalogue_ms:.1} ms | {clusters_ms:.1} ms | {clustered} ({:.0} %) | {largest} | {widest} days | {:.1} MB | {decode_ms:.1} ms | {} |",
            clustered as f64 * 100.0 / size as f64,
            bytes.len() as f64 / 1e6,
            cells.join(" | ")
        );
    }
}

/// The most days between the first and last report of one cluster.
fn widest_span(corpus: &dateline_core::Corpus, clusters: &Clusters) -> i32 {
    let mut spans: std::collections::HashMap<u32, (i32, i32)> = Default::default();
    for (d, article) in corpus.articles().iter().enumerate() {
        let Some(date) = article.date else { continue };
        let day = date.day_number();
        let span = spans.entry(clusters.root(d as u32)).or_insert((day, day));
        *span = (span.0.min(day), span.1.max(day));
    }
    spans.values().map(|(a, b)| b - a).max().unwrap_or(0)
}
