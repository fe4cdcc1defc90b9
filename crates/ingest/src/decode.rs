//! Turning a file's bytes into text the way a browser would, so no file is refused for its
//! encoding.
//!
//! In order: a byte-order mark; for saved pages, the encoding the page declares (`<meta
//! charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML declaration);
//! UTF-16 without a mark (text full of NUL bytes at every other position); valid UTF-8; and last
//! a guess from the bytes by `chardetng`, the detector Firefox uses. `encoding_rs` (Firefox's
//! decoder, with the WHATWG labels: `latin1` is windows-1252, `x-sjis` Shift_JIS) does the
//! decoding. A declaration the bytes contradict (a page that says windows-1252 but is valid
//! UTF-8 with non-ASCII text, or says UTF-8 but is not) loses to the bytes, with a note.

use crate::document::Format;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// How the encoding was established.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// A byte-order mark at the start of the file.
    ByteOrderMark,
    /// The page's `<meta charset>`, `http-equiv` or XML declaration.
    Declared,
    /// The bytes are valid UTF-8 (ASCII included), the default of text on the web today.
    Utf8,
    /// The bytes hold NULs at every other position: UTF-16 without a byte-order mark.
    Utf16Pattern,
    /// Nothing said: guessed from the bytes.
    Guessed,
}

/// A file's text and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used (its WHATWG name, e.g. `windows-1251`).
    pub encoding: &'static Encoding,
    /// How that encoding was chosen.
    pub how: How,
    /// Something the user may want to know: a guess, a declaration the bytes contradict, bytes
    /// that are not valid in the encoding (shown as U+FFFD). Worded for a warning.
    pub note: Option<String>,
}

impl Decoded {
    /// The encoding's name, e.g. `UTF-8`, `windows-1251`, `EUC-KR`.
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }
}

/// How far into a page to look for its declared encoding. Browsers look at the first 1,024
/// bytes; saved pages often carry long heads (inline scripts, styles) before a late `<meta>`,
/// so this looks further, but never into the body.
const PRESCAN: usize = 64 * 1024;

/// Reads `bytes` as text of `format`.
pub fn decode(bytes: &[u8], format: Format) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(encoding, &bytes[bom..], How::ByteOrderMark, None);
    }
    let declared = if format == Format::Html {
        declared_in_page(bytes)
    } else {
        declared_in_xml(bytes)
    };
    if let Some((encoding, label)) = declared {
        let utf8 = std::str::from_utf8(bytes).is_ok();
        if encoding == UTF_8 && !utf8 {
            let guess = guess(bytes);
            let note = format!(
                "the page declares {label} but is not valid UTF-8; read as {} (guessed from its bytes)",
                guess.name()
            );
            return finish(guess, bytes, How::Guessed, Some(note));
        }
        if encoding != UTF_8 && utf8 && !bytes.is_ascii() {
            let note = format!(
                "the page declares {label} but its bytes are valid UTF-8 (a page re-saved without updating its declaration); read as UTF-8"
            );
            return finish(UTF_8, bytes, How::Utf8, Some(note));
        }
        return finish(encoding, bytes, How::Declared, None);
    }
    if let Some(encoding) = utf16_pattern(bytes) {
        return finish(encoding, bytes, How::Utf16Pattern, None);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(UTF_8, bytes, How::Utf8, None);
    }
    let encoding = guess(bytes);
    let note = format!(
        "the file is not UTF-8 and {}; read as {} (guessed from its bytes)",
        if format == Format::Html {
            "the page declares no encoding"
        } else {
            "declares none"
        },
        encoding.name()
    );
    finish(encoding, bytes, How::Guessed, Some(note))
}

