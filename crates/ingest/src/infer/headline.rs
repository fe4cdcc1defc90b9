//! Finding the headline among the opening lines of a scrape.
//!
//! Above the headline stand banners ("Support The Moscow Times!"), appeals and the site's
//! "today" date; below it a standfirst and captions. A headline is a line of 3 to 30 words
//! without closing punctuation (a question needs 4 words), which is neither a date nor an
//! appeal. A headline the page repeats (e.g. above an audio player) is surer still.
//!
//! Many scrapes have no headline line at all: the file starts with the story's first paragraph.
//! Then the headline is the paragraph's first sentence, cut at a word boundary when long
//! ([`from_first_sentence`]); it is marked as inferred, and the paragraph stays in the body.

use super::OPENING;
use crate::boilerplate;
use crate::text::{fold, word_count, Line};
use dateline_core::{Confidence, Sourced};

/// The index of the headline among `lines`, and how it was found.
pub fn infer(lines: &[Line]) -> Option<(usize, Sourced)> {
    let opening = &lines[..lines.len().min(OPENING)];
    let index = opening.iter().position(|l| looks_like_headline(&l.text))?;
    let line = &lines[index];
    let folded = fold(&line.text);
    let repeated = opening[index + 1..].iter().any(|l| fold(&l.text) == folded);
    let confidence = if repeated {
        Confidence::High
    } else {
        Confidence::Medium
    };
    Some((
        index,
        Sourced::text(line.number, line.text.clone(), confidence),
    ))
}

fn looks_like_headline(line: &str) -> bool {
    let words = word_count(line);
    let last = line.chars().last().unwrap_or('.');
    let closing_ok = match last {
        '.' | '!' | ':' | ';' | ',' => false,
        '?' => words >= 4,
        _ => true,
    };
    closing_ok
        && (3..=30).contains(&words)
        && line.len() <= 250
        && !super::date::is_date_line(line)
        && !boilerplate::is_appeal(line)
}

/// The longest inferred headline, in characters, before it is cut at a word boundary.
const INFERRED_MAX: usize = 110;

/// Whether a line is a paragraph of prose rather than a headline, and not an appeal: long (20
/// words or more, or 150 characters) and ending like a sentence; or longer than any headline
/// (over 30 words, or 250 characters); or of 15 words or more with a sentence ending inside.
pub fn is_paragraph(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    let words = word_count(line);
    let chars = line.chars().count();
    let long = words >= 20 || chars >= 150;
    let sentence_end = end.ends_with(['.', '!', '?', '…', '。', '！', '？']);
    let two_sentences = first_sentence(line).len() < line.len();
    ((long && sentence_end) || words > 30 || chars > 250 || (words >= 15 && two_sentences))
        && !boilerplate::is_appeal(line)
}

/// A headline for a text whose first line is a paragraph: its first sentence, cut at a word
/// boundary if longer than [`INFERRED_MAX`] characters, with the evidence. A text of one line
/// gets one too, whatever its length: that line is all the article there is.
pub fn from_first_sentence(lines: &[Line]) -> Option<(String, Sourced)> {
    let first = lines
        .first()
        .filter(|l| lines.len() == 1 || is_paragraph(&l.text))?;
    let sentence = first_sentence(&first.text);
    let headline = cut_at_word(sentence.trim_end_matches(['.', '。']), INFERRED_MAX);
    let reason = format!(
        "the text has no headline line (line {} is {}), so the headline is its first sentence{}: “{}”",
        first.number,
        if is_paragraph(&first.text) { "a paragraph" } else { "all the text" },
        if headline.ends_with('…') { ", shortened" } else { "" },
        crate::text::excerpt(sentence, 200),
    );
    Some((headline, Sourced::inferred(reason, Confidence::Low)))
}

/// The first sentence of a paragraph: up to the first `.`, `!` or `?` that is followed by a
/// space and a capital letter (or a quote, or a digit), and that does not end an initial
/// ("J. Smith") or a common abbreviation ("Mr.", "U.S.", "Jan.").
fn first_sentence(text: &str) -> &str {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "st",
        "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let closes = matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
        if !closes {
            continue;
        }
        if matches!(c, '。' | '！' | '？') {
            return &text[..at + c.len_utf8()];
        }
        // Quotes or brackets may close after the mark.
        let mut j = i + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, q)| matches!(q, '"' | '”' | '’' | '\'' | '»' | ')'))
        {
            j += 1;
        }
        let spaced = chars.get(j).is_some_and(|&(_, s)| s.is_whitespace());
        let next = chars.get(j + 1).map(|&(_, n)| n);
        let starts = next.is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '«' | '\'')
        });
        if !(spaced && starts) {
            continue;
        }
        if c == '.' {
            let word: String = text[..at]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_start_matches(['(', '"', '“'])
                .to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            if initial || ABBREVIATIONS.contains(&word.as_str()) {
                continue;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
        return &text[..end];
    }
    text
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let cut = text[..limit]
        .rfind(char::is_whitespace)
        .filter(|&i| i > limit / 2)
        .unwrap_or(limit);
    let cut = text[..cut].trim_end_matches([',', ';', ':', ' ', '—', '–', '-']);
    format!("{cut}…")
}

