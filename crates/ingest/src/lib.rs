//! Build-time ingestion: turns a corpus folder into Dateline's model.
//!
//! [`ingest_dir`] reads every article file ([`document`]: text, Markdown, saved HTML) with its
//! optional metadata sidecar ([`metadata`]), the rows of exports ([`records`]: CSV, JSON, JSON
//! Lines) and the items of feeds ([`feeds`]: RSS, Atom), the pages of web archives (WARC), and
//! the corpus files ([`config`], the [`entities`] gazetteer). Where the metadata is silent it infers headline, date, outlet and
//! place from the text ([`infer`]), each with provenance and confidence. It then finds the
//! lines outlets repeat ([`boilerplate`]), cleans each body ([`clean`]), merges duplicates,
//! tags entities and gives every article a stable slug ([`slug`]).
//!
//! Files are read in any encoding ([`decode`]) and, per file, in parallel (rayon).
//!
//! Every problem becomes a [`Diagnostic`]. A file that gives no article (empty, no article
//! text, not an article format) is left out with a warning that names it, and the corpus
//! carries the list so the page can say so; `strict` makes that an error. Any error (a mistake
//! in what the user wrote by hand: sidecars, `dateline.toml`, the gazetteer) refuses the whole
//! corpus with a [`Report`] that lists them all, so a build never ships a corpus that is not
//! what the user asked for. This crate is native only: the app never links it. `build.rs` and
//! the `dateline-check` command call it.

mod archives;
pub mod boilerplate;
pub mod clean;
pub mod config;
pub mod dates;
pub mod decode;
pub mod diagnostic;
pub mod document;
pub mod entities;
mod exports;
pub mod feeds;
pub mod infer;
pub mod language;
pub mod metadata;
pub mod page_date;
pub mod records;
pub mod report;
pub mod slug;
mod source;
pub mod synth;
pub mod text;

use boilerplate::Repeated;
use dateline_core::model::Text;
use dateline_core::{Article, Confidence, Corpus, Date, LeftOut, Provenance, Sourced};
pub use diagnostic::{Diagnostic, Report, Severity};
use entities::{Candidate, Gazetteer};
use rayon::prelude::*;
pub use report::{ArticleReport, EntityCount};
use std::collections::HashMap;
use std::path::Path;
use text::Line;

/// A corpus that ingested, with everything the `check` report shows.
#[derive(Clone, Debug)]
pub struct Ingested {
    /// The articles, in timeline order.
    pub corpus: Corpus,
    /// One report per article, in source-path order.
    pub reports: Vec<ArticleReport>,
    /// Problems that did not stop the build (an undated article, a merged duplicate, a file
    /// left out …), in file order.
    pub warnings: Vec<Diagnostic>,
    /// Names that look like entities but are not in the gazetteer.
    pub candidates: Vec<Candidate>,
}

impl Ingested {
    /// The files that gave no article, each with why and what to do.
    pub fn left_out(&self) -> impl Iterator<Item = &Diagnostic> {
        self.warnings.iter().filter(|w| w.left_out.is_some())
    }
}

/// How to ingest.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Read the `<name>.meta.toml` sidecars (on by default). Off, everything is inferred from
    /// the text: the way to see what the text alone supports.
    pub use_metadata: bool,
    /// Fail when a file gives no article, instead of leaving it out with a warning (as
    /// `strict = true` in `dateline.toml` does).
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            use_metadata: true,
            strict: false,
        }
    }
}

/// Ingests every article under `dir` with the default options.
pub fn ingest_dir(dir: &Path) -> Result<Ingested, Report> {
    ingest_dir_with(dir, Options::default(), &mut |_, _| {})
}

