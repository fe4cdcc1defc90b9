#!/usr/bin/env bash
# Ingestion quality on real saved pages, Dateline beside trafilatura + htmldate: dates right,
# wrong and missing, titles, and body precision/recall/F1 per page set. A benchmark that prints
# figures (not part of scripts/test.sh): see bench/eval/compare.py for what is measured.
#
#   scripts/eval-ingest.sh [--verbose] [REALPAGES]   (REALPAGES defaults to ../shared/realpages-tuning)
#
# The pages are read where they are and staged under target/eval (never into the repository);
# newspaper4k's test pages come from its sdist on PyPI; trafilatura and htmldate are installed
# into a throw-away venv, target/eval-venv, pinned in bench/eval/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=()
if [[ "${1:-}" == "--verbose" ]]; then
  verbose=(--verbose)
  shift
fi
realpages=${1:-../shared/realpages-tuning}
[[ -d "$realpages" ]] || { echo "eval-ingest: no page folder at $realpages" >&2; exit 2; }

venv=target/eval-venv
data=target/eval-data
stage=target/eval
if [[ ! -x $venv/bin/python ]] || ! cmp -s bench/eval/requirements.txt $venv/requirements.txt; then
  echo "eval-ingest: installing trafilatura and htmldate into $venv"
  python3 -m venv $venv
  $venv/bin/pip install -q --disable-pip-version-check -r bench/eval/requirements.txt
  cp bench/eval/requirements.txt $venv/requirements.txt
fi
newspaper=$data/newspaper4k-0.9.6
if [[ ! -d $newspaper/tests/data ]]; then
  echo "eval-ingest: fetching newspaper4k's test pages (its sdist on PyPI)"
  mkdir -p $data
  $venv/bin/pip download -q --disable-pip-version-check --no-deps --no-binary :all: -d $data newspaper4k==0.9.6
  tar -xzf $data/newspaper4k-0.9.6.tar.gz -C $data
fi

$venv/bin/python bench/eval/stage.py $stage "$realpages" $newspaper/tests/data
cargo build -q --release -p dateline-ingest --bin dateline-check
echo
$venv/bin/python bench/eval/compare.py $stage target/release/dateline-check "${verbose[@]}"
