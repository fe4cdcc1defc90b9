//! Next-word lists: for pairs of frequent terms, the articles in which the second stands right
//! after the first. They answer a phrase of two common words without reading any text, and let a
//! longer one skip the articles that hold all its words but not side by side.
//!
//! A phrase is checked against the text of every article that holds all its words. For two rare
//! words that is a handful of articles; for two common ones ("foreign minister" in a corpus where
//! both words are everywhere) it is thousands, nearly all of which fail only after every word of
//! the article has been read. So, at build time, for each pair of terms that stand side by side
//! somewhere in a headline, paragraph or caption (no word between them, not even a stop word), the
//! index may keep the list of articles where they do.
//!
//! Which pairs: every such pair whose rarer term is in at least [`PairIndex::threshold`] articles,
//! and no other, so that a pair missing from the index means one of two things the searcher can
//! tell apart: its terms are rarer than the threshold (the text check is cheap), or they never
//! stand side by side (no article holds the phrase). A pair that stands side by side in many of
//! the articles holding both words is kept as *dense*, without a list: its text checks mostly
//! succeed, at the first occurrence. The threshold is the lowest that keeps the lists within the
//! index's share of the corpus (see [`Budget`]); a corpus whose index is already at its share gets
//! no lists, and every phrase is checked against the text as before.
//!
//! A list is exactly where a phrase of its two words occurs (words match by their stems, as in
//! the text check). For a longer phrase it only rules articles out: the text decides the rest.

use crate::search::postings::{get_varint, put_varint};
use serde::{Deserialize, Serialize};

/// The least number of articles both terms of a pair must be in for the pair to be considered:
/// below it, checking the text of every article holding both words costs well under a
/// millisecond.
pub const MIN_SHARED: u32 = 64;

/// A pair is dense, and keeps no list, when it stands side by side in more than this share of
/// the articles its rarer term is in.
const DENSE_SHARE: u32 = 4;

/// Bytes a pair costs in the blob besides its list: the two term offsets and the list's offset.
const KEY_BYTES: usize = 10;

/// Marks a dense pair in `lists_at`.
const DENSE: u32 = u32::MAX;

/// What the index found for a pair of terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairLookup<'a> {
    /// The pair's terms are too rare for it to be indexed: check the text.
    NotIndexed,
    /// The terms never stand side by side: no article holds them as a phrase.
    Never,
    /// They stand side by side in most articles holding both: check the text.
    Dense,
    /// The articles (ascending) where they stand side by side, encoded.
    Articles(PairArticles<'a>),
}

/// An encoded list of articles, ascending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairArticles<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> PairArticles<'a> {
    /// The articles, ascending. A damaged list ends early.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let bytes = self.bytes;
        let mut at = self.at;
        let mut left = get_varint(bytes, &mut at).unwrap_or(0);
        let mut next: u32 = 0;
        std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let doc = next.checked_add(get_varint(bytes, &mut at)?)?;
            next = doc.checked_add(1)?;
            Some(doc)
        })
    }
}

/// How many bytes the pair lists may take: the index's share of the corpus's compressed text,
/// less what the rest of the index takes, both estimated by the builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget(pub usize);

/// The next-word lists of an index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairIndex {
    /// Every adjacent pair whose rarer term is in at least this many articles is here.
    threshold: u32,
    /// The pairs, sorted: the posting-list offsets of the first and of the second term.
    firsts: Vec<u32>,
    seconds: Vec<u32>,
    /// Per pair, the offset of its list in `lists`, or [`DENSE`].
    lists_at: Vec<u32>,
    #[serde(with = "serde_bytes")]
    lists: Vec<u8>,
}

/// One term as the builder sees it: where its postings are and in how many articles.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TermInfo {
    pub offset: u32,
    pub doc_frequency: u32,
}

/// The words of a corpus as term ids, text by text, collected while the index is built.
#[derive(Default)]
pub(crate) struct Streams {
    /// Term ids; [`Streams::BREAK`] between two texts.
    tokens: Vec<u32>,
    /// Per article, where its tokens end.
    doc_ends: Vec<usize>,
}

impl Streams {
    const BREAK: u32 = u32::MAX;

    /// Adds a term to the current text.
    pub fn push(&mut self, id: u32) {
        self.tokens.push(id);
    }

    /// Ends the current text: no pair spans two texts.
    pub fn end_text(&mut self) {
        if self.tokens.last().is_some_and(|&t| t != Self::BREAK) {
            self.tokens.push(Self::BREAK);
        }
    }

    /// Ends the current article.
    pub fn end_article(&mut self) {
        self.end_text();
        self.doc_ends.push(self.tokens.len());
    }
}

