//! The search index built from a corpus at build time and embedded beside it.
//!
//! An [`fst`] map holds the term dictionary (sorted, compressed, searchable by prefix and by
//! Levenshtein automaton); each term maps to the byte offset of its posting list in one shared
//! buffer ([`postings`](super::postings) describes the encoding). Per article the index keeps
//! the body length, for BM25's length normalisation, and which stop words its headline and body
//! hold (a bit each: stop words have no postings, but phrases may hold them). There are no word positions: phrases
//! are checked against the article text, which the app holds anyway, so the index stays small.
//! For pairs of frequent words, [`pairs`](super::pairs) lists the articles where they stand side
//! by side, in what is left of the index's share of the compressed text ([`INDEX_SHARE`]).
//!
//! Fields indexed: the headline, the body (paragraphs and captions), the outlet's name and the
//! names and aliases of the entities the article mentions, so that a query for "DPRK" finds
//! articles that only ever say "North Korea".

use crate::model::{Article, Corpus};
use crate::order;
use crate::search::analyse::{stop_word_number, term_in, tokens, Stemming, STOP_WORD_COUNT};
use crate::search::pairs::{Budget, PairIndex, PairLookup, Streams, TermInfo};
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
    /// The long posting lists' skips, list after list ([`postings::encode_skips`]).
    skips: Vec<u8>,
    body_lengths: Vec<u32>,
    average_body_length: f32,
    pairs: PairIndex,
    stop_words: Vec<u8>,
    /// The stop words of each of the corpus's languages but English: an article's words on its
    /// language's list are not indexed.
    language_stop_words: Vec<LanguageStopWords>,
}

/// One language's stop words, as the index was built with them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageStopWords {
    /// The language's English name ([`Stemming::name`]).
    pub language: String,
    /// Its stop words, folded and sorted.
    pub words: Vec<String>,
}

/// The serialised shape: byte buffers go through `serde_bytes` so decoding them is one copy.
#[derive(Serialize, Deserialize)]
struct RawIndex {
    #[serde(with = "serde_bytes")]
    terms: Vec<u8>,
    #[serde(with = "serde_bytes")]
    postings: Vec<u8>,
    #[serde(with = "serde_bytes")]
    skips: Vec<u8>,
    body_lengths: Vec<u32>,
    pairs: PairIndex,
    #[serde(with = "serde_bytes")]
    stop_words: Vec<u8>,
    language_stop_words: Vec<LanguageStopWords>,
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
            skips: raw.skips,
            body_lengths: raw.body_lengths,
            average_body_length,
            pairs: raw.pairs,
            stop_words: raw.stop_words,
            language_stop_words: raw.language_stop_words,
        })
    }
}

impl From<SearchIndex> for RawIndex {
    fn from(index: SearchIndex) -> Self {
        RawIndex {
            terms: index.terms.into_fst().into_inner(),
            postings: index.postings,
            skips: index.skips,
            body_lengths: index.body_lengths,
            pairs: index.pairs,
            stop_words: index.stop_words,
            language_stop_words: index.language_stop_words,
        }
    }
}

impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        self.terms.as_fst().as_bytes() == other.terms.as_fst().as_bytes()
            && self.postings == other.postings
            && self.skips == other.skips
            && self.body_lengths == other.body_lengths
            && self.pairs == other.pairs
            && self.stop_words == other.stop_words
            && self.language_stop_words == other.language_stop_words
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("terms", &self.terms.len())
            .field("postings_bytes", &self.postings.len())
            .field("articles", &self.body_lengths.len())
            .field("pairs", &self.pairs.counts())
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

/// A word of the corpus: an indexed term, by its id, an English stop word, by its number, or a
/// stop word of the article's language.
#[derive(Clone, Copy)]
enum Word {
    Term(u32),
    Stop(usize),
    LanguageStop,
}

