//! `dateline-package`: the second step of Trunk's post_build hook (`scripts/post-build.sh`).
//! Names the loader scripts after their content, then writes the single self-contained
//! `dateline.html` beside `index.html` in the staging directory Trunk names in
//! `TRUNK_STAGING_DIR` (or in the directory given as the only argument, e.g. `dist`).

use dateline_package::loader_hash::hash_loader;
use dateline_package::{run_hook, single_file, PackageError, SINGLE_FILE};
use std::fs;

fn main() {
    run_hook("dateline-package", run);
}

fn run(dir: &std::path::Path) -> Result<(), PackageError> {
    let index = dir.join("index.html");
    let html = fs::read_to_string(&index).map_err(|source| PackageError::Read {
        path: index.clone(),
        source,
    })?;
    let html = hash_loader(dir, &html)?;
    fs::write(&index, &html).map_err(|source| PackageError::Write {
        path: index.clone(),
        source,
    })?;
    let packed = single_file::inline(dir, &html)?;
    let out = dir.join(SINGLE_FILE);
    fs::write(&out, &packed).map_err(|source| PackageError::Write {
        path: out.clone(),
        source,
    })?;
    println!(
        "dateline-package: wrote {} ({} bytes)",
        out.display(),
        packed.len()
    );
    Ok(())
}
