//! The corpus blob: the one binary format in which the ingested corpus travels from the build
//! step into the app.
//!
//! Layout: the 8-byte magic `DATELINE`, a little-endian `u16` format version, the body's length
//! as a little-endian `u64`, then the body: the [`SearchIndex`], the [`Corpus`] without its
//! articles' paragraphs and captions, its facet [`Catalogue`], its same-event [`Clusters`] and
//! the articles' text [`Packed`] (compressed per article), in postcard encoding. The build script
//! writes it with [`encode`], which builds everything derived from the corpus, so the app only
//! decodes at start-up and never re-builds or re-sorts; the app embeds the bytes and reads them
//! once with [`decode`], which points the articles at their packed text instead of unpacking or
//! copying it (so it wants bytes that live as long as the program). Bump [`FORMAT_VERSION`]
//! whenever the encoded model changes shape, so a stale blob is refused with a clear message
//! instead of misread.

use crate::cluster::Clusters;
use crate::facets::Catalogue;
use crate::model::Corpus;
use crate::packed::{self, Packed};
use crate::search::SearchIndex;
use std::fmt;

/// The first bytes of every blob.
pub const MAGIC: &[u8; 8] = b"DATELINE";

/// The version of the encoded model this build reads and writes.
pub const FORMAT_VERSION: u16 = 13;

const HEADER_LEN: usize = MAGIC.len() + 2 + 8;

/// Why a blob could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlobError {
    /// The bytes do not start with [`MAGIC`]: they are not a Dateline corpus blob at all.
    NotABlob,
    /// The blob was written by a build with another format version.
    UnsupportedVersion {
        /// The version found in the blob.
        found: u16,
    },
    /// The header is right but the body does not decode.
    Corrupt(String),
}

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobError::NotABlob => write!(
                f,
                "the embedded corpus is not a Dateline blob; rebuild the app so the build script writes it again"
            ),
            BlobError::UnsupportedVersion { found } => write!(
                f,
                "the embedded corpus has format version {found}, this build reads version {FORMAT_VERSION}; \
                 rebuild the corpus with the same Dateline version as the app"
            ),
            BlobError::Corrupt(why) => write!(
                f,
                "the embedded corpus is damaged ({why}); rebuild the app from a clean checkout"
            ),
        }
    }
}

impl std::error::Error for BlobError {}

/// What a blob holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// The search index built from the corpus.
    pub index: SearchIndex,
    /// The articles and entities.
    pub corpus: Corpus,
    /// The facet values of the corpus.
    pub catalogue: Catalogue,
    /// Its same-event clusters.
    pub clusters: Clusters,
}

/// Builds the search index, the catalogue and the clusters of a corpus and serialises them with
/// it into a blob, its articles' text packed. (Build time only: packing is native.)
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let text = packed::pack(corpus);
    let derived = (
        SearchIndex::build(corpus),
        corpus.without_text(),
        Catalogue::new(corpus),
        Clusters::new(corpus),
        text.as_packed(),
    );
    // Writing to a Vec cannot fail, and every type in the model is serialisable.
    let body = postcard::to_allocvec(&derived).expect("the corpus model always serialises");
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Reads a blob written by [`encode`], borrowing the articles' text from `bytes`.
pub fn decode(bytes: &'static [u8]) -> Result<Bundle, BlobError> {
    let body = body(bytes)?;
    if body.len() + HEADER_LEN != bytes.len() {
        return Err(BlobError::Corrupt(format!(
            "{} unexpected bytes after the corpus",
            bytes.len() - HEADER_LEN - body.len()
        )));
    }
    type Body = (SearchIndex, Corpus, Catalogue, Clusters, Packed<'static>);
    match postcard::take_from_bytes::<Body>(body) {
        Ok(((index, mut corpus, catalogue, clusters, text), [])) => {
            packed::attach(&mut corpus, text).map_err(|e| BlobError::Corrupt(e.to_string()))?;
            Ok(Bundle {
                index,
                corpus,
                catalogue,
                clusters,
            })
        }
        Ok((_, rest)) => Err(BlobError::Corrupt(format!(
            "the body ends {} bytes early",
            rest.len()
        ))),
        Err(e) => Err(BlobError::Corrupt(e.to_string())),
    }
}

/// The length of the blob at the start of `bytes`, which may go on with other data (as in the
/// data section of the wasm that embeds it; the size report looks for it there).
pub fn encoded_len(bytes: &[u8]) -> Result<usize, BlobError> {
    Ok(HEADER_LEN + body(bytes)?.len())
}

/// The body of the blob at the start of `bytes`, after checking its header.
fn body(bytes: &[u8]) -> Result<&[u8], BlobError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(BlobError::NotABlob)?;
    let (version, rest) = rest.split_at_checked(2).ok_or(BlobError::NotABlob)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(BlobError::UnsupportedVersion { found });
    }
    let (len, rest) = rest
        .split_first_chunk::<8>()
        .ok_or_else(|| BlobError::Corrupt("the header is cut short".to_owned()))?;
    let len = usize::try_from(u64::from_le_bytes(*len)).unwrap_or(usize::MAX);
    rest.get(..len).ok_or_else(|| {
        BlobError::Corrupt(format!(
            "the body should be {len} bytes but only {} are there",
            rest.len()
        ))
    })
}

