//! The query language: what a user types into the search box, parsed into a [`Query`].
//!
//! | syntax | meaning |
//! |---|---|
//! | `sanctions railway` | every word must match (ranked by BM25 with field boosts) |
//! | `sanct` (last word, no space after) | prefix match while typing |
//! | `"kim jong un"` | exact phrase, words adjacent and in order |
//! | `-drill` or `-"joint drill"` | leave out articles that match |
//! | `russia OR china` | either side matches |
//! | `person:putin`, `place:"far east"`, `org:kcna`, `outlet:nk news` | entity and outlet filters |
//! | `after:2019`, `before:2023-06`, `after:2024-06-18` | date filters, bounds excluded |
//!
//! Parsing never fails. What cannot be used (an unknown `field:`, a date that is not a date) is
//! kept as a [`Problem`] the app shows under the search box; the rest of the query still runs.

use crate::model::Date;
use crate::search::analyse::folded_words;
use std::fmt;

/// One thing a clause can match: a word or a phrase, as folded words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One word; `prefix` when it is the last word and still being typed.
    Word {
        /// The folded word.
        folded: String,
        /// Whether words that merely start with it match too.
        prefix: bool,
    },
    /// Words that must appear adjacent and in order. A hyphenated word ("jong-un") is a phrase.
    Phrase(Vec<String>),
}

/// Which entity list or article field a filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    /// `person:`
    Person,
    /// `place:`
    Place,
    /// `org:`
    Organisation,
    /// `outlet:`
    Outlet,
}

impl FilterField {
    /// The key as typed, e.g. `person`.
    pub fn key(self) -> &'static str {
        match self {
            FilterField::Person => "person",
            FilterField::Place => "place",
            FilterField::Organisation => "org",
            FilterField::Outlet => "outlet",
        }
    }
}

/// A `field:value` filter; `value` holds folded words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// What it filters on.
    pub field: FilterField,
    /// The value as the user typed it.
    pub typed: String,
    /// The value's folded words.
    pub words: Vec<String>,
}

/// Something in the query that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// `key:` is not a filter this search knows.
    UnknownField(String),
    /// `before:` or `after:` with a value that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate {
        /// `before` or `after`.
        key: &'static str,
        /// What was typed.
        value: String,
    },
    /// A filter with nothing after the colon.
    EmptyFilter(String),
    /// Words too common to search for on their own, e.g. "the".
    StopWordsOnly(Vec<String>),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownField(key) => write!(
                f,
                "“{key}:” is not a filter; use person:, place:, org:, outlet:, before: or after: (or quote the word)."
            ),
            Problem::BadDate { key, value } => write!(
                f,
                "“{key}:{value}” is not a date; write {key}:2019, {key}:2019-03 or {key}:2019-03-25."
            ),
            Problem::EmptyFilter(key) => {
                write!(f, "“{key}:” needs a value, e.g. {key}:pyongyang.")
            }
            Problem::StopWordsOnly(words) => write!(
                f,
                "“{}” is too common to search for; add a more specific word or quote a phrase.",
                words.join(" ")
            ),
        }
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Every clause must match; a clause matches when any of its atoms does (`OR`).
    pub clauses: Vec<Vec<Atom>>,
    /// Articles matching any of these are left out.
    pub excluded: Vec<Atom>,
    /// Every filter must match.
    pub filters: Vec<Filter>,
    /// Only articles dated strictly after this day (`after:2019` keeps 2020 on).
    pub after: Option<Date>,
    /// Only articles dated strictly before this day (`before:2023-06` keeps May 2023 and earlier).
    pub before: Option<Date>,
    /// What could not be used.
    pub problems: Vec<Problem>,
}

impl Query {
    /// Whether the query asks for nothing: every article matches.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
            && self.excluded.is_empty()
            && self.filters.is_empty()
            && self.after.is_none()
            && self.before.is_none()
    }
}

/// One whitespace-delimited piece of the raw query.
#[derive(Debug)]
struct Item {
    negated: bool,
    key: Option<String>,
    value: String,
    quoted: bool,
}

/// Splits the raw query into items, honouring quotes (an unclosed quote runs to the end).
fn items(raw: &str) -> (Vec<Item>, bool) {
    let mut out = Vec::new();
    let mut chars = raw.chars().peekable();
    let ends_in_space = raw.ends_with(char::is_whitespace) || raw.ends_with('"');
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let negated = first == '-';
        if negated {
            chars.next();
        }
        let mut key = None;
        let mut value = String::new();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                break;
            }
            if c == '"' || c == '“' || c == '”' {
                quoted = true;
                for c in chars.by_ref() {
                    if c == '"' || c == '”' || c == '“' {
                        break;
                    }
                    value.push(c);
                }
                continue;
            }
            if c == ':' && key.is_none() && !quoted && !value.is_empty() {
                key = Some(std::mem::take(&mut value).to_lowercase());
                continue;
            }
            value.push(c);
        }
        out.push(Item {
            negated,
            key,
            value,
            quoted,
        });
    }
    (out, ends_in_space)
}

