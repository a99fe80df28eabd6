#!/usr/bin/env bash
# vendor/yew is yew from crates.io plus the patches in vendor/yew/patches/
# (one per change, each headed by what it does, why, and which test of this
# project shows it; vendor/yew/PATCH.md sums them up). This script proves it,
# or rebuilds the folder from those two parts:
#
#   bash scripts/yew-patches.sh [check]      the default: exits 0 and prints one
#       line when vendor/yew is exactly the pristine package + the patches in
#       order; otherwise says what is wrong (a patch that does not apply, or
#       the diff between pristine+patches and vendor/yew) and exits 1.
#   bash scripts/yew-patches.sh apply [--force]
#       rebuilds vendor/yew from pristine + patches, keeping PATCH.md and
#       patches/. Refuses while what it would overwrite (vendor/yew less
#       PATCH.md and patches/) has uncommitted changes, unless --force.
#       Stops at the first patch that does not apply, leaving vendor/yew as
#       it was and the tree patched so far in a temp folder, to fix the
#       patch in.
#
# Upgrading Yew (say to 0.24.0): set YEW_VERSION and YEW_SHA256 below, run
# `apply`, fix or drop the patches that fail, run `apply` again, then `check`
# and `make test`.
#
# The pristine package: yew-$YEW_VERSION.crate from cargo's download cache
# ($CARGO_HOME/registry/cache/*/, CARGO_HOME defaulting to ~/.cargo). When it
# is not there, cargo fetches it through a throwaway manifest in a temp folder
# (the project's manifest and lockfile are not touched); with the crate cached
# the script runs offline and takes well under a second. The .crate (a
# .tar.gz) must match YEW_SHA256 and is extracted into a temp folder: cargo's
# unpacked registry/src copy could have been edited, so it is never read.
#
# Of the package, only VENDORED_PATHS are vendored (tests/, Cargo.toml.orig,
# Cargo.lock, Makefile.toml and .cargo_vcs_info.json are left out); the vendor
# folder's own PATCH.md and patches/ are not compared. Anything else in
# vendor/yew that pristine + patches does not make is reported as a diff.
#
# Environment: YEW_VENDOR_DIR points the script at another copy of the vendor
# folder (default: vendor/yew beside this script), e.g. to try it on a copy.
# Needs bash, coreutils, tar, sha256sum, diff, git (for `git apply`, strict:
# no fuzz) and, only when the crate is not cached, cargo.
set -euo pipefail
export LC_ALL=C

YEW_VERSION=0.23.0
# sha256 of yew-0.23.0.crate as published: the `checksum` cargo wrote for
# yew 0.23.0 into a throwaway lockfile (`cargo generate-lockfile`), which is
# the "cksum" of yew 0.23.0 in crates.io's index entry for yew (also cached in
# ~/.cargo/registry/index/index.crates.io-*/.cache/3/y/yew).
YEW_SHA256=2c154fadfa97eabdd3f3b79345ceeb9c05ee8f13f76d3d881d17fba618bf558d

VENDORED_PATHS=(Cargo.toml README.md src)
# In vendor/yew but not from crates.io: never compared, kept by `apply`
# (.git: only in a copy made a repository of its own, to try `apply` on).
OWN_PATHS=(PATCH.md patches .git)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vendor=${YEW_VENDOR_DIR:-$root/vendor/yew}
cargo_home=${CARGO_HOME:-$HOME/.cargo}
crate_name=yew-$YEW_VERSION.crate

die() { printf 'yew-patches: %s\n' "$*" >&2; exit 1; }

mode=check force=0
for arg in "$@"; do
  case $arg in
    check | apply) mode=$arg ;;
    --force) force=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: yew-patches.sh [check | apply [--force]])" ;;
  esac
done

[ -d "$vendor" ] || die "no vendor folder at $vendor"
vendor=$(cd "$vendor" && pwd)
for tool in tar sha256sum diff git; do
  command -v "$tool" > /dev/null || die "needs $tool, which is not installed"
done

