# Sourced by the other scripts: puts the project's tools on PATH and sets shared defaults.
# shellcheck shell=bash

# cargo-installed tools (trunk, wasm-bindgen), then the project's npm tools (wasm-opt), so
# Trunk finds binaryen 132 rather than any other wasm-opt on the machine.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Two cores here: keep cargo from oversubscribing them.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

# apt_install PACKAGE…: installs Debian packages, as root or through sudo.
apt_install() {
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

# step TEXT…: a heading for the next step of a script's output.
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
