//! Small text helpers shared by the inference and cleaning passes: folding for comparison,
//! word counts, and the lines of a document with their numbers.

/// One non-blank line of a document, trimmed, with its 1-based line number in the source
/// (0 where the source has no meaningful lines, e.g. text extracted from HTML).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source file, or 0.
    pub number: usize,
    /// The trimmed text.
    pub text: String,
}

/// The non-blank lines of plain text, with their line numbers. White space runs (tabs,
/// non-breaking spaces) become single spaces.
pub fn lines(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, squeeze(line)))
        .filter(|(_, line)| !is_blank(line))
        .map(|(number, text)| Line { number, text })
        .collect()
}

/// Whether a line shows nothing: only white space and invisible characters (zero-width
/// spaces, byte-order marks, direction controls, soft hyphens).
pub fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || dateline_core::search::analyse::is_invisible(c))
}

/// The words of a line joined by single spaces.
pub fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds a line for comparison: case, curly quotes, dashes and runs of white space do not matter.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
                '\u{2010}'..='\u{2015}' => out.push('-'),
                '\u{2026}' => out.push_str("..."),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Folds further, for matching names across spellings: ASCII transliteration, and every
/// non-alphanumeric run (hyphens, apostrophes, dots) as one space. "Kim Jong-un" and
/// "KIM JONG UN" both become "kim jong un".
pub fn fold_words(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Key for comparing publisher names: letters and digits only, lower case, so "Nation Press"
/// and "NationPress" are one outlet.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many words a line has.
pub fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The line without trailing sentence punctuation, folded: for "the same sentence" comparisons.
pub fn fold_sentence(line: &str) -> String {
    without_sentence_end(&fold(line)).to_owned()
}

/// A folded line without its trailing sentence punctuation.
pub fn without_sentence_end(folded: &str) -> &str {
    folded.trim_end_matches(['.', '!', '?', ':', ';', ',', ' '])
}

/// Shortens a string to at most `max` characters for reports, marking the cut with "…".
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_invisible_characters_are_blank() {
        let text = "Headline\n\u{200b}\u{feff}\n \u{202e} \u{ad}\nBody \u{200b}";
        let numbers: Vec<usize> = lines(text).iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 4]);
    }

    #[test]
    fn fold_ignores_case_quotes_dashes_and_spacing() {
        assert_eq!(
            fold("  North Korea’s  “Kim” – here… "),
            "north korea's \"kim\" - here..."
        );
    }

    #[test]
    fn fold_words_matches_spelling_variants() {
        assert_eq!(fold_words("Kim Jong-un's"), "kim jong un s");
        assert_eq!(fold_words("KIM  JONG UN"), "kim jong un");
        assert_eq!(fold_words("U.S.S.R."), "u s s r");
        assert_eq!(fold_words("Путин"), "putin");
    }

    #[test]
    fn lines_keep_numbers_and_skip_blanks() {
        let got = lines("a\n\n  b\u{a0}\u{a0}c\t \n");
        assert_eq!(
            got.iter()
                .map(|l| (l.number, l.text.as_str()))
                .collect::<Vec<_>>(),
            [(1, "a"), (3, "b c")]
        );
    }

    #[test]
    fn sentences_compare_without_final_punctuation_and_excerpts_cut() {
        assert_eq!(
            fold_sentence("Kim may visit."),
            fold_sentence("Kim may visit")
        );
        assert_eq!(excerpt("abcdef", 4), "abc…");
        assert_eq!(excerpt("abc", 4), "abc");
    }
}
