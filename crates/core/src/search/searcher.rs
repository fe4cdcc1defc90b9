//! Running a [`Query`] against the index and the corpus: candidate articles from posting lists,
//! BM25 ranking with field boosts, typo and prefix expansion, phrase checks against the text,
//! exclusions, entity, outlet and date filters, and the [`Highlighter`] for what matched.

use crate::model::{Article, Corpus, EntityKind};
use crate::order;
use crate::search::analyse::{folded_words, is_stop_word, stop_word_number, Stemming, Stemmings};
use crate::search::highlight::{Highlighter, Phrase};
use crate::search::index::{SearchIndex, TermEntry};
use crate::search::pairs::PairLookup;
use crate::search::postings::Posting;
use crate::search::query::{parse, Atom, Filter, FilterField, Problem, Query};
use crate::search::typo::allowed_edits;
use std::collections::HashMap;

/// BM25 saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// Field weights: a headline hit counts as much as three body mentions.
const HEADLINE_BOOST: f32 = 3.0;
const ENTITY_BOOST: f32 = 1.5;
const OUTLET_BOOST: f32 = 1.0;
/// Score factor of a word found by its prefix only, and of one or two typos.
const PREFIX_WEIGHT: f32 = 0.7;
const TYPO_WEIGHT: [f32; 3] = [1.0, 0.5, 0.3];
/// At most this many dictionary terms stand in for one typed word.
const MAX_EXPANSIONS: usize = 24;
/// Typos are forgiven only for a word found in fewer articles than this (or in none).
const RARE: u32 = 3;

/// One matching article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Index of the article in the corpus (timeline order).
    pub doc: u32,
    /// Relevance; 0 when the query has no words (filters only).
    pub score: f32,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Matching articles, in timeline (corpus) order: what a list by date wants as it is, and
    /// in order for counting. [`Results::best_first`] ranks them.
    pub hits: Vec<Hit>,
    /// What to mark in headlines, excerpts and the reader.
    pub highlighter: Highlighter,
    /// Parts of the query that could not be used.
    pub problems: Vec<Problem>,
    /// Whether the query asked for anything (an empty query matches every article).
    pub is_filtered: bool,
}

impl Results {
    /// Whether the hits are ranked by words (a query of filters only scores nothing).
    pub fn is_ranked(&self) -> bool {
        self.hits.iter().any(|h| h.score > 0.0)
    }

    /// The hits, the best first (ties in timeline order).
    pub fn best_first(&self) -> Vec<Hit> {
        let mut hits = self.hits.clone();
        rank(&mut hits);
        hits
    }
}

/// Orders hits the best first, ties in timeline order.
pub fn rank(hits: &mut [Hit]) {
    order::sort_by_key(hits, |h| order::pair(order::descending(h.score), h.doc));
}

/// Searches one corpus with its index. Cheap to make: it folds the entity names and reads each
/// article's language.
pub struct Searcher<'c> {
    corpus: &'c Corpus,
    index: &'c SearchIndex,
    /// Per entity, the folded words of its name and of each alias.
    entity_names: Vec<Vec<Vec<String>>>,
    /// The languages the corpus is indexed in: a query's words are stemmed in each.
    stemmings: Stemmings,
    /// Each article's language, as far as its stemming and stop words go.
    languages: Vec<Stemming>,
    /// Those languages, each once.
    languages_used: Vec<Stemming>,
}

/// Whether `needle` occurs in `hay` as consecutive words, its last word as a prefix.
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    let Some((last, init)) = needle.split_last() else {
        return false;
    };
    hay.len() >= needle.len()
        && (0..=hay.len() - needle.len()).any(|i| {
            init.iter().zip(&hay[i..]).all(|(a, b)| a == b)
                && hay[i + init.len()].starts_with(last.as_str())
        })
}

