#!/usr/bin/env bash
# `make bench`: builds the release bundle, reports its size, builds the same
# .wasm with function names kept for twiggy, then runs the browser
# benchmark (bench/bench.mjs), which writes bench/results/results.{md,json}
# and the PNG charts. Not part of `make test`. Takes about 10 minutes (plus
# installing twiggy the first time).
#   BENCH_SKIP_BUILD=1  reuse the existing dist/ (no release build)
#   BENCH_QUICK=1       few repetitions, to try the script (not for quoting)
#   BENCH_ONLY=ttc,inter,render,scale,churn,validation,studio,package  only those sections, nothing written
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
started=$(date +%s)

# twiggy (crates.io), pinned; only the benchmark needs it.
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  echo "bench: installing twiggy $TWIGGY_VERSION (a few minutes, once)"
  cargo install twiggy --locked --version "$TWIGGY_VERSION"
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  bash scripts/release-build.sh
else
  echo "bench: BENCH_SKIP_BUILD=1, using the existing dist/"
fi
[ -f dist/embed/spoiler-card.js ] || { echo "bench: dist/embed/spoiler-card.js missing: build first" >&2; exit 1; }

# Size of what one card downloads (target/size-report.json). The budget
# check belongs to `make test`: here an over-budget bundle is still measured.
node scripts/size-report.mjs || echo "bench: the bundle is over the size budget (measured anyway)"

# The release .wasm again, built the same way (nightly, immediate-abort,
# the same wasm-opt options, read from index.html) but keeping function
# names, for twiggy: target/bench/named.wasm.
(
  source scripts/nightly-env.sh
  cargo build -q --profile profiling --target wasm32-unknown-unknown --lib --no-default-features --features element
  mkdir -p target/bench/named
  wasm-bindgen --target web --out-dir target/bench/named --out-name named \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/profiling/spoiler_card.wasm"
  level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html)
  params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
  # shellcheck disable=SC2086 # the options are words
  wasm-opt "-O$level" $params -g target/bench/named/named_bg.wasm -o target/bench/named.wasm
)

# The npm tarball, for the package section (the CLI for Node, its size).
bash scripts/package.sh

node bench/bench.mjs
echo "bench: done in $(( $(date +%s) - started )) s"