/// Decodes a copy of `bytes` that is never freed: for tools and tests that read a blob once
/// from a file or a buffer ([`decode`] borrows from bytes that live as long as the program).
pub fn decode_leaked(bytes: &[u8]) -> Result<Bundle, BlobError> {
    decode(Box::leak(bytes.to_vec().into_boxed_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::model::{Confidence, Entity, EntityKind, LeftOut, Sourced};

    fn sample() -> Corpus {
        let mut a = article("2019-03-25-kim-may-visit", Some((2019, 3, 25)));
        a.headline = "North Korea’s Kim may visit Russia — Пхеньян 평양".to_owned();
        a.url = Some("https://example.com/a".to_owned());
        a.language = Some("English".to_owned());
        let entities = vec![Entity {
            id: "kim-jong-un".into(),
            name: "Kim Jong Un".into(),
            aliases: vec!["Kim Jong-un".into()],
            kind: EntityKind::Person,
        }];
        a.entities = vec![0];
        a.date_source = Sourced::text(9, "Monday, 25th March 2019", Confidence::High);
        a.headline_source = Sourced {
            provenance: crate::model::Provenance::Column("title".into()),
            confidence: Confidence::High,
        };
        Corpus::new(vec![a, article("undated", None)], entities).with_left_out(vec![LeftOut {
            source: "notes/empty.txt".into(),
            reason: "the file is empty".into(),
        }])
    }

    #[test]
    fn round_trips() {
        let corpus = sample();
        let bundle = decode_leaked(&encode(&corpus)).unwrap();
        assert_eq!(bundle.corpus, corpus);
        assert_eq!(bundle.index, SearchIndex::build(&corpus));
        assert_eq!(bundle.catalogue, Catalogue::new(&corpus));
        assert_eq!(bundle.clusters, Clusters::new(&corpus));
    }

    #[test]
    fn refuses_foreign_bytes() {
        assert_eq!(decode(b"<html>"), Err(BlobError::NotABlob));
        assert_eq!(decode(b""), Err(BlobError::NotABlob));
        assert_eq!(decode(b"DATELINE"), Err(BlobError::NotABlob));
    }

    #[test]
    fn refuses_other_versions_by_name() {
        let mut blob = encode(&sample());
        blob[8..10].copy_from_slice(&99u16.to_le_bytes());
        let err = decode_leaked(&blob).unwrap_err();
        assert_eq!(err, BlobError::UnsupportedVersion { found: 99 });
        assert!(err.to_string().contains("version 99"));
    }

    #[test]
    fn refuses_truncated_and_padded_bodies() {
        let blob = encode(&sample());
        assert!(matches!(
            decode_leaked(&blob[..blob.len() - 3]),
            Err(BlobError::Corrupt(_))
        ));
        let mut padded = blob.clone();
        padded.push(0);
        assert!(matches!(decode_leaked(&padded), Err(BlobError::Corrupt(_))));
        assert_eq!(encoded_len(&padded), Ok(blob.len()));
    }

    /// A blob committed with the current format version must still read, so a change to the
    /// model that forgets to bump [`FORMAT_VERSION`] fails here. Regenerate only together with a
    /// version bump (and rename the file): `DATELINE_BLESS=1 cargo test -p dateline-core blob`.
    #[test]
    fn committed_current_fixture_still_reads() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus-v13.bin");
        if std::env::var_os("DATELINE_BLESS").is_some() {
            std::fs::write(path, encode(&sample())).unwrap();
        }
        let bytes = std::fs::read(path).expect("fixture missing: run with DATELINE_BLESS=1 once");
        assert_eq!(decode_leaked(&bytes).unwrap().corpus, sample());
    }

    /// Blobs of older formats are refused by name, never misread.
    #[test]
    fn committed_older_fixtures_are_refused_by_version() {
        for found in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] {
            let path = format!(
                "{}/tests/fixtures/corpus-v{found}.bin",
                env!("CARGO_MANIFEST_DIR")
            );
            let bytes = std::fs::read(path).unwrap();
            assert_eq!(
                decode_leaked(&bytes),
                Err(BlobError::UnsupportedVersion { found })
            );
        }
    }
}
