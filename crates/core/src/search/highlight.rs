//! Where a query matched inside a text: byte ranges to mark, and the best passage to show as an
//! excerpt. The UI turns ranges into `<mark>` elements around text nodes; no HTML is ever built
//! from article text.

use crate::model::Article;
use crate::order;
use crate::search::analyse::{fold, is_invisible, is_stop_word, term_in, word_ranges, Stemmings};
use std::collections::HashSet;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// Words that must appear adjacent and in order, with their terms precomputed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    folded: Vec<String>,
    /// The languages the words are stemmed in.
    stemmings: Stemmings,
    /// Per word, its term in each of `stemmings` (in their order); `None` for a stop word.
    terms: Vec<Option<Vec<String>>>,
    /// Per word, lower-case ASCII, what a text word must begin with to be it: a stop word itself,
    /// any other word what its stems less their last letter begin with (see
    /// [`Phrase::word_matches`]); `None` when a word is not ASCII.
    starts: Option<Vec<Vec<u8>>>,
}

impl Phrase {
    /// A phrase of folded words, in English.
    pub fn new(folded: Vec<String>) -> Phrase {
        Phrase::in_languages(folded, Stemmings::default())
    }

    /// A phrase of folded words, whose words match a text's words with the same stem in any
    /// one of `stemmings`.
    pub fn in_languages(folded: Vec<String>, stemmings: Stemmings) -> Phrase {
        let terms: Vec<Option<Vec<String>>> = folded
            .iter()
            .map(|w| (!is_stop_word(w)).then(|| stemmings.iter().map(|s| term_in(s, w)).collect()))
            .collect();
        let starts = folded
            .iter()
            .zip(&terms)
            .map(|(word, stems)| {
                let start = match stems {
                    Some(stems) => common_head(stems),
                    None => word.as_bytes(),
                };
                start.is_ascii().then(|| start.to_vec())
            })
            .collect();
        Phrase {
            folded,
            stemmings,
            terms,
            starts,
        }
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.folded
    }

    /// Whether the folded word `folded` is the phrase's word `k`: the same folded word, or the
    /// same stem.
    fn folded_matches(&self, k: usize, folded: &str) -> bool {
        folded == self.folded[k]
            || self.terms[k].as_ref().is_some_and(|stems| {
                !is_stop_word(folded)
                    && self
                        .stemmings
                        .iter()
                        .zip(stems)
                        .any(|(s, stem)| term_in(s, folded) == *stem)
            })
    }

    /// Whether the word `word` (as written) is the phrase's word `k`. Phrase checks run over
    /// whole articles, so the common cases are decided without folding, stemming or allocating:
    /// an ASCII word equal to the folded word ignoring case matches, and one that does not start
    /// with the stem (less its last letter, which Snowball may have changed, as in
    /// country → countri) does not. (Snowball's few irregular stems, like dying → die, are
    /// missed in phrases.)
    fn word_matches(&self, k: usize, word: &str) -> bool {
        let target = &self.folded[k];
        // Folding and stemming keep an ASCII first letter (but for its case): most words are
        // told apart by it alone.
        if let (Some(&w), Some(&t)) = (word.as_bytes().first(), target.as_bytes().first()) {
            if w.is_ascii() && t.is_ascii() && !w.eq_ignore_ascii_case(&t) {
                return false;
            }
        }
        if word.is_ascii() && !word.contains('\'') {
            if word.eq_ignore_ascii_case(target) {
                return true;
            }
            let Some(stems) = &self.terms[k] else {
                return false;
            };
            if !stems.iter().any(|stem| begins_with(word, stem_head(stem))) {
                return false;
            }
        }
        self.folded_matches(k, &fold(word))
    }

