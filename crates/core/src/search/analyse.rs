//! Text analysis shared by indexing, querying and highlighting: splitting text into word
//! tokens with their byte ranges, folding each to a search form, and stemming it to a term.
//!
//! One analysis for all three is what makes highlights land exactly on what matched.
//!
//! - **Tokens** are runs of letters and digits in any script. Hyphens, dashes and all other
//!   punctuation separate words, so "Kim Jong-un" gives `kim`, `jong`, `un` like "Kim Jong Un".
//!   An apostrophe between letters (`'`, `’`, `ʼ`) joins them: "Pyongyang’s" is one token.
//!   So do the invisible characters scrapes leave inside words (zero-width spaces and joiners,
//!   soft hyphens, byte-order marks, direction marks): "Vla\u{200B}divostok" is one token.
//! - **Folding** drops those invisible characters, lower-cases, removes diacritics (canonical decomposition, combining marks
//!   dropped; Hangul syllables are left whole), drops apostrophes and a possessive `’s`:
//!   "Pyongyang’s" → `pyongyang`, "Ёлкин" → `елкин`. Compatibility forms (ligatures like `ﬁ`,
//!   full-width letters) are not folded: their tables would add about 60 KB to the app for
//!   characters news text hardly uses.
//! - **Terms** are folded words stemmed by the Snowball stemmer of their script: English for Latin
//!   script, Russian for Cyrillic; other scripts (Hangul, …) are kept as folded.
//! - **Stop words** (a short English list) are not indexed; phrases still check them in the text.

use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// One word of a text: where it is, and its folded (unstemmed) form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the analysed text.
    pub range: Range<usize>,
    /// The folded word, e.g. `pyongyang` for "Pyongyang’s".
    pub folded: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// A character with no glyph that a scrape may leave inside a word: soft hyphen, zero-width space,
/// non-joiner and joiner, left-to-right and right-to-left marks, direction embeddings, overrides
/// and isolates, word joiner and invisible operators, byte-order mark. None splits a word.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Splits `text` into word tokens, in order.
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    word_ranges(text).map(|range| Token {
        folded: fold(&text[range.clone()]),
        range,
    })
}

/// The byte ranges of the words of `text`, in order, without folding them. ASCII is read a
/// byte at a time; other characters are decoded.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // The character at byte `i` and its length.
    let char_at = move |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or(('\u{FFFD}', 1), |c| (c, c.len_utf8())),
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to the next word character.
        let start = loop {
            if at >= bytes.len() {
                return None;
            }
            match bytes[at] {
                b if b.is_ascii_alphanumeric() => break at,
                b if b < 0x80 => {
                    at += 1;
                    continue;
                }
                _ => {}
            }
            let (c, len) = char_at(at);
            if c.is_alphanumeric() {
                break at;
            }
            at += len;
        };
        // Whether the word goes on after `from`, past any invisible characters.
        let continues = |mut from: usize| {
            while from < bytes.len() {
                let (c, len) = char_at(from);
                if !is_invisible(c) {
                    return c.is_alphanumeric();
                }
                from += len;
            }
            false
        };
        while at < bytes.len() {
            // Most text is ASCII: a letter or digit goes on, anything else but an apostrophe ends
            // the word, without looking the character up.
            match bytes[at] {
                b if b.is_ascii_alphanumeric() => {
                    at += 1;
                    continue;
                }
                b if b < 0x80 && b != b'\'' => break,
                _ => {}
            }
            let (c, len) = char_at(at);
            let joins_word = (is_apostrophe(c) || is_invisible(c)) && continues(at + len);
            if c.is_alphanumeric() || is_combining_mark(c) || joins_word {
                at += len;
            } else {
                break;
            }
        }
        Some(start..at)
    })
}

/// The folded words of `text`, in order.
pub fn folded_words(text: &str) -> Vec<String> {
    tokens(text).map(|t| t.folded).collect()
}

/// Folds one word: lower case, no diacritics, no apostrophes or possessive `’s`.
pub fn fold(word: &str) -> String {
    let mut out = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            if is_invisible(c) {
                continue;
            } else if is_hangul_syllable(c) {
                out.push(c);
            } else {
                decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        out.extend(d.to_lowercase());
                    }
                });
            }
        }
        out
    };
    if out.contains(['\'', '’', 'ʼ', '‘']) {
        for suffix in ["'s", "’s", "ʼs", "‘s"] {
            if let Some(stripped) = out.strip_suffix(suffix) {
                out.truncate(stripped.len());
                break;
            }
        }
        out.retain(|c| !is_apostrophe(c));
    }
    out
}

