//! Finding and reading the files of a corpus folder.
//!
//! Articles are `.txt`, `.md` and `.html` files anywhere below the folder, each optionally
//! paired with a `<name>.meta.toml` sidecar beside it, the rows of `.csv`, `.json` and
//! `.jsonl` exports ([`crate::records`]), the items of `.rss`, `.atom` and `.xml` feeds and the
//! pages of `.warc` and `.warc.gz` web archives; `dateline.toml` (configuration) and
//! `gazetteer.toml` (entities) stand at the top, and a top-level `README.md` is documentation.
//! Hidden files and folders are skipped, and so is the `<name>_files` folder a browser saves
//! beside `<name>.html` (its images, scripts and frames), named once in the report.
//!
//! What the user wrote by hand (sidecars, `dateline.toml`, the gazetteer) must be UTF-8 TOML
//! and fails the build otherwise. Article files are read in any encoding ([`crate::decode`]),
//! later and in parallel ([`ArticleFile::read`]); one that cannot give an article is left out
//! with a warning that names it ([`Files::left_out`]), never dropped silently.

use crate::config::{self, Config};
use crate::decode::{self, Decoded};
use crate::diagnostic::{line_of, Diagnostic};
use crate::document::Format;
use crate::entities;
use crate::records;
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
    pub format: Format,
    pub sidecar: Option<TextFile>,
}

impl ArticleFile {
    /// The file name a sidecar for this article has.
    pub fn sidecar_name(&self) -> String {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        format!("{stem}{SIDECAR_SUFFIX}")
    }

    /// Reads the file's text in whatever encoding it is in. `Err` is the reason it gives no
    /// article, as a left-out warning.
    pub fn read(&self, limits: config::Limits) -> Result<Decoded, Diagnostic> {
        let unreadable = |e: std::io::Error| {
            self.left_out(
                format!("cannot read the file: {e}"),
                "check its permissions",
            )
        };
        // The size first, so that a file over the limit is never read.
        let size = fs::metadata(&self.path).map_err(unreadable)?.len();
        if let Some(problem) = limits.too_large("the file", size) {
            return Err(self.left_out(
                problem,
                "trim it to the article, or raise max_article_bytes under [limits] in dateline.toml",
            ));
        }
        let bytes = fs::read(&self.path).map_err(unreadable)?;
        if let Some(kind) = decode::binary_kind(&bytes) {
            return Err(self.left_out(
                format!("the file is not text but {kind}"),
                "export the article's text (or save the page as HTML) and put that in the folder instead",
            ));
        }
        let decoded = decode::decode(&bytes, self.format);
        if crate::text::is_blank(&decoded.text) {
            return Err(self.left_out(
                "the file is empty (or holds only white space and invisible characters)",
                "put the article text in it, or delete it",
            ));
        }
        Ok(decoded)
    }

    /// A warning that this file was left out of the corpus.
    pub fn left_out(&self, problem: impl Into<String>, fix: impl Into<String>) -> Diagnostic {
        Diagnostic::left_out(&self.path, &self.relative, problem, fix)
    }
}

/// An export whose rows or objects are articles.
#[derive(Debug)]
pub(crate) struct RecordFile {
    pub path: PathBuf,
    /// The path relative to the corpus folder, with `/` separators.
    pub relative: String,
    pub kind: records::Kind,
}

/// A web archive (`.warc`, `.warc.gz`), whose HTML pages are articles.
#[derive(Debug)]
pub(crate) struct ArchiveFile {
    pub path: PathBuf,
    /// The path relative to the corpus folder, with `/` separators.
    pub relative: String,
}

/// Everything found in a corpus folder.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// `dateline.toml`, parsed (the default when it is missing or wrong; its errors are reported).
    pub config: Config,
    pub gazetteer: Option<TextFile>,
    /// Sorted by relative path.
    pub articles: Vec<ArticleFile>,
    /// Exports, sorted by relative path.
    pub records: Vec<RecordFile>,
    /// Web archives, sorted by relative path.
    pub archives: Vec<ArchiveFile>,
    /// Files that are not articles, as left-out warnings.
    pub left_out: Vec<Diagnostic>,
}

