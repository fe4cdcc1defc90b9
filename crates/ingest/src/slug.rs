//! Readable, deterministic article identifiers for URLs.
//!
//! A slug is the publication date followed by the first words of the headline, transliterated
//! to ASCII: `2019-03-25-north-koreas-kim-may-visit-russia-to-meet`. It depends only on the
//! article itself, so adding or removing other articles never changes it; identical slugs are
//! told apart by [`assign`] in a fixed order.

use dateline_core::Date;
use std::collections::HashMap;

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

/// Makes slugs unique: the first holder of a slug (in the order given, which callers keep
/// stable, e.g. by source path) keeps it, later ones get `-2`, `-3`, ….
pub fn assign(bases: impl IntoIterator<Item = String>) -> Vec<String> {
    let bases: Vec<String> = bases.into_iter().collect();
    let mut taken: HashMap<String, usize> = bases.iter().map(|b| (b.clone(), 0)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(bases.len());
    for b in &bases {
        let n = seen.entry(b.as_str()).or_insert(0);
        *n += 1;
        if *n == 1 {
            out.push(b.clone());
            continue;
        }
        // Skip suffixes that collide with another article's own base slug.
        let mut k = *n;
        let candidate = loop {
            let c = format!("{b}-{k}");
            if !taken.contains_key(&c) {
                break c;
            }
            k += 1;
        };
        taken.insert(candidate.clone(), 0);
        out.push(candidate);
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
    fn collisions_get_stable_suffixes_that_avoid_existing_slugs() {
        let slugs = assign(["a".into(), "b".into(), "a".into(), "a-2".into(), "a".into()]);
        assert_eq!(slugs, ["a", "b", "a-3", "a-2", "a-4"]);
    }
}
