//! Web archives: `.warc` and `.warc.gz` files, as Webrecorder, Browsertrix, wget and Heritrix
//! write them (the `warc` crate reads the records; `flate2` the gzip members; `httparse` the
//! archived HTTP response). Each archived HTML page (a `response` record with status 200) becomes
//! an article through the saved-page path ([`crate::document`]: encodings, Readability, the
//! page's own dates), named by the archive and its address, which is also its address.
//!
//! A capture's date is when the archive was made, never when the article was published: it is
//! not used as the date. Everything else the archive holds (requests, metadata, images,
//! stylesheets, scripts, redirects, errors) is counted in one warning, not read.

use crate::diagnostic::Diagnostic;
use crate::document::{self, Format};
use crate::exports::{self, Export};
use crate::source::ArchiveFile;
use crate::{config, decode, establish, report, Outcome, Source, Stated};
use std::collections::BTreeMap;
use std::io::{BufReader, Read};
use warc::{RecordType, WarcHeader, WarcReader};

/// Where a page's missing field would be set: nowhere but the page.
const FIX_IN: &str =
    "the archived page (capture it again, or save it as an .html file with a sidecar)";

/// Reads an archive and establishes an article from each archived HTML page.
pub(crate) fn read(file: &ArchiveFile, limits: config::Limits) -> Export {
    let bytes = match exports::read_whole(&file.path, &file.relative) {
        Ok(bytes) => bytes,
        Err(left_out) => return Export::LeftOut(left_out),
    };
    let gzipped = bytes.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn std::io::BufRead> = if gzipped {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            &bytes[..],
        )))
    } else {
        Box::new(&bytes[..])
    };
    let mut outcomes = Vec::new();
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, record) in WarcReader::new(reader).iter_records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) if i == 0 => {
                return Export::LeftOut(left_out(
                    file,
                    format!("the file is not a web archive (WARC): {e}"),
                    "give web archives the .warc or .warc.gz extension only, or move the file out of the corpus folder",
                ))
            }
            Err(e) => {
                return Export::Error(Diagnostic::error(
                    &file.path,
                    format!("record {} of the archive cannot be read: {e}", i + 1),
                    "the archive is damaged or cut short: download or export it again",
                ))
            }
        };
        if *record.warc_type() != RecordType::Response {
            *skipped
                .entry("requests, metadata and other records")
                .or_default() += 1;
            continue;
        }
        let address = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim_matches(['<', '>', ' ']).to_owned())
            .unwrap_or_default();
        match page(record.body()) {
            Err(kind) => *skipped.entry(kind).or_default() += 1,
            Ok(html) => outcomes.push(article(file, &address, &html, limits)),
        }
    }
    if outcomes.is_empty() {
        return Export::LeftOut(left_out(
            file,
            "the archive holds no HTML page",
            "archive the articles' pages themselves, or move the file out of the corpus folder",
        ));
    }
    if !skipped.is_empty() {
        let total: usize = skipped.values().sum();
        let kinds: Vec<String> = skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
        outcomes.push(Outcome::Warning(Diagnostic::warning(
            &file.path,
            format!(
                "{total} records of the archive are not article pages and were not read: {}",
                kinds.join(", ")
            ),
            "nothing to do: only the archived HTML pages are articles",
        )));
    }
    Export::Rows(outcomes)
}

fn left_out(file: &ArchiveFile, problem: impl Into<String>, fix: impl Into<String>) -> Diagnostic {
    Diagnostic::left_out(&file.path, &file.relative, problem, fix)
}

/// The HTML body of an archived HTTP response, or the kind of record it is instead.
fn page(message: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut response = httparse::Response::new(&mut headers);
    let Ok(httparse::Status::Complete(head)) = response.parse(message) else {
        return Err("responses that are not HTTP");
    };
    match response.code.unwrap_or(0) {
        200 => {}
        300..=399 => return Err("redirects"),
        _ => return Err("error responses"),
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let kind = header("content-type").unwrap_or_default();
    if !(kind.starts_with("text/html") || kind.starts_with("application/xhtml")) {
        return Err(match kind.split('/').next().unwrap_or_default() {
            "image" => "images",
            "font" => "fonts",
            "video" | "audio" => "media files",
            _ if kind.contains("css") || kind.contains("javascript") => "stylesheets and scripts",
            _ => "other files",
        });
    }
    let mut body = message[head..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).ok_or("damaged responses")?;
    }
    match header("content-encoding").as_deref().map(str::trim) {
        None | Some("" | "identity") => Ok(body),
        Some("gzip" | "x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..])),
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..])),
        Some(_) => Err("pages compressed in a way not read (brotli, zstd)"),
    }
}

fn inflate(mut reader: impl Read) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::new();
    reader
        .read_to_end(&mut out)
        .map_err(|_| "damaged responses")?;
    Ok(out)
}

/// A body sent in chunks, joined (`None` when the chunks are broken).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&body[..end]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body
            .get(size..)?
            .strip_prefix(b"\r\n")
            .unwrap_or(&body[size..]);
    }
}

/// An archived page as an article: read as a saved page is, its address the archived one.
fn article(file: &ArchiveFile, address: &str, html: &[u8], limits: config::Limits) -> Outcome {
    let name = format!("{} {address}", file.relative);
    let left_out = |problem: String, fix: &str| {
        Outcome::LeftOut(Diagnostic::left_out(&file.path, &name, problem, fix))
    };
    if let Some(problem) = limits.too_large(&format!("the page {address}"), html.len() as u64) {
        return left_out(
            problem,
            "raise max_article_bytes under [limits] in dateline.toml",
        );
    }
    let decoded = decode::decode(html, Format::Html);
    let doc = match document::read(Format::Html, &decoded.text) {
        Ok(doc) if !doc.lines.is_empty() => doc,
        Ok(_) => {
            return left_out(
                format!("the page {address} holds no article text"),
                "nothing to do if it is not an article (a front page, a login page)",
            )
        }
        Err(problem) => {
            return left_out(
                format!("{address}: {problem}"),
                "nothing to do if it is not an article (a front page, an index)",
            )
        }
    };
    let web = dateline_core::export::is_web_url(address);
    establish(
        Source {
            name,
            path: file.path.clone(),
            fix_in: FIX_IN.to_owned(),
            format: Format::Html,
            encoding: report::Encoding::of(&decoded),
        },
        Stated {
            url: web.then(|| address.to_owned()),
            ..Stated::default()
        },
        doc,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello, world"[..])
        );
        assert_eq!(dechunk(b"zz\r\nHello"), None);
        assert_eq!(dechunk(b"9\r\nHello"), None);
    }

    #[test]
    fn only_html_pages_with_status_200_are_pages() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>";
        assert_eq!(page(ok).unwrap(), b"<p>Hi</p>");
        let moved = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://a.example/\r\n\r\n";
        assert_eq!(page(moved), Err("redirects"));
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(page(image), Err("images"));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>Packed</p>").unwrap();
        let mut packed =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        packed.extend(gz.finish().unwrap());
        assert_eq!(page(&packed).unwrap(), b"<p>Packed</p>");
    }
}