/// Lists the corpus folder and reads its hand-written files, reporting orphaned sidecars and
/// what is not an article.
pub(crate) fn scan(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Files {
    let mut paths = Vec::new();
    let mut saved_resources = Vec::new();
    if let Err(e) = walk(dir, &mut paths, &mut saved_resources) {
        diagnostics.push(Diagnostic::error(
            dir,
            format!("cannot read the corpus folder: {e}"),
            "check the path: it must be a folder of articles (for the build, DATELINE_CORPUS names it, relative to the repository root)",
        ));
        return Files::default();
    }
    paths.sort();

    let mut files = Files::default();
    let relative = |path: &Path| {
        path.strip_prefix(dir)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    // Named, but not left out: they are the page's, not articles that failed (so `strict`
    // does not refuse a folder of complete saved pages, and the page does not count them).
    for (folder, count) in saved_resources {
        diagnostics.push(Diagnostic::warning(
            &folder,
            format!("the images, scripts and frames of a saved page ({count} files), not read"),
            "nothing to do: the page beside it is read without them",
        ));
    }
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
        } else if is_archive(&name) {
            files.archives.push(ArchiveFile {
                relative: relative(&path),
                path,
            });
        } else if let Some(format) = path
            .extension()
            .and_then(|e| Format::from_extension(&e.to_string_lossy()))
        {
            articles.push((path, format));
        } else if let Some(kind) = path
            .extension()
            .and_then(|e| records::Kind::from_extension(&e.to_string_lossy()))
        {
            files.records.push(RecordFile {
                relative: relative(&path),
                path,
                kind,
            });
        } else {
            files.left_out.push(Diagnostic::left_out(
                &path,
                &relative(&path),
                "not an article file",
                "articles are .txt, .md or .html files, the rows of .csv, .json and .jsonl exports, the items of .rss, .atom and .xml feeds, or the pages of .warc and .warc.gz web archives; rename it, or move it out of the corpus folder to silence this",
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
        let sidecar =
            sidecar_path.and_then(|p| read(&p, diagnostics).map(|text| TextFile { path: p, text }));
        files.articles.push(ArticleFile {
            relative: relative(&path),
            path,
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
    if files.articles.is_empty()
        && files.records.is_empty()
        && files.archives.is_empty()
        && diagnostics.iter().all(|d| !d.is_error())
    {
        diagnostics.push(Diagnostic::error(
            dir,
            "the corpus folder holds no .txt, .md or .html article, no .csv, .json or .jsonl export, no .rss, .atom or .xml feed and no .warc web archive",
            "add article files, or point DATELINE_CORPUS at another folder",
        ));
    }
    files
}

/// Whether a file name is a web archive's: `.warc`, or `.warc.gz` as most tools write them.
fn is_archive(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Collects the files below `dir`, skipping hidden entries and the `<name>_files` folders of
/// saved pages (counted in `saved`).
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    saved: &mut Vec<(PathBuf, usize)>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if is_saved_page_resources(&path, &name) {
                let mut inside = Vec::new();
                let mut nested = Vec::new();
                walk(&path, &mut inside, &mut nested)?;
                saved.push((path, inside.len()));
            } else {
                walk(&path, out, saved)?;
            }
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a folder is what a browser's "Save page as… complete" writes beside the page:
/// `Name_files` (Chrome, Firefox) or `Name-Dateien` and the like, next to `Name.html`/`.htm`.
fn is_saved_page_resources(path: &Path, name: &str) -> bool {
    /// The folder's suffix in the browsers' languages.
    const SUFFIXES: &[&str] = &[
        "files",
        "Dateien",
        "fichiers",
        "archivos",
        "arquivos",
        "file",
        "bestanden",
        "filer",
        "pliki",
        "soubory",
        "tiedostot",
        "файлы",
    ];
    let Some((stem, suffix)) = name.rsplit_once(['_', '-']) else {
        return false;
    };
    SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(suffix))
        && ["html", "htm"]
            .iter()
            .any(|ext| path.with_file_name(format!("{stem}.{ext}")).is_file())
}

/// Reads a hand-written file as UTF-8 text (a leading byte-order mark is dropped).
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
