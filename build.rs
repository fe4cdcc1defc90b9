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

    let ingested = dateline_ingest::ingest_dir(&dir).unwrap_or_else(|report| {
        eprintln!("{report}");
        process::exit(1);
    });
    for warning in &ingested.warnings {
        println!("cargo::warning={warning}");
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    fs::write(&out, dateline_core::blob::encode(&ingested.corpus))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
