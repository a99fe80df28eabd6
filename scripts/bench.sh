#!/usr/bin/env bash
# `make bench`: builds the release bundle, reports its size, builds a
# name-keeping .wasm for twiggy, then runs the browser benchmark
# (bench/bench.mjs), which writes bench/results/results.{md,json} and the
# PNG charts. Not part of `make test`. Takes about 10 minutes.
#   BENCH_SKIP_BUILD=1  reuse the existing dist/ (no release build)
#   BENCH_QUICK=1       few repetitions, to try the script (not for quoting)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
started=$(date +%s)

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  bash scripts/release-build.sh
else
  echo "bench: BENCH_SKIP_BUILD=1, using the existing dist/"
fi
[ -f dist/embed/spoiler-card.js ] || { echo "bench: dist/embed/spoiler-card.js missing: build first" >&2; exit 1; }

# Size of what one card downloads (target/size-report.json). The budget
# check belongs to `make test`: here an over-budget bundle is still measured.
node scripts/size-report.mjs || echo "bench: the bundle is over the size budget (measured anyway)"

# A release-settings build that keeps names, for twiggy (stable toolchain).
cargo build -q --profile profiling --target wasm32-unknown-unknown --lib

node bench/bench.mjs
echo "bench: done in $(( $(date +%s) - started )) s"
