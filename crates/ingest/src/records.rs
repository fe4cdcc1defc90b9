//! Articles from exports: CSV with a header row (RFC 4180, the `csv` crate), JSON (an array of
//! objects, or an object holding one) and JSON Lines (`.jsonl`, `.ndjson`: an object a line).
//! Each row or object is one article.
//!
//! Columns are found by their usual names in the exports of news databases and scrapers
//! (news-please, trafilatura, Media Cloud …: `title`/`headline`, `date`/`published`/`date_publish`
//! …, `text`/`body`/`maintext` …), compared without case, spaces or dashes; `[columns]` in
//! `dateline.toml` names any other ([`Columns`]). A file whose structure is broken (bad quoting,
//! a row with more fields than the header, JSON that does not parse, a field of the wrong type)
//! is a [`Problem`] at its line, which fails the build: an export is one file, and half of it
//! would be a corpus the user did not ask for.

use crate::config::Columns;
use crate::diagnostic::line_of;
use serde_json::value::RawValue;
use serde_json::Value;

/// The kinds of export read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects, or an object with one such array.
    Json,
    /// One JSON object a line.
    JsonLines,
    /// An RSS or Atom feed ([`crate::feeds`]).
    Feed,
}

impl Kind {
    /// The kind of a file with this extension, if it is an export Dateline reads.
    pub fn from_extension(ext: &str) -> Option<Kind> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Kind::Csv),
            "json" => Some(Kind::Json),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            "rss" | "atom" | "xml" => Some(Kind::Feed),
            _ => None,
        }
    }
}

/// The fields of one row or object that make an article, as the export states them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The 1-based line of the file where the row or object starts.
    pub line: usize,
    /// Which row or object of the file it is, from 1 (the header is not a row).
    pub number: usize,
    /// Each field found: the column that held it, and its value (blank ones left out).
    pub title: Option<Field>,
    /// The publication date as written.
    pub date: Option<Field>,
    /// The original address.
    pub url: Option<Field>,
    /// The article text.
    pub text: Option<Field>,
    /// The outlet.
    pub outlet: Option<Field>,
    /// The authors, joined by commas.
    pub author: Option<Field>,
    /// The language as the export names it.
    pub language: Option<Field>,
    /// Tags and keywords.
    pub tags: Vec<String>,
    /// The text is a summary, not the article (a feed item without its content).
    pub summary_only: bool,
}

/// A value and the column it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The column's name as the file writes it.
    pub column: String,
    /// Its value, trimmed.
    pub value: String,
}

/// Why a file's rows cannot be read: at a line, with what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
    /// Whether the file is not an export of articles at all (left out with a warning), rather
    /// than a broken one (an error).
    pub leave_out: bool,
}

impl Problem {
    fn new(line: usize, problem: impl Into<String>, fix: impl Into<String>) -> Problem {
        Problem {
            line,
            problem: problem.into(),
            fix: fix.into(),
            leave_out: false,
        }
    }

    /// The file holds something other than articles.
    pub(crate) fn not_articles(
        line: usize,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> Problem {
        Problem {
            leave_out: true,
            ..Problem::new(line, problem, fix)
        }
    }
}

/// The usual names of each field, normalised ([`normalise`]), most specific first.
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publish_date",
    "published_at",
    "publication_date",
    "pubdate",
    "date_publish",
    "date_published",
];
// trafilatura's JSON names the address `source` (an outlet elsewhere: only an address is taken).
const URL: &[&str] = &["url", "link", "canonical_url", "source_url", "source"];
const TEXT: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "article_text",
    "full_text",
];
const OUTLET: &[&str] = &[
    "outlet",
    "site_name",
    "sitename",
    "source_hostname",
    "media_name",
    "publisher",
    "source_name",
    "source",
    "source_domain",
    "hostname",
];
const AUTHOR: &[&str] = &["author", "authors", "byline"];
const LANGUAGE: &[&str] = &["language", "lang"];
const TAGS: &[&str] = &["tags", "keywords", "categories"];

