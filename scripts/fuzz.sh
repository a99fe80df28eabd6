#!/usr/bin/env bash
# `make fuzz` (not part of `make test`): libFuzzer, through cargo-fuzz on the
# machine's nightly toolchain, on the JSON reader, the validator and the
# storage codec, for a bounded time each. The example movies and the test
# fixtures are the seed corpus. A crash leaves its input in
# fuzz/artifacts/<target>/; make it a regression test (tests/json.rs,
# tests/model.rs or tests/stored.rs) before fixing it.
#   FUZZ_SECONDS=60   time per target (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

seconds=${FUZZ_SECONDS:-60}
cd fuzz
for target in json validate stored; do
  mkdir -p "corpus/$target"
  cp ../assets/movies/*.json ../examples/data/*.json ../tests/fixtures/*.json "corpus/$target/"
  echo "fuzz: $target for $seconds s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -print_final_stats=1
done
echo "fuzz: no crash in $((seconds * 3)) s"
