#!/usr/bin/env bash
# Installs whatever this machine is missing to build, run and test Corridor. Idempotent:
# every step checks first and is skipped when its tool is already present at the right version.
# Usage: scripts/setup.sh [--for-tests] [--for-watch]
#   --for-tests: also what only the tests need (Chromium, fonts, PostgreSQL, cargo-nextest);
#   --for-watch: also cargo-leptos and the wasm-bindgen CLI, for `cargo leptos watch` while developing.
# The release build itself needs no installed build tool: frontend/site-builder does it with the
# wasm-bindgen library (scripts/run.sh, scripts/test.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

for_tests=false
for_watch=false
for arg in "$@"; do
  case "$arg" in
    --for-tests) for_tests=true ;;
    --for-watch) for_watch=true ;;
    *) echo "usage: scripts/setup.sh [--for-tests] [--for-watch]" >&2; exit 2 ;;
  esac
done

step() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Debian packages: brotli to precompress the assets; for the tests Chromium (Playwright), fonts
# for its screenshots and PostgreSQL.
apt_packages=()
have brotli || apt_packages+=(brotli)
if $for_tests; then
  have chromium || apt_packages+=(chromium)
  dpkg -s fonts-noto-core >/dev/null 2>&1 || apt_packages+=(fonts-noto-core)
  have pg_ctlcluster || apt_packages+=(postgresql)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Only the development loop (`cargo leptos watch`) needs cargo-leptos and the wasm-bindgen CLI.
# Unoptimised (`--debug`): they only orchestrate cargo and rewrite one wasm file. cargo-leptos 0.3.10
# exactly (0.3.11 does not build on rustc 1.95); no_downloads makes it use wasm-opt from PATH.
if $for_watch; then
  if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
    step "cargo install --debug cargo-leptos 0.3.10"
    cargo install --debug cargo-leptos --version 0.3.10 --locked --features no_downloads
  fi
  # The wasm-bindgen CLI must be the version Cargo.lock pins.
  wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$"; then
    step "cargo install wasm-bindgen-cli $wb_version"
    # Without --locked: its lockfile wants a crate version the registry does not serve.
    cargo install --debug wasm-bindgen-cli --version "=$wb_version"
  fi
fi

# npm packages: wasm-opt 132 (binaryen) for the release build, Playwright for the tests.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -d end2end/node_modules/@playwright/test ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  step "npm ci (end2end)"
  (cd end2end && npm ci --no-audit --no-fund)
fi

# Only the tests need the test runner.
if $for_tests && ! cargo nextest --version >/dev/null 2>&1; then
  step "cargo install --debug cargo-nextest"
  cargo install --debug cargo-nextest --locked
fi
step "toolchain ready"
