//! Experiment: how big would a biword index be on the synthetic corpus.
use dateline_bench::synthetic;
use dateline_core::search::analyse::{is_stop_word, term, tokens};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::collections::{HashMap, HashSet};
use std::io::Write;

fn gz(b: &[u8]) -> usize {
    let mut g = GzEncoder::new(Vec::new(), Compression::new(9));
    g.write_all(b).unwrap();
    g.finish().unwrap().len()
}
fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10000);
    let corpus = synthetic::corpus(n, 42);
    let mut stems: HashMap<String, Option<String>> = HashMap::new();
    // per doc: sequence of Option<term> (None = stop word)
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut docs_pairs: Vec<HashSet<(String, String)>> = Vec::new();
    let mut tokens_total = 0usize;
    for a in corpus.articles() {
        let mut seen = HashSet::new();
        let mut pairs = HashSet::new();
        for text in
            std::iter::once(a.headline.as_str()).chain(a.paragraphs.iter().map(|p| p.as_str()))
        {
            let mut prev: Option<String> = None;
            for t in tokens(text) {
                tokens_total += 1;
                let st = stems
                    .entry(t.folded.clone())
                    .or_insert_with(|| (!is_stop_word(&t.folded)).then(|| term(&t.folded)))
                    .clone();
                if let Some(s) = &st {
                    seen.insert(s.clone());
                    if let Some(p) = &prev {
                        pairs.insert((p.clone(), s.clone()));
                    }
                }
                prev = st;
            }
        }
        for s in seen {
            *df.entry(s).or_default() += 1;
        }
        docs_pairs.push(pairs);
    }
    println!("docs {n}, tokens {tokens_total}, terms {}", df.len());
    for f in [0.0, 0.005, 0.01, 0.02, 0.05] {
        let min = ((n as f64) * f).ceil() as u32;
        let mut lists: HashMap<(String, String), Vec<u32>> = HashMap::new();
        for (d, pairs) in docs_pairs.iter().enumerate() {
            for p in pairs {
                if df[&p.0] >= min && df[&p.1] >= min {
                    lists.entry(p.clone()).or_default().push(d as u32);
                }
            }
        }
        let postings: usize = lists.values().map(Vec::len).sum();
        let mut bytes = Vec::new();
        let mut keys: Vec<_> = lists.keys().cloned().collect();
        keys.sort();
        for k in &keys {
            let l = &lists[k];
            varint(&mut bytes, l.len() as u32);
            let mut prev: i64 = -1;
            for &d in l {
                varint(&mut bytes, (d as i64 - prev - 1) as u32);
                prev = d as i64;
            }
        }
        println!(
            "min df {min:>5}: pairs {:>7}, postings {:>8}, bytes {:>8}, gzip {:>8}",
            lists.len(),
            postings,
            bytes.len(),
            gz(&bytes)
        );
    }
}
