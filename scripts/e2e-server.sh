#!/usr/bin/env bash
# Starts the release build on a fresh, seeded SQLite database for the Playwright suite.
# Playwright's webServer runs this and stops it when the suite ends.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
port="${E2E_PORT:-3100}"
dir="$(mktemp -d)"
export DATABASE_URL="sqlite://$dir/corridor.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
export LEPTOS_SITE_ROOT="$REPO_ROOT/target/site"
export CORRIDOR_DATA_DIR="$dir/data"
export CORRIDOR_LOG="${CORRIDOR_LOG:-warn}"
"$CORRIDOR_BIN" seed
# An administrator, so journeys can read the development mailbox (the mail outbox).
printf '%s\n' "${E2E_ADMIN_PASSWORD:-harbour lights 2026}" \
  | "$CORRIDOR_BIN" create-admin --email "${E2E_ADMIN_EMAIL:-admin@corridor.test}"
exec "$CORRIDOR_BIN" serve