/// The terms of a corpus as they are met, numbered, with their stems cached: a corpus repeats
/// its words, and stemming is the costly step of analysis.
#[derive(Default)]
struct Vocabulary {
    /// (The article's stemming, a folded word) → what it is.
    folded: HashMap<(Stemming, String), Word>,
    /// Stem → id.
    ids: HashMap<String, u32>,
    /// Id → stem.
    stems: Vec<String>,
    /// Each language's stop words, by [`Stemming`] number, read when first needed.
    language_stops: Vec<Option<Vec<String>>>,
}

impl Vocabulary {
    /// What a folded word of an article in `language` is.
    fn word(&mut self, language: Stemming, folded: String) -> Word {
        let key = (language, folded);
        if let Some(&word) = self.folded.get(&key) {
            return word;
        }
        let stops = self.language_stops_of(language);
        let word = match stop_word_number(&key.1) {
            Some(number) => Word::Stop(number),
            None if stops.binary_search(&key.1).is_ok() => Word::LanguageStop,
            None => {
                let next = self.stems.len() as u32;
                let stem = term_in(language, &key.1);
                Word::Term(*self.ids.entry(stem).or_insert_with_key(|stem| {
                    self.stems.push(stem.clone());
                    next
                }))
            }
        };
        self.folded.insert(key, word);
        word
    }

    /// The stop words of a language but English's own (sorted).
    fn language_stops_of(&mut self, language: Stemming) -> &[String] {
        if self.language_stops.is_empty() {
            self.language_stops = vec![None; Stemming::ALL.len()];
        }
        self.language_stops[language as usize].get_or_insert_with(|| {
            let mut words = language.stop_words();
            words.retain(|w| stop_word_number(w).is_none());
            words
        })
    }

    /// The stop words of each language met that has any.
    fn language_stop_words(&self) -> Vec<LanguageStopWords> {
        Stemming::ALL
            .into_iter()
            .zip(&self.language_stops)
            .filter_map(|(stemming, words)| {
                let words = words.as_ref().filter(|w| !w.is_empty())?;
                Some(LanguageStopWords {
                    language: stemming.name().to_owned(),
                    words: words.clone(),
                })
            })
            .collect()
    }
}

/// Whether a sorted list holds a word.
fn is_listed(sorted: &[String], word: &str) -> bool {
    sorted.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}

/// Bytes per article of [`SearchIndex::stop_words`]: a bit per stop word.
const STOP_BYTES: usize = STOP_WORD_COUNT.div_ceil(8);

/// The share of the corpus's compressed text the whole index may take (the budget is 30 %;
/// the estimates below keep a margin under it).
pub const INDEX_SHARE: f64 = 0.25;

/// At most this many bytes are compressed to estimate how well a kind of data compresses.
const SAMPLE_BYTES: usize = 1 << 20;

