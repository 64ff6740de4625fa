#!/usr/bin/env bash
# The README's second command: set up what is missing, then run every test —
# formatting and lints, Rust tests on SQLite and on PostgreSQL (one build, two runs),
# the release build with its size budget, and the Playwright journeys (hydrated and
# without JavaScript). Exits non-zero on any failure. .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh" --for-tests

log_dir="$(mktemp -d)"
step() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (server side, and the wasm front end)"
cargo clippy --workspace --exclude frontend --all-targets --features app/ssr -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

# PostgreSQL: start the local cluster if needed, and give the tests a role and a database.
step "PostgreSQL"
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  cluster=$(pg_lsclusters -h | awk 'NR==1{print $1" "$2}')
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster start
fi
pg_port=$(pg_lsclusters -h | awk '$4=="online"{print $3; exit}')
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $pg_port -c \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='corridor_test'")" != 1 ]; then
  psql_admin "CREATE ROLE corridor_test LOGIN PASSWORD 'corridor_test' CREATEDB"
fi
psql_admin "DROP DATABASE IF EXISTS corridor_test" >/dev/null
psql_admin "CREATE DATABASE corridor_test OWNER corridor_test"
pg_url="postgres://corridor_test:corridor_test@127.0.0.1:$pg_port/corridor_test"
drop_test_databases() {
  for db in $(psql_admin "SELECT datname FROM pg_database WHERE datname LIKE 'corridor_t_%'"); do
    psql_admin "DROP DATABASE IF EXISTS $db" >/dev/null || true
  done
}
trap drop_test_databases EXIT

step "Rust tests on SQLite"
cargo nextest run --workspace --exclude frontend --features app/ssr --no-fail-fast 2>&1 | tee "$log_dir/sqlite.log"
step "Rust tests on PostgreSQL (same binaries)"
TEST_DATABASE_URL="$pg_url" cargo nextest run --workspace --exclude frontend --features app/ssr --no-fail-fast 2>&1 \
  | tee "$log_dir/postgres.log"

step "release build (frontend/site-builder: the hydrate wasm, target/site, the server)"
if ! cargo run -q -p site-builder > "$log_dir/build.log" 2>&1; then
  grep -v '^ *at \|^ *[0-9]*: ' "$log_dir/build.log" | tail -n 80
  exit 1
fi
tail -n 3 "$log_dir/build.log"
"$REPO_ROOT/scripts/precompress.sh"
step "wasm budget and contents"
"$REPO_ROOT/scripts/check-wasm.sh" | tee "$log_dir/wasm.log"

step "Playwright (hydrated and JavaScript disabled)"
(cd end2end && npx playwright test) 2>&1 | tee "$log_dir/e2e.log"

# One closing line over everything that ran.
passed=0
for f in sqlite postgres; do
  n=$(grep -Eo '[0-9]+ tests? run: [0-9]+ passed' "$log_dir/$f.log" | tail -1 | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+')
  passed=$((passed + ${n:-0}))
done
n=$(grep -Eo '^ *[0-9]+ passed' "$log_dir/e2e.log" | tail -1 | grep -Eo '[0-9]+')
passed=$((passed + ${n:-0}))
n=$(grep -c '^ok ' "$log_dir/wasm.log" || true)
passed=$((passed + ${n:-0}))
echo "total: $passed passed, 0 failed"
