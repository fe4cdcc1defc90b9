#!/usr/bin/env bash
# Installs everything Dateline needs, from the package registries only, at pinned versions.
# Idempotent: whatever is already present at the right version is skipped.
#
#   scripts/setup.sh              the build tools: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh --browser    also Debian's chromium and chromium-driver, for the tests
#
# Other scripts source scripts/env.sh afterwards to put the installed tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
with_browser=false
[[ "${1:-}" == "--browser" ]] && with_browser=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen library (Cargo.lock), its CLI and Trunk's pin must agree exactly, or the
# page fails at load time with a schema mismatch; check before installing anything.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$bindgen_version" ]] || fail "Cargo.lock has no wasm-bindgen entry; run 'cargo generate-lockfile' and try again"
grep -q "^wasm-bindgen = \"=$bindgen_version\"" Cargo.toml ||
  fail "Cargo.toml must pin wasm-bindgen = \"=$bindgen_version\" (the version in Cargo.lock)"
grep -q "^wasm_bindgen = \"$bindgen_version\"" Trunk.toml ||
  fail "Trunk.toml [tools] must say wasm_bindgen = \"$bindgen_version\" (the version in Cargo.lock)"

command -v cargo >/dev/null || fail "cargo is not installed: install Rust with rustup first (https://rustup.rs)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Debian's packages (one apt run: dpkg takes one at a time), then the npm tools, which need
# Debian's npm when the machine has none. They mostly wait on the network, so they download in
# the background, into target/setup/packages.log, while the cargo installs below compile. (The two
# cargo installs side by side were slower than one after the other: all of setup took 246 s
# against 162 on a fresh machine here, each install taking both cores.)
debian=()
command -v npm >/dev/null || debian+=(nodejs npm)
if $with_browser && [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  debian+=(chromium chromium-driver)
fi
# npm ci when node_modules is missing or older than the lockfile (wasm-opt, playwright-core).
npm_needed=false
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm_needed=true
fi
install_packages() {
  if ((${#debian[@]})); then apt_install "${debian[@]}"; fi
  if $npm_needed; then npm ci --no-audit --no-fund --loglevel=error; fi
}
packages=""
packages_log=target/setup/packages.log
if ((${#debian[@]})) || $npm_needed; then
  ((${#debian[@]})) && say "installing Debian's ${debian[*]} (in the background; log: $packages_log)"
  $npm_needed && say "installing the npm tools: binaryen for wasm-opt, playwright-core (in the background; log: $packages_log)"
  mkdir -p target/setup
  install_packages >"$packages_log" 2>&1 &
  packages=$!
  # Stopped, with the apt or npm it runs, if this script stops first (a cargo install failed).
  trap '{ pkill -P "$packages"; kill "$packages"; } 2>/dev/null || true' EXIT
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  # 0.22 needs a newer rustc than 1.95; --locked keeps its dependencies at the tested versions.
  # Trunk only orchestrates the build, so it is compiled without optimisation, LTO or its update
  # check (which never runs offline): 138 s here (2 cores) instead of 407 s with its own release
  # profile (306 s at opt-level 3 without LTO), and a release build of Dateline takes the same
  # 9-10 s of its own either way.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  # Not --locked: its lockfile names a webpki-roots release the registry no longer has. Without
  # its default TLS feature (downloads for wasm-bindgen-test-runner, which Dateline does not use)
  # and without optimisation: 42 s here instead of 113 s, and it then takes 0.6 s instead of
  # 0.14 s on the seed page's 2.7 MB wasm.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install wasm-bindgen-cli --version "$bindgen_version" --force --no-default-features
fi

if [[ -n "$packages" ]] && ! wait "$packages"; then
  tail -n 30 "$packages_log" >&2
  fail "installing the Debian or npm packages failed (above: the end of $packages_log); fix what it says and run scripts/setup.sh again"
fi

[[ "$(wasm-opt --version 2>/dev/null)" == *"version_132"* ]] ||
  fail "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt) says '$(wasm-opt --version 2>&1)'"

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3), node $(node --version)"
