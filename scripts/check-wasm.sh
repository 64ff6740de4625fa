#!/usr/bin/env bash
# Checks the release hydrate bundle: size budget (800 KB raw, 250 KB brotli) and that no
# server-side code (database drivers, ORM, search index) reached the browser.
set -euo pipefail
source "$(dirname "$0")/env.sh"
wasm=$(ls "$REPO_ROOT"/target/site/pkg/corridor*.wasm | head -1)
raw=$(stat -c %s "$wasm")
br=$(brotli -c -q 11 "$wasm" | wc -c)
echo "wasm: $(basename "$wasm") raw=${raw} bytes brotli=${br} bytes"
fail=0
if [ "$raw" -le $((800 * 1024)) ]; then echo "ok raw size within 800 KB"; else echo "FAIL raw size over 800 KB"; fail=1; fi
if [ "$br" -le $((250 * 1024)) ]; then echo "ok brotli size within 250 KB"; else echo "FAIL brotli size over 250 KB"; fail=1; fi
for needle in sqlx sea_orm sea_query tantivy libsqlite3 tokio_postgres; do
  if grep -aq "$needle" "$wasm"; then echo "FAIL wasm contains $needle"; fail=1; else echo "ok wasm free of $needle"; fi
done
exit $fail
