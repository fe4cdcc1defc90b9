//! Finding and reading the files of a corpus folder.
//!
//! Articles are `*.txt` files anywhere below the folder, each optionally paired with a
//! `<name>.meta.toml` sidecar beside it; `dateline.toml` at the top is the corpus
//! configuration. Hidden files and folders are skipped. Files are read whole and must be UTF-8.

use crate::config;
use crate::diagnostic::{line_of, Diagnostic};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const ARTICLE_EXT: &str = "txt";
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
    pub config: Option<TextFile>,
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
            "point DATELINE_CORPUS at a folder of .txt articles (relative paths start at the repository root)",
        ));
        return Files::default();
    }
    paths.sort();

    let mut files = Files::default();
    let mut sidecars: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut articles = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.parent() == Some(dir) && name == config::FILE_NAME {
            files.config = read(&path, diagnostics).map(|text| TextFile { path, text });
        } else if let Some(stem) = name.strip_suffix(SIDECAR_SUFFIX) {
            sidecars.insert(
                path.with_file_name(format!("{stem}.{ARTICLE_EXT}")),
                path.clone(),
            );
        } else if path.extension().is_some_and(|e| e == ARTICLE_EXT) {
            articles.push(path);
        } else {
            diagnostics.push(Diagnostic::warning(
                &path,
                "not an article file, so it was skipped",
                format!("articles are .{ARTICLE_EXT} files; rename it, or move it out of the corpus folder to silence this"),
            ));
        }
    }

    for path in articles {
        let sidecar_path = sidecars.remove(&path);
        let Some(text) = read(&path, diagnostics) else {
            continue;
        };
        if text.trim().is_empty() {
            diagnostics.push(Diagnostic::error(
                &path,
                "the file is empty",
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
            sidecar,
        });
    }

    for (article, sidecar) in sidecars {
        diagnostics.push(Diagnostic::error(
            &sidecar,
            format!(
                "metadata for {} but no such article file",
                article.file_name().unwrap_or_default().to_string_lossy()
            ),
            "rename the sidecar to match its article (<name>.meta.toml beside <name>.txt), or delete it",
        ));
    }
    if files.articles.is_empty() && diagnostics.iter().all(|d| !d.is_error()) {
        diagnostics.push(Diagnostic::error(
            dir,
            format!("the corpus folder holds no .{ARTICLE_EXT} article"),
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
