//! The native search benchmark: builds the index of synthetic corpora of several sizes and
//! prints build time, sizes and query latency per query kind. With `--emit DIR` it also writes
//! what the browser bench needs (articles as JSON, the corpus and index blobs, the query mix).
//!
//! `cargo run --release -p dateline-bench --bin search-bench -- [--sizes 1000,10000] [--emit DIR]`

use dateline_bench::queries::{self, BenchQuery, Kind};
use dateline_bench::synthetic;
use dateline_core::search::{typo, SearchIndex, Searcher};
use dateline_core::Corpus;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::json;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

/// Each query runs this many times, after one warm-up run of the whole mix.
const REPEATS: usize = 5;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(9));
    gz.write_all(bytes).expect("writing to memory");
    gz.finish().expect("writing to memory").len()
}

fn corpus_text(corpus: &Corpus) -> String {
    let mut text = String::new();
    for a in corpus.articles() {
        text.push_str(&a.headline);
        text.push('\n');
        for p in &a.paragraphs {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Args {
    sizes: Vec<usize>,
    emit: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1_000, 10_000, 100_000],
        emit: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sizes" => {
                let v = it
                    .next()
                    .ok_or("--sizes needs a value, e.g. --sizes 1000,10000")?;
                args.sizes = v
                    .split(',')
                    .map(|s| s.trim().parse().map_err(|_| format!("“{s}” is not a size")))
                    .collect::<Result<_, _>>()?;
            }
            "--emit" => args.emit = Some(it.next().ok_or("--emit needs a directory")?.into()),
            other => {
                return Err(format!(
                    "unknown argument “{other}”; use --sizes and --emit"
                ))
            }
        }
    }
    Ok(args)
}

fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("search-bench: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "Native search benchmark (single thread, {REPEATS} runs of each of {} queries)\n",
        queries::PER_KIND * Kind::ALL.len()
    );
    println!("| articles | text | text gzip | index build | index | index gzip | index gzip / text gzip | decode | p50 | p95 | p99 |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut by_kind = Vec::new();
    for &size in &args.sizes {
        let corpus = synthetic::corpus(size, 42);
        let text = corpus_text(&corpus);
        let text_gz = gzip_len(text.as_bytes());
        let start = Instant::now();
        let index = SearchIndex::build(&corpus);
        let build = start.elapsed();
        let index_bytes = postcard::to_allocvec(&index).expect("the index serialises");
        let index_gz = gzip_len(&index_bytes);
        let mut decodes: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let decoded: SearchIndex =
                    postcard::from_bytes(&index_bytes).expect("the index decodes");
                let t = ms(start.elapsed());
                drop(decoded);
                t
            })
            .collect();
        decodes.sort_by(f64::total_cmp);
        typo::warm_up();
        let searcher = Searcher::new(&corpus, &index);
        let mix = queries::mix(&corpus, 7);
        for q in &mix {
            std::hint::black_box(searcher.search(&q.ours));
        }
        let mut all = Vec::new();
        let mut kinds: Vec<(Kind, Vec<f64>)> = Kind::ALL.iter().map(|&k| (k, Vec::new())).collect();
        for _ in 0..REPEATS {
            for q in &mix {
                let start = Instant::now();
                std::hint::black_box(searcher.search(&q.ours));
                let t = ms(start.elapsed());
                all.push(t);
                if let Some((_, v)) = kinds.iter_mut().find(|(k, _)| *k == q.kind) {
                    v.push(t);
                }
            }
        }
        all.sort_by(f64::total_cmp);
        println!(
            "| {size} | {:.1} MB | {:.1} MB | {:.0} ms | {:.2} MB | {:.2} MB | {:.0} % | {:.1} ms | {:.3} ms | {:.3} ms | {:.3} ms |",
            text.len() as f64 / 1e6,
            text_gz as f64 / 1e6,
            ms(build),
            index_bytes.len() as f64 / 1e6,
            index_gz as f64 / 1e6,
            100.0 * index_gz as f64 / text_gz as f64,
            decodes[2],
            percentile(&all, 50.0),
            percentile(&all, 95.0),
            percentile(&all, 99.0),
        );
        by_kind.push((size, kinds));
        if let Some(dir) = &args.emit {
            if size <= 10_000 {
                emit(dir, size, &corpus, &index_bytes, &mix);
            }
        }
    }
    println!("\nLatency by query kind (p50 / p95, ms)\n");
    print!("| articles |");
    for k in Kind::ALL {
        print!(" {} |", k.name());
    }
    println!("\n|---:|{}", "---:|".repeat(Kind::ALL.len()));
    for (size, mut kinds) in by_kind {
        print!("| {size} |");
        for (_, v) in &mut kinds {
            v.sort_by(f64::total_cmp);
            print!(" {:.3} / {:.3} |", percentile(v, 50.0), percentile(v, 95.0));
        }
        println!();
    }
}

/// Writes the browser bench's inputs for one size.
fn emit(dir: &std::path::Path, size: usize, corpus: &Corpus, index: &[u8], mix: &[BenchQuery]) {
    std::fs::create_dir_all(dir).expect("the emit directory can be made");
    let articles: Vec<_> = corpus
        .articles()
        .iter()
        .enumerate()
        .map(|(id, a)| {
            let entities: Vec<&str> = a
                .entities
                .iter()
                .filter_map(|&e| corpus.entity(e))
                .map(|e| e.name.as_str())
                .collect();
            json!({
                "id": id,
                "headline": a.headline,
                "body": a.body_text(),
                "outlet": a.outlet,
                "entities": entities.join(" | "),
            })
        })
        .collect();
    let write = |name: String, bytes: &[u8]| {
        std::fs::write(dir.join(&name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    };
    write(
        format!("articles-{size}.json"),
        serde_json::to_string(&articles).expect("json").as_bytes(),
    );
    // The corpus as the app embeds it: a blob, its text packed (the bench page keeps its corpus
    // and decodes the index apart).
    write(
        format!("corpus-{size}.bin"),
        &dateline_core::blob::encode(corpus),
    );
    write(format!("index-{size}.bin"), index);
    let queries: Vec<_> = mix.iter().map(BenchQuery::to_json).collect();
    write(
        format!("queries-{size}.json"),
        serde_json::to_string(&queries).expect("json").as_bytes(),
    );
}
