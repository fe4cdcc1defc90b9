//! What the built page weighs: raw, gzip and brotli bytes of each asset in `dist/`, the corpus
//! blob found inside the wasm, the app shell (everything the page loads except the blob) against
//! its budget, and the largest contributors to the wasm code by crate and by function.

use crate::error::PackageError;
use dateline_core::blob;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use wasmparser::{DataKind, KnownCustom, Name, Operator, Parser, Payload, TypeRef};

/// The app shell's budget, gzip bytes.
pub const SHELL_BUDGET_GZIP: u64 = 200 * 1024;

/// The three sizes of some bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Weight {
    /// As stored.
    pub raw: u64,
    /// gzip, level 9 (what static hosts commonly serve).
    pub gzip: u64,
    /// brotli, quality 11.
    pub brotli: u64,
}

impl Weight {
    /// Compresses `bytes` both ways.
    pub fn of(bytes: &[u8]) -> Weight {
        let gzip = crate::gzip(bytes).len() as u64;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)
            .expect("writing to a Vec cannot fail");
        Weight {
            raw: bytes.len() as u64,
            gzip,
            brotli: br.len() as u64,
        }
    }
}

impl std::ops::Add for Weight {
    type Output = Weight;
    fn add(self, other: Weight) -> Weight {
        Weight {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// One file of the built page.
#[derive(Clone, Debug)]
pub struct Asset {
    /// Its name in `dist/`.
    pub name: String,
    /// What it weighs.
    pub weight: Weight,
    /// Whether `index.html` loads it (the single file is an alternative to all of them).
    pub loaded_by_page: bool,
}

/// The weights of a built page.
#[derive(Clone, Debug)]
pub struct Report {
    /// Each file, largest first.
    pub assets: Vec<Asset>,
    /// The corpus blob inside the wasm, measured on its own.
    pub blob: Weight,
    /// The wasm with the blob cut out.
    pub wasm_without_blob: Weight,
    /// Everything `index.html` loads, with the wasm measured without the blob.
    pub shell: Weight,
}

/// Measures the page built in `dist`.
pub fn measure(dist: &Path) -> Result<Report, PackageError> {
    let mut assets = Vec::new();
    let mut blob = None;
    let mut shell = Weight::default();
    let entries = fs::read_dir(dist).map_err(|source| PackageError::Read {
        path: dist.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = read(&path)?;
        let weight = Weight::of(&bytes);
        let loaded_by_page = name != crate::SINGLE_FILE;
        if name.ends_with(".wasm") {
            let found = locate_blob(&bytes).ok_or_else(|| PackageError::Wasm {
                path: path.clone(),
                why: format!(
                    "no corpus blob of format version {} inside; rebuild it with `trunk build --release`",
                    dateline_core::blob::FORMAT_VERSION
                ),
            })?;
            let without = Weight::of(&found.rest_of_file);
            blob = Some((Weight::of(&found.blob), without));
            shell = shell + without;
        } else if loaded_by_page {
            shell = shell + weight;
        }
        assets.push(Asset {
            name,
            weight,
            loaded_by_page,
        });
    }
    assets.sort_by_key(|a| std::cmp::Reverse(a.weight.raw));
    let (blob, wasm_without_blob) = blob.ok_or_else(|| PackageError::Read {
        path: dist.join("*.wasm"),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "no wasm file"),
    })?;
    Ok(Report {
        assets,
        blob,
        wasm_without_blob,
        shell,
    })
}

/// The corpus blob found in a wasm file.
pub struct FoundBlob {
    /// Its bytes.
    pub blob: Vec<u8>,
    /// The file with every byte of the blob cut out: what the app shell's wasm weighs.
    pub rest_of_file: Vec<u8>,
}

/// Finds the corpus blob in a wasm file. wasm-opt splits data segments at runs of zeros, so the
/// blob is looked for in the memory image the active segments build, then cut out of each
/// segment it spans.
pub fn locate_blob(wasm: &[u8]) -> Option<FoundBlob> {
    // (address in memory, offset in the file, length) of each active segment.
    let mut segments = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Ok(Payload::DataSection(reader)) = payload {
            for data in reader.into_iter().flatten() {
                if let DataKind::Active { offset_expr, .. } = &data.kind {
                    let mut ops = offset_expr.get_operators_reader();
                    if let Ok(Operator::I32Const { value }) = ops.read() {
                        let in_file = data.data.as_ptr() as usize - wasm.as_ptr() as usize;
                        segments.push((value as u32 as usize, in_file, data.data.len()));
                    }
                }
            }
        }
    }
    let end = segments.iter().map(|&(at, _, len)| at + len).max()?;
    let mut image = vec![0u8; end];
    for &(at, in_file, len) in &segments {
        image[at..at + len].copy_from_slice(&wasm[in_file..in_file + len]);
    }
    let (start, len) = find_blob(&image)?;
    let mut cut = vec![false; wasm.len()];
    for &(at, in_file, seg_len) in &segments {
        let (from, to) = (start.max(at), (start + len).min(at + seg_len));
        for flag in cut
            .iter_mut()
            .skip(in_file + from - at)
            .take(to.saturating_sub(from))
        {
            *flag = true;
        }
    }
    let rest_of_file = wasm
        .iter()
        .zip(&cut)
        .filter(|(_, &c)| !c)
        .map(|(&b, _)| b)
        .collect();
    Some(FoundBlob {
        blob: image[start..start + len].to_vec(),
        rest_of_file,
    })
}

/// Where the corpus blob lies in contiguous bytes: the one occurrence of the blob magic that
/// decodes.
pub fn find_blob(bytes: &[u8]) -> Option<(usize, usize)> {
    let magic = blob::MAGIC;
    (0..bytes.len().saturating_sub(magic.len()))
        .filter(|&at| bytes[at..].starts_with(magic))
        .find_map(|at| blob::encoded_len(&bytes[at..]).ok().map(|len| (at, len)))
}

/// Code bytes attributed to one crate (or one function).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contributor {
    /// The crate, or the demangled function name.
    pub name: String,
    /// Bytes of function bodies.
    pub bytes: u64,
}

/// What the wasm's code is made of, from the `name` section of Cargo's own output (before
/// wasm-bindgen and wasm-opt, which strip names; the type descriptors wasm-bindgen removes are
/// left out).
#[derive(Clone, Debug)]
pub struct Contributors {
    /// Bytes of all function bodies.
    pub code: u64,
    /// Bytes of data segments (string constants, tables, and the embedded corpus blob).
    pub data: u64,
    /// Code bytes per crate, largest first.
    pub crates: Vec<Contributor>,
    /// The largest functions.
    pub functions: Vec<Contributor>,
}

/// Analyses a wasm file with a name section.
pub fn contributors(path: &Path, top: usize) -> Result<Contributors, PackageError> {
    let bytes = read(path)?;
    let bad = |e: wasmparser::BinaryReaderError| PackageError::Wasm {
        path: path.to_owned(),
        why: e.to_string(),
    };
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut names = HashMap::new();
    let mut data = 0;
    for payload in Parser::new(0).parse_all(&bytes) {
        match payload.map_err(bad)? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import.map_err(bad)?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push(range.end - range.start);
            }
            Payload::DataSection(reader) => {
                for segment in reader {
                    data += segment.map_err(bad)?.data.len() as u64;
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Ok(Name::Function(map)) = name {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate: HashMap<String, u64> = HashMap::new();
    let mut functions = Vec::new();
    let mut code = 0;
    for (i, &size) in bodies.iter().enumerate() {
        let name = names
            .get(&(imported + i as u32))
            .map(|n| format!("{:#}", rustc_demangle::demangle(n)))
            .unwrap_or_else(|| format!("function #{}", imported + i as u32));
        // wasm-bindgen runs these to learn the types, then removes them.
        if is_type_descriptor(&name) {
            continue;
        }
        code += size;
        *by_crate.entry(crate_of(&name)).or_default() += size;
        functions.push(Contributor { name, bytes: size });
    }
    let mut crates: Vec<Contributor> = by_crate
        .into_iter()
        .map(|(name, bytes)| Contributor { name, bytes })
        .collect();
    crates.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    functions.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    functions.truncate(top);
    Ok(Contributors {
        code,
        data,
        crates,
        functions,
    })
}

/// The crate a demangled function belongs to: the first `crate::…` path in its name, which looks
/// through `<…>` and generic impls (`<T as tachys::view::Render>::build` → `tachys`); methods
/// of primitives (`<str>::to_lowercase`) belong to `core`; names with no path at all are the
/// runtime (allocator, libc, wasm-bindgen's shims).
fn crate_of(name: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut rest = name;
    while !rest.is_empty() {
        let start = rest
            .find(|c: char| c.is_ascii_lowercase() || c == '_')
            .unwrap_or(rest.len());
        rest = &rest[start..];
        let len = rest.find(|c| !is_ident(c)).unwrap_or(rest.len());
        if rest[len..].starts_with("::") {
            return rest[..len].to_owned();
        }
        rest = &rest[len..];
        rest = rest.trim_start_matches(is_ident);
        rest = rest.trim_start_matches(|c: char| !is_ident(c));
    }
    if name.starts_with('<') {
        "core".to_owned()
    } else {
        "(runtime: allocator, libc, wasm-bindgen shims)".to_owned()
    }
}

/// The functions wasm-bindgen interprets at build time and then drops from the wasm.
fn is_type_descriptor(name: &str) -> bool {
    name.starts_with("__wbindgen_describe")
        || name.contains("wasm_bindgen::describe::WasmDescribe>::describe")
        || name.contains("WasmDescribeVector>::describe_vector")
}

fn read(path: &Path) -> Result<Vec<u8>, PackageError> {
    fs::read(path).map_err(|source| PackageError::Read {
        path: path.to_owned(),
        source,
    })
}

/// The wasm Cargo wrote for the app in `profile`, under the workspace's target directory.
pub fn cargo_wasm(workspace: &Path, profile: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from);
    target
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("dateline.wasm")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Corpus;

    #[test]
    fn finds_the_blob_among_lookalikes() {
        let blob = blob::encode(&Corpus::new(Vec::new(), Vec::new()));
        let mut wasm = b"\0asm\x01\0\0\0DATELINE is a string constant here".to_vec();
        let at = wasm.len();
        wasm.extend_from_slice(&blob);
        wasm.extend_from_slice(b"more data after");
        assert_eq!(find_blob(&wasm), Some((at, blob.len())));
        assert_eq!(find_blob(b"\0asm\x01\0\0\0DATELINE"), None);
    }

    #[test]
    fn attributes_functions_to_crates() {
        for (name, krate) in [
            (
                "dateline_core::search::searcher::Searcher::search",
                "dateline_core",
            ),
            ("<alloc::vec::Vec<T> as core::fmt::Debug>::fmt", "alloc"),
            (
                "<&mut serde_json::ser::Serializer<W> as serde::Serializer>::x",
                "serde_json",
            ),
            ("<dyn core::any::Any>::is", "core"),
            (
                "<T as tachys::view::any_view::IntoAny>::into_any::rebuild",
                "tachys",
            ),
            (
                "<dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc",
                "dlmalloc",
            ),
            ("<str>::to_lowercase", "core"),
            ("memcpy", "(runtime: allocator, libc, wasm-bindgen shims)"),
            (
                "function #12",
                "(runtime: allocator, libc, wasm-bindgen shims)",
            ),
        ] {
            assert_eq!(crate_of(name), krate, "{name}");
        }
    }

    #[test]
    fn leaves_out_what_wasm_bindgen_drops() {
        assert!(is_type_descriptor("__wbindgen_describe___wbg_new_1234"));
        assert!(is_type_descriptor(
            "<web_sys::features::gen_ReadableStreamReaderMode::ReadableStreamReaderMode as wasm_bindgen::describe::WasmDescribe>::describe"
        ));
        assert!(!is_type_descriptor(
            "dateline_core::search::searcher::Searcher::run"
        ));
    }

    #[test]
    fn weighs_both_compressions() {
        let w = Weight::of(&[b'a'; 10_000]);
        assert_eq!(w.raw, 10_000);
        assert!(w.gzip < 100 && w.brotli < 100, "{w:?}");
    }
}
