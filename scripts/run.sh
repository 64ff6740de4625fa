#!/usr/bin/env bash
# The README's first command: set up what is missing, build, create and seed the SQLite
# database (corridor.db) and serve the portal on http://127.0.0.1:3000.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh"

echo "==> release build (frontend/site-builder: the hydrate wasm, target/site, the server)"
cargo run -q -p site-builder
"$REPO_ROOT/scripts/precompress.sh"

export DATABASE_URL="${DATABASE_URL:-sqlite://corridor.db?mode=rwc}"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$REPO_ROOT/target/site}"
echo "==> corridor seed (migrates, then loads reference and demo data; idempotent)"
"$CORRIDOR_BIN" seed
echo "==> corridor serve on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
exec "$CORRIDOR_BIN" serve
