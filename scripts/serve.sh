#!/usr/bin/env bash
# Sets up the toolchain, then serves Dateline on the built-in corpus with live rebuilds.
# Extra arguments go to `trunk serve` (e.g. --port 9000). DATELINE_CORPUS picks another corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
echo "Dateline will be served at http://127.0.0.1:8080/ once the first build finishes (Ctrl-C stops it)."
exec trunk serve "$@"