/// A column name compared without case, surrounding space, spaces or dashes (`Publish Date` =
/// `publish-date` = `publish_date`).
fn normalise(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Which column of a file holds each field.
struct Layout {
    title: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    text: Option<usize>,
    outlet: Option<usize>,
    author: Option<usize>,
    language: Option<usize>,
    tags: Option<usize>,
}

impl Layout {
    /// Finds the fields among `names` (a CSV header, or the keys an object holds): a column that
    /// `[columns]` names, else the first of the usual names present.
    fn of(names: &[String], columns: &Columns) -> Layout {
        let normalised: Vec<String> = names.iter().map(|n| normalise(n)).collect();
        let find = |chosen: &Option<String>, usual: &[&str]| match chosen {
            Some(name) => normalised.iter().position(|n| *n == normalise(name)),
            None => usual
                .iter()
                .find_map(|u| normalised.iter().position(|n| n == u)),
        };
        Layout {
            title: find(&columns.title, TITLE),
            date: find(&columns.date, DATE),
            url: find(&columns.url, URL),
            text: find(&columns.text, TEXT),
            outlet: find(&columns.outlet, OUTLET),
            author: find(&columns.author, AUTHOR),
            language: find(&columns.language, LANGUAGE),
            tags: find(&columns.tags, TAGS),
        }
    }

    /// The columns `[columns]` names that `names` does not hold, as a problem (a misspelt name
    /// would otherwise silently fall back to another column, or to none).
    fn missing(names: &[String], columns: &Columns) -> Option<String> {
        let normalised: Vec<String> = names.iter().map(|n| normalise(n)).collect();
        let chosen = [
            ("title", &columns.title),
            ("date", &columns.date),
            ("url", &columns.url),
            ("text", &columns.text),
            ("outlet", &columns.outlet),
            ("author", &columns.author),
            ("language", &columns.language),
            ("tags", &columns.tags),
        ];
        let missing: Vec<String> = chosen
            .iter()
            .filter_map(|(field, name)| {
                let name = name.as_ref()?;
                (!normalised.contains(&normalise(name))).then(|| format!("{field} = \"{name}\""))
            })
            .collect();
        (!missing.is_empty()).then(|| missing.join(", "))
    }
}

/// Reads the rows or objects of an export's text.
pub fn parse(kind: Kind, text: &str, columns: &Columns) -> Result<Vec<Record>, Problem> {
    match kind {
        Kind::Csv => csv_records(text, columns),
        Kind::Json => json_records(text, columns),
        Kind::JsonLines => json_lines_records(text, columns),
        Kind::Feed => crate::feeds::records(text),
    }
}

fn csv_records(text: &str, columns: &Columns) -> Result<Vec<Record>, Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_problem(text, &e, 1))?
        .iter()
        .map(str::to_owned)
        .collect();
    check_columns(&header, columns, 1)?;
    let layout = Layout::of(&header, columns);
    let mut records = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| csv_problem(text, &e, i + 2))?;
        let line = row.position().map_or(i + 2, |p| record_line(text, p));
        let cell = |at: Option<usize>| {
            let at = at?;
            field(&header[at], row.get(at).unwrap_or_default())
        };
        let tags = cell(layout.tags).map_or_else(Vec::new, |f| split_list(&f.value));
        records.push(Record {
            line,
            number: i + 1,
            title: cell(layout.title),
            date: cell(layout.date),
            url: cell(layout.url),
            text: cell(layout.text),
            outlet: cell(layout.outlet),
            author: cell(layout.author),
            language: cell(layout.language),
            tags,
            summary_only: false,
        });
    }
    Ok(records)
}