impl PairIndex {
    /// Builds the lists from the corpus's words (`terms` indexed by term id), as many as `budget`
    /// allows, the pairs of the most frequent terms first.
    pub(crate) fn build(streams: &Streams, terms: &[TermInfo], budget: Budget) -> PairIndex {
        let frequent = |id: u32| terms[id as usize].doc_frequency >= MIN_SHARED;
        // (pair, article), each once.
        let mut seen: Vec<(u64, u32)> = Vec::new();
        let mut in_doc: Vec<u64> = Vec::new();
        let mut start = 0;
        for (doc, &end) in streams.doc_ends.iter().enumerate() {
            in_doc.clear();
            for w in streams.tokens[start..end].windows(2) {
                let (a, b) = (w[0], w[1]);
                if a != Streams::BREAK && b != Streams::BREAK && frequent(a) && frequent(b) {
                    in_doc.push(u64::from(a) << 32 | u64::from(b));
                }
            }
            start = end;
            in_doc.sort_unstable();
            in_doc.dedup();
            seen.extend(in_doc.iter().map(|&key| (key, doc as u32)));
        }
        seen.sort_unstable();
        // Per pair: (the rarer term's frequency, offsets, its articles, whether dense, bytes).
        struct Candidate {
            shared: u32,
            first: u32,
            second: u32,
            docs: std::ops::Range<usize>,
            dense: bool,
            bytes: usize,
        }
        let mut candidates = Vec::new();
        let mut i = 0;
        while i < seen.len() {
            let key = seen[i].0;
            let end = i + seen[i..].partition_point(|&(k, _)| k == key);
            let (a, b) = ((key >> 32) as u32, key as u32);
            let (ta, tb) = (terms[a as usize], terms[b as usize]);
            let shared = ta.doc_frequency.min(tb.doc_frequency);
            let dense = (end - i) as u32 * DENSE_SHARE > shared;
            let bytes = KEY_BYTES + if dense { 0 } else { list_bytes(&seen[i..end]) };
            candidates.push(Candidate {
                shared,
                first: ta.offset,
                second: tb.offset,
                docs: i..end,
                dense,
                bytes,
            });
            i = end;
        }
        // The most frequent pairs first: they cost the most to check against the text.
        candidates.sort_by_key(|c| std::cmp::Reverse(c.shared));
        let mut spent = 0;
        let mut threshold = MIN_SHARED;
        let mut kept = 0;
        while kept < candidates.len() {
            let shared = candidates[kept].shared;
            // Pairs as frequent as each other go in together, or not at all.
            let run = candidates[kept..].partition_point(|c| c.shared == shared);
            let cost: usize = candidates[kept..kept + run].iter().map(|c| c.bytes).sum();
            if spent + cost > budget.0 {
                threshold = shared + 1;
                break;
            }
            spent += cost;
            kept += run;
        }
        if kept == 0 && !candidates.is_empty() {
            // Not even the most frequent pairs fit: index none, and say nothing of any pair.
            return PairIndex {
                threshold: u32::MAX,
                ..PairIndex::default()
            };
        }
        let mut chosen: Vec<&Candidate> = candidates[..kept].iter().collect();
        chosen.sort_by_key(|c| (c.first, c.second));
        let mut index = PairIndex {
            threshold,
            ..PairIndex::default()
        };
        for c in chosen {
            index.firsts.push(c.first);
            index.seconds.push(c.second);
            if c.dense {
                index.lists_at.push(DENSE);
            } else {
                index.lists_at.push(index.lists.len() as u32);
                encode_list(&seen[c.docs.clone()], &mut index.lists);
            }
        }
        index
    }

    /// What the index says of the pair of terms (by the offsets of their posting lists), the
    /// rarer of which is in `shared` articles.
    pub fn lookup(&self, first: u32, second: u32, shared: u32) -> PairLookup<'_> {
        // The pairs are sorted by first term, then second: the first term's run, then the second
        // within it. (`get` keeps a damaged blob's arrays of unequal length from panicking.)
        let start = self.firsts.partition_point(|&f| f < first);
        let run = self.firsts[start..].partition_point(|&f| f == first);
        let found = self
            .seconds
            .get(start..start + run)
            .and_then(|seconds| seconds.binary_search(&second).ok())
            .and_then(|at| self.lists_at.get(start + at));
        match found {
            Some(&DENSE) => PairLookup::Dense,
            Some(&offset) => PairLookup::Articles(PairArticles {
                bytes: &self.lists,
                at: offset as usize,
            }),
            None if shared >= self.threshold => PairLookup::Never,
            None => PairLookup::NotIndexed,
        }
    }

    /// How many pairs are indexed, and how many of them have a list.
    pub fn counts(&self) -> (usize, usize) {
        let listed = self.lists_at.iter().filter(|&&l| l != DENSE).count();
        (self.lists_at.len(), listed)
    }

    /// The least frequency of a pair's rarer term for the pair to be indexed (`u32::MAX`: none is).
    pub fn threshold(&self) -> u32 {
        self.threshold
    }
}

