//! The search index built from a corpus at build time and embedded beside it.
//!
//! An [`fst`] map holds the term dictionary (sorted, compressed, searchable by prefix and by
//! Levenshtein automaton); each term maps to the byte offset of its posting list in one shared
//! buffer ([`postings`](super::postings) describes the encoding). Per article the index keeps
//! only the body length, for BM25's length normalisation. There are no word positions: phrases
//! are checked against the article text, which the app holds anyway, so the index stays small.
//!
//! Fields indexed: the headline, the body (paragraphs and captions), the outlet's name and the
//! names and aliases of the entities the article mentions, so that a query for "DPRK" finds
//! articles that only ever say "North Korea".

use crate::model::{Article, Corpus};
use crate::search::analyse::{is_stop_word, term, tokens};
use crate::search::postings::{self, Posting};
use fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The prebuilt index.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "RawIndex", into = "RawIndex")]
pub struct SearchIndex {
    terms: Map<Vec<u8>>,
    postings: Vec<u8>,
    body_lengths: Vec<u32>,
    average_body_length: f32,
}

/// The serialised shape: byte buffers go through `serde_bytes` so decoding them is one copy.
#[derive(Serialize, Deserialize)]
struct RawIndex {
    #[serde(with = "serde_bytes")]
    terms: Vec<u8>,
    #[serde(with = "serde_bytes")]
    postings: Vec<u8>,
    body_lengths: Vec<u32>,
}

impl TryFrom<RawIndex> for SearchIndex {
    type Error = String;

    fn try_from(raw: RawIndex) -> Result<Self, String> {
        let terms = Map::new(raw.terms).map_err(|e| format!("term dictionary: {e}"))?;
        let total: u64 = raw.body_lengths.iter().map(|&l| u64::from(l)).sum();
        let average_body_length = (total as f32 / raw.body_lengths.len().max(1) as f32).max(1.0);
        Ok(SearchIndex {
            terms,
            postings: raw.postings,
            body_lengths: raw.body_lengths,
            average_body_length,
        })
    }
}

impl From<SearchIndex> for RawIndex {
    fn from(index: SearchIndex) -> Self {
        RawIndex {
            terms: index.terms.into_fst().into_inner(),
            postings: index.postings,
            body_lengths: index.body_lengths,
        }
    }
}

impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        self.terms.as_fst().as_bytes() == other.terms.as_fst().as_bytes()
            && self.postings == other.postings
            && self.body_lengths == other.body_lengths
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("terms", &self.terms.len())
            .field("postings_bytes", &self.postings.len())
            .field("articles", &self.body_lengths.len())
            .finish()
    }
}

/// A term found in the dictionary: where its postings are and in how many articles it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermEntry {
    /// The term as indexed (folded and stemmed).
    pub term: String,
    /// Offset of its posting list.
    pub offset: usize,
    /// Number of articles holding it.
    pub doc_frequency: u32,
}

/// Accumulates one term's postings while the index is built.
#[derive(Default)]
struct TermBuilder {
    list: Vec<Posting>,
}

/// Caches stems: a corpus repeats its words, and stemming is the costly step of analysis.
#[derive(Default)]
struct Stems(HashMap<String, String>);

impl Stems {
    fn get(&mut self, folded: String) -> Option<&str> {
        if is_stop_word(&folded) {
            return None;
        }
        Some(
            self.0
                .entry(folded)
                .or_insert_with_key(|f| term(f))
                .as_str(),
        )
    }
}

