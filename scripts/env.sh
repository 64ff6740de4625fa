# Shared settings for the scripts (sourced, not run).
# The build output lives outside the clone so a fresh clone on the same machine reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/corridor/target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# wasm-opt 132 from the npm package binaryen (Debian's 108 breaks hydration), wasm-bindgen and
# cargo-leptos from ~/.cargo/bin.
export PATH="$REPO_ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CORRIDOR_BIN="$CARGO_TARGET_DIR/release/corridor"
# leptos reads the output name at compile time (`option_env!`); site-builder sets it, and so does every
# other cargo command run from these scripts, so the release server and the bench binaries share one build.
export LEPTOS_OUTPUT_NAME="${LEPTOS_OUTPUT_NAME:-corridor}"