impl SearchIndex {
    /// Builds the index of a corpus. Article `i` of the corpus is document `i`. The next-word
    /// lists take what is left of the index's share of the compressed text.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        Self::build_within(corpus, None)
    }

    /// Builds the index with the next-word lists held to `pair_budget` bytes instead of the
    /// index's share of the text (for tests and measurements).
    pub fn build_within(corpus: &Corpus, pair_budget: Option<Budget>) -> SearchIndex {
        let mut vocabulary = Vocabulary::default();
        let mut lists: Vec<Vec<Posting>> = Vec::new();
        let mut body_lengths = Vec::with_capacity(corpus.len());
        let mut doc_terms: HashMap<u32, Posting> = HashMap::new();
        let mut streams = Streams::default();
        let mut stop_words = vec![0u8; corpus.len() * STOP_BYTES];
        for (doc, article) in corpus.articles().iter().enumerate() {
            let doc = doc as u32;
            let mut body_length = 0u32;
            let language = Stemming::of_language(article.language.as_deref());
            let mut add = |text: &str, field: Field, streams: &mut Streams| {
                for token in tokens(text) {
                    let id = match vocabulary.word(language, token.folded) {
                        Word::Term(id) => id,
                        Word::Stop(number) => {
                            if matches!(field, Field::Headline | Field::Body) {
                                stop_words[doc as usize * STOP_BYTES + number / 8] |=
                                    1 << (number % 8);
                            }
                            // The words on either side of a stop word do not stand side by side.
                            streams.end_text();
                            continue;
                        }
                        Word::LanguageStop => {
                            streams.end_text();
                            continue;
                        }
                    };
                    let posting = doc_terms.entry(id).or_insert(Posting {
                        doc,
                        ..Posting::default()
                    });
                    match field {
                        Field::Headline => {
                            posting.headline = true;
                            streams.push(id);
                        }
                        Field::Outlet => posting.outlet = true,
                        Field::Entities => posting.entities = true,
                        Field::Body => {
                            posting.body += 1;
                            body_length += 1;
                            streams.push(id);
                        }
                    }
                }
                streams.end_text();
            };
            add(&article.headline, Field::Headline, &mut streams);
            for text in article.paragraphs.iter().chain(&article.captions) {
                add(text, Field::Body, &mut streams);
            }
            if let Some(outlet) = &article.outlet {
                add(outlet, Field::Outlet, &mut streams);
            }
            for name in entity_names(corpus, article) {
                add(name, Field::Entities, &mut streams);
            }
            streams.end_article();
            body_lengths.push(body_length);
            lists.resize_with(vocabulary.stems.len(), Vec::new);
            for (id, posting) in doc_terms.drain() {
                lists[id as usize].push(posting);
            }
        }
        let language_stop_words = vocabulary.language_stop_words();
        let stems = vocabulary.stems;
        let mut order: Vec<usize> = (0..stems.len()).collect();
        order.sort_unstable_by(|&a, &b| stems[a].cmp(&stems[b]));
        let mut postings_bytes = Vec::new();
        let mut skips = Vec::new();
        let mut builder = MapBuilder::memory();
        let mut infos = vec![
            TermInfo {
                offset: 0,
                doc_frequency: 0
            };
            stems.len()
        ];
        for id in order {
            let offset = postings_bytes.len() as u64;
            infos[id] = TermInfo {
                offset: offset as u32,
                doc_frequency: lists[id].len() as u32,
            };
            postings::encode(&lists[id], &mut postings_bytes);
            postings::encode_skips(&lists[id], &mut skips);
            // Terms are unique and sorted, so insertion cannot fail.
            builder
                .insert(stems[id].as_bytes(), offset)
                .expect("terms are inserted sorted and once");
        }
        let terms = builder.into_map().into_fst().into_inner();
        let budget = pair_budget.unwrap_or_else(|| {
            let text = compressed_text_estimate(corpus);
            let rest = compressed_estimate(&postings_bytes)
                + compressed_estimate(&stop_words)
                + terms.len()
                + 2 * corpus.len();
            Budget(((INDEX_SHARE * text as f64) as usize).saturating_sub(rest))
        });
        let pairs = PairIndex::build(&streams, &infos, budget);
        let raw = RawIndex {
            terms,
            postings: postings_bytes,
            skips,
            body_lengths,
            pairs,
            stop_words,
            language_stop_words,
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
        // Nearest first, then the most frequent.
        order::sort_by_key(&mut found, |(entry, d)| {
            order::pair(u32::from(*d), !entry.doc_frequency)
        });
        found.truncate(limit);
        found
    }

    /// What the next-word lists say of `second` standing right after `first`.
    pub fn pair(&self, first: &TermEntry, second: &TermEntry) -> PairLookup<'_> {
        self.pairs.lookup(
            first.offset as u32,
            second.offset as u32,
            first.doc_frequency.min(second.doc_frequency),
        )
    }

    /// Whether a folded word is a stop word of one of the corpus's languages other than English
    /// (English's are [`is_stop_word`](crate::search::analyse::is_stop_word)).
    pub fn is_language_stop_word(&self, folded: &str) -> bool {
        self.language_stop_words
            .iter()
            .any(|list| is_listed(&list.words, folded))
    }

    /// Whether a folded word is a stop word of `language` (by its English name), and so is not
    /// indexed in that language's articles.
    pub fn is_stop_word_in(&self, language: &str, folded: &str) -> bool {
        self.language_stop_words
            .iter()
            .any(|list| list.language == language && is_listed(&list.words, folded))
    }

    /// Whether the headline or body of an article has the stop word numbered `number`
    /// ([`stop_word_number`]).
    pub fn has_stop_word(&self, doc: u32, number: usize) -> bool {
        self.stop_words
            .get(doc as usize * STOP_BYTES + number / 8)
            .is_some_and(|b| b & (1 << (number % 8)) != 0)
    }

    /// The next-word lists.
    pub fn pairs(&self) -> &PairIndex {
        &self.pairs
    }

    /// Counts, for every term, the articles of two sides that have it in their headline or body
    /// (`sides` per article: bit 0 the first side, bit 1 the second), and calls `found(at,
    /// counts)` for each term counted, `at` naming it for [`SearchIndex::term_at`]. One pass over
    /// the postings, in term order, without the dictionary.
    pub fn tally(&self, sides: &[u8], found: impl FnMut(usize, [u32; 2])) {
        postings::tally(&self.postings, &self.skips, sides, found);
    }

    /// The dictionary entry of the term whose postings start at `at` (from [`SearchIndex::tally`]).
    pub fn term_at(&self, at: usize) -> Option<TermEntry> {
        // Posting offsets rise with the terms, which is what a reverse lookup needs.
        let key = self.terms.as_fst().get_key(at as u64)?;
        Some(TermEntry {
            term: String::from_utf8(key).ok()?,
            offset: at,
            doc_frequency: postings::doc_frequency(&self.postings, at),
        })
    }

    /// The postings of a dictionary entry.
    pub fn postings(&self, entry: &TermEntry) -> impl Iterator<Item = Posting> + '_ {
        postings::decode(&self.postings, entry.offset)
    }
}

