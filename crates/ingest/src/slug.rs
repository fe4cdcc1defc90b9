//! Readable, deterministic article identifiers for URLs.
//!
//! A slug is the publication date followed by the first words of the headline, transliterated
//! to ASCII: `2019-03-25-north-koreas-kim-may-visit-russia-to-meet`. It depends only on the
//! article itself, so adding or removing other articles never changes it — except when two
//! articles share one: [`assign`] then gives each a suffix from its own text. A link made while
//! the slug was bare still never opens the wrong article: the app finds the articles that now
//! share it (`Corpus::sharing`) and lets the reader choose.

use dateline_core::model::shared_slug;
use dateline_core::Date;
use std::collections::{HashMap, HashSet};

/// How many headline words a slug keeps.
const MAX_WORDS: usize = 8;

/// The slug of one article, before collisions are resolved.
pub fn base(date: Option<Date>, headline: &str) -> String {
    let words = first_words(headline, MAX_WORDS);
    let prefix = date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
    if words.is_empty() {
        prefix
    } else {
        format!("{prefix}-{words}")
    }
}

/// A name as a slug of all its words, e.g. "Kim Jong-un" → `kim-jong-un`.
pub fn words(name: &str) -> String {
    first_words(name, usize::MAX)
}

fn first_words(text: &str, max: usize) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let words: Vec<String> = ascii
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(max)
        .collect();
    words.join("-")
}

/// Makes slugs unique. Each article comes as its base slug and its text. A slug only one
/// article has stays as it is; articles that share one each get a suffix from a checksum
/// (CRC-32) of their own text ([`shared_slug`]: `…-3f9a0c`), so the suffix does not depend on
/// the rest of the corpus. Should two suffixes still clash (or hit another article's slug),
/// `-2`, `-3` … follow in the order given, which callers keep stable (by source path).
pub fn assign<'a>(articles: impl IntoIterator<Item = (String, &'a str)>) -> Vec<String> {
    let articles: Vec<(String, &str)> = articles.into_iter().collect();
    let mut sharing: HashMap<&str, usize> = HashMap::new();
    for (base, _) in &articles {
        *sharing.entry(base.as_str()).or_insert(0) += 1;
    }
    let mut taken: HashSet<String> = articles
        .iter()
        .filter(|(base, _)| sharing[base.as_str()] == 1)
        .map(|(base, _)| base.clone())
        .collect();
    let mut out = Vec::with_capacity(articles.len());
    for (base, text) in &articles {
        if sharing[base.as_str()] == 1 {
            out.push(base.clone());
            continue;
        }
        let checksum = crc32fast::hash(text.as_bytes());
        let mut clash = 1;
        let mut slug = shared_slug(base, checksum, clash);
        while taken.contains(&slug) {
            clash += 1;
            slug = shared_slug(base, checksum, clash);
        }
        taken.insert(slug.clone());
        out.push(slug);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_first_headline_words_in_ascii() {
        let d = Some(Date {
            year: 2019,
            month: 3,
            day: 25,
        });
        assert_eq!(
            base(d, "North Korea’s Kim may visit Russia to meet Putin"),
            "2019-03-25-north-koreas-kim-may-visit-russia-to-meet"
        );
        assert_eq!(
            base(None, "Kim Jong-un's visit"),
            "undated-kim-jong-uns-visit"
        );
        assert_eq!(base(None, "Пхеньян — встреча"), "undated-pkhenian-vstrecha");
        assert_eq!(base(None, "!!!"), "undated");
    }

    #[test]
    fn shared_slugs_get_suffixes_from_their_own_text() {
        let slugs = assign([
            ("a".into(), "first text"),
            ("b".into(), "other"),
            ("a".into(), "second text"),
        ]);
        let first = format!("a-{:06x}", crc32fast::hash(b"first text") >> 8);
        let second = format!("a-{:06x}", crc32fast::hash(b"second text") >> 8);
        assert_eq!(slugs, [first.clone(), "b".to_owned(), second.clone()]);
        // The suffix depends only on the article: order and company do not change it.
        let again = assign([
            ("a".into(), "second text"),
            ("a".into(), "first text"),
            ("a".into(), "third text"),
        ]);
        assert_eq!(again[0], second);
        assert_eq!(again[1], first);
    }

    #[test]
    fn clashing_suffixes_are_numbered() {
        let suffixed = format!("a-{:06x}", crc32fast::hash(b"same") >> 8);
        let slugs = assign([
            ("a".into(), "same"),
            (suffixed.clone(), "unrelated"),
            ("a".into(), "same"),
        ]);
        assert_eq!(
            slugs,
            [
                format!("{suffixed}-2"),
                suffixed.clone(),
                format!("{suffixed}-3")
            ]
        );
    }
}
