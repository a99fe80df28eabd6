#!/usr/bin/env bash
# The release build (dist/ and dist/embed/): `trunk build --release` on the
# machine's nightly toolchain, with std rebuilt so that panics are immediate
# aborts. That drops the panic-message formatting from the bundle (~9 KB of
# 98 KB brotli, measured; see README "Size"). Everything else (tests, clippy,
# `trunk serve`) uses stable.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The CLI first, on stable: Trunk's post-build hook runs it (the stylesheet,
# the prerendered demo cards) and inherits the nightly environment below.
cargo build --release -q -p spoiler-card-cli
export SPOILER_CARD_CLI="$PWD/target/release/spoiler-card"
source scripts/nightly-env.sh
echo "release build with $(cat target/release-toolchain.txt)"
# wasm-bindgen's output folder is shared by the card's and the studio's
# builds, and its snippets/ keeps what an earlier build wrote: emptied
# before each, so that neither bundle ships the other's snippets.
fresh_snippets() { rm -rf "$CARGO_TARGET_DIR/wasm-bindgen/release/snippets"; }
fresh_snippets
trunk build --release "$@"
# The card studio (studio/), after the card (Trunk empties dist/ first): a
# cargo invocation of its own, so that no feature of the Node package's
# build reaches it. Its page is dist/studio.html, its files dist/studio/.
fresh_snippets
(cd studio && trunk build --release)
rm -rf dist/studio
mkdir -p dist/studio
cp -r target/studio-dist/. dist/studio/
mv dist/studio/index.html dist/studio.html
# A module that registers <spoiler-card-studio> wherever it is served from
# (the npm package's 'spoiler-card/studio', the WordPress plugin).
node -e '
const fs = require("fs");
const glue = fs.readdirSync("dist/studio").find((f) => /^spoiler-card-studio-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error("no studio glue in dist/studio");
fs.writeFileSync("dist/studio/spoiler-card-studio.js",
  "// Registers <spoiler-card-studio> (the card studio). Its preview needs the card: load embed/spoiler-card.js too.\n" +
  `import init from "./${glue}";\n` +
  `await init({ module_or_path: new URL("./${glue.replace(/\.js$/, "_bg.wasm")}", import.meta.url) });\n`);
'
