#!/usr/bin/env bash
# The release build (dist/ and dist/embed/): `trunk build --release` on the
# machine's nightly toolchain, with std rebuilt so that panics are immediate
# aborts. That drops the panic-message formatting from the bundle (~9 KB of
# 98 KB brotli, measured; see README "Size"). Everything else (tests, clippy,
# `trunk serve`) uses stable.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
source scripts/nightly-env.sh
echo "release build with $(rustc --version)"
exec trunk build --release "$@"