/// An article on its way through ingestion.
struct Draft {
    source: String,
    path: std::path::PathBuf,
    sidecar_name: String,
    format: document::Format,
    lines: Vec<Line>,
    /// Each of `lines` passed through [`text::fold`], once, for every comparison.
    folded: Vec<String>,
    /// The folded text of `lines`: what makes two files the same article, and what tells
    /// articles that share a slug apart.
    text_key: String,
    headline: String,
    headline_source: Sourced,
    headline_at: Option<usize>,
    outlet: Option<String>,
    outlet_source: Sourced,
    date: Option<Date>,
    date_source: Sourced,
    place: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
    language: Option<String>,
    warnings: Vec<String>,
    /// The encoding the file was read in, and how it was chosen.
    encoding: report::Encoding,
    /// What a saved page's markup marked as furniture, left out before its lines.
    page_stripped: Vec<clean::Stripped>,
    /// The line of its file where it starts, when that is not the first (an export's row).
    line: Option<usize>,
    /// Only a headline, no text (an export's row with an empty text column): kept with no
    /// paragraphs, its reader linking to the original.
    headline_only: bool,
}

/// What reading one article file came to.
enum Outcome {
    /// An article on its way.
    Draft(Box<Draft>),
    /// The file gives no article: a left-out warning.
    LeftOut(Diagnostic),
    /// Its sidecar is wrong: errors that stop the build.
    Errors(Vec<Diagnostic>),
    /// Something the user may want to know that concerns no one article (an export's encoding).
    Warning(Diagnostic),
}

/// How many files are read in parallel between two progress reports.
const BATCH: usize = 256;

