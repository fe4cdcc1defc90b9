#!/usr/bin/env bash
# Builds one release page for a benchmark and prints the bytes of article text it holds.
#   scripts/build-bench-page.sh <dist dir>            the built-in corpus
#   scripts/build-bench-page.sh <dist dir> <count>    the deterministic synthetic corpus of <count>
#                                                     articles (written beside the dist dir)
# Used by bench-load.sh, bench-typing.sh and test.sh; expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dist="$1"
count="${2:-}"
if [[ -z "$count" ]]; then
  trunk build --release --offline --dist "$dist" >&2
  find corpus -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -exec cat {} + | wc -c
  exit 0
fi
corpus="$(dirname "$dist")/corpus-$count"
rm -rf "$corpus"
bytes=$(cargo run -q -p dateline-bench --bin synth-corpus -- "$corpus" "$count")
DATELINE_CORPUS="$corpus" trunk build --release --offline --dist "$dist" >&2
echo "$bytes"