fn varint_len(n: u32) -> usize {
    match n {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

fn list_bytes(docs: &[(u64, u32)]) -> usize {
    let mut bytes = varint_len(docs.len() as u32);
    let mut next = 0;
    for &(_, doc) in docs {
        bytes += varint_len(doc - next);
        next = doc + 1;
    }
    bytes
}

fn encode_list(docs: &[(u64, u32)], out: &mut Vec<u8>) {
    put_varint(out, docs.len() as u32);
    let mut next = 0;
    for &(_, doc) in docs {
        put_varint(out, doc - next);
        next = doc + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(offset: u32, doc_frequency: u32) -> TermInfo {
        TermInfo {
            offset,
            doc_frequency,
        }
    }

    /// Articles of two texts each, as term ids.
    fn streams(articles: &[&[&[u32]]]) -> Streams {
        let mut s = Streams::default();
        for texts in articles {
            for text in *texts {
                for &t in *text {
                    s.push(t);
                }
                s.end_text();
            }
            s.end_article();
        }
        s
    }

    fn docs(lookup: PairLookup<'_>) -> Vec<u32> {
        match lookup {
            PairLookup::Articles(a) => a.iter().collect(),
            other => panic!("expected a list, got {other:?}"),
        }
    }

    /// 200 articles, every one holding terms 0, 1 and 2; 0 → 1 side by side in articles 5 and
    /// 150 only, 1 → 2 in every article, 2 → 0 across two texts only.
    fn corpus() -> (Streams, Vec<TermInfo>) {
        let mut articles: Vec<Vec<Vec<u32>>> = Vec::new();
        for doc in 0..200 {
            let first: Vec<u32> = if doc == 5 || doc == 150 {
                vec![0, 1, 2]
            } else {
                vec![0, 3, 1, 2]
            };
            articles.push(vec![first, vec![2], vec![0]]);
        }
        let refs: Vec<Vec<&[u32]>> = articles
            .iter()
            .map(|a| a.iter().map(Vec::as_slice).collect())
            .collect();
        let refs: Vec<&[&[u32]]> = refs.iter().map(Vec::as_slice).collect();
        let terms = vec![term(0, 200), term(10, 200), term(20, 200), term(30, 198)];
        (streams(&refs), terms)
    }

    #[test]
    fn lists_where_two_frequent_terms_stand_side_by_side() {
        let (s, terms) = corpus();
        let index = PairIndex::build(&s, &terms, Budget(usize::MAX));
        assert_eq!(index.threshold(), MIN_SHARED);
        assert_eq!(docs(index.lookup(0, 10, 200)), [5, 150]);
        assert_eq!(index.lookup(10, 20, 200), PairLookup::Dense);
        // Across two texts is not side by side.
        assert_eq!(index.lookup(20, 0, 200), PairLookup::Never);
        // Reversed is another pair.
        assert_eq!(index.lookup(10, 0, 200), PairLookup::Never);
        // Rarer terms than the threshold are not indexed at all.
        assert_eq!(index.lookup(10, 0, MIN_SHARED - 1), PairLookup::NotIndexed);
    }

    #[test]
    fn a_budget_keeps_the_most_frequent_pairs_and_says_nothing_of_the_rest() {
        let (s, terms) = corpus();
        let all = PairIndex::build(&s, &terms, Budget(usize::MAX));
        assert_eq!(all.counts(), (4, 1), "0→1 listed; 1→2, 0→3 and 3→1 dense");
        // Room for the two pairs of terms in all 200 articles but not for those with term 3.
        let two = 2 * KEY_BYTES + list_bytes(&[(0, 5), (0, 150)]);
        let some = PairIndex::build(&s, &terms, Budget(two));
        assert_eq!(some.counts(), (2, 1));
        assert_eq!(some.threshold(), 199);
        assert_eq!(docs(some.lookup(0, 10, 200)), [5, 150]);
        assert_eq!(some.lookup(0, 30, 198), PairLookup::NotIndexed);
        let none = PairIndex::build(&s, &terms, Budget(KEY_BYTES));
        assert_eq!(none.counts(), (0, 0));
        assert_eq!(none.lookup(0, 10, 200), PairLookup::NotIndexed);
        assert_eq!(none.lookup(20, 0, 200), PairLookup::NotIndexed);
    }

    #[test]
    fn damaged_lists_end_early() {
        let damaged = PairArticles {
            bytes: &[5, 0x80],
            at: 0,
        };
        assert_eq!(damaged.iter().collect::<Vec<_>>(), Vec::<u32>::new());
        let index = PairIndex {
            threshold: 0,
            firsts: vec![1],
            seconds: vec![2],
            lists_at: vec![99],
            lists: vec![],
        };
        assert_eq!(docs(index.lookup(1, 2, 0)), Vec::<u32>::new());
    }
}
