//! The single self-contained HTML file: the built page with its stylesheet, icon, JS glue and
//! wasm (which carries the corpus) inlined, so it runs when opened straight from disk.
//!
//! From `file://` a browser refuses module scripts with a `src` and any `fetch`, but runs an
//! inline `<script type="module">` and instantiates wasm from bytes. So the loader tag Trunk
//! writes (`<script type="module" src="boot.js" data-glue=… data-wasm=…>`, from `pattern_script`
//! in Trunk.toml) becomes an inline module holding the wasm-bindgen glue followed by a few lines
//! that start it from bytes; the wasm travels gzip-compressed and base64-encoded in a
//! non-executable `<script type="application/octet-stream">` data block and is inflated with the
//! browser's own `DecompressionStream`.

use crate::error::PackageError;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use lol_html::html_content::{ContentType, Element};
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

/// The id of the data block that holds the compressed wasm.
const WASM_BLOCK_ID: &str = "dateline-wasm";

/// Returns the page `index_html` (read from `dir`) with every asset it loads inlined.
pub fn inline(dir: &Path, index_html: &str) -> Result<String, PackageError> {
    let read = |href: &str| -> Result<Vec<u8>, PackageError> {
        let path = dir.join(href.trim_start_matches("./"));
        fs::read(&path).map_err(|source| PackageError::Read { path, source })
    };
    let rewritten = rewrite_str(
        index_html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("link[rel=stylesheet][href]", |el| {
                let href = href(el);
                let css = text(read(&href)?, &href)?;
                refuse_closing_tag(&css, "</style", &href)?;
                el.replace(&format!("<style>{css}</style>"), ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("link[rel=icon][href]", |el| {
                let href = href(el);
                let data = BASE64.encode(read(&href)?);
                let kind = media_type(&href);
                el.set_attribute("href", &format!("data:{kind};base64,{data}"))?;
                el.remove_attribute("integrity");
                Ok(())
            }))
            // Preloads would fetch the files the page no longer needs.
            .append_element_content_handler(element!(
                "link[rel=modulepreload], link[rel=preload]",
                |el| {
                    el.remove();
                    Ok(())
                }
            ))
            // The script that runs before the first paint, in place.
            .append_element_content_handler(element!("script[data-before-paint][src]", |el| {
                let src = el.get_attribute("src").unwrap_or_default();
                let js = text(read(&src)?, &src)?;
                refuse_closing_tag(&js, "</script", &src)?;
                el.replace(&format!("<script>{js}</script>"), ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("script[data-glue][data-wasm]", |el| {
                let glue_href = attribute(el, "data-glue")?;
                let glue = text(read(&glue_href)?, &glue_href)?;
                let wasm = read(&attribute(el, "data-wasm")?)?;
                el.replace(&loader(&glue, &glue_href, &wasm)?, ContentType::Html);
                Ok(())
            })),
    );
    let html = rewritten.map_err(|e| match e {
        lol_html::errors::RewritingError::ContentHandlerError(inner) => {
            match inner.downcast::<PackageError>() {
                Ok(mine) => *mine,
                Err(other) => PackageError::Html(other.to_string()),
            }
        }
        other => PackageError::Html(other.to_string()),
    })?;
    if !html.contains(WASM_BLOCK_ID) {
        return Err(PackageError::NoLoader);
    }
    Ok(html)
}

/// The inline module that replaces the loader tag: the glue, then its start from the bytes in
/// the data block; the data block itself follows.
fn loader(glue: &str, glue_href: &str, wasm: &[u8]) -> Result<String, PackageError> {
    if glue
        .lines()
        .any(|line| line.starts_with("import ") || line.starts_with("import{"))
    {
        return Err(PackageError::GlueImports(glue_href.to_owned()));
    }
    refuse_closing_tag(glue, "</script", glue_href)?;
    let init =
        default_export(glue).ok_or_else(|| PackageError::NoDefaultExport(glue_href.to_owned()))?;
    let packed = BASE64.encode(crate::gzip(wasm));
    Ok(format!(
        r#"<script type="module">
{glue}
// Dateline, packed into one file: inflate the wasm from the data block below and start it.
// (A block of its own: the glue above already declares names like `wasm` at the top level.)
{{
  const packed = Uint8Array.from(atob(document.getElementById("{WASM_BLOCK_ID}").textContent.trim()), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  const exports = await {init}({{ module_or_path: bytes }});
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: exports }} }}));
}}
</script>
<script type="application/octet-stream" id="{WASM_BLOCK_ID}">
{packed}
</script>"#
    ))
}

/// The local name the glue exports as `default` (its init function), from its closing
/// `export { initSync, __wbg_init as default };`.
fn default_export(glue: &str) -> Option<&str> {
    let list = glue.rsplit_once("export {")?.1.split_once('}')?.0;
    list.split(',').find_map(|item| {
        let (local, exported) = item.trim().split_once(" as ")?;
        (exported.trim() == "default").then_some(local.trim())
    })
}

fn href(el: &Element<'_, '_>) -> String {
    el.get_attribute("href").unwrap_or_default()
}

