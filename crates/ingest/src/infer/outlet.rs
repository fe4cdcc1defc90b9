//! Finding the outlet from the publisher's own signatures, never from the agencies an article
//! quotes ("as reported by TASS", "news agency Interfax reported").
//!
//! Signatures: the source in the story's dateline ("Seoul, March 27 (NationPress)"), a copyright
//! line, the publisher's appeals ("Support The Moscow Times!", "A Message from The Moscow Times",
//! "the journalists of The Moscow Times"), and a sign-off line that repeats one of those names.
//! Names are compared without case or spaces, so "Nation Press" supports "NationPress".

use super::dateline::Dateline;
use crate::text::{name_key as key, word_count, Line};
use dateline_core::{Confidence, Sourced};
use regex::Regex;
use std::sync::LazyLock;

const NAME: &str =
    r"(?P<name>(?:The\s+)?\p{Lu}[\p{L}\d&.'-]*(?:\s+(?:\p{Lu}[\p{L}\d&.'-]*|of|and|for))*)";

static SIGNATURES: LazyLock<Vec<(Regex, u32)>> = LazyLock::new(|| {
    [
        (
            format!(r"^(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s+)?{NAME}"),
            3,
        ),
        (format!(r"^Support\s+{NAME}\s*!?$"), 2),
        (format!(r"^A Message from\s+{NAME}\s*:?$"), 2),
        (
            format!(r"\b(?:journalists|editors|team) (?:of|at)\s+{NAME}"),
            2,
        ),
        (format!(r"^(?:Subscribe to|Donate to)\s+{NAME}"), 2),
    ]
    .into_iter()
    .map(|(re, weight)| (Regex::new(&re).expect("valid regex"), weight))
    .collect()
});

/// The outlet, with the signature that names it.
pub fn infer(lines: &[Line], dateline: Option<&Dateline>) -> Option<(String, Sourced)> {
    // (name, weight, line index, evidence)
    let mut votes: Vec<(String, u32, usize, String)> = Vec::new();
    if let Some(d) = dateline {
        if let Some(source) = &d.source {
            votes.push((source.clone(), 3, d.index, d.evidence.clone()));
        }
    }
    for (index, line) in lines.iter().enumerate() {
        for (re, weight) in SIGNATURES.iter() {
            if let Some(c) = re.captures(&line.text) {
                // A name ends at a sentence break ("Korea Herald. All rights reserved").
                let name = c["name"].split(". ").next().unwrap_or_default();
                let name = name.trim_end_matches(['.', ',', '\'']).to_owned();
                if word_count(&name) <= 6 {
                    votes.push((name, *weight, index, line.text.clone()));
                }
            }
        }
    }
    // A sign-off at the very end that repeats a name already found.
    if let Some((index, last)) = lines.iter().enumerate().next_back() {
        if word_count(&last.text) <= 4 && votes.iter().any(|v| key(&v.0) == key(&last.text)) {
            votes.push((last.text.clone(), 1, index, last.text.clone()));
        }
    }

    let mut tally: Vec<(String, u32, usize)> = Vec::new(); // (key, total, signature count)
    for (name, weight, ..) in &votes {
        match tally.iter_mut().find(|t| t.0 == key(name)) {
            Some(t) => {
                t.1 += weight;
                t.2 += 1;
            }
            None => tally.push((key(name), *weight, 1)),
        }
    }
    let (best_key, _, count) = tally.into_iter().max_by_key(|t| t.1)?;
    // The strongest single signature of the winner gives its spelling and the evidence.
    let (name, weight, index, evidence) = votes
        .into_iter()
        .filter(|v| key(&v.0) == best_key)
        .max_by_key(|v| (v.1, std::cmp::Reverse(v.2)))?;
    let confidence = if count >= 2 || weight >= 3 {
        Confidence::High
    } else {
        Confidence::Medium
    };
    let mut source = Sourced::text(lines[index].number, evidence, confidence);
    if count >= 2 {
        if let dateline_core::Provenance::Text { evidence, .. } = &mut source.provenance {
            evidence.push_str(&format!(
                " (and {} more signature{})",
                count - 1,
                if count == 2 { "" } else { "s" }
            ));
        }
    }
    Some((name, source))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::dateline;
    use crate::text::lines;

    fn outlet(text: &str) -> Option<(String, Confidence)> {
        let lines = lines(text);
        let d = dateline::find(&lines);
        infer(&lines, d.as_ref()).map(|(name, s)| (name, s.confidence))
    }

    #[test]
    fn reads_publisher_signatures() {
        let cases = [
            ("Support The Moscow Times!\n\nHeadline\n\nBody.", "The Moscow Times"),
            ("Headline\n\nBody.\n\nA Message from The Moscow Times:\n\nDear readers,", "The Moscow Times"),
            ("Headline\n\nBody.\n\nWe, the journalists of The Moscow Times, refuse to be silenced.", "The Moscow Times"),
            ("Headline\n\nSeoul, March 27 (NationPress) Efforts.\n\nNation Press", "NationPress"),
            ("Headline\n\nBody.\n\n© 2024 Korea Herald. All rights reserved.", "Korea Herald"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                outlet(text).map(|o| o.0).as_deref(),
                Some(expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn agreeing_signatures_raise_confidence() {
        assert_eq!(
            outlet("Support The Moscow Times!\n\nH\n\nA Message from The Moscow Times:")
                .unwrap()
                .1,
            Confidence::High
        );
        assert_eq!(
            outlet("Support The Moscow Times!\n\nH\n\nBody.").unwrap().1,
            Confidence::Medium
        );
    }

    #[test]
    fn quoted_agencies_are_not_the_outlet() {
        let text = "Headline\n\nMinister said so, news agency Interfax reported on Tuesday.\n\nAs reported by TASS and Ria Novosti, citing Yonhap.\n\nthe Vedomosti newspaper reported.";
        assert_eq!(outlet(text), None);
    }
}
