//! Ingests the corpus folder and writes it as one blob for `src/corpus.rs` to embed.
//!
//! Thin on purpose: all logic lives in `dateline-ingest` (reading and validating) and
//! `dateline-core` (the blob format). The folder is `corpus/` unless `DATELINE_CORPUS` names
//! another (a relative path starts at the repository root).

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo::rerun-if-env-changed=DATELINE_CORPUS");
    // The prerender reads the blob out of the wasm the browser build just made (the same
    // corpus, ingested once): nothing to embed.
    if env::var_os("CARGO_FEATURE_SSR").is_some() {
        return;
    }
    let root =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = env::var_os("DATELINE_CORPUS").map_or_else(|| root.join("corpus"), |d| root.join(d));
    println!("cargo::rerun-if-changed={}", dir.display());
    // The key the page keeps its readers' stars under: the folder's name, which survives a move
    // of the folder and a rebuild with more articles, and tells two collections apart.
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "corpus".to_owned());
    println!("cargo::rustc-env=DATELINE_CORPUS_NAME={name}");

    let ingested = dateline_ingest::ingest_dir(&dir).unwrap_or_else(|report| {
        eprintln!("{report}");
        process::exit(1);
    });
    for warning in &ingested.warnings {
        println!("cargo::warning={warning}");
    }
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let out = out_dir.join("corpus.bin");
    fs::write(&out, dateline_core::blob::encode(&ingested.corpus))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let out = out_dir.join("stemmers.rs");
    fs::write(&out, carry_stemmers(&ingested.corpus))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The function `src/corpus.rs` calls before the first search: it gives the app the stemmers of
/// the corpus's languages, and English and Russian always (Latin words of unknown language,
/// Cyrillic words), each made with a constant so the wasm links no other.
fn carry_stemmers(corpus: &dateline_core::Corpus) -> String {
    use dateline_core::search::analyse::{Stemming, Stemmings};
    let used = Stemmings::of_languages(corpus.articles().iter().map(|a| a.language.as_deref()));
    let mut carried = vec![Stemming::English, Stemming::Russian];
    for stemming in used.iter() {
        if !carried.contains(&stemming) {
            carried.push(stemming);
        }
    }
    let mut code = String::from(
        "/// Written by build.rs: the stemmers of the corpus's languages.\n\
         pub(crate) fn carry_stemmers() {\n\
         \x20   use dateline_core::search::analyse::{Algorithm, Stemmer, Stemming};\n",
    );
    for stemming in carried {
        let name = format!("{stemming:?}");
        code.push_str(&format!(
            "    Stemming::{name}.carry(Stemmer::create(Algorithm::{name}));\n"
        ));
    }
    code.push_str("}\n");
    code
}