/// Ingests every article under `dir`; `progress(done, total)` is called after each file.
pub fn ingest_dir_with(
    dir: &Path,
    options: Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Ingested, Report> {
    let mut diagnostics = Vec::new();
    let mut files = source::scan(dir, &mut diagnostics);

    let config = std::mem::take(&mut files.config);
    let gazetteer = files
        .gazetteer
        .as_ref()
        .and_then(|f| {
            Gazetteer::parse(&f.path, &f.text)
                .map_err(|d| diagnostics.push(d))
                .ok()
        })
        .unwrap_or_default();

    let strict = options.strict || config.strict;
    let total = files.articles.len();
    let mut drafts = Vec::with_capacity(total);
    let mut left_out = std::mem::take(&mut files.left_out);
    for (batch, chunk) in files.articles.chunks(BATCH).enumerate() {
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|file| read_article(file, options, config.limits))
            .collect();
        for outcome in outcomes {
            take(outcome, &mut drafts, &mut left_out, &mut diagnostics);
        }
        progress((batch * BATCH + chunk.len()).min(total), total);
    }
    // The rows of exports and feeds after the files (each one's rows in parallel), then the pages
    // of web archives.
    let many = files
        .records
        .iter()
        .map(|file| exports::read(file, &config))
        .chain(
            files
                .archives
                .iter()
                .map(|file| archives::read(file, config.limits)),
        );
    for export in many {
        match export {
            exports::Export::Rows(outcomes) => {
                for outcome in outcomes {
                    take(outcome, &mut drafts, &mut left_out, &mut diagnostics);
                }
            }
            exports::Export::LeftOut(d) => left_out.push(d),
            exports::Export::Error(d) => diagnostics.push(d),
        }
    }
    if drafts.len() > config.limits.max_articles {
        diagnostics.push(Diagnostic::error(
            dir,
            format!(
                "the corpus holds {} articles, more than the limit of {}",
                drafts.len(),
                config.limits.max_articles
            ),
            "raise max_articles under [limits] in dateline.toml, or split the corpus",
        ));
        return Err(Report::new(diagnostics));
    }

    // The same text twice (a re-scrape, a copy): keep the first, merge the tags. This comes
    // before counting repeated lines, or a copy would make its whole text look like boilerplate.
    let mut unique: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for draft in drafts {
        if let Some(&first) = seen.get(&draft.text_key) {
            let kept: &mut Draft = &mut unique[first];
            diagnostics.push(Diagnostic::warning(
                &draft.path,
                format!("same article text as {}; merged into it", kept.source),
                "delete one of the two files to silence this",
            ));
            for tag in draft.tags {
                if !kept.tags.contains(&tag) {
                    kept.tags.push(tag);
                }
            }
            continue;
        }
        seen.insert(draft.text_key.clone(), unique.len());
        unique.push(draft);
    }

    let repeated =
        Repeated::find_folded(unique.iter().map(|d| (d.outlet.as_deref(), &d.folded[..])));
    let cleaned: Vec<(Draft, clean::Body)> = unique
        .into_par_iter()
        .map(|mut draft| {
            let mut body = clean::body_folded(
                &draft.lines,
                &draft.folded,
                &clean::Context {
                    headline: &draft.headline,
                    headline_at: draft.headline_at,
                    outlet: draft.outlet.as_deref(),
                    repeated: &repeated,
                    boilerplate: &config.boilerplate,
                },
            );
            body.stripped
                .splice(0..0, std::mem::take(&mut draft.page_stripped));
            (draft, body)
        })
        .collect();
    let mut articles: Vec<(Draft, clean::Body)> = Vec::with_capacity(cleaned.len());
    for (draft, body) in cleaned {
        if body.paragraphs.is_empty() && !draft.headline_only {
            left_out.push(Diagnostic::left_out(
                &draft.path,
                &draft.source,
                "no article text is left once the headline and boilerplate are removed",
                format!(
                    "add the article text below the headline, or check that no end marker in {} matches its first lines",
                    config::FILE_NAME
                ),
            ));
            continue;
        }
        articles.push((draft, body));
    }

    left_out.sort_by(|a, b| a.left_out.cmp(&b.left_out));
    let left_out_files: Vec<LeftOut> = left_out
        .iter()
        .map(|d| LeftOut {
            source: d.left_out.clone().unwrap_or_default(),
            reason: d.problem.clone(),
        })
        .collect();
    if articles.is_empty() && !left_out.is_empty() && !strict {
        diagnostics.push(Diagnostic::error(
            dir,
            match left_out.len() {
                1 => "the one file of the corpus folder gives no article (see below)".to_owned(),
                n => format!("none of the {n} files of the corpus folder gives an article (each is named below)"),
            },
            if left_out.len() == 1 {
                "fix or replace it, or point DATELINE_CORPUS at another folder"
            } else {
                "fix or replace them, or point DATELINE_CORPUS at another folder"
            },
        ));
    }
    // Strict: every file left out is an error of its own.
    diagnostics.extend(
        left_out
            .into_iter()
            .map(|d| if strict { d.fatal() } else { d }),
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Report::new(diagnostics));
    }

    // Entities: only those some article mentions enter the corpus.
    let bodies: Vec<String> = articles
        .par_iter()
        .map(|(_, b)| b.paragraphs.join("\n"))
        .collect();
    let mentions: Vec<Vec<(usize, usize)>> = articles
        .par_iter()
        .zip(&bodies)
        .map(|((d, _), body)| gazetteer.mentions(&format!("{}\n{body}", d.headline)))
        .collect();
    let mut used: Vec<usize> = mentions.iter().flatten().map(|(e, _)| *e).collect();
    used.sort_unstable();
    used.dedup();
    let corpus_index: HashMap<usize, u32> = used
        .iter()
        .enumerate()
        .map(|(i, &e)| (e, i as u32))
        .collect();
    let entities = used
        .iter()
        .map(|&e| gazetteer.entities()[e].clone())
        .collect();
    let candidates = entities::candidates(
        &gazetteer,
        articles
            .iter()
            .zip(&bodies)
            .map(|((d, _), b)| (d.source.as_str(), b.as_str())),
    );

    // Articles that share a slug are told apart by their text (the same folded text that
    // finds duplicates, so it does not depend on other articles); ties go by source path.
    let slugs = slug::assign(
        articles
            .iter()
            .map(|(d, _)| (slug::base(d.date, &d.headline), d.text_key.as_str())),
    );
    let mut reports = Vec::with_capacity(articles.len());
    let mut built = Vec::with_capacity(articles.len());
    for (((draft, body), slug), mentions) in articles.into_iter().zip(slugs).zip(mentions) {
        if let Some(note) = &draft.encoding.note {
            diagnostics.push(Diagnostic::warning(
                &draft.path,
                note.clone(),
                if draft.format == document::Format::Html {
                    "if the text looks wrong, save the page as UTF-8 or give it a <meta charset>"
                } else {
                    "if the text looks wrong, save the file as UTF-8"
                },
            ));
        }
        for w in &draft.warnings {
            let warning = Diagnostic::warning(
                &draft.path,
                w.clone(),
                format!("set it in {}", draft.sidecar_name),
            );
            diagnostics.push(match draft.line {
                Some(line) => warning.at_line(line),
                None => warning,
            });
        }
        let article = Article {
            slug,
            headline: draft.headline,
            headline_source: draft.headline_source,
            outlet: draft.outlet,
            outlet_source: draft.outlet_source,
            date: draft.date,
            date_source: draft.date_source,
            place: draft.place,
            url: draft.url,
            tags: draft.tags,
            language: draft.language,
            source: draft.source,
            paragraphs: body.paragraphs.into_iter().map(Text::from).collect(),
            captions: body.captions.into_iter().map(Text::from).collect(),
            entities: mentions.iter().map(|(e, _)| corpus_index[e]).collect(),
        };
        reports.push(ArticleReport::new(
            &article,
            body.stripped,
            &mentions,
            &gazetteer,
            draft.warnings,
            draft.encoding,
        ));
        built.push(article);
    }
    let mut warnings = Report::new(diagnostics).diagnostics;
    warnings.retain(|d| !d.is_error());
    Ok(Ingested {
        corpus: Corpus::new(built, entities).with_left_out(left_out_files),
        reports,
        warnings,
        candidates,
    })
}