/// The index of the headline's last repetition among the opening lines, e.g. after an audio
/// player that repeats it: the body starts after it.
pub fn last_position(lines: &[Line], headline: &str) -> Option<usize> {
    let folded = fold(headline);
    lines
        .iter()
        .take(OPENING)
        .rposition(|l| fold(&l.text) == folded)
        .or_else(|| {
            // A scrape may drop the headline's final punctuation or change its quotes.
            let short = crate::text::fold_sentence(headline);
            lines
                .iter()
                .take(OPENING)
                .rposition(|l| crate::text::fold_sentence(&l.text) == short)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn headline(text: &str) -> Option<(String, Confidence)> {
        let lines = lines(text);
        infer(&lines).map(|(i, s)| (lines[i].text.clone(), s.confidence))
    }

    #[test]
    fn skips_banners_dates_and_appeals() {
        let cases = [
            ("Support The Moscow Times!\n\nRussia and North Korea Discuss Visa-Free Regime\n\nCaption here.", "Russia and North Korea Discuss Visa-Free Regime"),
            ("Wednesday, 22nd January 2025\n\nNorth Korea’s Kim may visit Russia to meet Putin\n\nKim may soon visit Russia", "North Korea’s Kim may visit Russia to meet Putin"),
            ("Enjoying ad-free content?\nSince July 1, 2024, we have disabled all ads.\nSupport us\nOur journalism is banned. We need help.\n\nKremlin Confirms Putin's Trip to North Korea\n\nBody.", "Kremlin Confirms Putin's Trip to North Korea"),
            ("Will Kim Visit Moscow This Spring?\n\nBody.", "Will Kim Visit Moscow This Spring?"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                headline(text).map(|h| h.0).as_deref(),
                Some(expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_repeated_headline_is_surer() {
        let text = "Preparations in Progress for Kim's Visit\n\nClick to start listening\nPreparations in Progress for Kim's Visit\n\nBody.";
        assert_eq!(headline(text).unwrap().1, Confidence::High);
        assert_eq!(
            headline("A Plain Headline Here\n\nBody text.").unwrap().1,
            Confidence::Medium
        );
        assert_eq!(
            last_position(&lines(text), "Preparations in Progress for Kim’s Visit"),
            Some(2)
        );
    }

    #[test]
    fn a_text_that_starts_with_its_first_paragraph_gets_its_first_sentence() {
        let cases = [
            (
                "Russia and North Korea have discussed a visa-free regime, Far East Development Minister Alexander Galushka said on Tuesday. The issue came up during his trip to Pyongyang, Interfax reported.",
                "Russia and North Korea have discussed a visa-free regime, Far East Development Minister Alexander Galushka…",
            ),
            (
                "Mr. Putin met Kim Jong Un in Vladivostok on Thursday for talks. The two leaders spoke for more than three hours, according to the Kremlin, about sanctions and the nuclear issue.",
                "Mr. Putin met Kim Jong Un in Vladivostok on Thursday for talks",
            ),
            (
                "The U.S. said on Monday that \"the deal\" between Moscow and Pyongyang breaks UN resolutions. \"We will respond,\" a State Department spokesman told reporters in Washington late in the day.",
                "The U.S. said on Monday that \"the deal\" between Moscow and Pyongyang breaks UN resolutions",
            ),
        ];
        for (text, expected) in cases {
            let lines = lines(text);
            let (headline, source) = from_first_sentence(&lines).expect(text);
            assert_eq!(headline, expected);
            assert!(headline.chars().count() <= INFERRED_MAX + 1, "{headline}");
            assert_eq!(source.confidence, Confidence::Low);
            assert!(source
                .describe()
                .contains("no headline line (line 1 is a paragraph)"));
        }
    }

    #[test]
    fn a_long_line_without_a_final_stop_or_a_one_line_text_is_headline_less_too() {
        let cut = "Russia and North Korea have discussed a visa-free regime, the minister said on Tuesday, in talks that went on for hours and covered trade, rail links, labour, tourism and the";
        let (headline, _) = from_first_sentence(&lines(cut)).expect("over 30 words");
        assert!(
            cut.starts_with(headline.trim_end_matches('…')),
            "{headline}"
        );
        let two = "Kim arrived in Moscow. Putin met him at the station on Monday with a guard of honour and a band";
        assert_eq!(
            from_first_sentence(&lines(two)).unwrap().0,
            "Kim arrived in Moscow"
        );
        let (headline, source) =
            from_first_sentence(&lines("Kim arrived in Moscow on Monday.")).unwrap();
        assert_eq!(headline, "Kim arrived in Moscow on Monday");
        assert!(
            source.describe().contains("line 1 is all the text"),
            "{}",
            source.describe()
        );
    }

    #[test]
    fn a_headline_line_or_a_short_banner_is_not_a_paragraph() {
        assert!(from_first_sentence(&lines("Kim Visits Russia\nBody.")).is_none());
        assert!(!is_paragraph(
            "Since July 1, 2024, we have disabled all ads."
        ));
        assert!(!is_paragraph(
            "A very long headline with many words but no closing punctuation at all because headlines rarely end in a full stop"
        ));
    }

    #[test]
    fn no_headline_in_prose_only_text() {
        assert_eq!(headline("This is a sentence.\nAnd another one."), None);
    }
}