    /// Byte ranges where the phrase occurs in `text`.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let words: Vec<Range<usize>> = word_ranges(text).collect();
        self.runs(
            &words,
            |w| w.clone(),
            |k, w| self.word_matches(k, &text[w.clone()]),
        )
    }

    /// The spans of every run of `words` that matches the phrase word by word.
    fn runs<W>(
        &self,
        words: &[W],
        span: impl Fn(&W) -> Range<usize>,
        matches: impl Fn(usize, &W) -> bool,
    ) -> Vec<Range<usize>> {
        let n = self.folded.len();
        if n == 0 || words.len() < n {
            return Vec::new();
        }
        (0..=words.len() - n)
            .filter(|&i| (0..n).all(|k| matches(k, &words[i + k])))
            .map(|i| span(&words[i]).start..span(&words[i + n - 1]).end)
            .collect()
    }

    /// Whether the phrase occurs in the article's headline, body or captions.
    pub fn occurs_in(&self, article: &Article) -> bool {
        article.texts().any(|text| self.occurs_in_text(text))
    }

    /// Whether the phrase occurs in `text`: one pass over its words, keeping only the last few,
    /// and stopping at the first occurrence.
    fn occurs_in_text(&self, text: &str) -> bool {
        let n = self.folded.len();
        if n == 0 {
            return false;
        }
        if letters_are_ascii(text) {
            if let Some(found) = self.occurs_in_ascii(text) {
                return found;
            }
        }
        // The last `n` words, as a ring.
        let mut recent: Vec<Range<usize>> = Vec::with_capacity(n);
        for (i, word) in word_ranges(text).enumerate() {
            if recent.len() < n {
                recent.push(word);
            } else {
                recent[i % n] = word;
            }
            if i + 1 >= n
                && (0..n).all(|k| self.word_matches(k, &text[recent[(i + 1 + k) % n].clone()]))
            {
                return true;
            }
        }
        false
    }

    /// Whether the phrase occurs in `text`, whose letters are all ASCII, found without reading
    /// every word; `None` when it cannot tell (a word whose stem is one letter). In such a text
    /// folding only lower-cases and drops apostrophes, so the phrase's words can only be runs of
    /// words that begin with their [`Phrase::starts`], in any case: a byte search finds where
    /// the first may begin, and only the words there are compared. A phrase with a word outside
    /// ASCII is not there at all.
    fn occurs_in_ascii(&self, text: &str) -> Option<bool> {
        let Some(starts) = &self.starts else {
            return Some(false);
        };
        let &lead = starts.first()?.first()?;
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(i) = memchr::memchr2(lead, lead.to_ascii_uppercase(), &bytes[from..]) {
            let at = from + i;
            from = at + 1;
            if inside_word(bytes, at) {
                continue;
            }
            let Some(words) = words_from(bytes, at, starts) else {
                continue;
            };
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.word_matches(k, &text[w.clone()]))
            {
                return Some(true);
            }
        }
        Some(false)
    }
}

/// Whether byte `at` of an ASCII-lettered text is inside a word: after a letter or digit, or an
/// apostrophe that follows one.
fn inside_word(bytes: &[u8], at: usize) -> bool {
    at > 0
        && (bytes[at - 1].is_ascii_alphanumeric()
            || (bytes[at - 1] == b'\'' && at > 1 && bytes[at - 2].is_ascii_alphanumeric()))
}

/// Where the word that begins at byte `at` of an ASCII-lettered text ends: an apostrophe between
/// letters joins them, as [`word_ranges`] has it.
fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len()
        && (bytes[at].is_ascii_alphanumeric()
            || (bytes[at] == b'\'' && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)))
    {
        at += 1;
    }
    at
}

/// A stem less its last letter, which Snowball may have changed (country → countri): what an ASCII
/// word with that stem begins with.
fn stem_head(stem: &str) -> &[u8] {
    &stem.as_bytes()[..stem.len().saturating_sub(1)]
}

/// What an ASCII word with any of `stems` begins with: the longest start their heads share.
fn common_head(stems: &[String]) -> &[u8] {
    let Some((first, rest)) = stems.split_first() else {
        return &[];
    };
    let head = stem_head(first);
    let shared = rest.iter().fold(head.len(), |len, other| {
        let other = stem_head(other);
        head[..len]
            .iter()
            .zip(other)
            .take_while(|(a, b)| a == b)
            .count()
    });
    &head[..shared]
}

