//! A first cleaning of scraped article text: find where the article starts and ends, and drop
//! the publisher boilerplate the corpus configuration names.
//!
//! The scrapes this reads put one paragraph per line, with the site's banners above the
//! headline and its appeals below the article. Cleaning never changes the raw file; it only
//! chooses which lines become the body.

use crate::config::Boilerplate;

/// Folds a line for comparison: case, curly quotes and runs of white space do not matter.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
                '\u{201C}' | '\u{201D}' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The non-blank lines of a text, trimmed, with their 1-based line numbers.
pub(crate) fn lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// Chooses the body paragraphs of an article.
///
/// The body starts after the last occurrence of the headline among the opening lines (sites
/// repeat it, e.g. above an audio player), runs until the first end marker, and leaves out the
/// lines the configuration drops. Without the headline in the text, the body starts at the top.
pub fn body(text: &str, headline: &str, boilerplate: &Boilerplate) -> Vec<String> {
    let lines = lines(text);
    let headline = fold(headline);
    let drop: Vec<String> = boilerplate.drop_lines.iter().map(|p| fold(p)).collect();
    let ends: Vec<String> = boilerplate.end_markers.iter().map(|p| fold(p)).collect();

    // Only the opening of the text may hold the headline: a later repetition is quoted text.
    const OPENING_LINES: usize = 12;
    let start = lines
        .iter()
        .take(OPENING_LINES)
        .rposition(|(_, line)| fold(line) == headline)
        .map_or(0, |i| i + 1);

    lines[start..]
        .iter()
        .map(|(_, line)| (*line, fold(line)))
        .take_while(|(_, folded)| !ends.iter().any(|end| folded.starts_with(end.as_str())))
        .filter(|(_, folded)| *folded != headline && !drop.contains(folded))
        .map(|(line, _)| line.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boilerplate() -> Boilerplate {
        Boilerplate {
            drop_lines: vec!["Click to start listening".into()],
            end_markers: vec!["Read more".into(), "Sign up for".into()],
        }
    }

    #[test]
    fn body_runs_from_after_the_headline_to_the_first_end_marker() {
        let text = "Support us!\n\nThe Headline\n\nFirst.\n\n  Second.  \nREAD MORE\nAppeal.";
        assert_eq!(
            body(text, "The Headline", &boilerplate()),
            ["First.", "Second."]
        );
    }

    #[test]
    fn a_repeated_headline_and_dropped_lines_are_skipped() {
        let text = "Kim’s Visit\n\nClick to start listening\nKim's  visit\n\nBody.\nclick to start listening\nMore.";
        assert_eq!(
            body(text, "Kim's Visit", &boilerplate()),
            ["Body.", "More."]
        );
    }

    #[test]
    fn without_the_headline_the_body_starts_at_the_top() {
        assert_eq!(
            body("One.\nTwo.", "Absent", &boilerplate()),
            ["One.", "Two."]
        );
    }

    #[test]
    fn fold_ignores_case_quotes_and_spacing() {
        assert_eq!(fold("  North Korea’s  “Kim” "), "north korea's \"kim\"");
    }
}
