//! Article text packed: each article's paragraphs and captions compressed into one Zstandard
//! frame at build time, against a dictionary trained on the corpus, and unpacked the first time
//! something reads them (the reader, an excerpt of a row on screen, a phrase check).
//!
//! The text is most of a corpus (86 % of the blob of the 10,000 synthetic articles); packed it
//! takes 22.6 % of its size there, dictionary included, where one frame per article without a
//! dictionary took 36 % and deflate (miniz) 37 %. A frame per article keeps reading one article
//! one small unpack (~4 KB, some tens of microseconds). Start-up unpacks nothing: [`attach`] only
//! points each paragraph at its article's frame; an article unpacked stays unpacked, so memory
//! grows with what is read, to at most the raw text besides the packed bytes.
//!
//! Packing uses the reference `zstd` library (native, build time only: level 15 was as small as
//! 19 on the synthetic corpus in 60 % of the time); unpacking uses `ruzstd`, pure Rust, which
//! builds for the browser (about 17 KB of gzip in the app).

use crate::model::Corpus;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

/// The packed text of a corpus as the blob holds it: the dictionary (empty when the corpus is
/// too small to train one) and, per article in corpus order, its frame and the lengths of its
/// paragraphs and captions (the frame holds them one after another, with nothing between).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Packed<'a> {
    #[serde(borrow, with = "serde_bytes")]
    dictionary: &'a [u8],
    #[serde(borrow)]
    articles: Vec<PackedArticle<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct PackedArticle<'a> {
    #[serde(borrow, with = "serde_bytes")]
    frame: &'a [u8],
    // Borrowed when written, owned when read (lengths are varints in the blob).
    paragraphs: Cow<'a, [u32]>,
    captions: Cow<'a, [u32]>,
}

/// Why packed text could not be read back.
#[derive(Debug)]
pub struct UnpackError(String);

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A part (a paragraph or a caption) of a packed article: its byte range in the article's text.
#[derive(Clone)]
pub struct PackedPart {
    article: &'static Frame,
    start: u32,
    end: u32,
}

/// What a part reads as when its article's frame does not unpack to the text it should (a
/// damaged blob): said, rather than taking the page down.
pub const UNREADABLE: &str =
    "[This text could not be unpacked. Rebuild the app from a clean checkout.]";

impl PackedPart {
    /// The part's text, unpacking its article first if nothing has read it yet.
    pub fn as_str(&self) -> &str {
        self.article
            .text()
            .get(self.start as usize..self.end as usize)
            .unwrap_or(UNREADABLE)
    }
}

/// One article's frame, and its text once unpacked.
struct Frame {
    bytes: &'static [u8],
    /// The length of its text.
    len: u32,
    unpacker: &'static Unpacker,
    text: OnceLock<Box<str>>,
}

impl Frame {
    /// The text, or an empty one if the frame does not unpack to text of its length.
    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            self.unpacker
                .unpack(self.bytes, self.len)
                .unwrap_or_default()
        })
    }
}

/// The decoder, with the corpus's dictionary loaded, shared by every frame of one corpus.
struct Unpacker {
    decoder: Mutex<ruzstd::decoding::FrameDecoder>,
}

impl Unpacker {
    fn new(dictionary: &[u8]) -> Result<Unpacker, UnpackError> {
        let mut decoder = ruzstd::decoding::FrameDecoder::new();
        if !dictionary.is_empty() {
            let dictionary = ruzstd::decoding::Dictionary::decode_dict(dictionary)
                .map_err(|e| UnpackError(format!("the text dictionary does not read: {e}")))?;
            decoder
                .add_dict(dictionary)
                .map_err(|e| UnpackError(format!("the text dictionary does not load: {e}")))?;
        }
        Ok(Unpacker {
            decoder: Mutex::new(decoder),
        })
    }

    /// The text of a frame that should unpack to `len` bytes of UTF-8; `None` if it does not.
    fn unpack(&self, frame: &[u8], len: u32) -> Option<Box<str>> {
        let mut decoder = self.decoder.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::with_capacity(len as usize);
        decoder.decode_all_to_vec(frame, &mut out).ok()?;
        if out.len() != len as usize {
            return None;
        }
        String::from_utf8(out).ok().map(String::into_boxed_str)
    }
}

/// Compresses the text of every article of `corpus` (build time).
#[cfg(not(target_arch = "wasm32"))]
pub fn pack(corpus: &Corpus) -> PackedOwned {
    build::pack(corpus)
}

/// [`Packed`] with the bytes it owns, as [`pack`] makes it.
#[cfg(not(target_arch = "wasm32"))]
pub struct PackedOwned {
    dictionary: Vec<u8>,
    frames: Vec<(Vec<u8>, Vec<u32>, Vec<u32>)>,
}