/// Whether `word` begins with `head`, ignoring ASCII case.
fn begins_with(word: &str, head: &[u8]) -> bool {
    word.as_bytes()
        .get(..head.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(head))
}

/// The words from byte `at` on (a word's start), one per item of `starts`, if each begins with
/// its item. Words are split as [`word_ranges`] splits ASCII text.
fn words_from(bytes: &[u8], mut at: usize, starts: &[Vec<u8>]) -> Option<Vec<Range<usize>>> {
    let mut words = Vec::with_capacity(starts.len());
    for (k, start) in starts.iter().enumerate() {
        if k > 0 {
            // Past what separates words.
            while at < bytes.len() && !bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
        }
        if at >= bytes.len() || !starts_with_folded(&bytes[at..], start) {
            return None;
        }
        let begin = at;
        at = word_end(bytes, at);
        words.push(begin..at);
    }
    Some(words)
}

/// Whether `bytes` begin with `needle` ignoring ASCII case, skipping apostrophes after the first.
fn starts_with_folded(bytes: &[u8], needle: &[u8]) -> bool {
    let mut at = 0;
    for &n in needle {
        loop {
            let Some(&b) = bytes.get(at) else {
                return false;
            };
            at += 1;
            if b == b'\'' && at > 1 {
                continue;
            }
            if b.to_ascii_lowercase() != n {
                return false;
            }
            break;
        }
    }
    true
}

/// Whether every character of `text` that can be part of a word is ASCII: no letter, digit,
/// combining mark, apostrophe or invisible joiner outside ASCII (dashes and quotes may be).
fn letters_are_ascii(text: &str) -> bool {
    text.is_ascii()
        || text.chars().filter(|c| !c.is_ascii()).all(|c| {
            !(c.is_alphanumeric()
                || is_combining_mark(c)
                || matches!(c, '’' | 'ʼ' | '‘')
                || is_invisible(c))
        })
}

/// What to mark: single terms (stems) and phrases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighter {
    terms: HashSet<String>,
    phrases: Vec<Phrase>,
    /// The languages a text's words are stemmed in to compare them with the terms.
    stemmings: Stemmings,
}

/// A passage of a paragraph with the ranges to mark in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The passage.
    pub text: String,
    /// Byte ranges of `text` to mark, sorted and disjoint.
    pub marks: Vec<Range<usize>>,
    /// Whether the passage starts mid-paragraph (show an ellipsis).
    pub cut_start: bool,
    /// Whether the passage ends mid-paragraph.
    pub cut_end: bool,
}

impl Highlighter {
    /// A highlighter that marks nothing yet, for texts in a corpus of these languages.
    pub fn in_languages(stemmings: Stemmings) -> Highlighter {
        Highlighter {
            stemmings,
            ..Highlighter::default()
        }
    }

    /// Marks every word whose term is `term`.
    pub fn add_term(&mut self, term: String) {
        self.terms.insert(term);
    }

    /// Marks every occurrence of a phrase.
    pub fn add_phrase(&mut self, phrase: Phrase) {
        if !phrase.folded.is_empty() && !self.phrases.contains(&phrase) {
            self.phrases.push(phrase);
        }
    }

    /// Whether there is nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of `text` to mark, sorted and disjoint.
    pub fn marks(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        // A word is folded and stemmed only when it could be one of the terms: an ASCII word
        // must begin with a term's stem less its last letter (as in `Phrase::word_matches`).
        let heads: Vec<&[u8]> = self.terms.iter().map(|t| stem_head(t)).collect();
        let mut marks = self
            .term_marks_ascii(text, &heads)
            .unwrap_or_else(|| self.term_marks(text, &heads));
        for phrase in &self.phrases {
            marks.extend(phrase.ranges(text));
        }
        merge(marks)
    }

    /// Whether the folded word `folded` is one of the terms.
    fn is_term(&self, folded: &str) -> bool {
        !is_stop_word(folded)
            && self
                .stemmings
                .iter()
                .any(|s| self.terms.contains(&term_in(s, folded)))
    }