/// The header's separator: a comma, or a tab (trafilatura's CSV) or semicolon (a spreadsheet
/// saved with a decimal comma) when the header holds more of those, outside quotes.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [(b',', 0usize), (b'\t', 0), (b';', 0)];
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                c.1 += 1;
            }
        }
    }
    // The first (the comma) wins a tie.
    counts
        .iter()
        .fold((b',', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

/// The line where a record starts. (From its byte offset, past the line break the crate counts
/// as its start: its own line count is one short after a CRLF.)
fn record_line(text: &str, position: &csv::Position) -> usize {
    let at = position.byte() as usize;
    let skipped = text.get(at..).map_or(0, |rest| {
        rest.len() - rest.trim_start_matches(['\r', '\n']).len()
    });
    line_of(text, at + skipped)
}

/// A CSV reading error, worded for the user, at its line (or `fallback`).
fn csv_problem(text: &str, e: &csv::Error, fallback: usize) -> Problem {
    let line = e.position().map_or(fallback, |p| record_line(text, p));
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Problem::new(
            line,
            format!(
                "this row has {len} field{} but the header has {expected_len}",
                if *len == 1 { "" } else { "s" }
            ),
            "check the quoting of this row (a comma or line break inside a field needs the field in double quotes, and a double quote inside it doubled: \"\"), or add the missing fields",
        ),
        _ => Problem::new(
            line,
            format!("the file cannot be read as CSV: {e}"),
            "save it again as CSV (UTF-8, comma-separated, a header row first)",
        ),
    }
}

/// A named column that the header does not hold is an error at the header.
fn check_columns(names: &[String], columns: &Columns, line: usize) -> Result<(), Problem> {
    match Layout::missing(names, columns) {
        Some(missing) => Err(Problem::new(
            line,
            format!(
                "[columns] in dateline.toml names {missing}, but there is no such column here (the columns are: {})",
                names.join(", ")
            ),
            "correct the name under [columns] in dateline.toml, or remove it to use the usual names",
        )),
        None => Ok(()),
    }
}

/// A field with its column's name, or nothing when it is blank.
fn field(column: &str, value: &str) -> Option<Field> {
    let value = value.trim();
    (!value.is_empty()).then(|| Field {
        column: column.to_owned(),
        value: value.to_owned(),
    })
}

/// A list written in one cell: `a; b` or `a, b`.
fn split_list(value: &str) -> Vec<String> {
    let separator = if value.contains(';') { ';' } else { ',' };
    value
        .split(separator)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn json_records(text: &str, columns: &Columns) -> Result<Vec<Record>, Problem> {
    let start = text.len() - text.trim_start().len();
    let objects: Vec<&RawValue> = if text[start..].starts_with('{') {
        // An object holding the array: the first of its values that is an array.
        let outer: std::collections::BTreeMap<String, &RawValue> =
            serde_json::from_str(text).map_err(|e| json_problem(&e))?;
        let Some(array) = outer
            .values()
            .find(|v| v.get().trim_start().starts_with('['))
        else {
            return Err(Problem::not_articles(
                line_of(text, start),
                "the JSON object holds no array of articles",
                "export the articles as an array of objects (or one object a line, as .jsonl)",
            ));
        };
        // Any array reads as raw values: what each holds is checked per object below.
        serde_json::from_str(array.get())
            .map_err(|_| wrong_shape(text, offset_in(text, array.get())))?
    } else {
        serde_json::from_str(text).map_err(|e| {
            if e.classify() == serde_json::error::Category::Data {
                wrong_shape(text, start)
            } else {
                json_problem(&e)
            }
        })?
    };
    objects
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let line = line_of(text, offset_in(text, raw.get()));
            record_of_object(raw.get(), line, i + 1, columns)
        })
        .collect()
}

fn json_lines_records(text: &str, columns: &Columns) -> Result<Vec<Record>, Problem> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        records.push(record_of_object(line, i + 1, records.len() + 1, columns)?);
    }
    Ok(records)
}

/// The "not an array of objects" problem, at `offset`.
fn wrong_shape(text: &str, offset: usize) -> Problem {
    Problem::not_articles(
        line_of(text, offset),
        "the JSON is not an array of objects (one object for each article)",
        "export the articles as [{\"title\": …, \"text\": …}, …], or one object a line as .jsonl",
    )
}

/// A JSON syntax error at its line.
fn json_problem(e: &serde_json::Error) -> Problem {
    Problem::new(
        e.line().max(1),
        format!("the file is not valid JSON: {e}"),
        "save it again from the tool that exported it; a file cut short or edited by hand often ends like this",
    )
}

