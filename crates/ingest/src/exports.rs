//! The articles of one export (CSV, JSON, JSON Lines) or feed (RSS, Atom): its rows or items
//! read by [`crate::records`] and [`crate::feeds`],
//! each established as an article the way a file is ([`crate::establish`]), with the columns in
//! the place a sidecar has for a file.
//!
//! A row with a title and no text (a Media Cloud story list has none) is a headline-only article:
//! listed and found by its title, its reader linking to the original. A row with neither is left
//! out with a warning naming it. An export that holds no articles at all (a JSON file of something
//! else, a table with no title or text column) is left out as a whole; one whose rows are broken
//! fails the build at the broken row.

use crate::diagnostic::Diagnostic;
use crate::document::{self, Document};
use crate::records::{self, Field, Record};
use crate::source::RecordFile;
use crate::{config, decode, establish, page_date, report, text, Outcome, Source, Stated};
use dateline_core::{Confidence, Provenance, Sourced};
use rayon::prelude::*;

/// What reading one export, feed or web archive came to: its rows', items' or pages' outcomes,
/// or why it gives none.
pub(crate) enum Export {
    Rows(Vec<Outcome>),
    LeftOut(Diagnostic),
    Error(Diagnostic),
}

/// The tag of a feed item whose text is only its summary.
const SUMMARY_TAG: &str = "feed summary";

/// Where a row's missing field is set: a column of the export, or, for a feed, nowhere but the
/// feed itself.
fn fix_in(kind: records::Kind) -> &'static str {
    match kind {
        records::Kind::Feed => "the feed (its item does not carry it); or save the article's page as .html with a sidecar",
        _ => "a column of the export (named under [columns] in dateline.toml if its name is unusual)",
    }
}

/// Reads an export and establishes an article from each of its rows.
pub(crate) fn read(file: &RecordFile, config: &config::Config) -> Export {
    let bytes = match read_whole(&file.path, &file.relative) {
        Ok(bytes) => bytes,
        Err(left_out) => return Export::LeftOut(left_out),
    };
    if let Some(kind) = decode::binary_kind(&bytes) {
        return Export::LeftOut(left_out(
            file,
            format!("the file is not text but {kind}"),
            "export the table again as CSV or JSON text",
        ));
    }
    let decoded = decode::decode(&bytes, document::Format::Text);
    let rows = match records::parse(file.kind, &decoded.text, &config.columns) {
        Ok(rows) => rows,
        Err(p) if p.leave_out => {
            return Export::LeftOut(left_out(file, p.problem, p.fix).at_line(p.line))
        }
        Err(p) => {
            return Export::Error(Diagnostic::error(&file.path, p.problem, p.fix).at_line(p.line))
        }
    };
    if !rows.iter().any(|r| r.title.is_some() || r.text.is_some()) {
        return Export::LeftOut(left_out(
            file,
            if rows.is_empty() {
                match file.kind {
                    records::Kind::Feed => "the feed holds no items".to_owned(),
                    _ => "the export holds no rows".to_owned(),
                }
            } else {
                "no column of the export holds a title or an article text".to_owned()
            },
            "name the columns that hold them under [columns] in dateline.toml (title = \"…\", text = \"…\"), or move the file out of the corpus folder",
        ));
    }
    // The file's encoding once, not once per row.
    let encoding = report::Encoding {
        note: None,
        ..report::Encoding::of(&decoded)
    };
    let mut outcomes: Vec<Outcome> = rows
        .par_iter()
        .flat_map_iter(|row| row_outcome(file, row, &encoding, config.limits))
        .collect();
    if let Some(note) = decoded.note {
        outcomes.push(Outcome::Warning(Diagnostic::warning(
            &file.path,
            note,
            "if the text looks wrong, export the table again as UTF-8",
        )));
    }
    Export::Rows(outcomes)
}

/// A whole file's bytes, or the warning that leaves it out.
pub(crate) fn read_whole(path: &std::path::Path, relative: &str) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| {
        Diagnostic::left_out(
            path,
            relative,
            format!("cannot read the file: {e}"),
            "check its permissions",
        )
    })
}

/// A warning that a whole export was left out.
fn left_out(file: &RecordFile, problem: impl Into<String>, fix: impl Into<String>) -> Diagnostic {
    Diagnostic::left_out(&file.path, &file.relative, problem, fix)
}

