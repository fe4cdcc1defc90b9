#!/usr/bin/env bash
# Builds Dateline on your own folder of articles: a static site, and the whole app in one file.
#   scripts/build.sh PATH [OUT]
# PATH: the folder of articles (.txt, .md, .html, .csv, .json, .jsonl, .rss, .atom, .xml, .warc,
# .warc.gz; see docs/corpus-format.md). OUT: where the site goes (default: dateline-site, in the
# folder you run this from). Sets up the toolchain first, checks the folder, then builds.
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 || "$1" == -* ]]; then
  echo "usage: scripts/build.sh PATH [OUT]   (PATH: your folder of articles; OUT: default ./dateline-site)" >&2
  exit 2
fi
if [[ ! -d "$1" ]]; then
  echo "scripts/build.sh: $1 is not a folder: give the folder that holds your articles" >&2
  exit 2
fi
corpus="$(cd "$1" && pwd)"
out="$(realpath -m "${2:-dateline-site}")"
# Trunk replaces what the output folder holds: never a folder that is not an earlier build.
if [[ -d "$out" && -n "$(ls -A "$out")" && ! -f "$out/dateline.html" ]]; then
  echo "scripts/build.sh: $out already holds files that are not a Dateline site; name a new or empty folder as OUT" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

echo "Reading $corpus …"
if ! summary="$(cargo run --quiet --package dateline-ingest --bin dateline-check -- --summary "$corpus")"; then
  echo "The folder cannot be built as it is: fix what is listed above, then run this again." >&2
  exit 1
fi
echo "$summary"
echo "Building (a release build: a few minutes) …"
# Trunk's own progress; the corpus's warnings were summed up above (dateline-check lists them).
set +e
DATELINE_CORPUS="$corpus" trunk build --release --offline --dist "$out" 2>&1 | grep -v "warning: dateline@"
built=${PIPESTATUS[0]}
set -e
if [[ $built -ne 0 || ! -f "$out/index.html" || ! -f "$out/dateline.html" ]]; then
  echo "The build failed (above)." >&2
  exit 1
fi
cat <<DONE

Done: ${summary%%:*} in $out
  To publish it, upload the whole folder to any static host, at any address or sub-path
  (GitHub Pages, Netlify, a university web space): $out/index.html is the page.
  To send it, share the one file $out/dateline.html ($(du -h "$out/dateline.html" | cut -f1)): it
  opens from disk in any browser, with no server and no network.
  To look at it here:  python3 -m http.server --directory "$out" 8000  then http://127.0.0.1:8000/
DONE
