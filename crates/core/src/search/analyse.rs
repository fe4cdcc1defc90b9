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
//! - **Terms** are folded words stemmed by a Snowball stemmer ([`Stemming`]): a Latin-script word
//!   by its article's language (German for a German article, English when the language is unknown
//!   or written in another script), a Cyrillic word by Russian; other scripts (Hangul, …) are kept
//!   as folded. A query's word is stemmed in each language of the corpus ([`Stemmings`]), so
//!   `Verhandlungen` finds the German articles' `Verhandlung`.
//! - **Stop words** (a short English list) are not indexed; phrases still check them in the text.

pub use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;
use std::sync::OnceLock;
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

/// A Snowball stemmer Dateline carries: the Latin-script languages `rust-stemmers` knows, and
/// Russian for every Cyrillic word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stemming {
    /// English, also for Latin-script words of articles in other or unknown languages.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Danish.
    Danish,
    /// Norwegian (Bokmål).
    Norwegian,
    /// Swedish.
    Swedish,
    /// Finnish.
    Finnish,
    /// Hungarian.
    Hungarian,
    /// Romanian.
    Romanian,
    /// Turkish.
    Turkish,
    /// Russian: every Cyrillic word, whatever its article's language.
    Russian,
}

impl Stemming {
    /// Every stemming, in a fixed order.
    pub const ALL: [Stemming; 15] = [
        Stemming::English,
        Stemming::German,
        Stemming::French,
        Stemming::Spanish,
        Stemming::Italian,
        Stemming::Portuguese,
        Stemming::Dutch,
        Stemming::Danish,
        Stemming::Norwegian,
        Stemming::Swedish,
        Stemming::Finnish,
        Stemming::Hungarian,
        Stemming::Romanian,
        Stemming::Turkish,
        Stemming::Russian,
    ];

    /// The stemming of an article in `language` (its English name, as `Article::language` holds
    /// it): English when the language is unknown or has no stemmer here.
    pub fn of_language(language: Option<&str>) -> Stemming {
        let Some(language) = language else {
            return Stemming::English;
        };
        Stemming::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(language))
            .or_else(|| {
                language
                    .eq_ignore_ascii_case("Bokmal")
                    .then_some(Stemming::Norwegian)
            })
            .unwrap_or(Stemming::English)
    }

    /// The language's English name, its ISO 639-1 code and its Snowball algorithm.
    fn facts(self) -> (&'static str, &'static str, Algorithm) {
        match self {
            Stemming::English => ("English", "en", Algorithm::English),
            Stemming::German => ("German", "de", Algorithm::German),
            Stemming::French => ("French", "fr", Algorithm::French),
            Stemming::Spanish => ("Spanish", "es", Algorithm::Spanish),
            Stemming::Italian => ("Italian", "it", Algorithm::Italian),
            Stemming::Portuguese => ("Portuguese", "pt", Algorithm::Portuguese),
            Stemming::Dutch => ("Dutch", "nl", Algorithm::Dutch),
            Stemming::Danish => ("Danish", "da", Algorithm::Danish),
            Stemming::Norwegian => ("Norwegian", "no", Algorithm::Norwegian),
            Stemming::Swedish => ("Swedish", "sv", Algorithm::Swedish),
            Stemming::Finnish => ("Finnish", "fi", Algorithm::Finnish),
            Stemming::Hungarian => ("Hungarian", "hu", Algorithm::Hungarian),
            Stemming::Romanian => ("Romanian", "ro", Algorithm::Romanian),
            Stemming::Turkish => ("Turkish", "tr", Algorithm::Turkish),
            Stemming::Russian => ("Russian", "ru", Algorithm::Russian),
        }
    }

    /// The language's English name.
    pub fn name(self) -> &'static str {
        self.facts().0
    }

    /// The language's stop words as NLTK lists them (from Snowball's lists), folded and sorted;
    /// none for English, whose own short list is [`is_stop_word`]'s. The index is built natively
    /// and carries the lists of its corpus's languages: the browser build has none of its own.
    pub fn stop_words(self) -> Vec<String> {
        if self == Stemming::English {
            return Vec::new();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let listed = stop_words::lookup(self.facts().1).unwrap_or_default();
        #[cfg(target_arch = "wasm32")]
        let listed: &[&str] = &[];
        let mut words: Vec<String> = listed
            .iter()
            .map(|w| fold(w))
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The Snowball algorithm.
    pub fn algorithm(self) -> Algorithm {
        self.facts().2
    }

    /// Gives the browser build this language's stemmer, made by the caller with a constant
    /// `Stemmer::create(Algorithm::…)` so that the wasm links only the stemmers given. The app's
    /// build script writes the calls for its corpus's languages (all fifteen cost 25 KB gzip;
    /// English and Russian alone 4 KB). Native builds make any stemmer when first asked.
    pub fn carry(self, stemmer: Stemmer) {
        let _ = CARRIED[self as usize].set(stemmer);
    }

    /// Carries every stemmer (a browser build that does not know its languages in advance).
    pub fn carry_every() {
        for stemming in Stemming::ALL {
            stemming.carry(Stemmer::create(stemming.algorithm()));
        }
    }

    /// The stemmer, if this build carries it.
    fn stemmer(self) -> Option<&'static Stemmer> {
        let slot = &CARRIED[self as usize];
        #[cfg(not(target_arch = "wasm32"))]
        return Some(slot.get_or_init(|| Stemmer::create(self.algorithm())));
        #[cfg(target_arch = "wasm32")]
        slot.get()
    }
}