/// About how many bytes the corpus's text takes compressed: the texts of evenly spread
/// articles, up to [`SAMPLE_BYTES`], are compressed, and their ratio scaled to the whole.
fn compressed_text_estimate(corpus: &Corpus) -> usize {
    let total: usize = corpus
        .articles()
        .iter()
        .flat_map(Article::texts)
        .map(str::len)
        .sum();
    let every = total.div_ceil(SAMPLE_BYTES).max(1);
    let mut sample = Vec::new();
    for article in corpus.articles().iter().step_by(every) {
        for text in article.texts() {
            sample.extend_from_slice(text.as_bytes());
        }
    }
    scaled(&sample, total)
}

/// About how many bytes `bytes` take compressed, from evenly spread windows of them.
fn compressed_estimate(bytes: &[u8]) -> usize {
    const WINDOW: usize = 1 << 16;
    if bytes.len() <= SAMPLE_BYTES {
        return scaled(bytes, bytes.len());
    }
    let windows = SAMPLE_BYTES / WINDOW;
    let step = bytes.len() / windows;
    let sample: Vec<u8> = (0..windows)
        .flat_map(|i| &bytes[i * step..(i * step + WINDOW).min(bytes.len())])
        .copied()
        .collect();
    scaled(&sample, bytes.len())
}

/// `total` bytes scaled by how well `sample` compresses.
fn scaled(sample: &[u8], total: usize) -> usize {
    if sample.is_empty() {
        return 0;
    }
    let compressed = miniz_oxide::deflate::compress_to_vec(sample, 6).len();
    (compressed as f64 / sample.len() as f64 * total as f64) as usize
}

fn most_frequent(mut found: Vec<TermEntry>, limit: usize) -> Vec<TermEntry> {
    if found.len() > limit {
        order::sort_by_key(&mut found, |e| u64::from(!e.doc_frequency));
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