    /// The ranges of the words of `text` that are one of the terms, word by word.
    fn term_marks(&self, text: &str, heads: &[&[u8]]) -> Vec<Range<usize>> {
        let could_be = |word: &str| {
            !word.is_ascii() || word.contains('\'') || heads.iter().any(|h| begins_with(word, h))
        };
        word_ranges(text)
            .filter(|r| could_be(&text[r.clone()]) && self.is_term(&fold(&text[r.clone()])))
            .collect()
    }

    /// What [`Highlighter::term_marks`] finds, in a text whose letters are all ASCII, found
    /// without reading every word: a byte search finds where a head's first letter begins a
    /// word, and only those words are read. `None` when it cannot tell: a letter outside ASCII,
    /// or a term of one letter (whose head is empty). The timeline marks each rendered entry's
    /// paragraphs again whenever the terms change, so this is on every keystroke's path.
    fn term_marks_ascii(&self, text: &str, heads: &[&[u8]]) -> Option<Vec<Range<usize>>> {
        // A word of a text whose letters are ASCII folds to ASCII, so it is no term outside ASCII.
        let heads: Vec<&[u8]> = heads.iter().copied().filter(|h| h.is_ascii()).collect();
        if heads.iter().any(|h| h.is_empty()) || !letters_are_ascii(text) {
            return None;
        }
        let mut leads: Vec<u8> = heads.iter().map(|h| h[0]).collect();
        order::sort_dedup(&mut leads);
        let bytes = text.as_bytes();
        let mut marks = Vec::new();
        for lead in leads {
            let mut from = 0;
            while let Some(i) = memchr::memchr2(lead, lead.to_ascii_uppercase(), &bytes[from..]) {
                let at = from + i;
                from = at + 1;
                if inside_word(bytes, at)
                    || !heads
                        .iter()
                        .any(|h| h[0] == lead && starts_with_folded(&bytes[at..], h))
                {
                    continue;
                }
                let end = word_end(bytes, at);
                if self.is_term(&fold(&text[at..end])) {
                    marks.push(at..end);
                }
                from = end;
            }
        }
        order::sort_by_key(&mut marks, |r| r.start as u64);
        Some(marks)
    }

    /// The passage of the article's body that best matches, at most about `max_words` words:
    /// the paragraph (or caption) with the most distinct marked words (then the most marks), cut
    /// to the window holding the most marks. Without any match, the opening of the first
    /// paragraph.
    pub fn excerpt(&self, article: &Article, max_words: usize) -> Option<Excerpt> {
        let mut best: Option<(usize, usize, &str, Vec<Range<usize>>)> = None;
        for paragraph in article.paragraphs.iter().chain(&article.captions) {
            let marks = self.marks(paragraph);
            let distinct: HashSet<String> = marks
                .iter()
                .map(|r| paragraph[r.clone()].to_lowercase())
                .collect();
            let key = (distinct.len(), marks.len());
            if best.as_ref().is_none_or(|b| key > (b.0, b.1)) {
                best = Some((key.0, key.1, paragraph, marks));
            }
        }
        let (_, _, paragraph, marks) = best?;
        Some(window(paragraph, &marks, max_words.max(1)))
    }
}