/// A precomposed Hangul syllable, which decomposes into jamo that are not combining marks.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static RUSSIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));

/// Stems a folded word into the term the index holds.
pub fn term(folded: &str) -> String {
    let first = folded.chars().next();
    match first {
        Some(c) if c.is_ascii_alphabetic() => ENGLISH.stem(folded).into_owned(),
        Some('\u{0400}'..='\u{04FF}') => RUSSIAN.stem(folded).into_owned(),
        _ => folded.to_owned(),
    }
}

/// English words too common to index (the Snowball list, trimmed to what carries no meaning in
/// news text). Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "him", "his", "i", "if", "in", "into", "is", "it", "its", "itself", "may", "more",
    "most", "not", "of", "on", "or", "other", "our", "over", "said", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "up", "very", "was", "we", "were", "what", "when", "which", "while",
    "who", "will", "with", "would", "you",
];

/// Whether a folded word is too common to index.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// How many stop words there are.
pub const STOP_WORD_COUNT: usize = STOP_WORDS.len();

/// The number of a stop word (below [`STOP_WORD_COUNT`]), or `None` for any other word.
pub fn stop_word_number(folded: &str) -> Option<usize> {
    STOP_WORDS.binary_search(&folded).ok()
}

/// The indexable terms of a text, in order, stop words left out.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text)
        .filter(|t| !is_stop_word(&t.folded))
        .map(|t| term(&t.folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        folded_words(text)
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn hyphens_split_and_case_folds() {
        assert_eq!(folded("Kim Jong-un"), folded("KIM JONG UN"));
        assert_eq!(folded("Kim Jong‑un"), ["kim", "jong", "un"]);
    }

    #[test]
    fn apostrophes_join_and_possessives_drop() {
        assert_eq!(folded("Pyongyang’s ally"), ["pyongyang", "ally"]);
        assert_eq!(folded("Pyongyang's"), ["pyongyang"]);
        assert_eq!(folded("O’Neill 'quoted'"), ["oneill", "quoted"]);
    }

    #[test]
    fn diacritics_fold_in_every_script() {
        assert_eq!(folded("Sergeï Lavrov"), ["sergei", "lavrov"]);
        assert_eq!(folded("Ёлкин ПХЕНЬЯН"), ["елкин", "пхеньян"]);
        // Hangul syllables survive decomposition.
        assert_eq!(folded("평양 김정은"), ["평양", "김정은"]);
        // Precomposed and decomposed forms fold alike.
        assert_eq!(folded("Sergei\u{0308}"), folded("Sergeï"));
        assert_eq!(folded("Škoda Łódź Ωμέγα"), ["skoda", "łodz", "ωμεγα"]);
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        let text = "Vla\u{200B}di\u{200D}vo\u{FEFF}sto\u{AD}k \u{202E}Lavrov\u{202C}, Pyong\u{200B}\u{200B}yang\u{200B} end";
        assert_eq!(folded(text), ["vladivostok", "lavrov", "pyongyang", "end"]);
        let words: Vec<&str> = word_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(words[0], "Vla\u{200B}di\u{200D}vo\u{FEFF}sto\u{AD}k");
        // A trailing invisible character is not part of the word; a lone one is no word.
        assert_eq!(words[2], "Pyong\u{200B}\u{200B}yang");
        assert!(folded("\u{200B} \u{202E}").is_empty());
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "«Kim’s» visit — 평양!";
        let words: Vec<&str> = tokens(text).map(|t| &text[t.range]).collect();
        assert_eq!(words, ["Kim’s", "visit", "평양"]);
    }

    #[test]
    fn stemming_by_script() {
        assert_eq!(term("sanctions"), "sanction");
        assert_eq!(term("talks"), "talk");
        assert_eq!(term("санкции"), term("санкций"));
        assert_eq!(term("평양"), "평양");
        assert_eq!(term("2019"), "2019");
    }

    #[test]
    fn terms_skip_stop_words() {
        let t: Vec<String> = terms("The talks of the leaders").collect();
        assert_eq!(t, ["talk", "leader"]);
    }
}
