//! The core work of one keystroke, natively, stage by stage: for every prefix of the typing
//! benchmark's queries (`bench/typing/run.mjs`), what the app derives from the new query on the
//! same corpus its page embeds (ingested from a folder, through the blob): search, listing
//! (facet counts, histogram, order), the timeline's sections, their rows, the window a first
//! screen renders and the marks and excerpts of its entries. Prints per-stage means and the total's p50 / p95 / max, so a change in the
//! core can be weighed before a release build of the page.
//!
//! `cargo run --release -p dateline-bench --bin keystroke-bench -- <corpus dir or blob> [repeats, default 5] [--save <blob>]`
//! (`--save` writes the blob of an ingested folder, to be read again without ingesting)
//! (`scripts/build-bench-page.sh` leaves the synthetic folders in `target/bench-typing/corpus-N`).

use dateline_core::blob;
use dateline_core::listing::list;
use dateline_core::search::Searcher;
use dateline_core::timeline::sections;
use dateline_core::url_state::ViewState;
use dateline_core::window::{cut, Heights, Rows};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The typing benchmark's queries, typed one key at a time.
const QUERIES: [&str; 6] = [
    "sanctions railway",
    "vladivostok",
    "\"foreign minister\"",
    "kim jong un",
    "nuclear talks",
    "putin visit",
];
const STAGES: [&str; 6] = ["search", "listing", "sections", "rows", "window", "marks"];
/// Words in an entry's excerpt, as the timeline shows it (`EXCERPT_WORDS` in its component).
const EXCERPT_WORDS: usize = 28;
const HEIGHTS: Heights = Heights {
    year: 52.0,
    month: 34.0,
    entry: 88.0,
};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: keystroke-bench <corpus dir> [repeats]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let save = (args.next().as_deref() == Some("--save"))
        .then(|| args.next())
        .flatten();
    // A folder is ingested as the build does; a blob the build wrote (`corpus.bin`) is read as it is.
    let bytes = if dir.is_dir() {
        let ingested = dateline_ingest::ingest_dir(&dir).unwrap_or_else(|report| {
            eprintln!("{report}");
            std::process::exit(1);
        });
        blob::encode(&ingested.corpus)
    } else {
        std::fs::read(&dir).unwrap_or_else(|e| {
            eprintln!("keystroke-bench: cannot read {}: {e}", dir.display());
            std::process::exit(1);
        })
    };
    if let Some(path) = save {
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("keystroke-bench: cannot write {path}: {e}");
        }
    }
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let bundle = blob::decode(bytes).expect("the blob just written decodes");
    let searcher = Searcher::new(&bundle.corpus, &bundle.index);

    let prefixes: Vec<&str> = QUERIES
        .iter()
        .flat_map(|q| {
            (1..=q.len())
                .filter(|&i| q.is_char_boundary(i))
                .map(|i| &q[..i])
        })
        .collect();
    let mut totals = Vec::new();
    let mut stages = [Duration::ZERO; 6];
    let mut slowest: Vec<(f64, &str, [f64; 6])> = Vec::new();
    for _ in 0..repeats {
        for &prefix in &prefixes {
            let state = ViewState {
                query: prefix.to_owned(),
                ..ViewState::default()
            };
            let mut marks = [Duration::ZERO; 6];
            let start = Instant::now();
            let results = searcher.search(&state.query);
            marks[0] = start.elapsed();
            let listing = list(&bundle.corpus, &bundle.catalogue, &results, &state, None);
            marks[1] = start.elapsed();
            let grouped = sections(&bundle.corpus, &bundle.clusters, &listing.docs);
            marks[2] = start.elapsed();
            let rows = Rows::of_sections(&grouped, HEIGHTS);
            marks[3] = start.elapsed();
            let window = rows.window(0.0, 1800.0);
            let shown = cut(&grouped, &rows, window.range);
            marks[4] = start.elapsed();
            // What each rendered entry marks: its headline and, when the query has words, its
            // best passage.
            let highlighter = &results.highlighter;
            if !highlighter.is_empty() {
                for node in shown.iter().flat_map(|y| &y.months).flat_map(|m| &m.nodes) {
                    let article = &bundle.corpus.articles()[node.docs[0] as usize];
                    std::hint::black_box(highlighter.marks(&article.headline));
                    std::hint::black_box(highlighter.excerpt(article, EXCERPT_WORDS));
                }
            }
            marks[5] = start.elapsed();
            let mut each = [0.0; 6];
            let mut before = Duration::ZERO;
            for (i, mark) in marks.iter().enumerate() {
                stages[i] += *mark - before;
                each[i] = ms(*mark - before);
                before = *mark;
            }
            totals.push(ms(marks[5]));
            slowest.push((ms(marks[5]), prefix, each));
        }
    }
    let n = totals.len() as f64;
    totals.sort_by(f64::total_cmp);
    let at = |p: f64| totals[((p * n).ceil() as usize).clamp(1, totals.len()) - 1];
    println!(
        "Keystroke core work on {} ({} articles), {} prefixes × {repeats}, ms",
        dir.display(),
        bundle.corpus.len(),
        prefixes.len()
    );
    println!(
        "| total p50 | total p95 | max | {} |",
        STAGES.map(|s| format!("{s} (mean)")).join(" | ")
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {:.2} | {:.2} | {:.2} | {} |",
        at(0.5),
        at(0.95),
        totals[totals.len() - 1],
        stages.map(|s| format!("{:.3}", ms(s) / n)).join(" | ")
    );
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    println!("\nSlowest prefixes (total, then {}):", STAGES.join(", "));
    for (total, prefix, each) in slowest.iter().take(8) {
        println!(
            "  {total:7.2}  {:24} {}",
            format!("{prefix:?}"),
            each.map(|s| format!("{s:6.2}")).join(" ")
        );
    }
}
