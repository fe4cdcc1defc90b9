//! Build-time ingestion: turns a corpus folder into Dateline's model.
//!
//! [`ingest_dir`] walks the folder, pairs each article file with its optional metadata sidecar
//! ([`metadata`]), reads the corpus configuration ([`config`]), cleans the text ([`clean`]),
//! gives every article a stable slug ([`slug`]) and returns a [`Corpus`] in timeline order. It
//! collects every problem it meets as a [`Diagnostic`] and refuses to produce a partial corpus:
//! either all articles ingest, or the [`Report`] says, file by file and line by line, what to fix.
//!
//! This crate is native only (it reads files); the app never links it. The root build script
//! calls it and serialises the result with [`dateline_core::blob`].

pub mod clean;
pub mod config;
pub mod diagnostic;
pub mod metadata;
pub mod slug;
mod source;

use dateline_core::{Article, Corpus};
pub use diagnostic::{Diagnostic, Report, Severity};
use std::path::Path;

/// A corpus that ingested, with the warnings worth showing the user.
#[derive(Clone, Debug)]
pub struct Ingested {
    /// The articles, in timeline order.
    pub corpus: Corpus,
    /// Problems that did not stop the build (e.g. an article without a date).
    pub warnings: Vec<Diagnostic>,
}

/// Ingests every article under `dir`. See the crate documentation.
pub fn ingest_dir(dir: &Path) -> Result<Ingested, Report> {
    let mut diagnostics = Vec::new();
    let files = source::scan(dir, &mut diagnostics);

    let config = match &files.config {
        Some(file) => match config::parse(&file.path, &file.text) {
            Ok(config) => config,
            Err(d) => {
                diagnostics.push(d);
                config::Config::default()
            }
        },
        None => config::Config::default(),
    };

    let mut drafts = Vec::new();
    for file in &files.articles {
        let meta = match &file.sidecar {
            Some(sidecar) => match metadata::parse(&sidecar.path, &sidecar.text) {
                Ok(meta) => meta,
                Err(mut problems) => {
                    diagnostics.append(&mut problems);
                    continue;
                }
            },
            None => metadata::Metadata::default(),
        };
        drafts.push(draft(file, meta, &config, &mut diagnostics));
    }

    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Report::new(diagnostics));
    }

    // Drafts are in source-path order, so collisions resolve the same way on every build.
    let slugs = slug::assign(drafts.iter().map(|a| slug::base(a.date, &a.headline)));
    for (article, slug) in drafts.iter_mut().zip(slugs) {
        article.slug = slug;
    }
    let mut warnings = Report::new(diagnostics).diagnostics;
    warnings.retain(|d| !d.is_error());
    Ok(Ingested {
        corpus: Corpus::new(drafts),
        warnings,
    })
}

/// Builds one article (without its final slug) from its text and metadata.
fn draft(
    file: &source::ArticleFile,
    meta: metadata::Metadata,
    config: &config::Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Article {
    let path = &file.path;
    let sidecar_hint = format!("add it to {}", file.sidecar_name());
    let headline = meta.headline.unwrap_or_else(|| {
        let first = clean::lines(&file.text)
            .first()
            .map(|(_, line)| (*line).to_owned())
            .unwrap_or_default();
        diagnostics.push(Diagnostic::warning(
            path,
            format!("no headline given; using the first line, “{first}”"),
            format!("if that is wrong, set headline = \"…\" ({sidecar_hint})"),
        ));
        first
    });
    let outlet = meta.outlet.unwrap_or_else(|| {
        diagnostics.push(Diagnostic::warning(
            path,
            "no outlet given; shown as “Unknown outlet”",
            format!("set outlet = \"…\" ({sidecar_hint})"),
        ));
        "Unknown outlet".to_owned()
    });
    if meta.published.is_none() {
        diagnostics.push(Diagnostic::warning(
            path,
            "no publication date given; the article is listed as undated",
            format!("set published = YYYY-MM-DD ({sidecar_hint})"),
        ));
    }
    let paragraphs = clean::body(&file.text, &headline, &config.boilerplate);
    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic::error(
            path,
            "no article text is left once the headline and boilerplate are removed",
            format!(
                "add the article text below the headline, or check that no end marker in {} matches its first lines",
                config::FILE_NAME
            ),
        ));
    }
    Article {
        slug: String::new(),
        headline,
        outlet,
        date: meta.published,
        url: meta.url,
        source: file.relative.clone(),
        paragraphs,
    }
}
