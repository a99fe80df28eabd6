# spoiler-card — two commands on a fresh machine:
#   make serve   installs what is missing, then serves the demo (trunk serve)
#   make test    installs what is missing, then runs every test layer
# and `make package` for the npm tarball, `make bench` for the benchmark, `make fuzz` for the fuzzer. Setup
# skips what is installed.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup serve build package test bench fuzz check clean

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

bench: setup
	@bash scripts/bench.sh

fuzz: setup
	@bash scripts/fuzz.sh

check:
	cargo run -q -p spoiler-card-cli -- check assets/movies/*.json

clean:
	cargo clean; rm -rf dist