/// What a file that is not text is, if its bytes say so: a known file signature (a PDF, an
/// image, an office document renamed `.txt`), or bytes of which more than a tenth are control
/// characters that no text uses (UTF-16 aside).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"RIFF", "a media file (RIFF)"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a Word, OpenDocument or EPUB file)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Microsoft Office document",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(kind);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let control = |c: u32| c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0D | 0x0C | 0x1B);
    let (units, controls) = match Encoding::for_bom(sample)
        .map(|(e, _)| e)
        .or_else(|| utf16_pattern(sample))
    {
        Some(e) if e == UTF_16LE || e == UTF_16BE => {
            let units: Vec<u16> = sample
                .chunks_exact(2)
                .map(|p| {
                    if e == UTF_16LE {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            (
                units.len(),
                units.iter().filter(|&&u| control(u32::from(u))).count(),
            )
        }
        Some(_) => return None,
        None => (
            sample.len(),
            sample.iter().filter(|&&b| control(u32::from(b))).count(),
        ),
    };
    (controls * 10 > units).then_some("binary data")
}

fn finish(
    encoding: &'static Encoding,
    bytes: &[u8],
    how: How,
    mut note: Option<String>,
) -> Decoded {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if malformed {
        let bad = format!("some bytes are not valid {} and show as �", encoding.name());
        note = Some(match note {
            Some(n) => format!("{n}; {bad}"),
            None => bad,
        });
    }
    Decoded {
        text: text.into_owned(),
        encoding,
        how,
        note,
    }
}

/// The guess of Firefox's detector. UTF-8 is allowed (a file with a few broken UTF-8
/// sequences is still mostly UTF-8), and so is ISO-2022-JP, which browsers refuse only because
/// a page could hide script in it: ingestion runs none.
fn guess(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// The encoding a page's `<meta>` or XML declaration names, with the label as written.
fn declared_in_page(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
            .expect("valid regex")
    });
    static HEAD_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i-u)</head\s*>|<body[\s>]").expect("valid regex"));
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let head = HEAD_END.find(head).map_or(head, |m| &head[..m.start()]);
    let declared = META
        .captures_iter(head)
        .find_map(|c| label(&c[1]))
        .or_else(|| declared_in_xml(bytes))?;
    // As in browsers: a page cannot declare itself UTF-16 in ASCII bytes (it would not be
    // UTF-16 then), and x-user-defined is windows-1252.
    let encoding = match declared.0 {
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e.name() == "x-user-defined" => WINDOWS_1252,
        e => e,
    };
    Some((encoding, declared.1))
}

/// The encoding an XML declaration (`<?xml version="1.0" encoding="…"?>`) names.
fn declared_in_xml(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    static XML: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i-u)\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([a-z0-9_:.\-]+)"#)
            .expect("valid regex")
    });
    XML.captures(&bytes[..bytes.len().min(1024)])
        .and_then(|c| label(&c[1]))
}

fn label(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    Encoding::for_label(bytes).map(|e| (e, String::from_utf8_lossy(bytes).into_owned()))
}

