//! The fixed query mix: 20 queries of each [`Kind`], drawn from the corpus itself so every query
//! can match, in our syntax and as plain words for the engines the browser bench compares.

use crate::synthetic::Rng;
use dateline_core::{Corpus, EntityKind};
use serde_json::{json, Value};

/// What a query exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One word.
    Single,
    /// Two words, both required.
    Two,
    /// The first four letters of a longer word, still being typed.
    Prefix,
    /// A word of 7+ letters with two inner letters swapped.
    Typo,
    /// Two adjacent words as an exact phrase.
    Phrase,
    /// One word and a `person:` filter.
    Filter,
}

impl Kind {
    /// Every kind, in table order.
    pub const ALL: [Kind; 6] = [
        Kind::Single,
        Kind::Two,
        Kind::Prefix,
        Kind::Typo,
        Kind::Phrase,
        Kind::Filter,
    ];

    /// The name used in tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single word",
            Kind::Two => "two words",
            Kind::Prefix => "prefix",
            Kind::Typo => "typo",
            Kind::Phrase => "phrase",
            Kind::Filter => "word + person:",
        }
    }
}

/// One benchmark query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchQuery {
    /// What it exercises.
    pub kind: Kind,
    /// In Dateline's query language.
    pub ours: String,
    /// The same as plain words, for MiniSearch and FlexSearch (no phrase or filter syntax).
    pub words: String,
    /// For [`Kind::Filter`]: the person's canonical name, filtered on by the other engines too.
    pub person: Option<String>,
}

impl BenchQuery {
    /// The query as JSON for the browser bench.
    pub fn to_json(&self) -> Value {
        json!({ "kind": self.kind.name(), "ours": self.ours, "words": self.words, "person": self.person })
    }
}

/// Queries per kind.
pub const PER_KIND: usize = 20;

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Draws the query mix from `corpus` with a fixed seed.
pub fn mix(corpus: &Corpus, seed: u64) -> Vec<BenchQuery> {
    let mut rng = Rng::new(seed);
    let articles = corpus.articles();
    let people: Vec<&str> = corpus
        .entities()
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    // A random paragraph's words.
    let paragraph = |rng: &mut Rng| -> Vec<String> {
        let a = &articles[rng.below(articles.len())];
        words_of(&a.paragraphs[rng.below(a.paragraphs.len())])
    };
    let long_word = |words: &[String], rng: &mut Rng, min: usize| -> Option<String> {
        let long: Vec<&String> = words.iter().filter(|w| w.len() >= min).collect();
        (!long.is_empty()).then(|| long[rng.below(long.len())].clone())
    };
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let mut made = 0;
        while made < PER_KIND {
            let words = paragraph(&mut rng);
            let query = match kind {
                Kind::Single => long_word(&words, &mut rng, 6).map(|w| (format!("{w} "), w, None)),
                Kind::Two => long_word(&words, &mut rng, 6)
                    .zip(long_word(&words, &mut rng, 6))
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| (format!("{a} {b} "), format!("{a} {b}"), None)),
                Kind::Prefix => long_word(&words, &mut rng, 7).map(|w| {
                    let p: String = w.chars().take(4).collect();
                    (p.clone(), p, None)
                }),
                Kind::Typo => long_word(&words, &mut rng, 7).map(|w| {
                    let mut c: Vec<char> = w.chars().collect();
                    c.swap(2, 3);
                    let t: String = c.into_iter().collect();
                    (format!("{t} "), t, None)
                }),
                Kind::Phrase => {
                    let pairs: Vec<(&String, &String)> = words
                        .windows(2)
                        .map(|w| (&w[0], &w[1]))
                        .filter(|(a, b)| a.len() >= 5 && b.len() >= 5)
                        .collect();
                    (!pairs.is_empty()).then(|| {
                        let (a, b) = pairs[rng.below(pairs.len())];
                        (format!("\"{a} {b}\""), format!("{a} {b}"), None)
                    })
                }
                Kind::Filter => long_word(&words, &mut rng, 6).map(|w| {
                    let person = people[rng.below(people.len())];
                    let surname = person.rsplit(' ').next().unwrap_or(person).to_lowercase();
                    (format!("{w} person:{surname}"), w, Some(person.to_owned()))
                }),
            };
            if let Some((ours, words, person)) = query {
                out.push(BenchQuery {
                    kind,
                    ours,
                    words,
                    person,
                });
                made += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::search::{SearchIndex, Searcher};

    #[test]
    fn every_query_but_typos_finds_something() {
        let corpus = crate::synthetic::corpus(300, 3);
        let index = SearchIndex::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        let mix = mix(&corpus, 9);
        assert_eq!(mix.len(), PER_KIND * Kind::ALL.len());
        for q in &mix {
            let hits = searcher.search(&q.ours).hits.len();
            if q.kind != Kind::Filter {
                assert!(hits > 0, "{q:?} found nothing");
            }
        }
    }
}
