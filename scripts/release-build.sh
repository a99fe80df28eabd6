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
exec trunk build --release "$@"
