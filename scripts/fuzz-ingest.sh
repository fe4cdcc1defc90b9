#!/usr/bin/env bash
# The long fuzzing run of ingestion (crates/ingest/tests/fuzz.rs): every property in turn, in
# release mode, until the time is up; prints the inputs tried per property. A failure stops the
# run with the shrunk input: add it to `mod regressions` there, then fix it.
# Usage: scripts/fuzz-ingest.sh [seconds, default 600]   (needs only cargo)
set -euo pipefail
cd "$(dirname "$0")/.."

DATELINE_FUZZ_SECONDS="${1:-600}" cargo test --release -p dateline-ingest --test fuzz -- \
  --ignored --exact fuzz_for_a_while --nocapture