/// Sorts one outcome of reading into the drafts, the files left out and the diagnostics.
fn take(
    outcome: Outcome,
    drafts: &mut Vec<Draft>,
    left_out: &mut Vec<Diagnostic>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match outcome {
        Outcome::Draft(draft) => drafts.push(*draft),
        Outcome::LeftOut(d) => left_out.push(d),
        Outcome::Errors(mut errors) => diagnostics.append(&mut errors),
        Outcome::Warning(d) => diagnostics.push(d),
    }
}

/// Reads one article file and establishes its fields: metadata first, then markup, then text.
fn read_article(file: &source::ArticleFile, options: Options, limits: config::Limits) -> Outcome {
    let meta = match (&file.sidecar, options.use_metadata) {
        (Some(sidecar), true) => match metadata::parse(&sidecar.path, &sidecar.text) {
            Ok(meta) => meta,
            Err(problems) => return Outcome::Errors(problems),
        },
        _ => metadata::Metadata::default(),
    };
    let decoded = match file.read(limits) {
        Ok(decoded) => decoded,
        Err(left_out) => return Outcome::LeftOut(left_out),
    };
    let doc =
        match document::read(file.format, &decoded.text) {
            Ok(doc) if !doc.lines.is_empty() => doc,
            Ok(_) => return Outcome::LeftOut(file.left_out(
                "the page holds no article text",
                "save the article's own page (not an index or a login page), or delete the file",
            )),
            Err(problem) => {
                return Outcome::LeftOut(file.left_out(
                    problem,
                    "save the article's own page again (complete, and not a front page or an index), or delete the file",
                ))
            }
        };
    let encoding = report::Encoding::of(&decoded);
    let stated = Stated {
        headline: meta.headline.map(|h| (h, Sourced::METADATA)),
        outlet: meta.outlet.map(|o| (o, Sourced::METADATA)),
        date: meta.published.map(|d| (d, Sourced::METADATA)),
        url: meta.url,
        tags: meta.tags,
        language: None,
    };
    establish(
        Source {
            name: file.relative.clone(),
            path: file.path.clone(),
            fix_in: file.sidecar_name(),
            format: file.format,
            encoding,
        },
        stated,
        doc,
    )
}

/// What a source states outright about an article, each with where it says it: a sidecar, or
/// an export's columns. It wins over the markup and the text.
#[derive(Default)]
struct Stated {
    headline: Option<(String, Sourced)>,
    outlet: Option<(String, Sourced)>,
    date: Option<(Date, Sourced)>,
    url: Option<String>,
    tags: Vec<String>,
    /// The language's English name.
    language: Option<String>,
}

/// Where an article comes from.
struct Source {
    /// As the report and the page name it: the file's path, or an export's row.
    name: String,
    path: std::path::PathBuf,
    /// Where the user sets a field that was not found: the sidecar's name, or `[columns]`.
    fix_in: String,
    format: document::Format,
    encoding: report::Encoding,
}

