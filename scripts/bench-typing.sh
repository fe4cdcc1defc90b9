#!/usr/bin/env bash
# The typing benchmark: builds the release page for the seed corpus and for synthetic corpora of
# 1,000 and 10,000 articles, then, in headless Chromium, types a fixed query set key by key and
# clicks a facet, brushes the histogram, compares periods, opens an article and goes Back, and prints each action's
# time from input to the next frame beside a blank page's (the floor) and, for typing, the DOM
# floor (the largest page's first screen rewritten by plain JS) (bench/typing/run.mjs).
# Usage: scripts/bench-typing.sh [runs, default 3] [synthetic sizes, default 1000,10000]
# Needs scripts/setup.sh --browser (run by test.sh). Leaves the builds in target/bench-typing/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

runs="${1:-3}"
sizes="${2:-1000,10000}"
out=target/bench-typing

scripts/build-bench-page.sh "$out/seed" >/dev/null
pages=("seed=$out/seed")
for count in ${sizes//,/ }; do
  scripts/build-bench-page.sh "$out/synthetic-$count" "$count" >/dev/null
  pages+=("synthetic-$count=$out/synthetic-$count")
done
node bench/typing/run.mjs "$runs" "${pages[@]}"
