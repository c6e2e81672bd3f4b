# Tessera developer commands. `make run` and `make test` need only the Rust toolchain and the
# PostgreSQL 15 server binaries: without DATABASE_URL they start a private cluster (.tessera/pg).

BUF_VERSION := 1.75.0
MUTANTS_VERSION := 27.1.0
MUTANTS := .tools/cargo-mutants/bin/cargo-mutants
BUF := .tools/node_modules/.bin/buf
VENV := .tools/venv
PYTEST := $(VENV)/bin/pytest
CARGO ?= cargo
SDK_TS := sdks/typescript
# npm ci writes this file last, so it stands for an installed sdks/typescript/node_modules.
SDK_NODE := $(SDK_TS)/node_modules/.package-lock.json

BENCH_ARGS ?= --concurrency 32 --duration 10s
# Most tests wait on PostgreSQL and the network, not the CPU.
TEST_THREADS ?= 8

.PHONY: help run test lint fmt build bench bench-storage schema sdk proto-release backup restore mutants db-start db-stop db-url clean-db tools

help:
	@echo "make run     start PostgreSQL (private cluster unless DATABASE_URL is set) and the four services"
	@echo "make test    run every test in the workspace against real PostgreSQL"
	@echo "make lint    rustfmt check, clippy (warnings denied), buf lint, hadolint"
	@echo "make fmt     format the code"
	@echo "make bench   every service's benchmark scenarios (release build): throughput, p50/p99, memory"
	@echo "make bench-storage   1 GiB up and down through the Storage Service next to dd"
	@echo "make schema  regenerate shared/schema/src/<schema>.rs from the migrations"
	@echo "make sdk     regenerate the Python and TypeScript SDKs from proto/ (commit the result)"
	@echo "make proto-release   take today's contracts as the released ones buf breaking compares with"
	@echo "make mutants mutation testing of the security and concurrency modules (slow; see TESTING.md)"
	@echo "make backup  back every schema of make run's database up into .tessera/backups (newest 7 kept)"
	@echo "make restore [BACKUP=<stamp>]   restore the newest (or that) backup into a new database"
	@echo "make db-start / db-stop / db-url   manage the private cluster"

run:
	@scripts/with-db.sh scripts/run-services.sh

# cargo-nextest runs every test in its own process, all binaries' tests in parallel. Then the
# deployment and contract checks, and each SDK's own tests against the real service binaries.
test: $(PYTEST) $(BUF) $(SDK_NODE)
	@scripts/with-storage.sh scripts/with-db.sh $(CARGO) nextest run --workspace --all-targets --no-fail-fast --test-threads $(TEST_THREADS)
	$(PYTEST) -q -p no:asyncio deploy/tests proto/tests
	@scripts/with-db.sh scripts/live-tests.sh

lint: $(BUF) $(PYTEST) $(SDK_NODE)
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd proto && ../$(BUF) lint
	cd proto && ../$(BUF) breaking --against released.binpb
	$(VENV)/bin/hadolint Dockerfile
	$(VENV)/bin/python sdks/generate.py --check
	cd sdks/python && ../../$(VENV)/bin/mypy src/tessera
	npm run --silent --prefix $(SDK_TS) typecheck

fmt:
	$(CARGO) fmt --all

bench:
	@scripts/with-db.sh $(CARGO) run --release --quiet -p tessera-loadgen -- $(BENCH_ARGS)

# The service runs as its own (release) process; dd works on the same filesystem.
bench-storage:
	$(CARGO) build --release --quiet -p tessera-vault-storage -p tessera-storage-bench
	@scripts/with-db.sh target/release/tessera-storage-bench

build:
	$(CARGO) build --workspace --all-targets

schema:
	@TESSERA_UPDATE_SCHEMA=1 scripts/with-db.sh $(CARGO) test -p tessera-testkit --test integration -- schema::

# Generated SDK code is committed; `make lint` fails when it is stale.
sdk: $(PYTEST) $(SDK_NODE)
	$(VENV)/bin/python sdks/generate.py

# The contracts `buf breaking` guards: run when cutting a release, after a reviewed change.
proto-release: $(BUF)
	cd proto && ../$(BUF) build --exclude-source-info -o released.binpb

# pg_dump per schema as the read-only role tessera_backup; see README, Operations.
backup:
	@scripts/with-db.sh scripts/backup.sh
restore:
	@scripts/with-db.sh scripts/restore.sh $(BACKUP)

db-start:
	@scripts/dev-db.sh start
db-stop:
	@scripts/dev-db.sh stop
db-url:
	@scripts/dev-db.sh url
clean-db: db-stop
	rm -rf .tessera/pg

# Slow (an incremental build and the module's tests per mutant): run it before resolving an
# issue that touches a listed module, and record the scores in TESTING.md.
mutants: $(MUTANTS)
	@scripts/with-db.sh scripts/mutants.sh

$(MUTANTS):
	$(CARGO) install cargo-mutants --version $(MUTANTS_VERSION) --locked --root .tools/cargo-mutants

tools: $(BUF) $(PYTEST) $(SDK_NODE)

# Deployment checks and the Python SDK's generators, type checker and tests: pinned Python
# tools from PyPI in a git-ignored virtualenv.
$(PYTEST): deploy/tests/requirements.txt sdks/python/requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r deploy/tests/requirements.txt -r sdks/python/requirements-dev.txt
	@touch $@

# The TypeScript SDK's pinned dependencies and tools (protoc-gen-es, tsc) from its lockfile.
$(SDK_NODE): $(SDK_TS)/package.json $(SDK_TS)/package-lock.json
	npm ci --silent --no-audit --no-fund --prefix $(SDK_TS)

# buf comes from the npm registry, pinned, into a git-ignored folder.
$(BUF):
	npm install --silent --no-audit --no-fund --prefix .tools @bufbuild/buf@$(BUF_VERSION)
