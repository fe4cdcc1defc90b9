//! Finding the headline among the opening lines of a scrape.
//!
//! Above the headline stand banners ("Support The Moscow Times!"), appeals and the site's
//! "today" date; below it a standfirst and captions. A headline is a line of 3 to 30 words
//! without closing punctuation (a question needs 4 words), which is neither a date nor an
//! appeal. A headline the page repeats (e.g. above an audio player) is surer still.

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
    fn no_headline_in_prose_only_text() {
        assert_eq!(headline("This is a sentence.\nAnd another one."), None);
    }
}
