# spoiler-card — two commands on a fresh machine:
#   make serve   installs what is missing, then serves the demo (trunk serve)
#   make test    installs what is missing, then runs every test layer
# and `make package` for the npm tarball, `make bench` for the benchmark, `make fuzz` for the fuzzer,
# `make e2e T='prerender:'` for the end-to-end tests whose names match (against the built dist/). Setup
# skips what is installed.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup serve build package test e2e bench fuzz check yew-patches clean

setup:
	@bash scripts/setup.sh

serve: setup
	@cargo build --release -q -p spoiler-card-cli # Trunk's post-build hook runs it
	@echo "Serving the demo at http://127.0.0.1:$(PORT)/  (Ctrl-C stops)"
	SPOILER_CARD_CLI=$(CURDIR)/target/release/spoiler-card trunk serve --port $(PORT)

build: setup
	@bash scripts/release-build.sh

# The npm tarball: dist/npm/spoiler-card-<version>.tgz (README "Install").
package: build
	@bash scripts/package.sh

test: setup
	@bash scripts/test.sh

# The end-to-end layer alone (node:test), on the dist/ already built; T is
# a pattern of test names (a regular expression).
e2e:
	node --test-reporter=spec $(if $(T),--test-name-pattern='$(T)') tests/e2e/run.mjs

bench: setup
	@bash scripts/bench.sh

fuzz: setup
	@bash scripts/fuzz.sh

check:
	cargo run -q -p spoiler-card-cli -- check assets/movies/*.json

# vendor/yew = crates.io's yew 0.23.0 + vendor/yew/patches (`apply` rebuilds it).
yew-patches:
	@bash scripts/yew-patches.sh

clean:
	cargo clean; rm -rf dist