impl<'c> Searcher<'c> {
    /// A searcher over a corpus and the index built from it.
    pub fn new(corpus: &'c Corpus, index: &'c SearchIndex) -> Searcher<'c> {
        let entity_names = corpus
            .entities()
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| folded_words(n))
                    .collect()
            })
            .collect();
        let languages: Vec<Stemming> = corpus
            .articles()
            .iter()
            .map(|a| Stemming::of_language(a.language.as_deref()))
            .collect();
        let languages_used: Vec<Stemming> = Stemming::ALL
            .into_iter()
            .filter(|s| languages.contains(s))
            .collect();
        Searcher {
            corpus,
            index,
            entity_names,
            stemmings: Stemmings::of(languages_used.iter().copied()),
            languages,
            languages_used,
        }
    }

    /// Parses and runs a query.
    pub fn search(&self, raw: &str) -> Results {
        self.run(&parse(raw))
    }

    /// Runs a parsed query.
    pub fn run(&self, query: &Query) -> Results {
        let n = self.corpus.len();
        let mut results = Results {
            problems: query.problems.clone(),
            is_filtered: !query.is_empty(),
            highlighter: Highlighter::in_languages(self.stemmings.clone()),
            ..Results::default()
        };
        let mut score = vec![0f32; n];
        let mut matched = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut clauses = 0u16;
        let mut stop_words = Vec::new();
        // A stop word of some of the corpus's languages ("war" in German, a word in English) asks
        // nothing of the articles in those languages, beside another word: "die Verhandlungen"
        // finds the German articles with "Verhandlungen". Alone it is a word like any other.
        let relaxed = query.clauses.iter().flatten().any(|atom| match atom {
            Atom::Word { folded, .. } => {
                !is_stop_word(folded) && !self.index.is_language_stop_word(folded)
            }
            Atom::Phrase(_) => true,
        });
        for clause in &query.clauses {
            let mut usable = false;
            for atom in clause {
                match atom {
                    Atom::Word { folded, .. } if self.is_stop_word(folded) => {
                        stop_words.push(folded.clone());
                    }
                    // The first letter of a word still being typed narrows nothing yet: it would
                    // empty the list (or fill it with arbitrary completions) until the second.
                    Atom::Word {
                        folded,
                        prefix: true,
                    } if is_lone_letter(folded) => {}
                    Atom::Word { folded, prefix } => {
                        usable = true;
                        for (entry, weight) in self.expand(folded, *prefix) {
                            results.highlighter.add_term(entry.term.clone());
                            let idf = self.idf(entry.doc_frequency);
                            for p in self.index.postings(&entry) {
                                let s = weight * idf * self.bm25(&p);
                                note(&mut best, &mut touched, p.doc, s);
                            }
                        }
                        if relaxed {
                            for doc in self.articles_where_stop_word(folded) {
                                note(&mut best, &mut touched, doc, f32::MIN_POSITIVE);
                            }
                        }
                    }
                    Atom::Phrase(words) => {
                        usable = true;
                        let phrase = Phrase::in_languages(words.clone(), self.stemmings.clone());
                        for (doc, s) in self.phrase_matches(&phrase) {
                            note(&mut best, &mut touched, doc, s);
                        }
                        results.highlighter.add_phrase(phrase);
                    }
                }
            }
            if !usable {
                continue;
            }
            clauses += 1;
            for doc in touched.drain(..) {
                let d = doc as usize;
                score[d] += best[d];
                matched[d] += 1;
                best[d] = 0.0;
            }
        }
        if clauses == 0 && !stop_words.is_empty() {
            results.problems.push(Problem::StopWordsOnly(stop_words));
        }
        self.add_entity_phrases(query, &mut results.highlighter);
        let excluded = self.excluded(&query.excluded);
        let filters: Vec<Vec<bool>> = query.filters.iter().map(|f| self.filter_set(f)).collect();
        let mut outlet_cache: HashMap<&str, bool> = HashMap::new();
        for (doc, article) in self.corpus.articles().iter().enumerate() {
            if matched[doc] != clauses || excluded.get(doc).copied().unwrap_or(false) {
                continue;
            }
            if !self.in_period(article, query) {
                continue;
            }
            let passes = query
                .filters
                .iter()
                .zip(&filters)
                .all(|(f, set)| match f.field {
                    FilterField::Outlet => {
                        let outlet = article.outlet.as_deref().unwrap_or("");
                        *outlet_cache
                            .entry(outlet)
                            .or_insert_with(|| contains_words(&folded_words(outlet), &f.words))
                    }
                    _ => article
                        .entities
                        .iter()
                        .any(|&e| set.get(e as usize) == Some(&true)),
                });
            if passes {
                results.hits.push(Hit {
                    doc: doc as u32,
                    score: score[doc],
                });
            }
        }
        results
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.index.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, p: &Posting) -> f32 {
        let norm =
            1.0 - B + B * self.index.body_length(p.doc) as f32 / self.index.average_body_length();
        let tf = HEADLINE_BOOST * f32::from(u8::from(p.headline))
            + ENTITY_BOOST * f32::from(u8::from(p.entities))
            + OUTLET_BOOST * f32::from(u8::from(p.outlet))
            + p.body as f32 / norm;
        tf * (K1 + 1.0) / (tf + K1)
    }

    /// The dictionary terms that stand for a typed word, each with a score factor: the exact
    /// stem; near spellings when the word is rare or unknown; words it starts when `prefix`.
    fn expand(&self, folded: &str, prefix: bool) -> Vec<(TermEntry, f32)> {
        // Its stem in each language of the corpus.
        let stems = self.stemmings.terms(folded);
        let mut out: Vec<(TermEntry, f32)> = Vec::new();
        let mut exact_df = 0;
        for stem in &stems {
            if let Some(entry) = self.index.lookup(stem) {
                exact_df = exact_df.max(entry.doc_frequency);
                add_new(&mut out, entry, 1.0);
            }
        }
        let edits = allowed_edits(folded.chars().count());
        if edits > 0 && exact_df < RARE {
            for stem in &stems {
                for (entry, d) in self.index.within_distance(stem, edits, MAX_EXPANSIONS) {
                    if d > 0 {
                        add_new(&mut out, entry, TYPO_WEIGHT[usize::from(d.min(2))]);
                    }
                }
            }
        }
        if prefix && folded.chars().count() >= 2 {
            let completions = self.index.with_prefix(folded, MAX_EXPANSIONS);
            let completed_df: u32 = completions.iter().map(|e| e.doc_frequency).sum();
            for entry in completions {
                add_new(&mut out, entry, PREFIX_WEIGHT);
            }
            // A word still being typed with a typo in it ("vladovo") completes too, when what
            // was typed completes to almost nothing as it stands.
            if edits > 0 && exact_df.max(completed_df) < RARE {
                for (entry, d) in self.index.with_near_prefix(folded, edits, MAX_EXPANSIONS) {
                    add_new(
                        &mut out,
                        entry,
                        PREFIX_WEIGHT * TYPO_WEIGHT[usize::from(d.min(2))],
                    );
                }
            }
        }
        out
    }

    /// Articles holding the phrase, with the BM25 score of its words.
    fn phrase_matches(&self, phrase: &Phrase) -> Vec<(u32, f32)> {
        // One word that is not a stop word occurs exactly where its term is indexed in the
        // headline or the body (a phrase's word matches by its stem): no text to check.
        if let [word] = phrase.words() {
            if !is_stop_word(word) && !self.index.is_language_stop_word(word) {
                return self.in_text(&self.entries(word));
            }
        }
        // The phrase's words that are indexed, in order. Two of them side by side that never
        // stand so in the corpus rule out every article at once; those that seldom do rule out
        // all but the articles listed.
        // Stop words have no postings, but the index knows which articles hold each.
        // A word with a different stem in two of the corpus's languages stands for either: the
        // articles holding any of its terms (and the next-word lists do not apply to it).
        let mut entries: Vec<TermEntry> = Vec::new();
        let mut either: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut lists = Vec::new();
        let mut stops: Vec<usize> = Vec::new();
        let mut follows = false;
        for word in phrase.words() {
            if let Some(number) = stop_word_number(word) {
                stops.push(number);
                follows = false;
                continue;
            }
            // Another language's stop word is not indexed in that language's articles: only the
            // text can tell.
            if self.index.is_language_stop_word(word) {
                follows = false;
                continue;
            }
            let mut found = self.entries(word);
            let entry = match found.len() {
                0 => return Vec::new(),
                1 => found.remove(0),
                _ => {
                    either.push(self.in_text(&found));
                    follows = false;
                    continue;
                }
            };
            if let Some(previous) = entries.last().filter(|_| follows) {
                match self.index.pair(previous, &entry) {
                    PairLookup::Never => return Vec::new(),
                    PairLookup::Articles(list) => lists.push(list),
                    PairLookup::Dense | PairLookup::NotIndexed => {}
                }
            }
            entries.push(entry);
            follows = true;
        }
        // The list of a phrase of two words is where they stand side by side: its answer.
        let listed = phrase.words().len() == 2 && lists.len() == 1;
        order::sort_by_key(&mut entries, |e| e.offset as u64);
        entries.dedup_by_key(|e| e.offset);
        // Rarest first, so the running intersection is as small as possible.
        order::sort_by_key(&mut entries, |e| u64::from(e.doc_frequency));
        let mut candidates: Option<Vec<(u32, f32)>> = None;
        for list in lists {
            let docs = list.iter().map(|doc| (doc, 0.0));
            candidates = Some(match candidates {
                None => docs.collect(),
                Some(current) => intersect(&current, docs),
            });
        }
        for entry in entries {
            let idf = self.idf(entry.doc_frequency);
            let list = self
                .index
                .postings(&entry)
                .map(|p| (p.doc, idf * self.bm25(&p)));
            candidates = Some(match candidates {
                None => list.collect(),
                Some(current) => intersect(&current, list),
            });
        }
        for list in either {
            candidates = Some(match candidates {
                None => list,
                Some(current) => intersect(&current, list.into_iter()),
            });
        }
        let has_stops = |doc: u32| stops.iter().all(|&s| self.index.has_stop_word(doc, s));
        let candidates: Vec<(u32, f32)> = match candidates {
            Some(mut c) => {
                c.retain(|&(doc, _)| has_stops(doc));
                c
            }
            // A phrase of stop words only.
            None => (0..self.corpus.len() as u32)
                .filter(|&doc| has_stops(doc))
                .map(|doc| (doc, 1.0))
                .collect(),
        };
        // A list is the answer for a phrase of its two words, and so are the articles holding a
        // stop word for a phrase of that one word.
        if listed || (phrase.words().len() == 1 && stops.len() == 1) {
            return candidates;
        }
        candidates
            .into_iter()
            .filter(|&(doc, _)| {
                self.corpus
                    .articles()
                    .get(doc as usize)
                    .is_some_and(|a| phrase.occurs_in(a))
            })
            .collect()
    }

    /// Whether a folded word is too common to search for: an English stop word, or a stop word
    /// of every language of the corpus.
    fn is_stop_word(&self, folded: &str) -> bool {
        is_stop_word(folded)
            || (self.index.is_language_stop_word(folded)
                && self
                    .stemmings_used()
                    .all(|s| self.index.is_stop_word_in(s.name(), folded)))
    }

    /// The articles in a language that has `folded` as a stop word (so does not index it).
    fn articles_where_stop_word(&self, folded: &str) -> Vec<u32> {
        if !self.index.is_language_stop_word(folded) {
            return Vec::new();
        }
        let stop_in: Vec<Stemming> = self
            .stemmings_used()
            .filter(|s| self.index.is_stop_word_in(s.name(), folded))
            .collect();
        (0..self.languages.len() as u32)
            .filter(|&doc| stop_in.contains(&self.languages[doc as usize]))
            .collect()
    }

    /// Each language the corpus's articles are in, once.
    fn stemmings_used(&self) -> impl Iterator<Item = Stemming> + '_ {
        self.languages_used.iter().copied()
    }

    /// The index's entries for a folded word: its term in each of the corpus's languages.
    fn entries(&self, folded: &str) -> Vec<TermEntry> {
        let mut found: Vec<TermEntry> = Vec::new();
        for stem in self.stemmings.terms(folded) {
            if let Some(entry) = self.index.lookup(&stem) {
                if !found.iter().any(|e| e.offset == entry.offset) {
                    found.push(entry);
                }
            }
        }
        found
    }

    /// The articles where any of `entries` stands in the headline or the body (not only in the
    /// outlet or an entity's name), in document order, each with its best BM25 score.
    fn in_text(&self, entries: &[TermEntry]) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        for entry in entries {
            let idf = self.idf(entry.doc_frequency);
            out.extend(
                self.index
                    .postings(entry)
                    .filter(|p| p.headline || p.body > 0)
                    .map(|p| (p.doc, idf * self.bm25(&p))),
            );
        }
        if entries.len() > 1 {
            order::sort_by_key(&mut out, |&(doc, score)| {
                order::pair(doc, order::descending(score))
            });
            out.dedup_by_key(|&mut (doc, _)| doc);
        }
        out
    }

    /// Marks which articles an excluded word or phrase rules out.
    fn excluded(&self, atoms: &[Atom]) -> Vec<bool> {
        let mut out = vec![
            false;
            if atoms.is_empty() {
                0
            } else {
                self.corpus.len()
            }
        ];
        for atom in atoms {
            match atom {
                Atom::Word { folded, .. } => {
                    for entry in self.entries(folded) {
                        for p in self.index.postings(&entry) {
                            out[p.doc as usize] = true;
                        }
                    }
                }
                Atom::Phrase(words) => {
                    let phrase = Phrase::in_languages(words.clone(), self.stemmings.clone());
                    for (doc, _) in self.phrase_matches(&phrase) {
                        out[doc as usize] = true;
                    }
                }
            }
        }
        out
    }

    /// Per entity, whether an entity filter accepts it (outlet filters are checked per article).
    fn filter_set(&self, filter: &Filter) -> Vec<bool> {
        let kind = match filter.field {
            FilterField::Person => EntityKind::Person,
            FilterField::Place => EntityKind::Place,
            FilterField::Organisation => EntityKind::Organisation,
            FilterField::Outlet => return Vec::new(),
        };
        self.corpus
            .entities()
            .iter()
            .zip(&self.entity_names)
            .map(|(e, names)| {
                e.kind == kind && names.iter().any(|n| contains_words(n, &filter.words))
            })
            .collect()
    }

    fn in_period(&self, article: &Article, query: &Query) -> bool {
        if query.after.is_none() && query.before.is_none() {
            return true;
        }
        let Some(date) = article.date else {
            return false;
        };
        query.after.is_none_or(|a| date > a) && query.before.is_none_or(|b| date < b)
    }

    /// When the query names an entity ("DPRK"), marks every name it goes by ("North Korea").
    fn add_entity_phrases(&self, query: &Query, highlighter: &mut Highlighter) {
        let mut words: Vec<String> = Vec::new();
        for clause in &query.clauses {
            for atom in clause {
                match atom {
                    Atom::Word { folded, .. } => words.push(folded.clone()),
                    Atom::Phrase(p) => words.extend(p.iter().cloned()),
                }
            }
        }
        if words.is_empty() {
            return;
        }
        for names in &self.entity_names {
            let named = names
                .iter()
                .any(|n| !n.is_empty() && words.windows(n.len()).any(|w| w == n.as_slice()));
            if named {
                for n in names {
                    highlighter.add_phrase(Phrase::in_languages(n.clone(), self.stemmings.clone()));
                }
            }
        }
    }
}