/// How the report and the page name a row: `stories.csv row 17`, `items.json item 3`.
fn row_name(file: &RecordFile, row: &Record) -> String {
    let noun = match file.kind {
        records::Kind::Csv => "row",
        records::Kind::Json | records::Kind::JsonLines | records::Kind::Feed => "item",
    };
    format!("{} {noun} {}", file.relative, row.number)
}

/// A value read from a column, stated outright.
fn from_column(field: &Field) -> Sourced {
    Sourced {
        provenance: Provenance::Column(field.column.clone()),
        confidence: Confidence::High,
    }
}

/// One row as an article or a left-out row, after the warnings about its fields (each with its
/// own fix, at the row's line).
fn row_outcome(
    file: &RecordFile,
    row: &Record,
    encoding: &report::Encoding,
    limits: config::Limits,
) -> Vec<Outcome> {
    let name = row_name(file, row);
    let left_out = |problem: String, fix: &str| {
        vec![Outcome::LeftOut(
            Diagnostic::left_out(&file.path, &name, problem, fix).at_line(row.line),
        )]
    };
    if row.title.is_none() && row.text.is_none() {
        return left_out(
            format!("{name} has neither a title nor a text"),
            "fill them in, or delete the row",
        );
    }
    let body = row.text.as_ref().map_or("", |t| t.value.as_str());
    if let Some(problem) = limits.too_large(&format!("the text of {name}"), body.len() as u64) {
        return left_out(
            problem,
            "trim it to the article, or raise max_article_bytes under [limits] in dateline.toml",
        );
    }
    let mut outcomes = Vec::new();
    let mut warn = |problem: String, fix: &str| {
        outcomes.push(Outcome::Warning(
            Diagnostic::warning(&file.path, format!("{name}: {problem}"), fix).at_line(row.line),
        ));
    };
    let date = row.date.as_ref().and_then(|d| {
        let parsed = page_date::parse_value(&d.value, None).map(page_date::to_date);
        if parsed.is_none() {
            warn(
                format!(
                    "the column “{}” holds “{}”, which is not a date; the date is looked for in the text",
                    d.column,
                    text::excerpt(&d.value, 40)
                ),
                "write the date as YYYY-MM-DD (or any usual form) in the export, or name the right column under [columns] in dateline.toml",
            );
        }
        parsed.map(|date| (date, from_column(d)))
    });
    // An address where the outlet was looked for (trafilatura's `source`) is the address.
    let (outlet, address) = match &row.outlet {
        Some(o) if dateline_core::export::is_web_url(&o.value) => (None, Some(o.value.clone())),
        o => (o.as_ref(), None),
    };
    let url = row.url.as_ref().and_then(|u| {
        let web = dateline_core::export::is_web_url(&u.value);
        if !web && !u.column.eq_ignore_ascii_case("source") {
            warn(
                format!(
                    "the column “{}” holds “{}”, which is not a web address; it is left out",
                    u.column,
                    text::excerpt(&u.value, 40)
                ),
                "nothing to do if there is none: the article is listed without a link to its original",
            );
        }
        web.then(|| u.value.clone())
    });
    let mut tags = row.tags.clone();
    if row.summary_only && row.text.is_some() {
        // Visible on the page, and a filter: these are not the articles' texts.
        tags.push(SUMMARY_TAG.to_owned());
        warn(
            "the feed gives only a summary of this item, not its text; it is tagged “feed summary”"
                .to_owned(),
            "nothing to do if the summary is enough; for the whole text, save the article's page as .html beside the feed",
        );
    }
    let stated = Stated {
        headline: row
            .title
            .as_ref()
            .map(|t| (t.value.clone(), from_column(t))),
        outlet: outlet.map(|o| (o.value.clone(), from_column(o))),
        date,
        url: url.or(address),
        tags,
        language: row
            .language
            .as_ref()
            .and_then(|l| crate::language::name_of(&l.value)),
    };
    let doc = Document {
        lines: text::lines(body),
        ..Document::default()
    };
    let source = Source {
        name,
        path: file.path.clone(),
        fix_in: fix_in(file.kind).to_owned(),
        format: document::Format::Text,
        encoding: encoding.clone(),
    };
    let mut outcome = establish(source, stated, doc);
    if let Outcome::Draft(draft) = &mut outcome {
        draft.line = Some(row.line);
    }
    outcomes.push(outcome);
    outcomes
}
