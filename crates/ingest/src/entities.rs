//! People, places and organisations: matching a gazetteer's names and aliases in article text,
//! and listing name candidates the gazetteer lacks.
//!
//! The gazetteer is `gazetteer.toml` in the corpus folder:
//!
//! ```toml
//! [[person]]
//! name = "Kim Jong Un"
//! aliases = ["Kim Jong-un"]
//! [[place]]
//! name = "North Korea"
//! aliases = ["DPRK", "North Korean", "Democratic People's Republic of Korea"]
//! [[org]]
//! name = "TASS"
//! ```
//!
//! Matching folds case, diacritics, scripts and punctuation ("Kim Jong-un" = "KIM JONG UN"),
//! takes the longest name at each place ("Russian President Vladimir Putin" → Vladimir Putin)
//! and only whole words.

use crate::diagnostic::{toml_error, Diagnostic};
use crate::slug;
use crate::text::fold_words;
use aho_corasick::{AhoCorasick, MatchKind};
use dateline_core::model::{MONTH_NAMES, WEEKDAY_NAMES};
use dateline_core::{Entity, EntityKind};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

/// The name of the gazetteer file inside a corpus folder.
pub const FILE_NAME: &str = "gazetteer.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGazetteer {
    #[serde(default)]
    person: Vec<RawEntry>,
    #[serde(default)]
    place: Vec<RawEntry>,
    #[serde(default)]
    org: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// A compiled gazetteer.
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// The folded names and aliases, each between spaces, for whole-word containment tests.
    padded_patterns: Vec<String>,
    matcher: Option<AhoCorasick>,
    /// For each pattern of the matcher, the entity it names.
    pattern_entity: Vec<usize>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::build(Vec::new())
    }
}

impl Gazetteer {
    /// Parses a gazetteer file's text. `path` is only used in diagnostics.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Diagnostic> {
        let raw: RawGazetteer = toml::from_str(text).map_err(|e| {
            toml_error(
                path,
                text,
                &e,
                "write [[person]], [[place]] or [[org]] tables, each with name = \"…\" and optional aliases = [\"…\"]",
            )
        })?;
        let mut entries = Vec::new();
        for (kind, list) in [
            (EntityKind::Person, raw.person),
            (EntityKind::Place, raw.place),
            (EntityKind::Organisation, raw.org),
        ] {
            for e in list {
                if e.name.trim().is_empty() {
                    return Err(Diagnostic::error(
                        path,
                        format!("a {} entry has an empty name", kind.key()),
                        "give every entry a name, or remove it",
                    ));
                }
                entries.push((kind, e.name.trim().to_owned(), e.aliases));
            }
        }
        Ok(Gazetteer::build(entries))
    }

    fn build(entries: Vec<(EntityKind, String, Vec<String>)>) -> Self {
        let mut entities = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entity = Vec::new();
        let mut seen_ids: HashMap<String, usize> = HashMap::new();
        for (kind, name, aliases) in entries {
            let base = slug::words(&name);
            let n = seen_ids.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            let index = entities.len();
            entities.push(Entity {
                id,
                name: name.clone(),
                aliases: aliases.clone(),
                kind,
            });
            for alias in std::iter::once(&name).chain(&aliases) {
                let folded = fold_words(alias);
                if !folded.is_empty() && !patterns.contains(&folded) {
                    patterns.push(folded);
                    pattern_entity.push(index);
                }
            }
        }
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("gazetteer patterns compile")
        });
        Gazetteer {
            padded_patterns: patterns.iter().map(|p| format!(" {p} ")).collect(),
            entities,
            matcher,
            pattern_entity,
        }
    }

    /// The gazetteer's entities, in file order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// How often each entity is mentioned in `text`, as (entity index, count).
    pub fn mentions(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let folded = fold_words(text);
        let bytes = folded.as_bytes();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in matcher.find_iter(&folded) {
            let whole_words = (m.start() == 0 || bytes[m.start() - 1] == b' ')
                && (m.end() == bytes.len() || bytes[m.end()] == b' ');
            if whole_words {
                *counts
                    .entry(self.pattern_entity[m.pattern().as_usize()])
                    .or_default() += 1;
            }
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }

    /// Whether `name` is a whole-word part of a longer known name or alias ("Democratic People"
    /// of "Democratic People's Republic of Korea").
    fn part_of_a_name(&self, name: &str) -> bool {
        let folded = format!(" {} ", fold_words(name));
        self.padded_patterns.iter().any(|p| p.contains(&folded))
    }
}

/// A name that looks like a person, place or organisation but is not in the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The name as written.
    pub name: String,
    /// How many times it occurs in the corpus.
    pub count: usize,
    /// The first article it occurs in (source path).
    pub first_seen: String,
}

/// Words that open a capitalised run without being part of a name.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "In",
    "On",
    "At",
    "As",
    "Of",
    "For",
    "From",
    "By",
    "With",
    "To",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "We",
    "They",
    "His",
    "Her",
    "Our",
    "Their",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "During",
    "Since",
    "Should",
    "Earlier",
    "Last",
    "Next",
    "President",
    "Minister",
    "Foreign",
    "Deputy",
    "Vice",
    "Secretary",
    "Chief",
    "Leader",
    "Prime",
    "Spokesman",
    "Spokeswoman",
    "Chairman",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Senator",
    "General",
    "Officially",
    "Russian",
    "Korean",
    "North",
    "South",
    "Chinese",
    "Soviet",
    "Western",
    "Kremlin",
    "Security",
    "Council",
    "State",
    "Federal",
];