/// One object's fields; a field of the wrong type is a problem at the object's line.
fn record_of_object(
    source: &str,
    line: usize,
    number: usize,
    columns: &Columns,
) -> Result<Record, Problem> {
    let object: serde_json::Map<String, Value> = match serde_json::from_str(source) {
        Ok(object) => object,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return Err(Problem::new(
                line,
                format!("article {number} is not a JSON object"),
                "give each article as an object: {\"title\": …, \"text\": …}",
            ))
        }
        Err(e) => {
            return Err(Problem::new(
                line + e.line().saturating_sub(1),
                format!("the file is not valid JSON: {e}"),
                "save it again from the tool that exported it",
            ))
        }
    };
    let names: Vec<String> = object.keys().cloned().collect();
    // The usual names among the fields that hold something (news-please writes `"text": null`
    // beside its `maintext`).
    let filled: Vec<String> = names
        .iter()
        .map(|n| match &object[n] {
            Value::Null => String::new(),
            Value::String(s) if s.trim().is_empty() => String::new(),
            _ => n.clone(),
        })
        .collect();
    let layout = Layout::of(&filled, columns);
    let text_of = |at: Option<usize>, list: bool| -> Result<Option<Field>, Problem> {
        let Some(at) = at else { return Ok(None) };
        let name = &names[at];
        let value = match &object[name] {
            Value::Null => return Ok(None),
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(items) if list => {
                let mut parts = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => parts.push(s.trim().to_owned()),
                        // news-please and others write authors as objects with a name.
                        Value::Object(o) => {
                            if let Some(Value::String(s)) = o.get("name") {
                                parts.push(s.trim().to_owned());
                            }
                        }
                        _ => return Err(type_problem(line, number, name, item, "a list of texts")),
                    }
                }
                parts.retain(|p| !p.is_empty());
                parts.join(", ")
            }
            other => {
                return Err(type_problem(
                    line,
                    number,
                    name,
                    other,
                    if list {
                        "text or a list of texts"
                    } else {
                        "text"
                    },
                ))
            }
        };
        Ok(field(name, &value))
    };
    let tags = text_of(layout.tags, true)?.map_or_else(Vec::new, |f| split_list(&f.value));
    Ok(Record {
        line,
        number,
        title: text_of(layout.title, false)?,
        date: text_of(layout.date, false)?,
        url: text_of(layout.url, false)?,
        text: text_of(layout.text, false)?,
        outlet: text_of(layout.outlet, false)?,
        author: text_of(layout.author, true)?,
        language: text_of(layout.language, false)?,
        tags,
        summary_only: false,
    })
}

/// A field that holds the wrong kind of JSON value.
fn type_problem(line: usize, number: usize, name: &str, value: &Value, wanted: &str) -> Problem {
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    Problem::new(
        line,
        format!("\"{name}\" of article {number} is {kind}, not {wanted}"),
        format!("write \"{name}\" as {wanted} in the export, or name another field under [columns] in dateline.toml"),
    )
}

