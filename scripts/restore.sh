#!/usr/bin/env bash
# make restore [BACKUP=<stamp>]: restores every service schema from .tessera/backups
# (TESSERA_BACKUP_DIR) into a new database on $DATABASE_URL's server: make run's (`tessera` on
# the private cluster), or the one TESSERA_RESTORE_DB names. The backup is the newest of each schema, or the one taken at
# <stamp> (e.g. 20261207T020000Z). An existing database is never overwritten unless
# TESSERA_RESTORE_REPLACE=1 (it is dropped first; stop the services using it).
#
# Steps: create the database, apply roles.sql (the roles and schemas), pg_restore each schema
# (replacing the empty schema roles.sql made), apply roles.sql again (ownership and grants).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/suite-db.sh
source scripts/suite-db.sh
: "${DATABASE_URL:?DATABASE_URL must be set (make restore sets it)}"

stamp=${1:-}
dir=${TESSERA_BACKUP_DIR:-$root/.tessera/backups}
suite=$(suite_url "$DATABASE_URL")
name=${TESSERA_RESTORE_DB:-${suite##*/}}
name=${name%%\?*}
[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore: '$name' is not a database name" >&2; exit 2; }

files=()
for schema in "${SCHEMAS[@]}"; do
  if [[ -n "$stamp" ]]; then
    file="$dir/$schema/$schema-$stamp.dump"
  else
    file=$(ls "$dir/$schema"/"$schema"-*.dump 2>/dev/null | sort | tail -n 1 || true)
  fi
  [[ -n "$file" && -f "$file" ]] || { echo "restore: no backup of $schema ${stamp:+at $stamp }in $dir/$schema" >&2; exit 1; }
  files+=("$file")
done

server=$(database_url "$DATABASE_URL" postgres)
exists=$(psql "$server" -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'")
if [[ "$exists" == 1 ]]; then
  if [[ "${TESSERA_RESTORE_REPLACE:-}" != 1 ]]; then
    echo "restore: database $name exists; set TESSERA_RESTORE_DB to a new name, or TESSERA_RESTORE_REPLACE=1 to drop it" >&2
    exit 1
  fi
  psql "$server" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE \"$name\" WITH (FORCE)"
fi
psql "$server" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\""
target=$(database_url "$DATABASE_URL" "$name")
psql "$target" -q -v ON_ERROR_STOP=1 -f deploy/k8s/base/roles.sql >/dev/null
for file in "${files[@]}"; do
  pg_restore --dbname="$target" --clean --if-exists --exit-on-error "$file"
  echo "restore: $file -> $name"
done
psql "$target" -q -v ON_ERROR_STOP=1 -f deploy/k8s/base/roles.sql >/dev/null
echo "restore: database $name is ready"
