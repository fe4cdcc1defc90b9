//! Recognising publisher boilerplate: appeals for money or sign-ups, player and widget labels,
//! and lines an outlet repeats across its articles.
//!
//! Two generic detectors, plus the patterns a corpus configures in `dateline.toml`:
//! - [`is_appeal`]: the wording of donation, newsletter and subscription appeals;
//! - [`Repeated`]: lines that stand, word for word, in two or more articles of one outlet.

use crate::text::{fold, Line};
use std::collections::{HashMap, HashSet};

/// Appeal wording that starts a short, banner-like line ("Support us", "Sign up for our
/// newsletter"); a prose paragraph that happens to start so ("Support for the deal grew …") is
/// not an appeal.
const APPEAL_STARTS: &[&str] = &[
    "support ",
    "subscribe",
    "sign up",
    "donate",
    "read more",
    "read also",
    "click to start listening",
    "click here to",
    "remind me later",
    "not ready to support",
    "enjoying ad-free",
    "share this article",
    "follow us on",
];

/// Appeal wording anywhere in a line. First and second person: prose about others' support
/// ("pledged to support the regime") does not match.
const APPEAL_PHRASES: &[&str] = &[
    "support us",
    "your support",
    "we need your help",
    "one-time donation",
    "recurring donation",
    "disabled all ads",
    "small favor to ask",
    "privacy policy",
    "our newsletter",
    "weekly newsletter",
    "free newsletter",
    "independent journalism",
    "paiment method",
    "payment method",
    "keep it alive",
    "keep providing you",
    "support today",
];

/// Lines that are a donation widget's or player's labels, word for word.
const WIDGET_LINES: &[&str] = &[
    "once",
    "monthly",
    "annual",
    "continue",
    "share",
    "tweet",
    "advertisement",
    "listen",
    "print",
];

/// Whether a line is appeal or widget boilerplate.
pub fn is_appeal(line: &str) -> bool {
    is_appeal_folded(&fold(line))
}

/// [`is_appeal`] for a line already passed through [`fold`].
pub fn is_appeal_folded(folded: &str) -> bool {
    let f = folded.trim_start_matches(['.', '…', ' ']);
    const BANNER_WORDS: usize = 8;
    // An appeal is a paragraph of its own; a long paragraph that quotes one ("… SIGN UP FOR
    // OUR NEWSLETTER Snopes fact checker …", a scrape that ran two blocks together) is text.
    const APPEAL_WORDS: usize = 60;
    let words = crate::text::word_count(f);
    WIDGET_LINES.contains(&f.trim_end_matches(['.', '!']))
        || (words <= BANNER_WORDS && APPEAL_STARTS.iter().any(|p| f.starts_with(p)))
        || (words <= APPEAL_WORDS && APPEAL_PHRASES.iter().any(|p| f.contains(p)))
}

/// Lines that an outlet repeats across its articles, keyed by outlet.
#[derive(Debug, Default)]
pub struct Repeated {
    by_outlet: HashMap<String, HashSet<String>>,
}

impl Repeated {
    /// Finds the lines each outlet repeats. `articles` gives each article's outlet and lines; a
    /// line counts once per article. Articles of unknown outlet are left out: they need not
    /// share a publisher, so a line they share may well be quoted text.
    pub fn find<'a>(articles: impl IntoIterator<Item = (Option<&'a str>, &'a [Line])>) -> Self {
        let folded: Vec<(Option<&str>, Vec<String>)> = articles
            .into_iter()
            .map(|(outlet, lines)| (outlet, lines.iter().map(|l| fold(&l.text)).collect()))
            .collect();
        Self::find_folded(folded.iter().map(|(o, f)| (*o, &f[..])))
    }

    /// [`Repeated::find`] for lines already passed through [`fold`].
    pub fn find_folded<'a>(
        articles: impl IntoIterator<Item = (Option<&'a str>, &'a [String])>,
    ) -> Self {
        let mut counts: HashMap<String, HashMap<&str, usize>> = HashMap::new();
        for (outlet, lines) in articles {
            let Some(outlet) = outlet else { continue };
            let seen: HashSet<&str> = lines.iter().map(String::as_str).collect();
            let outlet_counts = counts.entry(outlet_key(Some(outlet))).or_default();
            for line in seen {
                *outlet_counts.entry(line).or_default() += 1;
            }
        }
        let by_outlet = counts
            .into_iter()
            .map(|(outlet, lines)| {
                (
                    outlet,
                    lines
                        .into_iter()
                        .filter(|(_, n)| *n >= 2)
                        .map(|(l, _)| l.to_owned())
                        .collect(),
                )
            })
            .collect();
        Repeated { by_outlet }
    }

    /// Whether `line` is one the outlet repeats.
    pub fn contains(&self, outlet: Option<&str>, line: &str) -> bool {
        self.lines_of(outlet)
            .is_some_and(|set| set.contains(&fold(line)))
    }

    /// The folded lines the outlet repeats, if it repeats any.
    pub fn lines_of(&self, outlet: Option<&str>) -> Option<&HashSet<String>> {
        self.by_outlet.get(&outlet_key(outlet))
    }
}

fn outlet_key(outlet: Option<&str>) -> String {
    outlet.map(crate::text::name_key).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    #[test]
    fn appeals_and_widgets_are_recognised_but_prose_is_not() {
        for line in [
            "Support The Moscow Times!",
            "Sign up for our free weekly newsletter",
            "… we have a small favor to ask. As you may have heard,",
            "Your support, no matter how small, makes a world of difference.",
            "paiment methods",
            "Monthly",
            "Read more",
            "Click to start listening",
            "Enjoying ad-free content?",
        ] {
            assert!(is_appeal(line), "{line:?} is an appeal");
        }
        for line in [
            "North Korea pledged to support the regime in Moscow.",
            "Read the statement, he said.",
            "The monthly trade figures rose.",
            "Support for the deal grew in Moscow after the summit, officials said on Monday.",
            "Subscribers to the state newspaper in Pyongyang read the statement in full.",
        ] {
            assert!(!is_appeal(line), "{line:?} is prose");
        }
    }

    #[test]
    fn a_long_paragraph_that_runs_into_an_appeal_is_still_text() {
        let paragraph = format!(
            "JIM WATSON/AFP/Getty Images SIGN UP FOR OUR NEWSLETTER Snopes fact checker David Emery posted to Twitter asking {}",
            "whether there were any supporters left who were not angry, and the replies came in their thousands. ".repeat(4)
        );
        assert!(!is_appeal(&paragraph));
        assert!(is_appeal(
            "Sign up for our free newsletter to get the news first."
        ));
    }

    #[test]
    fn repeated_lines_are_per_outlet() {
        let a = lines("Read more\nUnique one.\nShared body sentence.");
        let b = lines("READ MORE\nUnique two.");
        let c = lines("Shared body sentence.");
        let repeated = Repeated::find([
            (Some("The Moscow Times"), &a[..]),
            (Some("the moscow times"), &b[..]),
            (Some("Other"), &c[..]),
        ]);
        assert!(repeated.contains(Some("The Moscow Times"), "Read more"));
        assert!(!repeated.contains(Some("The Moscow Times"), "Shared body sentence."));
        assert!(!repeated.contains(Some("Other"), "Read more"));
        let unknown = Repeated::find([(None, &a[..]), (None, &b[..])]);
        assert!(!unknown.contains(None, "Read more"));
    }
}
