//! A deterministic synthetic corpus for benchmarks: realistic article shapes (banners,
//! headline, caption, dateline, body, closing appeals), Zipf-like word frequencies, dates over
//! 2014–2025, several outlets and the seed gazetteer's names. Half the articles carry a
//! metadata sidecar; the rest leave headline, date and outlet to inference.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// A small, fast, seeded random number generator (xorshift64*): the same seed gives the same
/// corpus on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by 1).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A uniform index in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// An index in 0..n, small ones far likelier (Zipf-like, exponent about 1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

/// Common words of news text about the story, commonest first.
pub const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "that",
    "for",
    "with",
    "was",
    "as",
    "by",
    "is",
    "its",
    "from",
    "at",
    "has",
    "have",
    "would",
    "will",
    "it",
    "talks",
    "visit",
    "minister",
    "foreign",
    "military",
    "trade",
    "sanctions",
    "agreement",
    "cooperation",
    "summit",
    "officials",
    "leader",
    "government",
    "relations",
    "security",
    "nuclear",
    "weapons",
    "border",
    "railway",
    "economic",
    "delegation",
    "statement",
    "ministry",
    "week",
    "year",
    "month",
    "plans",
    "meeting",
    "state",
    "media",
    "reported",
    "agency",
    "support",
    "deal",
    "treaty",
    "defence",
    "troops",
    "war",
    "ukraine",
    "peninsula",
    "missile",
    "launch",
    "satellite",
    "food",
    "aid",
    "energy",
    "pipeline",
    "port",
    "tourism",
    "visa",
    "workers",
    "labour",
    "bank",
    "payments",
    "exchange",
    "students",
    "culture",
    "sports",
    "ties",
    "friendship",
    "bilateral",
    "strategic",
    "partnership",
    "comprehensive",
    "dialogue",
    "envoy",
    "ambassador",
    "embassy",
    "consulate",
    "parliament",
    "committee",
    "commission",
    "intergovernmental",
    "session",
    "protocol",
    "signed",
    "ratified",
    "announced",
    "confirmed",
    "denied",
];
const NAMES: &[&str] = &[
    "Kim Jong Un",
    "Vladimir Putin",
    "Sergey Lavrov",
    "Sergei Shoigu",
    "Choe Son Hui",
    "Dmitry Peskov",
    "Andrey Rudenko",
    "Alexander Kozlov",
    "Pyongyang",
    "Moscow",
    "Vladivostok",
    "Seoul",
    "North Korea",
    "Russia",
    "the Kremlin",
    "TASS",
    "KCNA",
    "Yonhap",
    "Rason",
    "Khasan",
];
const OUTLETS: &[&str] = &[
    "The Moscow Times",
    "NationPress",
    "Korea Herald",
    "Daily Dispatch",
    "Pacific Wire",
    "Eurasia Review",
];
const PLACES: &[&str] = &[
    "Seoul",
    "Moscow",
    "Pyongyang",
    "Vladivostok",
    "Tokyo",
    "Beijing",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let words = 12 + rng.below(18);
    for i in 0..words {
        let word = if rng.below(9) == 0 {
            NAMES[rng.below(NAMES.len())]
        } else {
            WORDS[rng.zipf(WORDS.len())]
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push_str(". ");
}

/// Writes `count` articles (and their sidecars) into `dir`; returns the bytes of article text.
pub fn write_corpus(dir: &Path, count: usize, seed: u64) -> io::Result<u64> {
    let mut rng = Rng::new(seed);
    let mut bytes = 0;
    for n in 0..count {
        let outlet = OUTLETS[rng.zipf(OUTLETS.len())];
        let (year, month, day) = (
            2014 + rng.below(12) as i32,
            1 + rng.below(12),
            1 + rng.below(28),
        );
        let mut headline = String::new();
        for i in 0..(5 + rng.below(6)) {
            let w = if i == 0 {
                NAMES[rng.below(NAMES.len())]
            } else {
                WORDS[20 + rng.below(WORDS.len() - 20)]
            };
            if i > 0 {
                headline.push(' ');
            }
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                headline.extend(first.to_uppercase());
                headline.push_str(chars.as_str());
            }
        }
        let mut text = String::new();
        let _ = writeln!(text, "Support {outlet}!\n\n{headline}\n");
        if rng.below(2) == 0 {
            let _ = writeln!(
                text,
                "{} and {} at a meeting in {}.\n",
                NAMES[rng.below(8)],
                NAMES[rng.below(8)],
                PLACES[rng.below(PLACES.len())]
            );
        }
        let _ = writeln!(
            text,
            "{}, {} {day}, {year} ({outlet}) ",
            PLACES[rng.below(PLACES.len())],
            dateline_core::model::MONTH_NAMES[month - 1]
        );
        for _ in 0..(6 + rng.below(10)) {
            for _ in 0..(2 + rng.below(4)) {
                sentence(&mut rng, &mut text);
            }
            text.push_str("\n\n");
        }
        let _ = write!(text, "Read more\n\nSign up for our free weekly newsletter from {outlet}.\n\nYour support, no matter how small, makes a world of difference.\n");
        let name = format!("{n:06}");
        std::fs::write(dir.join(format!("{name}.txt")), &text)?;
        bytes += text.len() as u64;
        if n % 2 == 0 {
            let meta = format!("headline = \"{headline}\"\noutlet = \"{outlet}\"\npublished = {year:04}-{month:02}-{day:02}\nurl = \"https://example.org/{name}\"\n");
            std::fs::write(dir.join(format!("{name}.meta.toml")), meta)?;
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_it_ingests() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        assert_eq!(
            write_corpus(a.path(), 300, 7).unwrap(),
            write_corpus(b.path(), 300, 7).unwrap()
        );
        assert_eq!(
            std::fs::read(a.path().join("000013.txt")).unwrap(),
            std::fs::read(b.path().join("000013.txt")).unwrap()
        );
        let ingested = crate::ingest_dir(a.path()).unwrap();
        assert_eq!(ingested.corpus.len(), 300);
        // Every article keeps most of its paragraphs (6 or more were written).
        assert!(
            ingested
                .corpus
                .articles()
                .iter()
                .all(|a| a.paragraphs.len() >= 5),
            "an article lost its text"
        );
        // Inference dates the articles without sidecars from their datelines.
        assert!(ingested.corpus.articles().iter().all(|a| a.date.is_some()));
        assert!(ingested
            .corpus
            .articles()
            .iter()
            .all(|a| !a.paragraphs.iter().any(|p| p.contains("Read more"))));
    }
}
