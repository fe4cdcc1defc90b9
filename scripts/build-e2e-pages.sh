#!/usr/bin/env bash
# Builds the three pages the browser suites need beside dist/, one after the other:
#   target/e2e-hostile/dist  the hostile corpus, able to crash on request (e2e/hostile.test.mjs)
#   target/e2e-scale/dist    2,000 synthetic articles (e2e/scale.test.mjs)
#   target/e2e-own/site      scripts/build.sh on a CSV export and a feed (e2e/own-articles.test.mjs)
# test.sh runs it in the background while the suites that need only dist/ run. Expects
# scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step "release build of the hostile corpus, able to crash on request (for e2e/hostile.test.mjs)"
node e2e/fixtures/hostile-corpus.mjs target/e2e-hostile/corpus
DATELINE_CORPUS=target/e2e-hostile/corpus trunk build --release --offline --features crash-test \
  --dist target/e2e-hostile/dist

step "release build of 2,000 synthetic articles (for e2e/scale.test.mjs)"
scripts/build-bench-page.sh target/e2e-scale/dist 2000 >/dev/null

step "your own articles: scripts/build.sh on a CSV export and a feed (for e2e/own-articles.test.mjs)"
rm -rf target/e2e-own/site
scripts/build.sh e2e/fixtures/own-articles target/e2e-own/site
