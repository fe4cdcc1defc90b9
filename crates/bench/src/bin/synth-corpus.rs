//! `synth-corpus <dir> <count> [seed]`: writes the deterministic synthetic corpus (articles and
//! sidecars) into `dir` for the load benchmark's large build, and prints the bytes of article
//! text it wrote.

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let (Some(dir), Some(Ok(count))) = (args.first(), args.get(1).map(|c| c.parse::<usize>()))
    else {
        eprintln!("usage: synth-corpus <dir> <count> [seed]");
        process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let dir = PathBuf::from(dir);
    let written = fs::create_dir_all(&dir)
        .and_then(|()| dateline_ingest::synth::write_corpus(&dir, count, seed));
    match written {
        Ok(bytes) => println!("{bytes}"),
        Err(e) => {
            eprintln!("synth-corpus: cannot write {}: {e}", dir.display());
            process::exit(1);
        }
    }
}
