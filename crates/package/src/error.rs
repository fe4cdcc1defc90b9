//! What can go wrong while packaging the built page, each saying what to fix.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why the page could not be packaged or measured.
#[derive(Debug)]
#[non_exhaustive]
pub enum PackageError {
    /// A file the page names could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The HTML could not be rewritten.
    Html(String),
    /// The page has no loader tag (`<script data-glue data-wasm>`).
    NoLoader,
    /// A text asset is not UTF-8.
    NotUtf8(String),
    /// A text asset cannot be placed inside an inline element.
    CannotInline {
        /// The asset.
        file: String,
        /// Why not.
        why: String,
    },
    /// The wasm-bindgen glue imports other modules (snippets), which one file cannot hold.
    GlueImports(String),
    /// The wasm-bindgen glue has no `export { … as default }`.
    NoDefaultExport(String),
    /// A wasm file could not be parsed.
    Wasm {
        /// The file.
        path: PathBuf,
        /// The parser's complaint.
        why: String,
    },
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::Read { path, source } => write!(
                f,
                "{}: cannot read it ({source}); run `trunk build --release` first",
                path.display()
            ),
            PackageError::Write { path, source } => {
                write!(f, "{}: cannot write it ({source})", path.display())
            }
            PackageError::Html(why) => write!(f, "index.html: cannot rewrite it ({why})"),
            PackageError::NoLoader => write!(
                f,
                "index.html: no <script data-glue=… data-wasm=…> loader tag; \
                 Trunk.toml's [build] pattern_script must write it"
            ),
            PackageError::NotUtf8(file) => write!(f, "{file}: not UTF-8 text, so it cannot be inlined"),
            PackageError::CannotInline { file, why } => write!(f, "{file}: cannot be inlined: {why}"),
            PackageError::GlueImports(file) => write!(
                f,
                "{file}: the wasm-bindgen glue imports other modules (JS snippets), which a single file \
                 cannot hold; replace `#[wasm_bindgen(module = …)]` snippets with inline_js or web-sys calls"
            ),
            PackageError::NoDefaultExport(file) => write!(
                f,
                "{file}: no `export {{ … as default }}` in the wasm-bindgen glue; \
                 build with wasm-bindgen's `web` target (Trunk's default)"
            ),
            PackageError::Wasm { path, why } => write!(f, "{}: not a readable wasm module ({why})", path.display()),
        }
    }
}

impl std::error::Error for PackageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackageError::Read { source, .. } | PackageError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
