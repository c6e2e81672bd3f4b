#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at PostgreSQL. When DATABASE_URL is already set it
# is used as it is; otherwise the private cluster (scripts/dev-db.sh) is started for the
# command and stopped afterwards if this script started it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [[ -n "${DATABASE_URL:-}" ]]; then
  exec "$@"
fi

state=$("$here/dev-db.sh" start)
if [[ "$state" == started ]]; then
  trap '"$here/dev-db.sh" stop' EXIT
fi
# On Ctrl-C bash runs this only after the command (which got the signal too) has finished, so
# the services drain before their database stops.
trap 'exit 130' INT
trap 'exit 143' TERM
DATABASE_URL=$("$here/dev-db.sh" url)
# Tells run-services.sh the server is ours to administer (apply roles, connect as them).
TESSERA_PRIVATE_DB=1
export DATABASE_URL TESSERA_PRIVATE_DB
# Not exec: the trap must run when the command ends.
set +e
"$@"
status=$?
exit $status
