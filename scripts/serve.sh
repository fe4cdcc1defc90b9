#!/usr/bin/env bash
# Sets up the toolchain, then serves Dateline on the built-in corpus with live rebuilds.
# Extra arguments go to `trunk serve` (e.g. --port 9000). DATELINE_CORPUS picks another corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
port=8080
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --port=*) port="${!i#--port=}" ;;
    --port) j=$((i + 1)); port="${!j}" ;;
  esac
done
echo "Dateline will be served at http://127.0.0.1:$port/ once the first build finishes (Ctrl-C stops it)."
exec trunk serve "$@"
