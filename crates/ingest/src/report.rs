//! What ingestion found out about each article, for the `dateline-check` report: every field
//! with its provenance and confidence, the lines stripped and why, the entities and warnings.

use crate::clean::Stripped;
pub use crate::decode::How;
use crate::entities::Gazetteer;
use dateline_core::{Article, Sourced};
use serde::Serialize;

/// A field's value with its provenance and confidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The value, if known.
    pub value: Option<String>,
    /// Where it came from and how sure that is.
    #[serde(flatten)]
    pub source: Sourced,
}

/// The encoding a file was read in, and how it was chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Encoding {
    /// Its name, e.g. `UTF-8`, `windows-1251`.
    pub name: &'static str,
    /// How it was chosen.
    pub how: How,
    /// A guess, or a declaration the bytes contradict, worded for a warning.
    pub note: Option<String>,
}

impl Encoding {
    /// How `decoded` was read.
    pub fn of(decoded: &crate::decode::Decoded) -> Encoding {
        Encoding {
            name: decoded.name(),
            how: decoded.how,
            note: decoded.note.clone(),
        }
    }
}

/// An entity an article mentions, with how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// `person`, `place` or `org`.
    pub kind: &'static str,
    /// Mentions in headline and body.
    pub count: usize,
}

/// The report on one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleReport {
    /// The source file, relative to the corpus folder.
    pub source: String,
    /// The article's slug.
    pub slug: String,
    /// The headline.
    pub headline: Field,
    /// The outlet.
    pub outlet: Field,
    /// The publication date (ISO).
    pub date: Field,
    /// The dateline's place.
    pub place: Option<String>,
    /// The language, stated or detected.
    pub language: Option<String>,
    /// How many paragraphs the body has.
    pub paragraphs: usize,
    /// The body as kept: its paragraphs, cleaned.
    pub body: Vec<String>,
    /// The photo captions.
    pub captions: Vec<String>,
    /// The encoding the file was read in.
    pub encoding: Encoding,
    /// Every line left out of the body, with the reason.
    pub stripped: Vec<Stripped>,
    /// The entities mentioned.
    pub entities: Vec<EntityCount>,
    /// Warnings about this article.
    pub warnings: Vec<String>,
}

impl ArticleReport {
    pub(crate) fn new(
        article: &Article,
        stripped: Vec<Stripped>,
        mentions: &[(usize, usize)],
        gazetteer: &Gazetteer,
        warnings: Vec<String>,
        encoding: Encoding,
    ) -> Self {
        ArticleReport {
            source: article.source.clone(),
            slug: article.slug.clone(),
            headline: Field {
                value: Some(article.headline.clone()),
                source: article.headline_source.clone(),
            },
            outlet: Field {
                value: article.outlet.clone(),
                source: article.outlet_source.clone(),
            },
            date: Field {
                value: article.date.map(|d| d.to_string()),
                source: article.date_source.clone(),
            },
            place: article.place.clone(),
            language: article.language.clone(),
            paragraphs: article.paragraphs.len(),
            body: article.paragraphs.iter().map(|p| p.to_string()).collect(),
            encoding,
            captions: article.captions.iter().map(|c| c.to_string()).collect(),
            stripped,
            entities: mentions
                .iter()
                .map(|&(e, count)| {
                    let entity = &gazetteer.entities()[e];
                    EntityCount {
                        name: entity.name.clone(),
                        kind: entity.kind.key(),
                        count,
                    }
                })
                .collect(),
            warnings,
        }
    }
}
