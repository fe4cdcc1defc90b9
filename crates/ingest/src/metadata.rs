//! Per-article metadata sidecars: `<name>.meta.toml` beside `<name>.txt`.
//!
//! A sidecar supplies what the scraped text lacks or gets wrong; whatever it states wins over
//! anything inferred from the text. Every key is optional:
//!
//! ```toml
//! headline = "Kremlin Confirms Putin's Trip to North Korea"
//! outlet = "The Moscow Times"
//! published = 2024-06-17            # a TOML date, or the string "2024-06-17"
//! url = "https://www.themoscowtimes.com/2024/06/17/…"
//! tags = ["summit", "visit"]
//! ```
//!
//! Unknown keys are errors, so a typo (`pubished`) cannot silently lose a date.

use crate::diagnostic::{line_of, toml_error, Diagnostic};
use dateline_core::Date;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// What a sidecar states about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub headline: Option<String>,
    /// The outlet that published the article.
    pub outlet: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// The original web address.
    pub url: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    headline: Option<String>,
    outlet: Option<String>,
    published: Option<Spanned<toml::Value>>,
    url: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<String>,
}

/// The keys a sidecar may hold, for the message about an unknown one.
const KEYS: &str = "headline, outlet, published, url, tags";

const DATE_FIX: &str = "write a real calendar date as YYYY-MM-DD, e.g. published = 2019-03-25";

/// Parses a sidecar's text. `path` is only used in diagnostics.
pub fn parse(path: &Path, text: &str) -> Result<Metadata, Vec<Diagnostic>> {
    let raw: RawMetadata = toml::from_str(text).map_err(|e| {
        let problem = e.message().trim();
        let fix = if problem.starts_with("unknown field") {
            format!("use only the keys {KEYS}")
        } else if problem.contains("date") {
            DATE_FIX.to_owned()
        } else {
            "write it as TOML, e.g. published = 2024-06-17 and headline = \"…\"".to_owned()
        };
        vec![toml_error(path, text, &e, fix)]
    })?;

    let mut problems = Vec::new();
    let published = raw.published.and_then(|value| {
        let line = line_of(text, value.span().start);
        match parse_date(value.get_ref()) {
            Ok(date) => Some(date),
            Err(problem) => {
                problems.push(Diagnostic::error(path, problem, DATE_FIX).at_line(line));
                None
            }
        }
    });
    let url = raw.url.and_then(|url| {
        let line = line_of(text, url.span().start);
        let url = url.into_inner();
        if url.starts_with("https://") || url.starts_with("http://") {
            Some(url)
        } else {
            problems.push(
                Diagnostic::error(
                    path,
                    format!("url \"{url}\" is not a web address"),
                    "give the full address starting with https:// or http://, or remove the line",
                )
                .at_line(line),
            );
            None
        }
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Metadata {
        headline: non_blank(raw.headline),
        outlet: non_blank(raw.outlet),
        published,
        url,
        tags: raw
            .tags
            .into_iter()
            .filter_map(|t| non_blank(Some(t)))
            .collect(),
    })
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Accepts a TOML local date (`2019-03-25`) or a string holding one, and checks it is a real day.
fn parse_date(value: &toml::Value) -> Result<Date, String> {
    let (year, month, day) = match value {
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => (i32::from(d.year), d.month, d.day),
            _ => return Err(format!("published = {dt} has a time or lacks a day")),
        },
        toml::Value::String(s) => {
            let d: jiff::civil::Date = s
                .trim()
                .parse()
                .map_err(|_| format!("published = \"{s}\" is not a date"))?;
            (i32::from(d.year()), d.month() as u8, d.day() as u8)
        }
        other => return Err(format!("published = {} is not a date", other.type_str())),
    };
    to_date(year, month, day)
}

/// Builds a [`Date`] after checking with a real calendar that the day exists.
pub(crate) fn to_date(year: i32, month: u8, day: u8) -> Result<Date, String> {
    let year16 = i16::try_from(year).map_err(|_| format!("the year {year} is out of range"))?;
    jiff::civil::Date::new(year16, month as i8, day as i8)
        .map_err(|_| format!("{year:04}-{month:02}-{day:02} is not a day of the calendar"))?;
    Ok(Date {
        year: year16,
        month,
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Metadata {
        parse(Path::new("a.meta.toml"), text).unwrap()
    }

    fn err(text: &str) -> String {
        let errs = parse(Path::new("a.meta.toml"), text).unwrap_err();
        errs.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn reads_every_key() {
        let m = ok(r#"
headline = "  Kremlin Confirms Putin's Trip  "
outlet = "The Moscow Times"
published = 2024-06-17
url = "https://example.com/x"
tags = ["visit", " "]
"#);
        assert_eq!(m.headline.as_deref(), Some("Kremlin Confirms Putin's Trip"));
        assert_eq!(m.outlet.as_deref(), Some("The Moscow Times"));
        assert_eq!(
            m.published,
            Some(Date {
                year: 2024,
                month: 6,
                day: 17
            })
        );
        assert_eq!(m.url.as_deref(), Some("https://example.com/x"));
        assert_eq!(m.tags, ["visit"]);
    }

    #[test]
    fn date_may_be_a_string_and_everything_is_optional() {
        assert_eq!(
            ok("published = \"2019-03-25\"").published,
            Some(Date {
                year: 2019,
                month: 3,
                day: 25
            })
        );
        assert_eq!(ok(""), Metadata::default());
    }

    #[test]
    fn problems_name_the_line_and_the_fix() {
        let cases = [
            (
                "headline = \"x\"\npubished = 2019-01-01",
                "a.meta.toml:2: unknown field `pubished`",
            ),
            (
                "headline = \"x\"\npublished = \"2019-02-30\"",
                "a.meta.toml:2: published = \"2019-02-30\" is not a date",
            ),
            ("\n\npublished = 2019-02-29", "a.meta.toml:3: invalid date"),
            (
                "published = 2019-02-01T10:00:00",
                "a.meta.toml:1: published = 2019-02-01T10:00:00 has a time",
            ),
            (
                "published = 20190201",
                "a.meta.toml:1: published = integer is not a date",
            ),
            (
                "url = \"javascript:alert(1)\"",
                "a.meta.toml:1: url \"javascript:alert(1)\" is not a web address",
            ),
            ("headline = \"unterminated", "a.meta.toml:1: "),
            ("tags = \"one\"", "a.meta.toml:1: "),
        ];
        for (text, expected) in cases {
            let message = err(text);
            assert!(message.starts_with(expected), "{text:?} gave {message:?}");
            assert!(message.contains(" — "), "{message:?} says no fix");
        }
    }
}