fn attribute(el: &Element<'_, '_>, name: &str) -> Result<String, PackageError> {
    el.get_attribute(name)
        .ok_or_else(|| PackageError::Html(format!("the loader tag has no {name} attribute")))
}

fn text(bytes: Vec<u8>, href: &str) -> Result<String, PackageError> {
    String::from_utf8(bytes).map_err(|_| PackageError::NotUtf8(href.to_owned()))
}

/// Inlined text must not close its own element early.
fn refuse_closing_tag(text: &str, tag: &str, href: &str) -> Result<(), PackageError> {
    if text.to_ascii_lowercase().contains(tag) || text.contains("<!--") {
        return Err(PackageError::CannotInline {
            file: href.to_owned(),
            why: format!("it contains `{tag}` or `<!--`, which would end the inline element early"),
        });
    }
    Ok(())
}

fn media_type(href: &str) -> &'static str {
    match href.rsplit('.').next() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nasync function __wbg_init(m) { return 1; }\nexport { initSync, __wbg_init as default };\n";

    /// A built site in a scratch directory (removed on drop).
    struct Site(tempfile::TempDir);

    impl Site {
        fn path(&self) -> &Path {
            self.0.path()
        }
        fn write(&self, name: &str, bytes: &[u8]) {
            fs::write(self.0.path().join(name), bytes).unwrap();
        }
    }

    fn site() -> Site {
        let dir = Site(tempfile::tempdir().unwrap());
        dir.write("app-1.js", GLUE.as_bytes());
        dir.write("app-1_bg.wasm", b"\0asm\x01\0\0\0");
        dir.write("main-1.css", b"body { color: red }");
        dir.write("icon-1.svg", b"<svg/>");
        dir
    }

    const PAGE: &str = r#"<!doctype html><html><head>
<link rel="icon" href="./icon-1.svg" integrity="sha384-x"/>
<link rel="stylesheet" href="./main-1.css" integrity="sha384-y"/>
<script type="module" src="./boot.js" data-glue="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
<link rel="modulepreload" href="./app-1.js"><link rel="preload" href="./app-1_bg.wasm" as="fetch">
</head><body></body></html>"#;

    #[test]
    fn inlines_every_asset_and_drops_preloads() {
        let dir = site();
        let html = inline(dir.path(), PAGE).unwrap();
        assert!(
            html.contains("<style>body { color: red }</style>"),
            "{html}"
        );
        assert!(
            html.contains(r#"href="data:image/svg+xml;base64,PHN2Zy8+""#),
            "{html}"
        );
        assert!(html.contains("async function __wbg_init(m)"));
        assert!(html.contains("const exports = await __wbg_init({ module_or_path: bytes });"));
        for gone in [
            "main-1.css",
            "boot.js",
            "preload",
            "integrity",
            "app-1_bg.wasm",
        ] {
            assert!(!html.contains(gone), "{gone} is still referenced:\n{html}");
        }
        // The packed wasm decodes back to the original bytes.
        let packed = html.split(r#"id="dateline-wasm">"#).nth(1).unwrap();
        let packed = packed.split("</script>").next().unwrap().trim();
        let gz = BASE64.decode(packed).unwrap();
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut wasm).unwrap();
        assert_eq!(wasm, b"\0asm\x01\0\0\0");
    }

    #[test]
    fn names_a_missing_asset() {
        let dir = site();
        fs::remove_file(dir.path().join("main-1.css")).unwrap();
        let err = inline(dir.path(), PAGE).unwrap_err();
        assert!(
            matches!(err, PackageError::Read { ref path, .. } if path.ends_with("main-1.css")),
            "{err}"
        );
    }

    #[test]
    fn refuses_a_page_without_the_loader_tag() {
        let dir = site();
        let page = PAGE.replace("data-glue", "data-other");
        assert!(matches!(
            inline(dir.path(), &page),
            Err(PackageError::NoLoader)
        ));
    }

    #[test]
    fn refuses_glue_that_would_close_the_script_or_imports_snippets() {
        let dir = site();
        dir.write(
            "app-1.js",
            format!("{GLUE}const s = '</script>';").as_bytes(),
        );
        assert!(matches!(
            inline(dir.path(), PAGE),
            Err(PackageError::CannotInline { .. })
        ));
        dir.write(
            "app-1.js",
            format!("import {{ x }} from './snippets/a.js';\n{GLUE}").as_bytes(),
        );
        assert!(matches!(
            inline(dir.path(), PAGE),
            Err(PackageError::GlueImports(_))
        ));
        dir.write("app-1.js", b"let wasm;");
        assert!(matches!(
            inline(dir.path(), PAGE),
            Err(PackageError::NoDefaultExport(_))
        ));
    }

    #[test]
    fn finds_the_default_export() {
        assert_eq!(default_export(GLUE), Some("__wbg_init"));
        assert_eq!(default_export("export { a as default, b };"), Some("a"));
        assert_eq!(default_export("export { a, b };"), None);
    }
}
