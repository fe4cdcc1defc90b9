#!/usr/bin/env bash
# The search benchmark, natively and in headless Chromium next to MiniSearch and FlexSearch.
# Usage: scripts/bench-search.sh [native sizes, default 1000,10000,100000]
# Browser sizes are those up to 10,000. The search alone is what the engine costs; the whole
# keystroke cycle (search, listing, rendering, to the next frame) follows from the typing
# benchmark on pages built at the same sizes (scripts/bench-typing.sh, one run; skipped with
# DATELINE_BENCH_SEARCH_ONLY=1). Needs scripts/setup.sh --browser (run by test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

sizes="${1:-1000,10000,100000}"
out=target/bench-web
cargo run --release -p dateline-bench --bin search-bench -- --sizes "$sizes" --emit "$out/data"

# The engine as the app ships it: release profile (LTO, opt-level z), then wasm-bindgen.
cargo build --release --target wasm32-unknown-unknown -p dateline-bench-wasm
wasm-bindgen --target web --out-dir "$out/pkg" \
  target/wasm32-unknown-unknown/release/dateline_bench_wasm.wasm
browser_sizes=$(tr ',' '\n' <<<"$sizes" | awk '$1 <= 10000' | paste -sd, -)
node bench/search/run.mjs "$browser_sizes"
if [[ -z "${DATELINE_BENCH_SEARCH_ONLY:-}" && -n "$browser_sizes" ]]; then
  echo
  echo "The whole keystroke cycle in the app's page, at the same sizes:"
  scripts/bench-typing.sh 1 "$browser_sizes"
fi
