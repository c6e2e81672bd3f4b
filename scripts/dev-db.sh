#!/usr/bin/env bash
# A private PostgreSQL cluster for `make run` and `make test`, kept in .tessera/pg (git-ignored)
# and listening only on 127.0.0.1:$TESSERA_PG_PORT (default 54329), so a server already running
# on 5432 does not matter. The cluster persists between runs.
#
#   scripts/dev-db.sh start   start it (initialising on first use); prints "started" or "running"
#   scripts/dev-db.sh stop    stop it
#   scripts/dev-db.sh url     print the superuser URL (database "postgres")
#
# TESSERA_PG_DIR and TESSERA_PG_PORT place another cluster; TESSERA_PG_OPTIONS adds server
# options (the TLS tests start one with ssl=on and their own pg_hba.conf).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${TESSERA_PG_PORT:-54329}
dir=${TESSERA_PG_DIR:-$root/.tessera/pg}

bindir=$(pg_config --bindir 2>/dev/null || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "dev-db: PostgreSQL server binaries (initdb, pg_ctl) not found; install PostgreSQL 15 or set DATABASE_URL" >&2
  exit 1
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

prepare_dir() {
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      # The postgres user cannot reach the checkout (for example under /root): keep the
      # cluster in a private folder under /tmp, one per checkout.
      dir=/tmp/tessera-pg-$(printf '%s' "$root" | cksum | cut -d' ' -f1)
      mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir"
    fi
  fi
}

running() {
  as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

case "${1:-}" in
  start)
    prepare_dir
    if [[ ! -s "$dir/PG_VERSION" ]]; then
      as_owner "$bindir/initdb" -D "$dir" -U tessera --auth=trust --encoding=UTF8 --locale=C >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if running; then
      echo running
      exit 0
    fi
    # setsid: Ctrl-C in the terminal must reach the services, not the database under them.
    if ! as_owner setsid "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${TESSERA_PG_OPTIONS:-}" \
        start >/dev/null; then
      echo "dev-db: PostgreSQL did not start (is port $port taken? set TESSERA_PG_PORT); its log:" >&2
      tail -n 20 "$dir/server.log" >&2 || true
      exit 1
    fi
    echo started
    ;;
  stop)
    prepare_dir
    if running; then
      as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
    ;;
  url)
    echo "postgres://tessera@127.0.0.1:$port/postgres"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
