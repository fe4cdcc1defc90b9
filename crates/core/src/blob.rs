//! The corpus blob: the one binary format in which the ingested corpus travels from the build
//! step into the app.
//!
//! Layout: the 8-byte magic `DATELINE`, a little-endian `u16` format version, then the
//! [`SearchIndex`], the [`Corpus`], its facet [`Catalogue`] and its same-event [`Clusters`] in
//! postcard encoding. The build script writes it with [`encode`], which builds everything derived
//! from the corpus, so the app only decodes at start-up and never re-builds or re-sorts; the app
//! embeds the bytes and reads them once with [`decode`]. Bump [`FORMAT_VERSION`] whenever the encoded model
//! changes shape, so a stale blob is refused with a clear message instead of misread.

use crate::cluster::Clusters;
use crate::facets::Catalogue;
use crate::model::Corpus;
use crate::search::SearchIndex;
use std::fmt;

/// The first bytes of every blob.
pub const MAGIC: &[u8; 8] = b"DATELINE";

/// The version of the encoded model this build reads and writes.
pub const FORMAT_VERSION: u16 = 4;

const HEADER_LEN: usize = MAGIC.len() + 2;

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
/// it into a blob.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let derived = (
        SearchIndex::build(corpus),
        corpus,
        Catalogue::new(corpus),
        Clusters::new(corpus),
    );
    let mut out = Vec::with_capacity(HEADER_LEN + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Writing to a Vec cannot fail, and every type in the model is serialisable.
    postcard::to_extend(&derived, out).expect("the corpus model always serialises")
}

/// Reads a blob written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Bundle, BlobError> {
    match decode_prefix(bytes)? {
        (bundle, []) => Ok(bundle),
        (_, rest) => Err(BlobError::Corrupt(format!(
            "{} unexpected bytes after the corpus",
            rest.len()
        ))),
    }
}

/// The length of the blob at the start of `bytes`, which may go on with other data (as in the
/// data section of the wasm that embeds it; the size report looks for it there).
pub fn encoded_len(bytes: &[u8]) -> Result<usize, BlobError> {
    let (_, rest) = decode_prefix(bytes)?;
    Ok(bytes.len() - rest.len())
}

fn decode_prefix(bytes: &[u8]) -> Result<(Bundle, &[u8]), BlobError> {
    let body = bytes.strip_prefix(MAGIC).ok_or(BlobError::NotABlob)?;
    let (version, body) = body.split_at_checked(2).ok_or(BlobError::NotABlob)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(BlobError::UnsupportedVersion { found });
    }
    postcard::take_from_bytes::<(SearchIndex, Corpus, Catalogue, Clusters)>(body)
        .map(|((index, corpus, catalogue, clusters), rest)| {
            let bundle = Bundle {
                index,
                corpus,
                catalogue,
                clusters,
            };
            (bundle, rest)
        })
        .map_err(|e| BlobError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::model::{Confidence, Entity, EntityKind, Sourced};

    fn sample() -> Corpus {
        let mut a = article("2019-03-25-kim-may-visit", Some((2019, 3, 25)));
        a.headline = "North Korea’s Kim may visit Russia — Пхеньян 평양".to_owned();
        a.url = Some("https://example.com/a".to_owned());
        let entities = vec![Entity {
            id: "kim-jong-un".into(),
            name: "Kim Jong Un".into(),
            aliases: vec!["Kim Jong-un".into()],
            kind: EntityKind::Person,
        }];
        a.entities = vec![0];
        a.date_source = Sourced::text(9, "Monday, 25th March 2019", Confidence::High);
        Corpus::new(vec![a, article("undated", None)], entities)
    }

    #[test]
    fn round_trips() {
        let corpus = sample();
        let bundle = decode(&encode(&corpus)).unwrap();
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
        let err = decode(&blob).unwrap_err();
        assert_eq!(err, BlobError::UnsupportedVersion { found: 99 });
        assert!(err.to_string().contains("version 99"));
    }

    #[test]
    fn refuses_truncated_and_padded_bodies() {
        let blob = encode(&sample());
        assert!(matches!(
            decode(&blob[..blob.len() - 3]),
            Err(BlobError::Corrupt(_))
        ));
        let mut padded = blob.clone();
        padded.push(0);
        assert!(matches!(decode(&padded), Err(BlobError::Corrupt(_))));
        assert_eq!(encoded_len(&padded), Ok(blob.len()));
    }

    /// A blob committed with the current format version must still read, so a change to the
    /// model that forgets to bump [`FORMAT_VERSION`] fails here. Regenerate only together with a
    /// version bump (and rename the file): `DATELINE_BLESS=1 cargo test -p dateline-core blob`.
    #[test]
    fn committed_current_fixture_still_reads() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus-v4.bin");
        if std::env::var_os("DATELINE_BLESS").is_some() {
            std::fs::write(path, encode(&sample())).unwrap();
        }
        let bytes = std::fs::read(path).expect("fixture missing: run with DATELINE_BLESS=1 once");
        assert_eq!(decode(&bytes).unwrap().corpus, sample());
    }

    /// Blobs of older formats are refused by name, never misread.
    #[test]
    fn committed_older_fixtures_are_refused_by_version() {
        for found in [1, 2, 3] {
            let path = format!(
                "{}/tests/fixtures/corpus-v{found}.bin",
                env!("CARGO_MANIFEST_DIR")
            );
            let bytes = std::fs::read(path).unwrap();
            assert_eq!(decode(&bytes), Err(BlobError::UnsupportedVersion { found }));
        }
    }
}
