//! Experiment: gzip size of alternative posting layouts on the synthetic corpus.
use dateline_bench::synthetic;
use dateline_core::search::postings::Posting;
use dateline_core::search::SearchIndex;
use flate2::write::GzEncoder;
use flate2::Compression;
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
fn flags(p: &Posting) -> u8 {
    (p.body.min(15) as u8)
        | (u8::from(p.headline) << 4)
        | (u8::from(p.outlet) << 5)
        | (u8::from(p.entities) << 6)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10000);
    let corpus = synthetic::corpus(n, 42);
    let index = SearchIndex::build(&corpus);
    let entries = index.with_prefix("", usize::MAX);
    let lists: Vec<Vec<Posting>> = entries
        .iter()
        .map(|e| index.postings(e).collect())
        .collect();
    let total: usize = lists.iter().map(Vec::len).sum();
    let (dict, post) = index.byte_sizes();
    println!(
        "terms {}, postings {total}, dict {dict}, postings bytes {post}",
        lists.len()
    );
    // (a) interleaved (current)
    let mut a = Vec::new();
    // (b) split per list
    let mut b = Vec::new();
    // (c) two global streams
    let (mut cg, mut cf) = (Vec::new(), Vec::new());
    // (d) split per list, dense lists as bitmaps
    let mut d = Vec::new();
    for l in &lists {
        varint(&mut a, l.len() as u32);
        varint(&mut b, l.len() as u32);
        varint(&mut cg, l.len() as u32);
        varint(&mut d, l.len() as u32);
        let mut prev: i64 = -1;
        let mut gaps = Vec::new();
        let mut fl = Vec::new();
        for p in l {
            let g = (p.doc as i64 - prev - 1) as u32;
            prev = p.doc as i64;
            varint(&mut a, g);
            a.push(flags(p));
            if p.body >= 15 {
                varint(&mut a, p.body - 15);
            }
            varint(&mut gaps, g);
            fl.push(flags(p));
            if p.body >= 15 {
                varint(&mut fl, p.body - 15);
            }
        }
        b.extend(&gaps);
        b.extend(&fl);
        cg.extend(&gaps);
        cf.extend(&fl);
        if l.len() * 8 > n {
            let mut bits = vec![0u8; n.div_ceil(8)];
            for p in l {
                bits[p.doc as usize / 8] |= 1 << (p.doc % 8);
            }
            d.extend(&bits);
        } else {
            d.extend(&gaps);
        }
        d.extend(&fl);
    }
    println!("(a) interleaved:   raw {:>9} gzip {:>9}", a.len(), gz(&a));
    println!("(b) split per list: raw {:>9} gzip {:>9}", b.len(), gz(&b));
    println!(
        "(c) two streams:    raw {:>9} gzip {:>9}",
        cg.len() + cf.len(),
        gz(&cg) + gz(&cf)
    );
    println!("(d) split+bitmaps:  raw {:>9} gzip {:>9}", d.len(), gz(&d));
}
