//! A content hash in the loader script's name, like Trunk gives every other asset, so a static
//! host may cache every file of the page forever and only `index.html` briefly.
//!
//! Trunk copies `web/boot.js` as it is (a `copy-file` asset keeps its name) and `pattern_script`
//! in Trunk.toml names it `boot.js` on the loader tag. After the build, [`hash_loader`] renames it
//! `boot-<hash>.js`, the first 16 hex digits of its SHA-256 as in Trunk's own names, and points
//! the tag at the new name.

use crate::error::PackageError;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// The loader tag, as `pattern_script` writes it.
const LOADER: &str = "script[data-glue][data-wasm][src]";
/// The script that runs before the first paint (`web/view-check.js`), hashed the same way.
const BEFORE_PAINT: &str = "script[data-before-paint][src]";

/// Renames the loader script in `dir` after its content (and the script that runs before the
/// first paint, if the page has one) and returns `index_html` pointing at the new names. A
/// script already named after its content (a second run) is left as it is.
pub fn hash_loader(dir: &Path, index_html: &str) -> Result<String, PackageError> {
    let mut loader: Option<Result<(), PackageError>> = None;
    let mut before_paint: Result<(), PackageError> = Ok(());
    let rename = |el: &mut lol_html::html_content::Element| -> Result<(), PackageError> {
        let src = el.get_attribute("src").unwrap_or_default();
        let new_src = hashed(dir, &src)?;
        el.set_attribute("src", &new_src)
            .map_err(|e| PackageError::Html(e.to_string()))
    };
    let html = rewrite_str(
        index_html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(LOADER, |el| {
                loader = Some(rename(el));
                Ok(())
            }))
            .append_element_content_handler(element!(BEFORE_PAINT, |el| {
                before_paint = rename(el);
                Ok(())
            })),
    )
    .map_err(|e| PackageError::Html(e.to_string()))?;
    before_paint?;
    match loader {
        Some(Ok(())) => Ok(html),
        Some(Err(e)) => Err(e),
        None => Err(PackageError::NoLoader),
    }
}

/// Gives the file at `src` (relative to `dir`) its hashed name; returns the new `src`.
fn hashed(dir: &Path, src: &str) -> Result<String, PackageError> {
    let (folder, file) = src.rsplit_once('/').unwrap_or(("", src));
    let path = dir.join(src.trim_start_matches("./"));
    let bytes = fs::read(&path).map_err(|source| PackageError::Read {
        path: path.clone(),
        source,
    })?;
    let digest = Sha256::digest(&bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let stem = file.strip_suffix(".js").unwrap_or(file);
    // A second run finds the name it gave: the stem ends with the hash already.
    if stem.ends_with(&format!("-{hash}")) {
        return Ok(src.to_owned());
    }
    let name = format!("{stem}-{hash}.js");
    let target = path.with_file_name(&name);
    fs::rename(&path, &target).map_err(|source| PackageError::Write {
        path: target,
        source,
    })?;
    Ok(if folder.is_empty() {
        name
    } else {
        format!("{folder}/{name}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><script type="module" src="./boot.js" data-glue="./app-1.js" data-wasm="./app-1_bg.wasm"></script></head></html>"#;

    /// The first `src` attribute's value in `html`.
    fn first_src(html: &str) -> &str {
        html.split("src=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
    }

    #[test]
    fn names_the_loader_after_its_content_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("boot.js"), "import('x');").unwrap();
        let html = hash_loader(dir.path(), PAGE).unwrap();
        let src = first_src(&html);
        let name = src
            .strip_prefix("./boot-")
            .unwrap()
            .strip_suffix(".js")
            .unwrap();
        assert_eq!(name.len(), 16, "{src}");
        assert!(name.bytes().all(|b| b.is_ascii_hexdigit()), "{src}");
        assert!(!dir.path().join("boot.js").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join(&src[2..])).unwrap(),
            "import('x');"
        );
        // Another content, another name; the same content again, the same name.
        assert_eq!(hash_loader(dir.path(), &html).unwrap(), html);
        let other = tempfile::tempdir().unwrap();
        fs::write(other.path().join("boot.js"), "import('y');").unwrap();
        assert_ne!(hash_loader(other.path(), PAGE).unwrap(), html);
    }

    #[test]
    fn names_the_script_before_paint_too() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("boot.js"), "import('x');").unwrap();
        fs::write(dir.path().join("view-check.js"), "1;").unwrap();
        let page = PAGE.replace(
            "<head>",
            r#"<head><script src="view-check.js" data-before-paint></script>"#,
        );
        let html = hash_loader(dir.path(), &page).unwrap();
        assert!(!dir.path().join("view-check.js").exists());
        let src = first_src(&html);
        assert!(
            src.starts_with("view-check-") && src.len() == "view-check-".len() + 19,
            "{src}"
        );
        assert_eq!(fs::read_to_string(dir.path().join(src)).unwrap(), "1;");
    }

    #[test]
    fn says_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let err = hash_loader(dir.path(), PAGE).unwrap_err();
        assert!(
            matches!(err, PackageError::Read { ref path, .. } if path.ends_with("boot.js")),
            "{err}"
        );
        let err = hash_loader(dir.path(), "<html></html>").unwrap_err();
        assert!(matches!(err, PackageError::NoLoader), "{err}");
    }
}