static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{Ll}’']+(?:-\p{L}+)?(?:[ ]+\p{Lu}[\p{Ll}]+(?:-\p{L}+)?)+")
        .expect("valid regex")
});

/// Capitalised runs of two to four words in `texts` (source path, text) that the gazetteer
/// does not know, most frequent first.
pub fn candidates<'a>(
    gazetteer: &Gazetteer,
    texts: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Candidate> {
    use rayon::prelude::*;
    let texts: Vec<(&str, &str)> = texts.into_iter().collect();
    // The names of each text, found in parallel, then counted in text order.
    let names: Vec<Vec<String>> = texts
        .par_iter()
        .map(|(_, text)| names_in(gazetteer, text))
        .collect();
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for ((source, _), names) in texts.iter().zip(names) {
        for name in names {
            match index.get(&name) {
                Some(&i) => found[i].count += 1,
                None => {
                    index.insert(name.clone(), found.len());
                    found.push(Candidate {
                        name,
                        count: 1,
                        first_seen: (*source).to_owned(),
                    });
                }
            }
        }
    }
    found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    found
}

/// The runs of capitalised words in `text` that look like names the gazetteer lacks.
fn names_in(gazetteer: &Gazetteer, text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for m in CAPITALISED_RUN.find_iter(text) {
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let first_name_word = words
            .iter()
            .position(|w| !NOT_NAME_WORDS.contains(&w.trim_end_matches(['’', '\'', 's'])))
            .unwrap_or(words.len());
        let name_words = &words[first_name_word..];
        if !(2..=4).contains(&name_words.len())
            || name_words
                .iter()
                .any(|w| MONTH_NAMES.contains(w) || WEEKDAY_NAMES.contains(w))
        {
            continue;
        }
        let name = name_words.join(" ");
        let name = name
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_owned();
        // A known name is also "part of" itself, so this covers exact matches too.
        if gazetteer.part_of_a_name(&name) || covers_all(gazetteer, &name) {
            continue;
        }
        names.push(name);
    }
    names
}

/// Whether known names account for every word of `name` (e.g. "Kim Putin" is two known names).
fn covers_all(gazetteer: &Gazetteer, name: &str) -> bool {
    let folded = fold_words(name);
    let Some(matcher) = &gazetteer.matcher else {
        return false;
    };
    let covered: usize = matcher.find_iter(&folded).map(|m| m.len()).sum();
    covered + folded.matches(' ').count() >= folded.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        Gazetteer::parse(
            Path::new("gazetteer.toml"),
            r#"
[[person]]
name = "Kim Jong Un"
[[person]]
name = "Vladimir Putin"
aliases = ["Putin"]
[[person]]
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov", "Lavrov"]
[[place]]
name = "North Korea"
aliases = ["DPRK", "North Korean", "Democratic People's Republic of Korea"]
[[org]]
name = "TASS"
"#,
        )
        .unwrap()
    }

    fn named(g: &Gazetteer, text: &str) -> Vec<(String, usize)> {
        g.mentions(text)
            .into_iter()
            .map(|(i, n)| (g.entities()[i].name.clone(), n))
            .collect()
    }

    #[test]
    fn aliases_and_spellings_merge_into_one_entity() {
        let g = gazetteer();
        let text = "Kim Jong-un met Russian President Vladimir Putin. KIM JONG UN and Putin spoke; Sergei Lavrov and Sergey Lavrov too. The DPRK, or North Korea, said (TASS).";
        assert_eq!(
            named(&g, text),
            [
                ("Kim Jong Un".into(), 2),
                ("Vladimir Putin".into(), 2),
                ("Sergey Lavrov".into(), 2),
                ("North Korea".into(), 2),
                ("TASS".into(), 1)
            ]
        );
        assert_eq!(g.entities()[0].id, "kim-jong-un");
        assert_eq!(g.entities()[3].kind, EntityKind::Place);
    }

    #[test]
    fn only_whole_words_match() {
        let g = gazetteer();
        assert!(named(&g, "Putinism and TASSEL are not names").is_empty());
        assert_eq!(
            named(&g, "North Korean troops"),
            [("North Korea".into(), 1)]
        );
    }

    #[test]
    fn unknown_names_become_candidates() {
        let g = gazetteer();
        let c = candidates(&g, [("a.txt", "Deputy Foreign Minister Andrey Rudenko met Kim Jong Un. Andrey Rudenko said. The Moscow Times. In March Putin spoke. The Democratic People's Republic.\nSynopsis\nBody")]);
        let names: Vec<_> = c.iter().map(|c| (c.name.as_str(), c.count)).collect();
        assert_eq!(names, [("Andrey Rudenko", 2), ("Moscow Times", 1)]);
    }

    #[test]
    fn bad_gazetteer_names_its_line() {
        let e = Gazetteer::parse(Path::new("g.toml"), "[[person]]\nname = \"X\"\nalias = []")
            .err()
            .unwrap();
        assert_eq!(e.line, Some(3));
    }
}