/// Where `part`, a slice of `text`, starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<Vec<Record>, Problem> {
        parse(Kind::Csv, text, &Columns::default())
    }

    fn value(f: &Option<Field>) -> &str {
        f.as_ref().map_or("", |f| f.value.as_str())
    }

    #[test]
    fn csv_rows_by_usual_names_with_quoted_fields_over_lines() {
        let rows = csv(
            "Headline,Publish Date,URL,Body,Media_Name,Tags\n\
             \"Kim, Putin meet\",2019-04-25,https://a.example/1,\"First line.\n\nSecond, \"\"quoted\"\".\",TASS,\"summit; Vladivostok\"\n\
             Visa talks,2019-05-01,,Short text.,,\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(value(&rows[0].title), "Kim, Putin meet");
        assert_eq!(rows[0].title.as_ref().unwrap().column, "Headline");
        assert_eq!(value(&rows[0].date), "2019-04-25");
        assert_eq!(value(&rows[0].text), "First line.\n\nSecond, \"quoted\".");
        assert_eq!(value(&rows[0].outlet), "TASS");
        assert_eq!(rows[0].tags, ["summit", "Vladivostok"]);
        assert_eq!((rows[0].line, rows[0].number), (2, 1));
        // The second row starts after the first one's three lines.
        assert_eq!((rows[1].line, rows[1].number), (5, 2));
        assert_eq!(rows[1].url, None);
    }

    #[test]
    fn rows_of_a_file_with_crlf_line_ends_start_at_their_lines() {
        let rows = csv("\"title\",\"text\"\r\n\"a\",\"b\"\r\n\"c\",\"d\"\r\n").unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn tab_and_semicolon_separated_headers() {
        // trafilatura's CSV output is tab-separated.
        let rows = csv("url\tid\tfingerprint\thostname\ttitle\timage\tdate\ttext\tcomments\tlicense\tpagetype\n\
             https://tass.com/1\t1\tabc\ttass.com\tKim arrives, at last\t\t2019-04-24\tText; one.\t\t\tarticle\n")
        .unwrap();
        assert_eq!(value(&rows[0].title), "Kim arrives, at last");
        assert_eq!(value(&rows[0].outlet), "tass.com");
        assert_eq!(value(&rows[0].text), "Text; one.");
        let rows = csv("title;date;text\nA, B;2019-04-24;x\n").unwrap();
        assert_eq!(value(&rows[0].title), "A, B");
    }

    #[test]
    fn a_row_with_bad_quoting_is_a_problem_at_its_line() {
        let p = csv("title,text\nok,fine\n\"broken \"quote\" here\",x,y\n").unwrap_err();
        assert_eq!(p.line, 3);
        assert!(p.problem.contains("3 fields but the header has 2"), "{p:?}");
        assert!(p.fix.contains("double quotes"), "{p:?}");
    }

    #[test]
    fn columns_named_in_the_config_win_and_must_exist() {
        let columns = Columns {
            title: Some("Story Name".into()),
            text: Some("words".into()),
            ..Columns::default()
        };
        let rows = parse(
            Kind::Csv,
            "title,story name,words\nnot this,This one,Body.\n",
            &columns,
        )
        .unwrap();
        assert_eq!(value(&rows[0].title), "This one");
        assert_eq!(value(&rows[0].text), "Body.");
        let wrong = Columns {
            date: Some("when".into()),
            ..Columns::default()
        };
        let p = parse(Kind::Csv, "title,text\na,b\n", &wrong).unwrap_err();
        assert_eq!(p.line, 1);
        assert!(p.problem.contains("date = \"when\""), "{p:?}");
        assert!(p.problem.contains("title, text"), "{p:?}");
    }

    #[test]
    fn news_please_json_objects_with_their_lines() {
        let text = r#"[
  {"title": "Kim arrives", "date_publish": "2019-04-24 10:00:00", "maintext": "Text one.",
   "source_domain": "tass.com", "authors": ["A. Writer", "B. Writer"], "url": "https://tass.com/1"},
  {"title": "Talks end", "date_publish": null, "maintext": "Text two.", "authors": []}
]"#;
        let rows = parse(Kind::Json, text, &Columns::default()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(value(&rows[0].date), "2019-04-24 10:00:00");
        assert_eq!(value(&rows[0].outlet), "tass.com");
        assert_eq!(value(&rows[0].author), "A. Writer, B. Writer");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].date, None);
        assert_eq!(rows[1].author, None);
    }

    #[test]
    fn an_object_holding_the_array_and_json_lines() {
        let rows = parse(
            Kind::Json,
            "{\"count\": 1, \"stories\": [{\"headline\": \"A\", \"content\": \"B\"}]}",
            &Columns::default(),
        )
        .unwrap();
        assert_eq!(value(&rows[0].title), "A");
        let rows = parse(
            Kind::JsonLines,
            "{\"title\": \"One\", \"text\": \"x\"}\n\n{\"title\": \"Two\", \"text\": \"y\", \"tags\": \"a, b\"}\n",
            &Columns::default(),
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].line, rows[1].number), (3, 2));
        assert_eq!(rows[1].tags, ["a", "b"]);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_a_problem_at_its_object() {
        let text = "[\n{\"title\": \"ok\", \"text\": \"x\"},\n{\"title\": {\"en\": \"no\"}, \"text\": \"y\"}\n]";
        let p = parse(Kind::Json, text, &Columns::default()).unwrap_err();
        assert_eq!(p.line, 3);
        assert!(
            p.problem
                .contains("\"title\" of article 2 is an object, not text"),
            "{p:?}"
        );
        let p = parse(Kind::Json, "{\"a\": 1}", &Columns::default()).unwrap_err();
        assert!(p.problem.contains("no array"), "{p:?}");
        assert!(
            p.leave_out,
            "not an export of articles: left out, not an error"
        );
        let p = parse(Kind::Json, "[1, 2]", &Columns::default()).unwrap_err();
        assert!(
            p.problem.contains("article 1 is not a JSON object"),
            "{p:?}"
        );
        let p = parse(
            Kind::JsonLines,
            "{\"title\": \"a\"}\n{\"title\": \n",
            &Columns::default(),
        )
        .unwrap_err();
        assert_eq!(p.line, 2);
        assert!(p.problem.contains("not valid JSON"), "{p:?}");
    }
}