#[cfg(not(target_arch = "wasm32"))]
impl PackedOwned {
    /// The borrowed form, to serialise.
    pub fn as_packed(&self) -> Packed<'_> {
        Packed {
            dictionary: &self.dictionary,
            articles: self
                .frames
                .iter()
                .map(|(frame, paragraphs, captions)| PackedArticle {
                    frame,
                    paragraphs: Cow::Borrowed(paragraphs),
                    captions: Cow::Borrowed(captions),
                })
                .collect(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod build {
    use super::PackedOwned;
    use crate::model::Corpus;

    /// The compression level: 15 packed the synthetic 10,000 articles to 22.6 % (19: 22.5 %, in
    /// 1.7 times as long; 12: 24.1 %).
    const LEVEL: i32 = 15;
    /// The largest dictionary (zstd's default size); smaller corpora get one of a fortieth of
    /// their text.
    const DICTIONARY_MAX: usize = 112 * 1024;
    /// Text from which a dictionary pays for itself: below, frames stand alone.
    const DICTIONARY_FROM: usize = 128 * 1024;
    /// Training reads at most this many times the dictionary's size of text (a spread sample):
    /// more made it no better on the synthetic corpus, only slower.
    const TRAINING_SAMPLE: usize = 30;

    pub(super) fn pack(corpus: &Corpus) -> PackedOwned {
        let texts: Vec<(String, Vec<u32>, Vec<u32>)> = corpus
            .articles()
            .iter()
            .map(|a| {
                let mut text = String::new();
                let mut lengths = |parts: &[crate::text::Text]| {
                    parts
                        .iter()
                        .map(|p| {
                            text.push_str(p);
                            p.len() as u32
                        })
                        .collect::<Vec<u32>>()
                };
                let paragraphs = lengths(&a.paragraphs);
                let captions = lengths(&a.captions);
                (text, paragraphs, captions)
            })
            .collect();
        let dictionary = train(&texts);
        // Each core packs its share of the articles (zstd's compressor is one-threaded).
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let share = texts.len().div_ceil(threads).max(1);
        let frames: Vec<Vec<u8>> = std::thread::scope(|scope| {
            let workers: Vec<_> = texts
                .chunks(share)
                .map(|chunk| {
                    let dictionary = &dictionary;
                    scope.spawn(move || {
                        let mut compressor = zstd::bulk::Compressor::with_dictionary(
                            LEVEL, dictionary,
                        )
                        .expect("zstd takes any level from 1 to 22 and any dictionary it trained");
                        chunk
                            .iter()
                            .map(|(text, ..)| {
                                compressor
                                    .compress(text.as_bytes())
                                    .expect("compressing into a growable buffer cannot fail")
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("a packing thread panicked"))
                .collect()
        });
        let frames = frames
            .into_iter()
            .zip(texts)
            .map(|(frame, (_, paragraphs, captions))| (frame, paragraphs, captions))
            .collect();
        PackedOwned { dictionary, frames }
    }

    /// A dictionary trained on a spread sample of the texts, or none (empty) when there is too
    /// little text or training fails (too few distinct samples).
    fn train(texts: &[(String, Vec<u32>, Vec<u32>)]) -> Vec<u8> {
        let total: usize = texts.iter().map(|(t, ..)| t.len()).sum();
        if total < DICTIONARY_FROM {
            return Vec::new();
        }
        let size = (total / 40).min(DICTIONARY_MAX);
        let step = (total / (size * TRAINING_SAMPLE)).max(1);
        let samples: Vec<&[u8]> = texts
            .iter()
            .step_by(step)
            .map(|(t, ..)| t.as_bytes())
            .filter(|t| !t.is_empty())
            .collect();
        zstd::dict::from_samples(&samples, size).unwrap_or_default()
    }
}

/// Points every article of `corpus` (decoded with its text left out) at its packed text, which
/// lives as long as the program, as the blob does: nothing is unpacked until read. Fails when
/// the packed text does not match the corpus or its dictionary does not load.
pub fn attach(corpus: &mut Corpus, packed: Packed<'static>) -> Result<(), UnpackError> {
    if packed.articles.len() != corpus.len() {
        return Err(UnpackError(format!(
            "the packed text has {} articles, the corpus {}",
            packed.articles.len(),
            corpus.len()
        )));
    }
    let unpacker: &'static Unpacker = Box::leak(Box::new(Unpacker::new(packed.dictionary)?));
    let frames: &'static [Frame] = Box::leak(
        packed
            .articles
            .iter()
            .map(|a| Frame {
                bytes: a.frame,
                len: a
                    .paragraphs
                    .iter()
                    .chain(a.captions.iter())
                    .fold(0u32, |sum, &len| sum.saturating_add(len)),
                unpacker,
                text: OnceLock::new(),
            })
            .collect(),
    );
    for ((article, packed), frame) in corpus.articles_mut().zip(&packed.articles).zip(frames) {
        let mut at = 0u32;
        let mut parts = |lengths: &[u32]| -> Vec<Text> {
            lengths
                .iter()
                .map(|&len| {
                    let start = at;
                    at = at.saturating_add(len);
                    Text::Packed(PackedPart {
                        article: frame,
                        start,
                        end: at,
                    })
                })
                .collect()
        };
        article.paragraphs = parts(&packed.paragraphs);
        article.captions = parts(&packed.captions);
    }
    Ok(())
}

impl Corpus {
    /// How many articles have had their packed text unpacked (for tests and diagnostics).
    pub fn unpacked_articles(&self) -> usize {
        let mut frames: Vec<*const Frame> = self
            .articles()
            .iter()
            .flat_map(|a| a.paragraphs.iter().chain(&a.captions))
            .filter_map(|t| match t {
                Text::Packed(part) if part.article.text.get().is_some() => {
                    Some(std::ptr::from_ref(part.article))
                }
                _ => None,
            })
            .collect();
        frames.sort_unstable();
        frames.dedup();
        frames.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blob::{decode_leaked, encode};
    use crate::model::tests::article;

    /// `count` articles of varied text, each with two paragraphs and a caption.
    fn corpus(count: usize) -> Corpus {
        let words = [
            "Pyongyang",
            "Moscow",
            "railway",
            "sanctions",
            "talks",
            "Vladivostok",
            "minister",
            "Khasan",
            "port",
            "delegation",
            "agreement",
            "Rajin",
            "visit",
            "summit",
            "grain",
        ];
        let articles = (0..count)
            .map(|i| {
                let mut a = article(&format!("a-{i}"), Some((2019, 1 + (i % 12) as u8, 1)));
                let sentence = |seed: usize| {
                    (0..40)
                        .map(|k| words[(seed * 7 + k * k + i) % words.len()])
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                a.paragraphs = vec![
                    format!("{} ({i}).", sentence(1)).into(),
                    format!("Пхеньян 평양 — {}.", sentence(2)).into(),
                ];
                a.captions = vec![format!("Photo {i}: {}", sentence(3)).into()];
                a
            })
            .collect();
        Corpus::new(articles, Vec::new())
    }

    #[test]
    fn a_large_corpus_trains_a_dictionary_and_packs_small() {
        let corpus = corpus(400);
        let raw: usize = corpus
            .articles()
            .iter()
            .flat_map(|a| a.texts())
            .map(str::len)
            .sum();
        let packed = pack(&corpus);
        assert!(
            !packed.dictionary.is_empty(),
            "{raw} bytes of text should train a dictionary"
        );
        let frames: usize = packed.frames.iter().map(|(f, ..)| f.len()).sum();
        assert!(
            frames + packed.dictionary.len() < raw / 3,
            "{frames} of {raw}"
        );
    }

    #[test]
    fn decoding_unpacks_nothing_until_read_and_then_only_what_is_read() {
        for corpus in [corpus(3), corpus(400)] {
            let decoded = decode_leaked(&encode(&corpus)).unwrap().corpus;
            assert_eq!(decoded.unpacked_articles(), 0);
            let second = &decoded.articles()[1];
            assert_eq!(second.captions[0], corpus.articles()[1].captions[0]);
            assert_eq!(second.paragraphs[1], corpus.articles()[1].paragraphs[1]);
            assert_eq!(decoded.unpacked_articles(), 1);
            // Every text reads back as it was.
            assert_eq!(decoded, corpus);
            assert_eq!(decoded.unpacked_articles(), corpus.len());
        }
    }

    #[test]
    fn a_megabyte_line_and_empty_parts_read_back() {
        let mut corpus = corpus(2);
        let mut a = article("long", None);
        a.paragraphs = vec!["".into(), "x".repeat(1 << 20).into(), "end".into()];
        a.captions = vec!["".into()];
        corpus = Corpus::new(
            corpus.articles().iter().cloned().chain([a]).collect(),
            Vec::new(),
        );
        let decoded = decode_leaked(&encode(&corpus)).unwrap().corpus;
        assert_eq!(decoded, corpus);
    }

    #[test]
    fn a_damaged_frame_reads_as_a_note_not_a_crash() {
        let corpus = corpus(3);
        let mut blob = encode(&corpus);
        // Damage the last article's frame, after its header (a frame starts with zstd's magic).
        let magic = [0x28, 0xb5, 0x2f, 0xfd];
        let last = blob.windows(4).rposition(|w| w == magic).unwrap();
        for byte in &mut blob[last + 8..last + 16] {
            *byte ^= 0x5a;
        }
        let decoded = decode_leaked(&blob).unwrap().corpus;
        let last = decoded.articles().last().unwrap();
        assert_eq!(decoded.articles()[0], corpus.articles()[0]);
        assert!(
            last.texts().skip(1).all(|t| t == UNREADABLE),
            "{:?}",
            last.paragraphs
        );
    }
}
