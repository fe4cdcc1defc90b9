//! `dateline-size`: prints what the built page weighs (raw, gzip, brotli per asset; the corpus
//! blob; the app shell against its 200 KB gzip budget) and the largest contributors to the wasm
//! code. Run after `trunk build --release`: `cargo run -p dateline-package --bin dateline-size`.
//! Arguments: the dist directory (default `dist`), and how many functions to list (default 15).

use dateline_package::sizes::{self, Report, Weight, SHELL_BUDGET_GZIP};
use dateline_package::PackageError;
use std::path::{Path, PathBuf};
use std::{env, process};

fn main() {
    let mut args = env::args().skip(1);
    let dist = PathBuf::from(args.next().unwrap_or_else(|| "dist".to_owned()));
    let top = args.next().and_then(|n| n.parse().ok()).unwrap_or(15);
    if let Err(e) = run(&dist, top) {
        eprintln!("dateline-size: {e}");
        process::exit(1);
    }
}

fn run(dist: &Path, top: usize) -> Result<(), PackageError> {
    let report = sizes::measure(dist)?;
    print_assets(dist, &report);
    // The names come from Cargo's output: wasm-bindgen and wasm-opt strip them.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let wasm = sizes::cargo_wasm(&workspace, "release");
    match sizes::contributors(&wasm, top) {
        Ok(c) => {
            println!(
                "\nLargest contributors, from {} (before wasm-bindgen and wasm-opt):",
                wasm.display()
            );
            println!(
                "  code {} bytes, data {} bytes (data holds the corpus blob)",
                thousands(c.code),
                thousands(c.data)
            );
            println!("\n  {:<48} {:>10} {:>6}", "crate", "code", "share");
            for krate in c.crates.iter().take(top) {
                println!(
                    "  {:<48} {:>10} {:>5.1}%",
                    krate.name,
                    thousands(krate.bytes),
                    percent(krate.bytes, c.code)
                );
            }
            println!("\n  {:<72} {:>8}", "function", "code");
            for f in &c.functions {
                println!("  {:<72} {:>8}", shorten(&f.name, 72), thousands(f.bytes));
            }
        }
        Err(e) => println!("\n(no contributor analysis: {e})"),
    }
    Ok(())
}

fn print_assets(dist: &Path, report: &Report) {
    println!("Built page in {}:\n", dist.display());
    println!(
        "  {:<44} {:>11} {:>11} {:>11}",
        "asset", "raw", "gzip", "brotli"
    );
    let row = |name: &str, w: Weight| {
        println!(
            "  {:<44} {:>11} {:>11} {:>11}",
            name,
            thousands(w.raw),
            thousands(w.gzip),
            thousands(w.brotli)
        );
    };
    for asset in &report.assets {
        let name = if asset.loaded_by_page {
            asset.name.clone()
        } else {
            format!("{} (single file)", asset.name)
        };
        row(&name, asset.weight);
        if asset.name.ends_with(".wasm") {
            row("  of which the corpus blob", report.blob);
            row("  the wasm without it", report.wasm_without_blob);
        }
    }
    println!();
    row("app shell (all the page loads but the blob)", report.shell);
    row("corpus blob", report.blob);
    let verdict = if report.shell.gzip <= SHELL_BUDGET_GZIP {
        "within"
    } else {
        "OVER"
    };
    println!(
        "\n  app shell: {} bytes gzip, {verdict} the budget of {} ({:.0}%)",
        thousands(report.shell.gzip),
        thousands(SHELL_BUDGET_GZIP),
        percent(report.shell.gzip, SHELL_BUDGET_GZIP)
    );
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn shorten(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_owned()
    } else {
        let tail: String = name
            .chars()
            .rev()
            .take(width - 1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    }
}
