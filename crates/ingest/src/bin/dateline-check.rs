//! `dateline-check`: ingests a corpus folder and reports, per article, every field with its
//! provenance and confidence, the lines stripped and why, the entities, and the warnings; then
//! a summary, the files left out and the names the gazetteer lacks. Exits 1 if the corpus has
//! errors (with `--strict`, also if a file was left out).
//!
//! ```text
//! dateline-check [--json | --summary] [--no-metadata] [--strict] [FOLDER]  (FOLDER defaults to ./corpus)
//! ```

use dateline_ingest::text::excerpt;
use dateline_ingest::{ingest_dir_with, ArticleReport, Ingested, Options};
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: dateline-check [--json | --summary] [--no-metadata] [--strict] [FOLDER]

Ingests the corpus FOLDER (default: ./corpus) as the build would and reports what it found.
  --json          machine-readable output on stdout: every article's fields, cleaned
                  paragraphs, captions and encoding, and the files left out
  --summary       only the counts and the files left out (what scripts/build.sh prints)
  --no-metadata   ignore the .meta.toml sidecars: show what the text alone supports
  --strict        fail if any file gives no article (as strict = true in dateline.toml)
  -h, --help      this help";

struct Args {
    folder: PathBuf,
    json: bool,
    summary: bool,
    use_metadata: bool,
    strict: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        folder: PathBuf::from("corpus"),
        json: false,
        summary: false,
        use_metadata: true,
        strict: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => args.json = true,
            Long("summary") => args.summary = true,
            Long("no-metadata") => args.use_metadata = false,
            Long("strict") => args.strict = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(folder) => args.folder = PathBuf::from(folder),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("dateline-check: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    // A progress bar on large corpora, drawn only when stderr is a terminal.
    let bar = ProgressBar::hidden();
    let result = ingest_dir_with(
        &args.folder,
        Options {
            use_metadata: args.use_metadata,
            strict: args.strict,
        },
        &mut |done, total| {
            if done == 1 && total >= 200 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_length(total as u64);
                bar.set_style(
                    ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
                        .expect("valid template"),
                );
            }
            bar.set_position(done as u64);
        },
    );
    bar.finish_and_clear();

