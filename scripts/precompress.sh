#!/usr/bin/env bash
# Writes brotli (-q 11) and gzip (-9) copies of the built JS, wasm and CSS next to them; the
# server sends them to clients that accept the encoding.
set -euo pipefail
source "$(dirname "$0")/env.sh"
for f in "$REPO_ROOT"/target/site/pkg/*.{wasm,js,css}; do
  [ -e "$f" ] || continue
  [ "$f.br" -nt "$f" ] || brotli -f -q 11 -o "$f.br" "$f"
  [ "$f.gz" -nt "$f" ] || gzip -9 -k -f "$f"
done
