#!/usr/bin/env bash
# Runs a command with the storage test servers (scripts/storage-servers.sh) up and their
# settings (TESSERA_TEST_*) exported; stops them afterwards if this script started them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
servers=$here/storage-servers.sh

if ! "$servers" status; then
  trap '"$servers" stop' EXIT
fi
"$servers" start >&2
set -a
# shellcheck source=/dev/null
. "$here/../.tessera/storage/env"
set +a
set +e
"$@"
status=$?
exit $status