label=${vendor#"$root"/}

# `apply` overwrites all but OWN_PATHS: refuse while any of that is uncommitted.
if [ "$mode" = apply ] && [ "$force" -eq 0 ]; then
  git -C "$vendor" rev-parse --is-inside-work-tree > /dev/null 2>&1 ||
    die "$label is not in a git work tree, so its changes cannot be told apart (--force to rebuild it anyway)"
  pathspec=(.)
  for path in "${OWN_PATHS[@]}"; do pathspec+=(":(exclude)$path"); done
  dirty=$(git -C "$vendor" status --porcelain --untracked-files=all -- "${pathspec[@]}")
  [ -z "$dirty" ] || die "$label has uncommitted changes that apply would overwrite (commit them, or --force):
$dirty"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/yew-patches.XXXXXX")
keep_work=0
cleanup() { if [ "$keep_work" -eq 0 ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

# Prints the path of a cached copy of the crate whose sha256 is YEW_SHA256.
cached_crate() {
  local crate sum
  for crate in "$cargo_home"/registry/cache/*/"$crate_name"; do
    [ -f "$crate" ] || continue
    sum=$(sha256sum "$crate")
    sum=${sum%% *}
    if [ "$sum" = "$YEW_SHA256" ]; then
      printf '%s\n' "$crate"
      return 0
    fi
    echo "yew-patches: $crate has sha256 $sum, not $YEW_SHA256 (ignored)" >&2
  done
  return 1
}

# Has cargo download the crate, through a throwaway manifest.
fetch_crate() {
  command -v cargo > /dev/null || die "$crate_name is not in $cargo_home/registry/cache and cargo is not installed"
  local fetch=$work/fetch
  mkdir -p "$fetch/src"
  : > "$fetch/src/lib.rs"
  cat > "$fetch/Cargo.toml" << EOF
[package]
name = "yew-pristine-fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
yew = { version = "=$YEW_VERSION", default-features = false }
EOF
  echo "yew-patches: fetching $crate_name with cargo" >&2
  # wasm32 only: what the project builds Yew for; yew's other deps are mostly cached already.
  if ! cargo fetch --quiet --manifest-path "$fetch/Cargo.toml" --target wasm32-unknown-unknown >&2; then
    die "cargo could not fetch yew $YEW_VERSION (offline, and not in $cargo_home/registry/cache?)"
  fi
  local locked
  locked=$(grep -A3 '^name = "yew"$' "$fetch/Cargo.lock" | sed -n 's/^checksum = "\(.*\)"$/\1/p')
  [ "$locked" = "$YEW_SHA256" ] || die "crates.io's checksum for yew $YEW_VERSION is $locked, not YEW_SHA256=$YEW_SHA256"
}

crate=$(cached_crate) || { fetch_crate; crate=$(cached_crate) || die "no $crate_name with sha256 $YEW_SHA256 in $cargo_home/registry/cache after cargo fetch"; }

# The pristine package, then the vendored part of it, patched.
mkdir "$work/crate"
tar -xzf "$crate" -C "$work/crate"
pristine=$work/crate/yew-$YEW_VERSION
[ -d "$pristine" ] || die "$crate_name holds no yew-$YEW_VERSION/ folder"
built=$work/yew-$YEW_VERSION+patches
mkdir "$built"
for path in "${VENDORED_PATHS[@]}"; do
  [ -e "$pristine/$path" ] || die "yew $YEW_VERSION has no $path (VENDORED_PATHS is stale)"
  cp -R "$pristine/$path" "$built/"
done

patches=()
for p in "$vendor"/patches/*.patch; do
  [ -f "$p" ] && patches+=("$p")
done
before=""
for p in "${patches[@]}"; do
  # git apply outside any repository: the ceiling keeps git from finding one above the temp folder.
  if ! out=$(cd "$built" && GIT_CEILING_DIRECTORIES=$work git apply --whitespace=nowarn "$p" 2>&1); then
    printf '%s\n' "$out" >&2
    if [ "$mode" = apply ]; then
      keep_work=1
      echo "yew-patches: the tree with the patches before it applied is $built" >&2
      echo "  (try: cd $built && git apply --reject $p; fix, then rewrite the patch)" >&2
    fi
    die "patches/${p##*/} does not apply to yew $YEW_VERSION$before"
  fi
  before=" + the patches before it"
done
n=${#patches[@]}
summary="yew $YEW_VERSION from crates.io + $n patch$([ "$n" -eq 1 ] || echo es)"

# The vendor folder less its own files, as the same relative tree.
vendor_view() { # dest
  local entry name
  mkdir "$1"
  for entry in "$vendor"/* "$vendor"/.[!.]* "$vendor"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    name=${entry##*/}
    case " ${OWN_PATHS[*]} " in *" $name "*) continue ;; esac
    cp -R "$entry" "$1/"
  done
}

case $mode in
  check)
    vendor_view "$work/vendor"
    if ! (cd "$work" && diff -ruN "yew-$YEW_VERSION+patches" vendor > diff.txt); then
      cat "$work/diff.txt"
      die "$label is NOT $summary: the diff above is pristine+patches -> $label (fix the vendor folder, or its patches)"
    fi
    echo "$label = $summary"
    ;;
  apply)
    for entry in "$vendor"/* "$vendor"/.[!.]* "$vendor"/..?*; do
      [ -e "$entry" ] || [ -L "$entry" ] || continue
      case " ${OWN_PATHS[*]} " in *" ${entry##*/} "*) continue ;; esac
      rm -rf "$entry"
    done
    cp -R "$built"/. "$vendor"/
    echo "$label rebuilt: $summary"
    ;;
esac