/// Establishes an article's fields from what its source states, then its markup, then its text.
fn establish(source: Source, stated: Stated, doc: document::Document) -> Outcome {
    let lines = doc.lines;
    let folded: Vec<String> = lines.iter().map(|l| text::fold(&l.text)).collect();
    let page_stripped = doc.stripped;
    let mut warnings = Vec::new();
    let markup = doc.markup;
    let tagged = |tag: String| Sourced {
        provenance: Provenance::MetaTag(tag),
        confidence: Confidence::High,
    };

    let opens_with_paragraph = lines
        .first()
        .is_some_and(|l| infer::headline::is_paragraph(&l.text));
    let (headline, headline_source) = if let Some(stated) = stated.headline {
        stated
    } else if let Some((h, tag)) = markup.headline {
        (h, tagged(tag))
    } else if let Some((h, source)) = opens_with_paragraph
        .then(|| infer::headline::from_first_sentence(&lines))
        .flatten()
    {
        // The text opens with its first paragraph: a headline-like line further down is a
        // subheading, not a headline with banners above it.
        (h, source)
    } else if let Some((index, source)) = infer::headline::infer(&lines) {
        (lines[index].text.clone(), source)
    } else if let Some((h, source)) = infer::headline::from_first_sentence(&lines) {
        (h, source)
    } else {
        let first = lines.first().map(|l| l.text.clone()).unwrap_or_default();
        warnings.push(format!(
            "no line looks like a headline; using the first line, “{}”",
            text::excerpt(&first, 80)
        ));
        let source = Sourced::text(
            lines.first().map_or(0, |l| l.number),
            first.clone(),
            Confidence::Low,
        );
        (first, source)
    };
    // A headline taken from the first sentence stays in the body with its paragraph.
    let headline_at = if matches!(headline_source.provenance, Provenance::Inferred(_)) {
        None
    } else {
        infer::headline::last_position(&lines, &headline)
    };

    let dateline = infer::dateline::find(&lines);
    let (outlet, outlet_source) = if let Some((o, source)) = stated.outlet {
        (Some(o), source)
    } else if let Some((o, tag)) = markup.outlet {
        (Some(o), tagged(tag))
    } else if let Some((o, source)) = infer::outlet::infer(&lines, dateline.as_ref()) {
        (Some(o), source)
    } else {
        warnings.push("no outlet is named by metadata or by the publisher's own signatures; shown as “Unknown outlet”".to_owned());
        (None, Sourced::UNKNOWN)
    };

    let (date, date_source) = if let Some((d, source)) = stated.date {
        (Some(d), source)
    } else if let Some((d, source)) = markup.date {
        if source.confidence == Confidence::Low {
            warnings.push(format!(
                "the page states its date only as text near the headline ({}); set published = YYYY-MM-DD if {d} is wrong",
                source.describe()
            ));
        }
        (Some(d), source)
    } else {
        let whole: String = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        match infer::date::infer(&lines, headline_at, dateline.as_ref(), &whole) {
            Some(found) => {
                warnings.extend(found.caution);
                (Some(found.date), found.source)
            }
            None => {
                warnings.push(
                    "the text states no publication date; the article is listed as undated"
                        .to_owned(),
                );
                (None, Sourced::UNKNOWN)
            }
        }
    };

    let language = stated
        .language
        .clone()
        .or_else(|| language::detect(&headline, &lines));
    let headline_only = lines.is_empty();
    // Rows with no text are told apart by their headline and address instead.
    let text_key = if headline_only {
        format!(
            "{} {}",
            text::fold(&headline),
            stated.url.as_deref().unwrap_or_default()
        )
    } else {
        // The fold of the text is the folds of its lines joined by spaces.
        folded.join(" ")
    };
    Outcome::Draft(Box::new(Draft {
        source: source.name,
        path: source.path,
        sidecar_name: source.fix_in,
        format: source.format,
        headline,
        headline_source,
        headline_at,
        outlet,
        outlet_source,
        date,
        date_source,
        place: dateline.map(|d| d.place),
        url: stated.url.or(markup.url),
        tags: stated.tags,
        language,
        warnings,
        text_key,
        folded,
        lines,
        encoding: source.encoding,
        page_stripped,
        line: None,
        headline_only,
    }))
}
