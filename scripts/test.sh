#!/usr/bin/env bash
# Every test layer, in one pass: lints, native tests, browser component
# tests (wasm-bindgen-test in headless Chromium), the release build with its
# size budget, and end-to-end tests against dist/ in Debian's Chromium.
# Prints each layer's counts; a failing layer or one that ran no test fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mkdir -p target/test-logs
started=$(date +%s)
declare -a summary
failed_layers=0
total_passed=0
total_failed=0

# Sums cargo's and wasm-bindgen-test's "test result:" lines in a log.
count_cargo() { # log -> "passed failed"
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}

# Each layer's time runs from the end of the layer before it.
layer_started=$(date +%s)
layer() { # name, log, status, passed, failed
  local name=$1 log=$2 status=$3 passed=$4 failed=$5 verdict=ok
  local seconds=$(( $(date +%s) - layer_started ))
  layer_started=$(date +%s)
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    verdict=FAILED; failed_layers=$((failed_layers + 1))
    [ "$passed" -eq 0 ] && [ "$status" -eq 0 ] && verdict="FAILED (ran no test)"
    echo "---- last lines of $log ----"; tail -n 40 "$log"
  fi
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  summary+=("$(printf '%-28s %4d passed, %d failed  %-8s %4d s' "$name" "$passed" "$failed" "$verdict" "$seconds")")
  echo "== $name: $passed passed, $failed failed ($verdict)"
}

run() { # name, log, command...
  local name=$1 log=target/test-logs/$2; shift 2
  echo "== $name: $*"
  "$@" > >(tee "$log") 2>&1
}

# 1. Lints: format, clippy native and wasm32, the core without the `web`
# feature (model, validation, gating, codecs need no browser crate), and
# vendor/yew being crates.io's yew plus its patches (each check counts as
# one).
lint_pass=0; lint_fail=0
: > target/test-logs/lint.log
for cmd in "cargo fmt --all --check" \
           "cargo clippy --workspace --all-targets -- -D warnings" \
           "cargo clippy -p spoiler-card --all-targets --target wasm32-unknown-unknown -- -D warnings" \
           "cargo clippy -p spoiler-card-node --target wasm32-unknown-unknown -- -D warnings" \
           "cargo clippy -p spoiler-card-studio --all-targets --target wasm32-unknown-unknown -- -D warnings" \
           "cargo clippy -p spoiler-card --no-default-features --all-targets -- -D warnings" \
           "bash scripts/yew-patches.sh check"; do
  echo "== lint: $cmd"
  if $cmd >> target/test-logs/lint.log 2>&1; then lint_pass=$((lint_pass + 1)); else lint_fail=$((lint_fail + 1)); fi
done
layer "lint (fmt, clippy x5, yew)" target/test-logs/lint.log 0 $lint_pass $lint_fail

# 2. Native: model, validation, gating, formatting, checker, proptest.
run "native (cargo test)" native.log cargo test --workspace --no-fail-fast
status=$?; read -r p f < <(count_cargo target/test-logs/native.log)
layer "native (cargo test)" target/test-logs/native.log $status "$p" "$f"

# 2b. The build's own scripts (node:test): the .wasm's short names
# (scripts/wasm-names.mjs) on small modules.
run "build scripts (node:test)" scripts.log node --test-reporter=spec --test tests/scripts/
status=$?
read -r p f < <(awk '/^ℹ pass [0-9]+$/ { p = $3 } /^ℹ fail [0-9]+$/ { f = $3 } END { print p + 0, f + 0 }' target/test-logs/scripts.log)
layer "build scripts (node:test)" target/test-logs/scripts.log $status "$p" "$f"

# 3. Browser: wasm-bindgen-test in headless Chromium.
run "browser (wasm-bindgen-test)" browser.log cargo test -p spoiler-card --target wasm32-unknown-unknown --tests
status=$?; read -r p f < <(count_cargo target/test-logs/browser.log)
layer "browser (wasm-bindgen-test)" target/test-logs/browser.log $status "$p" "$f"

# 4. Release build and size budget.
run "release build" build.log bash scripts/release-build.sh
status=$?
run "size report" size.log node scripts/size-report.mjs
size_status=$?
[ $status -ne 0 ] && size_status=1
layer "release build + size budget" target/test-logs/size.log $size_status $((size_status == 0 ? 1 : 0)) $((size_status == 0 ? 0 : 1))

# 5. The npm package, built from dist/ (the CLI for Node in wasm, the
# manifest, the types), installed from its tarball into an empty folder.
run "package build" package-build.log bash scripts/package.sh
status=$?
if [ $status -eq 0 ]; then
  run "package (npm tarball)" package.log node tests/package/run.mjs
  status=$?
else
  echo "0 passed, 1 failed" >> target/test-logs/package-build.log
  cp target/test-logs/package-build.log target/test-logs/package.log
fi
read -r p f < <(awk '/^[0-9]+ passed, [0-9]+ failed/ { p = $1; f = $3 } END { print p + 0, f + 0 }' target/test-logs/package.log)
layer "package (npm tarball)" target/test-logs/package.log $status "$p" "$f"

# 6. End to end in Debian's Chromium against dist/ (and the example sites,
# built from the tarball with Eleventy and Hugo).
# (node:test's spec reporter ends with "ℹ pass N" and "ℹ fail N".)
run "end to end (Chromium)" e2e.log node --test-reporter=spec tests/e2e/run.mjs
status=$?
read -r p f < <(awk '/^ℹ pass [0-9]+$/ { p = $3 } /^ℹ fail [0-9]+$/ { f = $3 } END { print p + 0, f + 0 }' target/test-logs/e2e.log)
layer "end to end (Chromium)" target/test-logs/e2e.log $status "$p" "$f"

# 7. The WordPress plugin (dist/wordpress/, built by scripts/package.sh) in a
# real WordPress with a real database, both started by the test
# (tests/wordpress/site.mjs), driven in Chromium through the admin screens.
run "wordpress" wordpress.log node --test-reporter=spec tests/wordpress/run.mjs
status=$?
read -r p f < <(awk '/^ℹ pass [0-9]+$/ { p = $3 } /^ℹ fail [0-9]+$/ { f = $3 } END { print p + 0, f + 0 }' target/test-logs/wordpress.log)
layer "wordpress (real WordPress)" target/test-logs/wordpress.log $status "$p" "$f"

echo
echo "== summary ($(( $(date +%s) - started )) s, $(cat target/chromium-version.txt 2>/dev/null))"
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$failed_layers" -eq 0 ]