/// UTF-16 without a byte-order mark: text in other encodings has no NUL bytes, while UTF-16
/// has one in every character of Latin script, digits, spaces and line breaks, always on the
/// same side of the pair.
fn utf16_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Hangul or kana text has NULs only where it has spaces and line breaks: a tenth is plenty.
    if odd * 10 >= pairs && even * 50 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs && odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes `text` in the encoding `label` names.
    fn encoded(label: &str, text: &str) -> Vec<u8> {
        let encoding = Encoding::for_label(label.as_bytes()).unwrap();
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text:?} cannot be written in {label}");
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    const RUSSIAN: &str = "Россия и КНДР обсудили безвизовый режим\n\nМинистр по развитию Дальнего Востока Александр Галушка сообщил, что стороны обсудили переход к безвизовому режиму во время недавней поездки в Пхеньян.";
    const KOREAN: &str = "러시아와 북한, 무비자 제도 논의\n\n알렉산드르 갈루시카 러시아 극동개발부 장관은 최근 평양 방문 중에 양국이 무비자 제도 도입을 논의했다고 밝혔다. 이 문제는 양국 관계 발전의 중요한 과제로 꼽힌다.";
    const JAPANESE: &str = "ロシアと北朝鮮、ビザ免除制度を協議\n\nロシア極東発展相は、最近の平壌訪問中に両国がビザ免除制度への移行について協議したと述べた。両国の経済協力は拡大している。";
    const FRENCH: &str = "La Russie et la Corée du Nord discutent d’un régime sans visa\n\nLe ministre russe du Développement de l’Extrême-Orient a déclaré que les deux pays avaient évoqué la suppression des visas lors d’une récente visite à Pyongyang. « C’est une étape », a-t-il précisé.";

    #[test]
    fn text_files_in_legacy_encodings_are_guessed_and_noted() {
        // chardetng answers KOI8-U for KOI8-R: a superset that reads Russian the same.
        let cases = [
            ("windows-1251", RUSSIAN, "windows-1251"),
            ("koi8-r", RUSSIAN, "KOI8-U"),
            ("euc-kr", KOREAN, "EUC-KR"),
            ("shift_jis", JAPANESE, "Shift_JIS"),
            ("windows-1252", FRENCH, "windows-1252"),
        ];
        for (label, text, guessed) in cases {
            let d = decode(&encoded(label, text), Format::Text);
            assert_eq!(d.text, text, "{label}");
            assert_eq!((d.name(), d.how), (guessed, How::Guessed), "{label}");
            let note = d.note.unwrap();
            assert!(note.contains("guessed"), "{note}");
        }
    }

    #[test]
    fn utf16_is_read_with_and_without_a_byte_order_mark() {
        for big_endian in [false, true] {
            let d = decode(&utf16(KOREAN, big_endian, true), Format::Text);
            assert_eq!((d.text.as_str(), d.how), (KOREAN, How::ByteOrderMark));
            let d = decode(&utf16(KOREAN, big_endian, false), Format::Markdown);
            assert_eq!((d.text.as_str(), d.how), (KOREAN, How::Utf16Pattern));
            assert_eq!(d.name(), if big_endian { "UTF-16BE" } else { "UTF-16LE" });
        }
    }

    #[test]
    fn utf8_with_or_without_a_mark_is_utf8_and_not_a_guess() {
        let d = decode(format!("\u{FEFF}{RUSSIAN}").as_bytes(), Format::Text);
        assert_eq!(
            (d.text.as_str(), d.how, d.note),
            (RUSSIAN, How::ByteOrderMark, None)
        );
        let d = decode(KOREAN.as_bytes(), Format::Text);
        assert_eq!((d.name(), d.how, d.note), ("UTF-8", How::Utf8, None));
    }

    #[test]
    fn a_page_is_read_in_the_encoding_it_declares() {
        let pages = [
            (
                r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>x</title></head><body><p>{}</p></body></html>"#,
                "windows-1252",
                FRENCH,
            ),
            (
                r#"<html><head><meta charset='windows-1251'></head><body><p>{}</p></body></html>"#,
                "windows-1251",
                RUSSIAN,
            ),
            (
                r#"<?xml version="1.0" encoding="Shift_JIS"?><html><body><p>{}</p></body></html>"#,
                "Shift_JIS",
                JAPANESE,
            ),
            (
                r#"<html><head><META CHARSET=euc-kr></head><body><p>{}</p></body></html>"#,
                "EUC-KR",
                KOREAN,
            ),
        ];
        for (page, name, text) in pages {
            let html = page.replace("{}", text);
            let d = decode(&encoded(name, &html), Format::Html);
            assert_eq!(
                (d.name(), d.how, &d.note),
                (name, How::Declared, &None),
                "{page}"
            );
            assert_eq!(d.text, html);
        }
    }

    #[test]
    fn bytes_that_contradict_the_declaration_win_with_a_note() {
        let page = format!(
            "<html><head><meta charset=\"iso-8859-1\"></head><body><p>{FRENCH}</p></body></html>"
        );
        let d = decode(page.as_bytes(), Format::Html);
        assert_eq!((d.name(), d.how), ("UTF-8", How::Utf8));
        assert!(d.note.unwrap().contains("declares iso-8859-1"));

        let page = format!(
            "<html><head><meta charset=\"utf-8\"></head><body><p>{RUSSIAN}</p></body></html>"
        );
        let d = decode(&encoded("windows-1251", &page), Format::Html);
        assert_eq!((d.name(), d.how), ("windows-1251", How::Guessed));
        assert_eq!(d.text, page);
        assert!(d
            .note
            .unwrap()
            .contains("declares utf-8 but is not valid UTF-8"));
    }

    #[test]
    fn a_late_or_unknown_declaration_and_a_page_declaring_utf16() {
        // A declaration in the body does not count; an unknown label is ignored.
        let page = format!("<html><head><meta charset=\"klingon\"></head><body><meta charset=\"koi8-r\"><p>{RUSSIAN}</p></body></html>");
        let d = decode(&encoded("windows-1251", &page), Format::Html);
        assert_eq!((d.name(), d.how), ("windows-1251", How::Guessed));
        // ASCII bytes cannot be UTF-16: such a declaration means UTF-8, as in browsers.
        let page = "<html><head><meta charset=\"utf-16\"></head><body><p>Plain</p></body></html>";
        let d = decode(page.as_bytes(), Format::Html);
        assert_eq!((d.name(), d.how), ("UTF-8", How::Declared));
    }

    #[test]
    fn binary_files_are_named_by_kind_and_text_with_a_stray_control_is_text() {
        assert_eq!(binary_kind(b"%PDF-1.7\n%\xe2\xe3"), Some("a PDF document"));
        assert_eq!(
            binary_kind(b"\xFF\xD8\xFF\xE0\x00\x10JFIF"),
            Some("a JPEG image")
        );
        assert_eq!(
            binary_kind(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 65]),
            Some("binary data")
        );
        assert_eq!(
            binary_kind("A bell \u{7} and a NUL \u{0} in a long enough line of text.".as_bytes()),
            None
        );
        assert_eq!(binary_kind(&utf16(KOREAN, false, false)), None);
        assert_eq!(binary_kind(&utf16(KOREAN, true, true)), None);
    }

    #[test]
    fn broken_bytes_are_replaced_never_refused() {
        let d = decode(b"Headline\nBody \xff\xfe here.", Format::Text);
        assert!(d.text.starts_with("Headline\nBody "));
        assert!(d.note.is_some());
        let d = decode(b"\x82\xa0\x82", Format::Text);
        assert!(!d.text.is_empty());
    }
}
