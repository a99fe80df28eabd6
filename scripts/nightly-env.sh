# Sourced by the release build and the benchmark's name-keeping build: the
# machine's nightly toolchain with std rebuilt so that panics are immediate
# aborts (no panic-message formatting in the bundle), no source paths, and
# a target dir of its own (a std rebuilt for nightly must not evict
# stable's cache).
export RUSTUP_TOOLCHAIN=nightly
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
export CARGO_TARGET_DIR="$PWD/target/release-nightly"
