#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml). Trunk starts the hooks of one stage side by side, so the
# two steps that rewrite the built index.html run here, one after the other: first the default
# view's first screen written into it (src/bin/prerender.rs), then the hashed names of the loader
# scripts and the single file dateline.html made from the finished page (crates/package).
# Both read the staging directory from TRUNK_STAGING_DIR, which Trunk sets.
set -euo pipefail
cargo run --quiet --no-default-features --features ssr --bin dateline-prerender
cargo run --quiet --package dateline-package --bin dateline-package