/// Cuts `paragraph` to the `max_words`-word window with the most marks.
fn window(paragraph: &str, marks: &[Range<usize>], max_words: usize) -> Excerpt {
    let words: Vec<Range<usize>> = word_ranges(paragraph).collect();
    let (mut first, mut last) = (0, words.len().min(max_words));
    if words.len() > max_words {
        // Word index at which each mark starts.
        let starts: Vec<usize> = marks
            .iter()
            .map(|m| words.partition_point(|w| w.end <= m.start))
            .collect();
        let mut best = (0, 0);
        for (i, &s) in starts.iter().enumerate() {
            let count = starts[i..]
                .iter()
                .take_while(|&&t| t < s + max_words)
                .count();
            if count > best.0 {
                best = (count, s);
            }
        }
        // Start a few words before the first mark, for context.
        first = best
            .1
            .saturating_sub(max_words / 5)
            .min(words.len() - max_words);
        last = first + max_words;
    }
    let cut_start = first > 0;
    let cut_end = last < words.len();
    let start = if cut_start { words[first].start } else { 0 };
    let end = if cut_end {
        words[last - 1].end
    } else {
        paragraph.len()
    };
    let text = paragraph[start..end].to_owned();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start..m.end - start)
        .collect();
    Excerpt {
        text,
        marks,
        cut_start,
        cut_end,
    }
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    order::sort_by_key(&mut ranges, |r| order::pair(r.start as u32, r.end as u32));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Splits `text` into consecutive pieces, each marked or not, for rendering.
pub fn segments<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        let (Some(before), Some(marked)) = (text.get(at..m.start), text.get(m.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((marked, true));
        at = m.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            out.push((rest, false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::search::analyse::term;

    fn marked<'t>(text: &'t str, h: &Highlighter) -> Vec<&'t str> {
        h.marks(text).into_iter().map(|r| &text[r]).collect()
    }

    fn phrase(words: &str) -> Phrase {
        Phrase::new(words.split(' ').map(str::to_owned).collect())
    }

    #[test]
    fn the_byte_search_finds_every_phrase_the_words_find() {
        let found = [
            ("foreign minister", "The Foreign Minister said"),
            ("foreign minister", "FOREIGN MINISTERS met"),
            ("foreign minister", "'foreign minister' was quoted"),
            ("foreign minister", "the foreign—minister “talks”"),
            ("korea leader", "Korea's leader"),
            ("bank of russia", "the Bank of Russia's rate"),
            ("dont know", "we don't know"),
            ("x ray", "an X-ray"),
            ("2019 summit", "the 2019 summit"),
        ];
        for (words, text) in found {
            let p = phrase(words);
            assert!(!p.ranges(text).is_empty(), "{words} in {text}: the words");
            assert!(p.occurs_in_text(text), "{words} in {text}: the byte search");
        }
        let absent = [
            ("foreign minister", "the foreign trade minister"),
            ("foreign minister", "minister foreign"),
            ("елкин сказал", "Yolkin said"),
            ("korea leader", "north korea. The leaders"),
        ];
        for (words, text) in absent {
            let p = phrase(words);
            assert_eq!(
                p.occurs_in_text(text),
                !p.ranges(text).is_empty(),
                "{words} in {text}"
            );
        }
        // A text with letters outside ASCII is read word by word.
        assert!(phrase("pyongyang talks").occurs_in_text("Pyŏngyang talks"));
        assert!(phrase("vladivostok summit").occurs_in_text("Vla\u{200B}divostok summit"));
    }

    proptest::proptest! {
        /// The byte search never rules out a text in which the words find the phrase.
        #[test]
        fn the_byte_search_agrees_with_the_words(
            words in proptest::collection::vec(0usize..6, 1..4),
            text in proptest::collection::vec((0usize..6, 0usize..4, 0usize..5), 0..12),
        ) {
            const WORDS: [&str; 6] = ["korea", "north", "leaders", "of", "don't", "talk"];
            const CASES: [fn(&str) -> String; 4] = [
                |w| w.to_owned(),
                |w| w.to_uppercase(),
                |w| w[..1].to_uppercase() + &w[1..],
                |w| format!("{w}'s"),
            ];
            const SEPARATORS: [&str; 5] = [" ", ", ", "-", " — ", "'"];
            let p = Phrase::new(words.iter().map(|&w| fold(WORDS[w])).collect());
            let text: String = text
                .iter()
                .map(|&(w, case, sep)| CASES[case](WORDS[w]) + SEPARATORS[sep])
                .collect();
            proptest::prop_assert_eq!(p.occurs_in_text(&text), !p.ranges(&text).is_empty(), "{}", text);
        }

        /// The byte search for terms marks exactly the words that reading word by word marks.
        #[test]
        fn the_byte_search_for_terms_agrees_with_the_words(
            terms in proptest::collection::vec(0usize..8, 1..4),
            text in proptest::collection::vec((0usize..8, 0usize..4, 0usize..6), 0..14),
        ) {
            const WORDS: [&str; 8] =
                ["korea", "koreans", "sanctioned", "of", "don't", "talks", "n'est", "2019"];
            const CASES: [fn(&str) -> String; 4] = [
                |w| w.to_owned(),
                |w| w.to_uppercase(),
                |w| w[..1].to_uppercase() + &w[1..],
                |w| format!("{w}'s"),
            ];
            const SEPARATORS: [&str; 6] = [" ", ", ", "-", " — ", "'", "'s "];
            let mut h = Highlighter::default();
            for &t in &terms {
                h.add_term(term(&fold(WORDS[t])));
            }
            let text: String = text
                .iter()
                .map(|&(w, case, sep)| CASES[case](WORDS[w]) + SEPARATORS[sep])
                .collect();
            let heads: Vec<&[u8]> = h.terms.iter().map(|t| stem_head(t)).collect();
            let fast = h.term_marks_ascii(&text, &heads);
            proptest::prop_assert!(fast.is_some());
            proptest::prop_assert_eq!(fast.unwrap(), h.term_marks(&text, &heads), "{}", text);
        }
    }

    #[test]
    fn the_byte_search_for_terms_leaves_other_scripts_to_the_words() {
        let mut h = Highlighter::default();
        h.add_term(term("pyongyang"));
        let heads: Vec<&[u8]> = h.terms.iter().map(|t| stem_head(t)).collect();
        assert_eq!(h.term_marks_ascii("Pyŏngyang talks", &heads), None);
        assert_eq!(
            marked("Pyŏngyang and Pyongyang’s talks", &h),
            ["Pyŏngyang", "Pyongyang’s"]
        );
    }

    #[test]
    fn terms_mark_every_inflection() {
        let mut h = Highlighter::default();
        h.add_term(term("sanction"));
        assert_eq!(
            marked("Sanctions, sanctioned; SANCTION!", &h),
            ["Sanctions", "sanctioned", "SANCTION"]
        );
    }

    #[test]
    fn phrases_mark_the_whole_run_across_hyphens() {
        let mut h = Highlighter::default();
        h.add_phrase(Phrase::new(vec!["kim".into(), "jong".into(), "un".into()]));
        assert_eq!(
            marked("Kim Jong-un met Kim Jong Un, not Kim Yo Jong.", &h),
            ["Kim Jong-un", "Kim Jong Un"]
        );
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        let text = "Putin met Kim in Pyongyang";
        let segs = segments(text, &[0..5, 10..13]);
        assert_eq!(
            segs,
            [
                ("Putin", true),
                (" met ", false),
                ("Kim", true),
                (" in Pyongyang", false)
            ]
        );
        let outside = [40..50, 60..70];
        assert_eq!(segments(text, &outside), [(text, false)]);
    }

    #[test]
    fn excerpt_picks_the_best_paragraph_and_window() {
        let mut a = article("x", None);
        let filler = "word ".repeat(60);
        a.paragraphs = vec![
            "Railway mentioned once here.".into(),
            format!("{filler} the railway bridge and the railway station opened {filler}").into(),
            "Nothing.".into(),
        ];
        let mut h = Highlighter::default();
        h.add_term(term("railway"));
        h.add_term(term("bridge"));
        let e = h.excerpt(&a, 20).unwrap();
        assert!(e.cut_start && e.cut_end, "{e:?}");
        let words: Vec<&str> = e.marks.iter().map(|r| &e.text[r.clone()]).collect();
        assert_eq!(words, ["railway", "bridge", "railway"]);
        assert!(e.text.split_whitespace().count() <= 20);
    }

    #[test]
    fn excerpt_without_matches_is_the_opening() {
        let mut a = article("x", None);
        a.paragraphs = vec!["First paragraph.".into(), "Second.".into()];
        let e = Highlighter::default().excerpt(&a, 30).unwrap();
        assert_eq!(e.text, "First paragraph.");
        assert!(e.marks.is_empty() && !e.cut_start && !e.cut_end);
    }
}
