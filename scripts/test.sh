#!/usr/bin/env bash
# Sets up everything, then runs every check and test: formatting, clippy (native and wasm),
# the unit tests, a release build and its size report, release builds of the hostile test corpus,
# of 2,000 synthetic articles and of e2e/fixtures/own-articles (scripts/build-e2e-pages.sh), and
# the end-to-end tests in headless Chromium (one of which serves a copy of e2e/fixtures/own-articles
# with scripts/serve.sh and adds an article to it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

step "formatting"
cargo fmt --all -- --check

step "clippy: the workspace (native), app (wasm32), its prerender (native)"
cargo clippy --workspace --exclude dateline --all-targets -- -D warnings
cargo clippy -p dateline --target wasm32-unknown-unknown --features crash-test -- -D warnings
cargo clippy -p dateline --no-default-features --features ssr --lib --bins --tests -- -D warnings

step "unit tests: core, ingest, package, the benches and the prerender"
cargo test --workspace --exclude dateline
cargo test -p dateline --no-default-features --features ssr --bins

step "release build (and the single file dist/dateline.html)"
trunk build --release --offline

step "size report"
cargo run -q -p dateline-package --bin dateline-size -- dist 10

# The suites below that need a page of their own wait for scripts/build-e2e-pages.sh, which
# builds those pages in the background meanwhile: its release builds spend most of their time in
# one-core steps (LTO, wasm-opt), and the first suites need about one core. A suite that needs a
# page other than dist/ goes in `later`, and so does serve.test.mjs: its own build would wait on
# the background builds' lock on target/.
later=(e2e/hostile.test.mjs e2e/scale.test.mjs e2e/own-articles.test.mjs e2e/serve.test.mjs)
first=()
for suite in e2e/*.test.mjs; do
  [[ " ${later[*]} " == *" $suite "* ]] || first+=("$suite")
done
pages_log=target/e2e-pages.log
step "release builds of the hostile corpus, 2,000 synthetic articles and your own articles, in the background (log: $pages_log)"
# Its own process group, so that it stops with this script.
setsid scripts/build-e2e-pages.sh >"$pages_log" 2>&1 &
pages=$!
trap 'kill -- -"$pages" 2>/dev/null || true' EXIT

# Each test takes seconds; one that hangs (seen once in seven runs, in the hostile 1 MB-line test,
# with the browser idle) fails after five minutes instead of holding CI to its limit.
e2e() { node --test --test-concurrency=1 --test-timeout=300000 "$@"; }

step "end-to-end tests in headless Chromium: the page in dist/"
failed=0
e2e "${first[@]}" || failed=1

step "end-to-end tests in headless Chromium: the pages built in the background, and scripts/serve.sh"
if ! wait "$pages"; then
  tail -n 40 "$pages_log"
  echo "test.sh: building the pages for the browser tests failed (above: the end of $pages_log)" >&2
  exit 1
fi
cat "$pages_log"
e2e "${later[@]}" || failed=1
exit "$failed"
