# Tessera developer commands. `make run` and `make test` need only the Rust toolchain and the
# PostgreSQL 15 server binaries: without DATABASE_URL they start a private cluster (.tessera/pg).

BUF_VERSION := 1.75.0
BUF := .tools/node_modules/.bin/buf
VENV := .tools/venv
PYTEST := $(VENV)/bin/pytest
CARGO ?= cargo

BENCH_ARGS ?= --concurrency 32 --duration 10s

.PHONY: help run test lint fmt build bench db-start db-stop db-url clean-db tools

help:
	@echo "make run     start PostgreSQL (private cluster unless DATABASE_URL is set) and the four services"
	@echo "make test    run every test in the workspace against real PostgreSQL"
	@echo "make lint    rustfmt check, clippy (warnings denied), buf lint, hadolint"
	@echo "make fmt     format the code"
	@echo "make bench   identity benchmark (release build): throughput and p50/p99 next to the kit's echo"
	@echo "make db-start / db-stop / db-url   manage the private cluster"

run:
	@scripts/with-db.sh scripts/run-services.sh

test: $(PYTEST)
	@scripts/with-db.sh $(CARGO) test --workspace --all-targets --no-fail-fast
	$(PYTEST) -q deploy/tests

lint: $(BUF) $(PYTEST)
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd proto && ../$(BUF) lint
	$(VENV)/bin/hadolint Dockerfile

fmt:
	$(CARGO) fmt --all

bench:
	@scripts/with-db.sh $(CARGO) run --release --quiet -p tessera-loadgen -- $(BENCH_ARGS)

build:
	$(CARGO) build --workspace --all-targets

db-start:
	@scripts/dev-db.sh start
db-stop:
	@scripts/dev-db.sh stop
db-url:
	@scripts/dev-db.sh url
clean-db: db-stop
	rm -rf .tessera/pg

tools: $(BUF) $(PYTEST)

# Deployment checks: pinned Python tools from PyPI in a git-ignored virtualenv.
$(PYTEST): deploy/tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r deploy/tests/requirements.txt
	@touch $@

# buf comes from the npm registry, pinned, into a git-ignored folder.
$(BUF):
	npm install --silent --no-audit --no-fund --prefix .tools @bufbuild/buf@$(BUF_VERSION)