/// Whether a word is one letter of an alphabet (Latin, Greek, Cyrillic …), where one letter is
/// rarely a word; a Hangul syllable or a Chinese character is one.
fn is_lone_letter(folded: &str) -> bool {
    let mut chars = folded.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() && c < '\u{0590}')
}

/// Adds a term to an expansion unless it is there already.
fn add_new(out: &mut Vec<(TermEntry, f32)>, entry: TermEntry, weight: f32) {
    if !out.iter().any(|(e, _)| e.offset == entry.offset) {
        out.push((entry, weight));
    }
}

fn note(best: &mut [f32], touched: &mut Vec<u32>, doc: u32, s: f32) {
    let Some(slot) = best.get_mut(doc as usize) else {
        return;
    };
    if *slot == 0.0 {
        touched.push(doc);
    }
    if s > *slot {
        *slot = s;
    }
}

/// The articles of `current` that are also in `list` (both ascending), scores added.
fn intersect(current: &[(u32, f32)], list: impl Iterator<Item = (u32, f32)>) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(current.len());
    let mut i = 0;
    for (doc, s) in list {
        while i < current.len() && current[i].0 < doc {
            i += 1;
        }
        if i == current.len() {
            break;
        }
        if current[i].0 == doc {
            out.push((doc, current[i].1 + s));
        }
    }
    out
}
