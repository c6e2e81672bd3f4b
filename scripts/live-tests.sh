#!/usr/bin/env bash
# Tests that drive the real service binaries from outside (sdks/testing/suite.py starts the
# four of them on a fresh database of $DATABASE_URL's server): each SDK's own test suite, after
# checking that both install on a clean slate from the registries alone, as the README says,
# and the backup and restore round trip (deploy/live).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${DATABASE_URL:?DATABASE_URL must be set (make test sets it)}"
venv=.tools/venv

# The binaries as make test's nextest run built them: the same cargo command, so nothing is
# built again. (`cargo build --bins` resolves features without the dev-dependencies, tokio's
# test-util among them, and would build the whole workspace a second time.)
cargo test --workspace --all-targets --no-run --quiet

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "sdk: pip install ./sdks/python into a new virtualenv"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check ./sdks/python
"$scratch/venv/bin/python" -c 'import tessera, tessera.identity.v1.users_pb2; print("  tessera", tessera.__version__)'
echo "sdk: npm install --install-links ./sdks/typescript into a new project"
mkdir "$scratch/app"
(cd "$scratch/app" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund --install-links "$root/sdks/typescript")
(cd "$scratch/app" && node --input-type=module -e 'import { version, createTessera } from "@tessera/sdk"; createTessera({}).close(); console.log("  @tessera/sdk", version);')

echo "sdk: Python (sync and asyncio)"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall ./sdks/python
"$venv/bin/pytest" -q sdks/python/tests
echo "sdk: TypeScript"
TESSERA_PYTHON="$root/$venv/bin/python" npm test --silent --prefix sdks/typescript
echo "operations: backup and restore"
"$venv/bin/pytest" -q -p no:asyncio deploy/live
