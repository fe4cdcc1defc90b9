#!/usr/bin/env bash
# Sets up the toolchain, then serves Dateline with live rebuilds:
#   scripts/serve.sh            the built-in corpus
#   scripts/serve.sh PATH       your own folder of articles (rebuilt when it changes)
# Further arguments go to `trunk serve` (e.g. --port 9000). DATELINE_CORPUS also picks a corpus.
set -euo pipefail
watch=()
if [[ $# -ge 1 && "$1" != -* ]]; then
  if [[ ! -d "$1" ]]; then
    echo "scripts/serve.sh: $1 is not a folder: give the folder that holds your articles" >&2
    exit 2
  fi
  DATELINE_CORPUS="$(cd "$1" && pwd)"
  export DATELINE_CORPUS
  shift
fi
cd "$(dirname "$0")/.."
if [[ -n "${DATELINE_CORPUS:-}" ]]; then
  # Trunk watches the folders Trunk.toml lists; a folder named on the command line replaces that
  # list, so it is given again with the corpus.
  corpus="$(realpath -m "$DATELINE_CORPUS")"
  for path in index.html Cargo.toml build.rs src crates style web "$corpus"; do
    watch+=(--watch "$path")
  done
  echo "Serving your articles from $corpus."
fi
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
exec trunk serve "${watch[@]}" "$@"
