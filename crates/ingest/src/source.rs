//! Finding and reading the files of a corpus folder.
//!
//! Articles are `.txt`, `.md` and `.html` files anywhere below the folder, each optionally
//! paired with a `<name>.meta.toml` sidecar beside it; `dateline.toml` (configuration) and
//! `gazetteer.toml` (entities) stand at the top, and a top-level `README.md` is documentation.
//! Hidden files and folders are skipped. Files are read whole and must be UTF-8.

use crate::config::{self, Config};
use crate::diagnostic::{line_of, Diagnostic};
use crate::document::Format;
use crate::entities;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const SIDECAR_SUFFIX: &str = ".meta.toml";

/// A file's path and its text.
#[derive(Debug)]
pub(crate) struct TextFile {
    pub path: PathBuf,
    pub text: String,
}

/// An article file with its sidecar.
#[derive(Debug)]
pub(crate) struct ArticleFile {
    pub path: PathBuf,
    /// The path relative to the corpus folder, with `/` separators.
    pub relative: String,
    pub text: String,
    pub format: Format,
    pub sidecar: Option<TextFile>,
}

impl ArticleFile {
    /// The file name a sidecar for this article has.
    pub fn sidecar_name(&self) -> String {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        format!("{stem}{SIDECAR_SUFFIX}")
    }
}

/// Everything found in a corpus folder.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// `dateline.toml`, parsed (the default when it is missing or wrong; its errors are reported).
    pub config: Config,
    pub gazetteer: Option<TextFile>,
    /// Sorted by relative path.
    pub articles: Vec<ArticleFile>,
}

/// Reads the corpus folder, reporting unreadable, empty, non-UTF-8 and orphaned files.
pub(crate) fn scan(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Files {
    let mut paths = Vec::new();
    if let Err(e) = walk(dir, &mut paths) {
        diagnostics.push(Diagnostic::error(
            dir,
            format!("cannot read the corpus folder: {e}"),
            "check the path: it must be a folder of articles (for the build, DATELINE_CORPUS names it, relative to the repository root)",
        ));
        return Files::default();
    }
    paths.sort();

    let mut files = Files::default();
    // Sidecars by the article path without its extension.
    let mut sidecars: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut articles = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let top = path.parent() == Some(dir);
        if top && name == config::FILE_NAME {
            if let Some(text) = read(&path, diagnostics) {
                match config::parse(&path, &text) {
                    Ok(config) => files.config = config,
                    Err(d) => diagnostics.push(d),
                }
            }
        } else if top && name == entities::FILE_NAME {
            files.gazetteer = read(&path, diagnostics).map(|text| TextFile { path, text });
        } else if top && name.eq_ignore_ascii_case("README.md") {
            continue;
        } else if let Some(stem) = name.strip_suffix(SIDECAR_SUFFIX) {
            sidecars.insert(path.with_file_name(stem), path.clone());
        } else if let Some(format) = path
            .extension()
            .and_then(|e| Format::from_extension(&e.to_string_lossy()))
        {
            articles.push((path, format));
        } else {
            diagnostics.push(Diagnostic::warning(
                &path,
                "not an article file, so it was skipped",
                "articles are .txt, .md or .html files; rename it, or move it out of the corpus folder to silence this",
            ));
        }
    }

    let limits = files.config.limits;
    if articles.len() > limits.max_articles {
        diagnostics.push(Diagnostic::error(
            dir,
            format!(
                "the corpus holds {} articles, more than the limit of {}",
                articles.len(),
                limits.max_articles
            ),
            "raise max_articles under [limits] in dateline.toml, or split the corpus",
        ));
        return files;
    }
    for (path, format) in articles {
        let sidecar_path = sidecars.remove(&path.with_extension(""));
        let size = fs::metadata(&path).map_or(0, |m| m.len());
        if size > limits.max_article_bytes {
            diagnostics.push(Diagnostic::error(
                &path,
                format!(
                    "the file is {size} bytes, more than the limit of {} per article",
                    limits.max_article_bytes
                ),
                "trim it to the article, or raise max_article_bytes under [limits] in dateline.toml",
            ));
            continue;
        }
        let Some(text) = read(&path, diagnostics) else {
            continue;
        };
        if crate::text::is_blank(&text) {
            diagnostics.push(Diagnostic::error(
                &path,
                "the file is empty (or holds only white space and invisible characters)",
                "put the article text in it, or delete it",
            ));
            continue;
        }
        let sidecar =
            sidecar_path.and_then(|p| read(&p, diagnostics).map(|text| TextFile { path: p, text }));
        let relative = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.articles.push(ArticleFile {
            path,
            relative,
            text,
            format,
            sidecar,
        });
    }

    for (stem, sidecar) in sidecars {
        diagnostics.push(Diagnostic::error(
            &sidecar,
            format!(
                "metadata for {}.txt (or .md, .html) but no such article file",
                stem.file_name().unwrap_or_default().to_string_lossy()
            ),
            "rename the sidecar to match its article (<name>.meta.toml beside <name>.txt), or delete it",
        ));
    }
    if files.articles.is_empty() && diagnostics.iter().all(|d| !d.is_error()) {
        diagnostics.push(Diagnostic::error(
            dir,
            "the corpus folder holds no .txt, .md or .html article",
            "add article files, or point DATELINE_CORPUS at another folder",
        ));
    }
    files
}

/// Collects the files below `dir`, skipping hidden entries.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a file as UTF-8 text (a leading byte-order mark is dropped).
fn read(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                path,
                format!("cannot read the file: {e}"),
                "check its permissions",
            ));
            return None;
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            diagnostics.push(
                Diagnostic::error(
                    path,
                    format!("byte {} is not UTF-8 text", e.valid_up_to()),
                    "save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)",
                )
                .at_line(line_of(&valid, valid.len())),
            );
            None
        }
    }
}
