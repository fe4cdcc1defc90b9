#!/usr/bin/env bash
# The load benchmark: builds the release page for the seed corpus and for a 10,000-article
# synthetic corpus, then opens each in headless Chromium and prints the median time to first
# timeline paint and to interactive, the longest task and total blocking time during load, the
# wasm bytes, the 10k page against the seed, and the memory after load (bench/load/run.mjs);
# then Lighthouse on the seed page served with gzip, mobile and desktop (bench/load/lighthouse.mjs).
# Usage: scripts/bench-load.sh [runs, default 9] [synthetic articles, default 10000]
# Needs scripts/setup.sh --browser (run by test.sh). Leaves the builds in target/bench-load/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

runs="${1:-9}"
count="${2:-10000}"
out=target/bench-load

seed_text=$(scripts/build-bench-page.sh "$out/seed")
synthetic_text=$(scripts/build-bench-page.sh "$out/synthetic-$count" "$count")

node bench/load/run.mjs "$runs" \
  "seed=$out/seed:$seed_text:putin" \
  "synthetic-$count=$out/synthetic-$count:$synthetic_text:putin"

# Lighthouse, pinned by its own lockfile, installed on first use only (it is large, and nothing
# else needs it).
tool=target/lighthouse
if ! cmp -s bench/load/lighthouse-tool/package-lock.json "$tool/package-lock.json"; then
  mkdir -p "$tool"
  cp bench/load/lighthouse-tool/package.json bench/load/lighthouse-tool/package-lock.json "$tool/"
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi
node bench/load/lighthouse.mjs "$tool" "$out/seed" seed