/// Reads a date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the first and last day it covers.
fn period(value: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| -> Option<i16> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    let date = |month: i16, day: i16| -> Option<Date> {
        let d = jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
        Some(Date {
            year,
            month: d.month() as u8,
            day: d.day() as u8,
        })
    };
    let last_day = |month: i16| -> Option<i16> {
        let d = jiff::civil::Date::new(year, month as i8, 1).ok()?;
        Some(i16::from(d.days_in_month()))
    };
    match parts[1..] {
        [] => Some((date(1, 1)?, date(12, 31)?)),
        [m] => {
            let m = number(m, 2)?;
            Some((date(m, 1)?, date(m, last_day(m)?)?))
        }
        [m, d] => {
            let day = date(number(m, 2)?, number(d, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

fn atom(value: &str, quoted: bool, prefix: bool) -> Option<Atom> {
    let mut words = folded_words(value);
    match words.len() {
        0 => None,
        1 if !quoted => Some(Atom::Word {
            folded: words.pop().unwrap_or_default(),
            prefix,
        }),
        _ => Some(Atom::Phrase(words)),
    }
}

/// Parses what the user typed. Never fails.
pub fn parse(raw: &str) -> Query {
    let mut query = Query::default();
    let (items, ends_in_space) = items(raw);
    let last = items.len().saturating_sub(1);
    let mut join_next = false;
    for (i, item) in items.into_iter().enumerate() {
        if !item.quoted && item.key.is_none() && !item.negated && item.value == "OR" {
            join_next = !query.clauses.is_empty();
            continue;
        }
        if let Some(key) = item.key {
            let field = match key.as_str() {
                "person" | "people" => Some(FilterField::Person),
                "place" => Some(FilterField::Place),
                "org" | "organisation" | "organization" => Some(FilterField::Organisation),
                "outlet" | "source" => Some(FilterField::Outlet),
                "before" | "after" => None,
                _ => {
                    query.problems.push(Problem::UnknownField(key));
                    continue;
                }
            };
            let value = item.value.trim();
            if value.is_empty() {
                query.problems.push(Problem::EmptyFilter(key));
                continue;
            }
            match field {
                Some(field) => query.filters.push(Filter {
                    field,
                    typed: value.to_owned(),
                    words: folded_words(value),
                }),
                None => {
                    let key = if key == "before" { "before" } else { "after" };
                    match period(value) {
                        Some((first, _)) if key == "before" => {
                            query.before = Some(query.before.map_or(first, |b| b.min(first)));
                        }
                        Some((_, last)) => {
                            query.after = Some(query.after.map_or(last, |a| a.max(last)));
                        }
                        None => query.problems.push(Problem::BadDate {
                            key,
                            value: value.to_owned(),
                        }),
                    }
                }
            }
            continue;
        }
        let prefix = i == last && !ends_in_space && !item.quoted && !item.negated;
        let Some(atom) = atom(&item.value, item.quoted, prefix) else {
            continue;
        };
        if item.negated {
            query.excluded.push(atom);
        } else if join_next {
            if let Some(clause) = query.clauses.last_mut() {
                clause.push(atom);
            }
        } else {
            query.clauses.push(vec![atom]);
        }
        join_next = false;
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Atom {
        Atom::Word {
            folded: w.to_owned(),
            prefix: false,
        }
    }

    fn phrase(words: &[&str]) -> Atom {
        Atom::Phrase(words.iter().map(|w| (*w).to_owned()).collect())
    }

    #[test]
    fn bare_words_are_clauses_and_the_last_is_a_prefix() {
        let q = parse("Sanctions rail");
        assert_eq!(
            q.clauses,
            [
                vec![word("sanctions")],
                vec![Atom::Word {
                    folded: "rail".into(),
                    prefix: true
                }]
            ]
        );
        assert_eq!(parse("sanctions rail ").clauses[1], [word("rail")]);
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = parse(r#""Kim Jong-un" -drill -"joint exercise" russia OR china"#);
        assert_eq!(
            q.clauses,
            [
                vec![phrase(&["kim", "jong", "un"])],
                vec![
                    word("russia"),
                    Atom::Word {
                        folded: "china".into(),
                        prefix: true
                    }
                ]
            ]
        );
        assert_eq!(q.excluded, [word("drill"), phrase(&["joint", "exercise"])]);
    }

    #[test]
    fn hyphenated_words_are_phrases_and_an_open_quote_runs_to_the_end() {
        assert_eq!(parse("jong-un ").clauses, [vec![phrase(&["jong", "un"])]]);
        assert_eq!(
            parse("\"far east").clauses,
            [vec![phrase(&["far", "east"])]]
        );
    }

    #[test]
    fn filters_and_dates() {
        let q =
            parse(r#"person:"Kim Jong Un" place:Pyongyang after:2019 before:2023-06 outlet:tass"#);
        assert_eq!(q.filters.len(), 3);
        assert_eq!(q.filters[0].field, FilterField::Person);
        assert_eq!(q.filters[0].words, ["kim", "jong", "un"]);
        assert_eq!(q.filters[2].field, FilterField::Outlet);
        assert_eq!(
            q.after,
            Some(Date {
                year: 2019,
                month: 12,
                day: 31
            })
        );
        assert_eq!(
            q.before,
            Some(Date {
                year: 2023,
                month: 6,
                day: 1
            })
        );
        assert!(q.clauses.is_empty() && q.problems.is_empty());
        assert_eq!(
            parse("after:2024-02").after,
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
    }

    #[test]
    fn problems_are_reported_and_the_rest_still_runs() {
        let q = parse("visit when:2019 before:2019-02-30 after:soon place:");
        assert_eq!(q.clauses, [vec![word("visit")]]);
        assert_eq!(q.problems.len(), 4, "{:?}", q.problems);
        assert!(q.problems[1].to_string().contains("before:2019-02-30"));
        assert!(q.problems[0].to_string().contains("“when:”"));
    }

    #[test]
    fn punctuation_only_and_empty_queries_are_empty() {
        assert!(parse("").is_empty());
        assert!(parse("  — ! ").is_empty());
        assert!(parse("OR OR").is_empty());
    }
}
