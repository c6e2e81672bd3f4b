#!/bin/sh
# Backs up one service schema with pg_dump and keeps the newest backups of it.
#
#   backup.sh SCHEMA
#
# DATABASE_URL: the database, as the read-only role tessera_backup (roles.sql).
# TESSERA_BACKUP_DIR: where backups go, one folder per schema (default /backups).
# TESSERA_BACKUP_KEEP: how many backups of the schema to keep (default 7: a week of dailies).
# TESSERA_BACKUP_STAMP: the backup's UTC time stamp, YYYYMMDDTHHMMSSZ (default now; `make
# backup` gives one stamp to all four schemas, so `make restore BACKUP=<stamp>` finds the set).
#
# Each backup is pg_dump's custom format (compressed; pg_restore reads it), written under a
# temporary name and renamed once complete, so a failed run leaves no half backup behind and
# deletes nothing. POSIX sh: the Kubernetes CronJobs run it in the postgres image, `make
# backup` on the developer's machine.
set -eu

schema=${1:?usage: backup.sh SCHEMA}
case "$schema" in
  identity | vault | messaging | intelligence) ;;
  *) echo "backup.sh: unknown schema '$schema'" >&2; exit 2 ;;
esac
: "${DATABASE_URL:?DATABASE_URL must name the database (as tessera_backup)}"
dir=${TESSERA_BACKUP_DIR:-/backups}/$schema
keep=${TESSERA_BACKUP_KEEP:-7}

mkdir -p "$dir"
stamp=${TESSERA_BACKUP_STAMP:-$(date -u +%Y%m%dT%H%M%SZ)}
case "$stamp" in
  [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z) ;;
  *) echo "backup.sh: TESSERA_BACKUP_STAMP '$stamp' is not YYYYMMDDTHHMMSSZ" >&2; exit 2 ;;
esac
target="$dir/$schema-$stamp.dump"
pg_dump --dbname="$DATABASE_URL" --schema="$schema" --format=custom --compress=6 \
  --file="$target.partial"
mv "$target.partial" "$target"
echo "backup.sh: $target ($(wc -c <"$target") bytes)"

# Keep the newest $keep; the names sort by time.
ls "$dir" | grep -E "^$schema-[0-9]{8}T[0-9]{6}Z\.dump$" | sort -r | tail -n "+$((keep + 1))" |
  while read -r old; do
    rm -f "$dir/$old"
    echo "backup.sh: removed $dir/$old (keeping the newest $keep)"
  done
