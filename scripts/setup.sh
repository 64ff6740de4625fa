#!/usr/bin/env bash
# Installs whatever this machine is missing to build, run and test Corridor. Idempotent:
# every step checks first and is skipped when its tool is already present at the right version.
# Usage: scripts/setup.sh [--with-postgres]   (--with-postgres: also what only the tests need:
# PostgreSQL and cargo-nextest)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

want_postgres=false
[ "${1:-}" = "--with-postgres" ] && want_postgres=true

step() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Debian packages: Chromium for Playwright, brotli for the size budget, PostgreSQL for the tests.
apt_packages=()
have chromium || apt_packages+=(chromium)
have brotli || apt_packages+=(brotli)
dpkg -s fonts-noto-core >/dev/null 2>&1 || apt_packages+=(fonts-noto-core)
if $want_postgres && ! have pg_ctlcluster; then apt_packages+=(postgresql); fi
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

# The build tools are installed unoptimised (`--debug`): they only orchestrate cargo, rewrite one
# wasm file and copy assets, so optimising their ~500 dependencies bought nothing but install time
# (cargo-leptos: 16 min 43 s optimised on a brand-new machine, see docs/benchmarks.md).
# cargo-leptos 0.3.10 exactly: 0.3.11 does not build on rustc 1.95; no_downloads makes it use
# wasm-bindgen and wasm-opt from PATH.
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

# npm packages: Playwright, wasm-opt 132 (binaryen), the Lao font package.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -d end2end/node_modules/@playwright/test ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  step "npm ci (end2end)"
  (cd end2end && npm ci --no-audit --no-fund)
fi

# Only the tests need the test runner.
if $want_postgres && ! cargo nextest --version >/dev/null 2>&1; then
  step "cargo install --debug cargo-nextest"
  cargo install --debug cargo-nextest --locked
fi
step "toolchain ready"
