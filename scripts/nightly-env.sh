# Sourced by the release build and the benchmark's name-keeping build: the
# machine's nightly toolchain with std rebuilt so that panics are immediate
# aborts (no panic-message formatting in the bundle), no source paths, and
# a target dir of its own (a std rebuilt for nightly must not evict
# stable's cache).
#
# The nightly is the machine's, not pinned: nothing but crates.io, npm,
# PyPI and Debian may be downloaded here, and a nightly comes from none of
# them. The bundle's size (README "Size", the budget) was measured with
# the one in scripts/release-toolchain.txt; another builds too, with a
# warning that its figures may differ. With no usable nightly (or
# SPOILER_CARD_NO_NIGHTLY set), the release build falls back to stable:
# the bundle then keeps its panic messages, so the size is reported, not
# checked (scripts/size-report.mjs reads target/release-toolchain.txt).
measured_nightly="$(cat scripts/release-toolchain.txt)"
nightly_ok=
if [ -z "${SPOILER_CARD_NO_NIGHTLY:-}" ] && nightly_version="$(rustc +nightly --version 2>/dev/null)" \
  && rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  && [ -d "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library" ]; then
  nightly_ok=1
fi
mkdir -p target
if [ -n "$nightly_ok" ]; then
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
  export CARGO_TARGET_DIR="$PWD/target/release-nightly"
  echo "$nightly_version" > target/release-toolchain.txt
  if [ "$nightly_version" != "$measured_nightly" ]; then
    echo "warning: the release build uses $nightly_version; the bundle's size was measured with $measured_nightly (scripts/release-toolchain.txt): its figures may differ" >&2
  fi
else
  echo "stable ($(rustc --version)): no nightly toolchain with the wasm target and rust-src" > target/release-toolchain.txt
  echo "note: no nightly toolchain with the wasm target and rust-src: the release build uses stable; the bundle keeps its panic messages, so its size is reported, not checked" >&2
fi