impl SearchIndex {
    /// Builds the index of a corpus. Article `i` of the corpus is document `i`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut stems = Stems::default();
        let mut dictionary: HashMap<String, TermBuilder> = HashMap::new();
        let mut body_lengths = Vec::with_capacity(corpus.len());
        let mut doc_terms: HashMap<String, Posting> = HashMap::new();
        for (doc, article) in corpus.articles().iter().enumerate() {
            let doc = doc as u32;
            let mut body_length = 0u32;
            let mut add = |text: &str, field: Field, body_length: &mut u32| {
                for token in tokens(text) {
                    let Some(term) = stems.get(token.folded) else {
                        continue;
                    };
                    let posting = match doc_terms.get_mut(term) {
                        Some(p) => p,
                        None => doc_terms.entry(term.to_owned()).or_insert(Posting {
                            doc,
                            ..Posting::default()
                        }),
                    };
                    match field {
                        Field::Headline => posting.headline = true,
                        Field::Outlet => posting.outlet = true,
                        Field::Entities => posting.entities = true,
                        Field::Body => {
                            posting.body += 1;
                            *body_length += 1;
                        }
                    }
                }
            };
            add(&article.headline, Field::Headline, &mut body_length);
            for text in article.paragraphs.iter().chain(&article.captions) {
                add(text, Field::Body, &mut body_length);
            }
            if let Some(outlet) = &article.outlet {
                add(outlet, Field::Outlet, &mut body_length);
            }
            for name in entity_names(corpus, article) {
                add(name, Field::Entities, &mut body_length);
            }
            body_lengths.push(body_length);
            for (term, posting) in doc_terms.drain() {
                dictionary.entry(term).or_default().list.push(posting);
            }
        }
        let mut terms: Vec<(String, TermBuilder)> = dictionary.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut postings_bytes = Vec::new();
        let mut builder = MapBuilder::memory();
        for (term, built) in terms {
            let offset = postings_bytes.len() as u64;
            postings::encode(&built.list, &mut postings_bytes);
            // Terms are unique and sorted, so insertion cannot fail.
            builder
                .insert(term.as_bytes(), offset)
                .expect("terms are inserted sorted and once");
        }
        let terms = builder.into_map();
        let raw = RawIndex {
            terms: terms.into_fst().into_inner(),
            postings: postings_bytes,
            body_lengths,
        };
        SearchIndex::try_from(raw).expect("a freshly built dictionary is valid")
    }

    /// How many articles the index covers.
    pub fn len(&self) -> usize {
        self.body_lengths.len()
    }

    /// Whether the index covers no article.
    pub fn is_empty(&self) -> bool {
        self.body_lengths.is_empty()
    }

    /// How many distinct terms the dictionary holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Sizes in bytes of the dictionary and the posting lists.
    pub fn byte_sizes(&self) -> (usize, usize) {
        (self.terms.as_fst().as_bytes().len(), self.postings.len())
    }

    /// The body length (indexed words) of an article.
    pub fn body_length(&self, doc: u32) -> u32 {
        self.body_lengths.get(doc as usize).copied().unwrap_or(0)
    }

    /// The mean body length over all articles.
    pub fn average_body_length(&self) -> f32 {
        self.average_body_length
    }

    fn entry(&self, term: &[u8], offset: u64) -> TermEntry {
        let offset = offset as usize;
        TermEntry {
            term: String::from_utf8_lossy(term).into_owned(),
            offset,
            doc_frequency: postings::doc_frequency(&self.postings, offset),
        }
    }

    /// The dictionary entry of an exact term.
    pub fn lookup(&self, term: &str) -> Option<TermEntry> {
        self.terms
            .get(term)
            .map(|offset| self.entry(term.as_bytes(), offset))
    }

    /// Up to `limit` terms starting with `prefix`, the most frequent first.
    pub fn with_prefix(&self, prefix: &str, limit: usize) -> Vec<TermEntry> {
        let automaton = fst::automaton::Str::new(prefix).starts_with();
        let mut stream = self.terms.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((term, offset)) = stream.next() {
            found.push(self.entry(term, offset));
        }
        most_frequent(found, limit)
    }

    /// Up to `limit` terms within `distance` edits of `term` (a transposition is one edit), each
    /// with its distance, the closest and then the most frequent first.
    pub fn within_distance(&self, term: &str, distance: u8, limit: usize) -> Vec<(TermEntry, u8)> {
        self.matching(&super::typo::automaton(term, distance), limit)
    }

    /// Up to `limit` terms that start with `prefix` give or take `distance` edits, each with the
    /// edits of its start, the closest and then the most frequent first.
    pub fn with_near_prefix(
        &self,
        prefix: &str,
        distance: u8,
        limit: usize,
    ) -> Vec<(TermEntry, u8)> {
        self.matching(&super::typo::prefix_automaton(prefix, distance), limit)
    }

    fn matching(&self, dfa: &levenshtein_automata::DFA, limit: usize) -> Vec<(TermEntry, u8)> {
        let mut stream = self.terms.search_with_state(dfa).into_stream();
        let mut found = Vec::new();
        while let Some((key, offset, state)) = stream.next() {
            if let levenshtein_automata::Distance::Exact(d) = dfa.distance(state) {
                found.push((self.entry(key, offset), d));
            }
        }
        found.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.doc_frequency.cmp(&a.0.doc_frequency))
        });
        found.truncate(limit);
        found
    }

    /// The postings of a dictionary entry.
    pub fn postings(&self, entry: &TermEntry) -> impl Iterator<Item = Posting> + '_ {
        postings::decode(&self.postings, entry.offset)
    }
}

fn most_frequent(mut found: Vec<TermEntry>, limit: usize) -> Vec<TermEntry> {
    if found.len() > limit {
        found.sort_by_key(|e| std::cmp::Reverse(e.doc_frequency));
        found.truncate(limit);
    }
    found
}

/// The names and aliases of the entities an article mentions.
pub(crate) fn entity_names<'a>(
    corpus: &'a Corpus,
    article: &'a Article,
) -> impl Iterator<Item = &'a str> + 'a {
    article
        .entities
        .iter()
        .filter_map(|&i| corpus.entity(i))
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(String::as_str)
}

#[derive(Clone, Copy)]
enum Field {
    Headline,
    Body,
    Outlet,
    Entities,
}
