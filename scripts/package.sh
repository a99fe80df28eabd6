#!/usr/bin/env bash
# `make package` (after `make build`): the CLI for Node as WebAssembly
# (node/, without the element: the `node` feature), then the npm tarball
# (scripts/package.mjs): dist/npm/spoiler-card-<version>.tgz; and the WordPress
# plugin (scripts/wordpress-package.mjs): dist/wordpress/spoiler-card-<version>.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-target}"
out="$target_dir/npm-node"
cargo build --release -q -p spoiler-card-node --target wasm32-unknown-unknown
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/release/spoiler_card_node.wasm"
# Size, not speed, is what wasm-opt buys here: a render takes milliseconds.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/spoiler_card_node_bg.wasm" -o "$out/spoiler_card_node_bg.wasm"
# No element code in this build: the bundle's registration and embed.js
# must not be in it (they touch the document on import).
if grep -q "customElements\|embed.js\|element.js" "$out/spoiler_card_node.js" || find "$out" -name embed.js -o -name element.js | grep -q .; then
  echo "package: the CLI for Node holds element code (customElements or embed.js)" >&2; exit 1
fi
node scripts/package.mjs
node scripts/wordpress-package.mjs
