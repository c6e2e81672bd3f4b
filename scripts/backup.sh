#!/usr/bin/env bash
# make backup: every service schema of the suite's database, backed up with pg_dump as the
# read-only role tessera_backup into .tessera/backups/<schema>/ (TESSERA_BACKUP_DIR), keeping
# the newest 7 of each (TESSERA_BACKUP_KEEP). The database is make run's (`tessera` on the
# private cluster; TESSERA_BACKUP_DB names another); TESSERA_BACKUP_URL gives the backup role's full
# URL where the server needs a password. The Kubernetes CronJobs run the same
# deploy/k8s/base/backup.sh, one schema each.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/suite-db.sh
source scripts/suite-db.sh
: "${DATABASE_URL:?DATABASE_URL must be set (make backup sets it)}"

admin=$(suite_url "$DATABASE_URL")
if [[ -n "${TESSERA_BACKUP_DB:-}" ]]; then
  admin=$(database_url "$DATABASE_URL" "$TESSERA_BACKUP_DB")
fi
# The backup role exists wherever roles.sql was applied; on the private cluster, apply it.
if [[ "${TESSERA_PRIVATE_DB:-}" == 1 ]]; then
  psql "$admin" -q -v ON_ERROR_STOP=1 -f deploy/k8s/base/roles.sql >/dev/null
fi
backup_url=${TESSERA_BACKUP_URL:-$(role_url "$admin" tessera_backup)}
export TESSERA_BACKUP_DIR=${TESSERA_BACKUP_DIR:-$root/.tessera/backups}
# One stamp for the set: `make restore BACKUP=<stamp>` restores exactly these.
TESSERA_BACKUP_STAMP=$(date -u +%Y%m%dT%H%M%SZ)
export TESSERA_BACKUP_STAMP
for schema in "${SCHEMAS[@]}"; do
  DATABASE_URL=$backup_url sh deploy/k8s/base/backup.sh "$schema"
done