    match result {
        Ok(ingested) => {
            let out = if args.json {
                json(&ingested)
            } else if args.summary {
                brief(&ingested)
            } else {
                text(&ingested)
            };
            // A reader that stops early (`| head`) is not an error.
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(report) => {
            if args.json {
                let errors: Vec<String> =
                    report.diagnostics.iter().map(ToString::to_string).collect();
                println!("{}", serde_json::json!({ "ok": false, "problems": errors }));
            }
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}

/// The summary line and the files left out, for a build's closing words.
fn brief(ingested: &Ingested) -> String {
    /// Left-out files named before the rest are counted.
    const NAMED: usize = 20;
    let mut out = summary_line(ingested);
    let left: Vec<_> = ingested.left_out().collect();
    for d in left.iter().take(NAMED) {
        let _ = writeln!(
            out,
            "  left out: {}: {}",
            d.left_out.as_deref().unwrap_or_default(),
            d.problem
        );
    }
    if left.len() > NAMED {
        let _ = writeln!(
            out,
            "  … and {} more (dateline-check lists them all)",
            left.len() - NAMED
        );
    }
    out
}

/// "N articles: N dated, …", with its line end.
fn summary_line(ingested: &Ingested) -> String {
    let s = summary(ingested);
    format!(
        "{} articles: {} dated, {} with an outlet; {} lines stripped; {} entities; {} files left out; {} warnings\n",
        s["articles"],
        s["dated"],
        s["with_outlet"],
        s["stripped_lines"],
        s["entities"],
        s["left_out"],
        s["warnings"]
    )
}

fn json(ingested: &Ingested) -> String {
    let value = serde_json::json!({
        "ok": true,
        "articles": ingested.reports,
        "left_out": ingested.left_out().map(|d| serde_json::json!({
            "source": d.left_out,
            "problem": d.problem,
            "fix": d.fix,
        })).collect::<Vec<_>>(),
        "warnings": ingested.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "entity_candidates": ingested.candidates,
        "summary": summary(ingested),
    });
    serde_json::to_string_pretty(&value).expect("reports serialise") + "\n"
}

fn summary(ingested: &Ingested) -> serde_json::Value {
    let count =
        |f: &dyn Fn(&ArticleReport) -> bool| ingested.reports.iter().filter(|r| f(r)).count();
    serde_json::json!({
        "articles": ingested.reports.len(),
        "dated": count(&|r| r.date.value.is_some()),
        "with_outlet": count(&|r| r.outlet.value.is_some()),
        "stripped_lines": ingested.reports.iter().map(|r| r.stripped.len()).sum::<usize>(),
        "left_out": ingested.left_out().count(),
        "encodings_guessed": count(&|r| r.encoding.how == dateline_ingest::report::How::Guessed),
        "entities": ingested.corpus.entities().len(),
        "warnings": ingested.warnings.len(),
    })
}

fn text(ingested: &Ingested) -> String {
    let mut out = String::new();
    for r in &ingested.reports {
        let _ = writeln!(out, "{}  →  {}", r.source, r.slug);
        if r.encoding.name != "UTF-8" || r.encoding.note.is_some() {
            let _ = writeln!(
                out,
                "  {:<9} {} ({})",
                "encoding",
                r.encoding.name,
                r.encoding.note.as_deref().unwrap_or(match r.encoding.how {
                    dateline_ingest::report::How::ByteOrderMark => "byte-order mark",
                    dateline_ingest::report::How::Declared => "declared by the page",
                    _ => "from its bytes",
                })
            );
        }
        field(&mut out, "headline", &r.headline);
        field(&mut out, "outlet", &r.outlet);
        field(&mut out, "date", &r.date);
        if let Some(place) = &r.place {
            let _ = writeln!(out, "  {:<9} {place}", "place");
        }
        let _ = writeln!(
            out,
            "  {:<9} {}",
            "language",
            r.language.as_deref().unwrap_or("not sure")
        );
        let _ = writeln!(
            out,
            "  {:<9} {} paragraphs, {} caption(s)",
            "body",
            r.paragraphs,
            r.captions.len()
        );
        for s in &r.stripped {
            let _ = writeln!(
                out,
                "  {:<9} line {:>3}  {:<38} “{}”",
                "stripped",
                s.line,
                s.reason.describe(),
                excerpt(&s.text, 60)
            );
        }
        if !r.entities.is_empty() {
            let names: Vec<String> = r
                .entities
                .iter()
                .map(|e| format!("{} ({}, {})", e.name, e.kind, e.count))
                .collect();
            let _ = writeln!(out, "  {:<9} {}", "entities", names.join("; "));
        }
        for w in &r.warnings {
            let _ = writeln!(out, "  {:<9} {w}", "warning");
        }
        let _ = writeln!(out);
    }
    out.push_str(&summary_line(ingested));
    for w in &ingested.warnings {
        let _ = writeln!(out, "{w}");
    }
    if !ingested.candidates.is_empty() {
        let _ = writeln!(
            out,
            "\nNames not in the gazetteer (add them to gazetteer.toml as person, place or org):"
        );
        for c in ingested.candidates.iter().take(40) {
            let _ = writeln!(
                out,
                "  {:>3}×  {}  (first in {})",
                c.count, c.name, c.first_seen
            );
        }
    }
    out
}

fn field(out: &mut String, name: &str, field: &dateline_ingest::report::Field) {
    let value = field.value.as_deref().unwrap_or("—");
    let _ = writeln!(
        out,
        "  {name:<9} {value}   [{:?}] {}",
        field.source.confidence,
        field.source.describe()
    );
}