/// The stemmers carried, by [`Stemming`] number.
static CARRIED: [OnceLock<Stemmer>; Stemming::ALL.len()] =
    [const { OnceLock::new() }; Stemming::ALL.len()];

/// The stemmings a corpus's articles are indexed with, which a query's words are stemmed in:
/// [`Stemming::English`] alone for a corpus in English or of unknown languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stemmings(Vec<Stemming>);

impl Default for Stemmings {
    fn default() -> Self {
        Stemmings(vec![Stemming::English])
    }
}

impl Stemmings {
    /// The stemmings of articles in these languages (English names; `None` for unknown).
    pub fn of_languages<'a>(languages: impl IntoIterator<Item = Option<&'a str>>) -> Stemmings {
        Stemmings::of(languages.into_iter().map(Stemming::of_language))
    }

    /// The stemmings of articles with these stemmings.
    pub fn of(articles: impl IntoIterator<Item = Stemming>) -> Stemmings {
        let mut used = [false; Stemming::ALL.len()];
        for stemming in articles {
            // Cyrillic words are stemmed as Russian in any article, and a Russian article's Latin
            // words as English.
            let stemming = match stemming {
                Stemming::Russian => Stemming::English,
                other => other,
            };
            used[stemming as usize] = true;
        }
        let found: Vec<Stemming> = Stemming::ALL
            .into_iter()
            .filter(|&s| used[s as usize])
            .collect();
        if found.is_empty() {
            Stemmings::default()
        } else {
            Stemmings(found)
        }
    }

    /// The stemmings, English first when it is one.
    pub fn iter(&self) -> impl Iterator<Item = Stemming> + '_ {
        self.0.iter().copied()
    }

    /// A folded word's terms, one per stemming, each once.
    pub fn terms(&self, folded: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.0.len());
        for stemming in self.iter() {
            let stem = term_in(stemming, folded);
            if !out.contains(&stem) {
                out.push(stem);
            }
        }
        out
    }
}

/// Stems a folded word into the term the index holds, as in an English text.
pub fn term(folded: &str) -> String {
    term_in(Stemming::English, folded)
}

/// Stems a folded word of a text in `language`: a Latin-script word by the language's stemmer
/// (English's for Russian), a Cyrillic word by Russian's; a word of another script is its term.
pub fn term_in(language: Stemming, folded: &str) -> String {
    match folded.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || is_latin_letter(c) => {
            let stemming = match language {
                Stemming::Russian => Stemming::English,
                other => other,
            };
            stem(stemming, folded)
        }
        Some('\u{0400}'..='\u{04FF}') => stem(Stemming::Russian, folded),
        _ => folded.to_owned(),
    }
}

/// A word stemmed, or as it is when this build does not carry the stemmer.
fn stem(stemming: Stemming, folded: &str) -> String {
    stemming
        .stemmer()
        .map_or_else(|| folded.to_owned(), |s| s.stem(folded).into_owned())
}

/// A letter of the Latin script outside ASCII that folding keeps (`ß`, `ł`, `ø`, `æ`, `ı`, …).
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
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

/// The indexable terms of a text in `language`, in order, stop words left out.
pub fn terms(language: Stemming, text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text)
        .filter(|t| !is_stop_word(&t.folded))
        .map(move |t| term_in(language, &t.folded))
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
    fn stemming_by_the_articles_language() {
        let de = Stemming::of_language(Some("German"));
        assert_eq!(de, Stemming::German);
        assert_eq!(term_in(de, "verhandlungen"), term_in(de, "verhandlung"));
        // A Cyrillic word is Russian, a Latin word in a Russian article English.
        let ru = Stemming::of_language(Some("Russian"));
        assert_eq!(term_in(ru, "переговорах"), term_in(ru, "переговоры"));
        assert_eq!(term_in(ru, "sanctions"), "sanction");
        assert_eq!(term_in(de, "평양"), "평양");
        // Unknown languages, and those without a stemmer here, are stemmed as English.
        assert_eq!(Stemming::of_language(None), Stemming::English);
        assert_eq!(Stemming::of_language(Some("Korean")), Stemming::English);
        assert_eq!(Stemming::of_language(Some("Bokmal")), Stemming::Norwegian);
    }

    #[test]
    fn a_corpus_stems_queries_in_each_of_its_languages() {
        let languages = [Some("German"), None, Some("Russian"), Some("German")];
        let stemmings = Stemmings::of_languages(languages);
        assert_eq!(
            stemmings.iter().collect::<Vec<_>>(),
            [Stemming::English, Stemming::German]
        );
        assert_eq!(
            stemmings.terms("verhandlungen"),
            ["verhandlungen", "verhandl"]
        );
        assert_eq!(stemmings.terms("talks"), ["talk"]);
        assert_eq!(
            Stemmings::of_languages([Some("Russian")]),
            Stemmings::default()
        );
        // A Russian article's Latin words are stemmed as English, so English is a language of
        // this corpus too.
        assert_eq!(
            Stemmings::of_languages([Some("German"), Some("Russian")])
                .iter()
                .collect::<Vec<_>>(),
            [Stemming::English, Stemming::German]
        );
    }

    #[test]
    fn terms_skip_stop_words() {
        let t: Vec<String> = terms(Stemming::English, "The talks of the leaders").collect();
        assert_eq!(t, ["talk", "leader"]);
    }
}
