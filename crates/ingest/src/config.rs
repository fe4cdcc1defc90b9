//! The corpus-level configuration file, `dateline.toml` at the top of a corpus folder.
//!
//! It holds what is true of a whole corpus rather than of one article: the boilerplate patterns
//! of its outlets, the limits the build enforces, and whether it is strict about files that give
//! no article. The file is optional; without it nothing is
//! stripped but the banners above each headline, and the default limits apply.
//!
//! ```toml
//! # Fail the build when a file of the folder gives no article, instead of leaving it out
//! # with a warning (for CI that wants every file to count). Off by default; it must stand
//! # above the tables.
//! strict = false
//!
//! [boilerplate]
//! # A line equal to one of these is dropped wherever it stands.
//! drop_lines = ["Click to start listening"]
//! # A line starting with one of these ends the article: it and all that follows are dropped.
//! end_markers = ["Read more", "Sign up for our free weekly newsletter"]
//!
//! [limits]
//! # The largest article file, in bytes (default 5 MB: a saved page with its scripts).
//! max_article_bytes = 5_000_000
//! # The most articles a corpus may hold (default 50,000).
//! max_articles = 50_000
//! ```
//!
//! Matching ignores case, surrounding white space, and curly versus straight quotes.

use crate::diagnostic::{toml_error, Diagnostic};
use serde::Deserialize;
use std::path::Path;

/// The name of the configuration file inside a corpus folder.
pub const FILE_NAME: &str = "dateline.toml";

/// A corpus's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Publisher boilerplate to strip from article text.
    #[serde(default)]
    pub boilerplate: Boilerplate,
    /// What the build refuses.
    #[serde(default)]
    pub limits: Limits,
    /// Whether a file that gives no article fails the build instead of being left out.
    #[serde(default)]
    pub strict: bool,
    /// The columns of CSV and JSON exports that hold each field, where they have other names
    /// than the usual ones ([`crate::records`]).
    #[serde(default)]
    pub columns: Columns,
}

/// `[columns]`: for each field of an article, the name of the column (or JSON field) that holds
/// it in the corpus's CSV and JSON files. A field not named here is found by its usual names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The headline's column.
    pub title: Option<String>,
    /// The publication date's column.
    pub date: Option<String>,
    /// The original address's column.
    pub url: Option<String>,
    /// The article text's column.
    pub text: Option<String>,
    /// The outlet's column.
    pub outlet: Option<String>,
    /// The authors' column.
    pub author: Option<String>,
    /// The language's column.
    pub language: Option<String>,
    /// The tags' or keywords' column.
    pub tags: Option<String>,
}

/// The build's limits: a corpus beyond them fails with a message saying which and how to raise
/// them, instead of producing an app too large to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// The largest article file, in bytes.
    pub max_article_bytes: u64,
    /// The most article files.
    pub max_articles: usize,
}

impl Limits {
    /// Why `what` (the file, a row's text, an archived page) of `size` bytes is refused, when it
    /// is over the limit of one article.
    pub fn too_large(&self, what: &str, size: u64) -> Option<String> {
        (size > self.max_article_bytes).then(|| {
            format!(
                "{what} is {size} bytes, more than the limit of {} per article",
                self.max_article_bytes
            )
        })
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_article_bytes: 5_000_000,
            max_articles: 50_000,
        }
    }
}

/// Patterns of publisher boilerplate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    /// Lines dropped wherever they stand.
    #[serde(default)]
    pub drop_lines: Vec<String>,
    /// Line beginnings that end the article text.
    #[serde(default)]
    pub end_markers: Vec<String>,
}

/// Parses the configuration file's text. `path` is only used in diagnostics.
pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostic> {
    let config: Config = toml::from_str(text).map_err(|e| {
        toml_error(
            path,
            text,
            &e,
            "the file holds strict = true/false (above the tables), a [boilerplate] table \
             (drop_lines, end_markers), a [limits] table (max_article_bytes, max_articles) and a \
             [columns] table (title, date, url, text, outlet, author, language, tags: each the \
             name of a column of the corpus's CSV or JSON files)",
        )
    })?;
    if let Some(blank) = config
        .boilerplate
        .end_markers
        .iter()
        .chain(&config.boilerplate.drop_lines)
        .position(|p| p.trim().is_empty())
    {
        return Err(Diagnostic::error(
            path,
            format!("boilerplate pattern number {} is blank", blank + 1),
            "remove it: a blank end marker would end every article at its first line",
        ));
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_patterns_and_defaults_to_none() {
        let c = parse(
            Path::new("dateline.toml"),
            "[boilerplate]\ndrop_lines = [\"x\"]\nend_markers = [\"Read more\"]\n",
        )
        .unwrap();
        assert_eq!(c.boilerplate.drop_lines, ["x"]);
        assert_eq!(c.boilerplate.end_markers, ["Read more"]);
        assert_eq!(
            parse(Path::new("dateline.toml"), "").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn reads_limits_and_defaults_the_missing_one() {
        let c = parse(Path::new("dateline.toml"), "[limits]\nmax_articles = 10\n").unwrap();
        assert_eq!(
            c.limits,
            Limits {
                max_articles: 10,
                ..Limits::default()
            }
        );
        let e = parse(Path::new("dateline.toml"), "[limits]\nmax_bytes = 1").unwrap_err();
        assert!(e.problem.contains("unknown field"), "{e}");
    }

    #[test]
    fn strict_is_off_unless_set() {
        assert!(!parse(Path::new("dateline.toml"), "").unwrap().strict);
        assert!(
            parse(Path::new("dateline.toml"), "strict = true\n")
                .unwrap()
                .strict
        );
        let e = parse(Path::new("dateline.toml"), "strict = \"yes\"").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
    }

    #[test]
    fn rejects_unknown_keys_and_blank_patterns() {
        let e = parse(Path::new("dateline.toml"), "[boilerplate]\nend_marker = []").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.problem.contains("unknown field"), "{e}");
        let e = parse(
            Path::new("dateline.toml"),
            "[boilerplate]\nend_markers = [\" \"]",
        )
        .unwrap_err();
        assert!(e.to_string().contains("blank"), "{e}");
    }
}
