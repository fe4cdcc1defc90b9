//! Datelines: the place, day and source that open a news story, e.g.
//! "Seoul, March 27 (NationPress) Efforts are …" or "MOSCOW (Reuters) — …".

use crate::dates::{self, Mention};
use crate::text::Line;
use regex::Regex;
use std::sync::LazyLock;

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Index of the line in the document's lines.
    pub index: usize,
    /// The place, e.g. "Seoul".
    pub place: String,
    /// The date it states, often without a year.
    pub date: Option<Mention>,
    /// The name in parentheses: the outlet or agency that filed the story.
    pub source: Option<String>,
    /// The dateline's own words, for provenance.
    pub evidence: String,
}

static PLACE_DATE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    // "Seoul, March 27 (NationPress)" / "Seoul, March 27, 2025 (Yonhap) --"
    Regex::new(r"^(?P<place>\p{Lu}[\p{L}.' -]{1,40}?),\s+(?P<date>[^()]{3,30}?)\s*\((?P<source>[^()]{2,40})\)")
        .expect("valid regex")
});
static PLACE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    // "MOSCOW (Reuters) —" / "PYONGYANG, March 27 (KCNA) -"
    Regex::new(r"^(?P<place>\p{Lu}[\p{Lu}.' -]{2,40}?)\s*\((?P<source>[^()]{2,40})\)\s*[-—–]")
        .expect("valid regex")
});

/// The first dateline among the first lines of the text, if any.
pub fn find(lines: &[Line]) -> Option<Dateline> {
    lines
        .iter()
        .enumerate()
        .take(super::OPENING + 10)
        .find_map(|(index, line)| {
            if let Some(c) = PLACE_DATE_SOURCE.captures(&line.text) {
                let date = dates::find(&c["date"]).into_iter().next()?;
                return Some(Dateline {
                    index,
                    place: c["place"].trim().to_owned(),
                    date: Some(date),
                    source: Some(c["source"].trim().to_owned()),
                    evidence: c[0].to_owned(),
                });
            }
            let c = PLACE_SOURCE.captures(&line.text)?;
            Some(Dateline {
                index,
                place: title_case(c["place"].trim()),
                date: None,
                source: Some(c["source"].trim().to_owned()),
                evidence: c[0].trim_end_matches(['-', '—', '–', ' ']).to_owned(),
            })
        })
}

/// "NEW YORK" → "New York".
fn title_case(place: &str) -> String {
    if place.chars().any(char::is_lowercase) {
        return place.to_owned();
    }
    place
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    #[test]
    fn reads_place_date_and_source() {
        let d = find(&lines(
            "Headline\n\nSeoul, March 27 (NationPress) Efforts are being initiated.",
        ))
        .unwrap();
        assert_eq!(
            (d.index, d.place.as_str(), d.source.as_deref()),
            (1, "Seoul", Some("NationPress"))
        );
        assert_eq!(
            d.date.map(|m| (m.year, m.month, m.day)),
            Some((None, 3, 27))
        );
        assert_eq!(d.evidence, "Seoul, March 27 (NationPress)");
    }

    #[test]
    fn reads_wire_style_datelines() {
        let d = find(&lines("NEW YORK (Reuters) — Stocks fell.")).unwrap();
        assert_eq!(
            (d.place.as_str(), d.source.as_deref(), d.date),
            ("New York", Some("Reuters"), None)
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(
            find(&lines("Russia, which (as we know) is big, said so.")),
            None
        );
        assert_eq!(find(&lines("Putin (left) met Kim — again.")), None);
    }
}
