#!/usr/bin/env bash
# Builds and starts the four services against $DATABASE_URL, prints their addresses, and stops
# them all on Ctrl-C (SIGINT) or SIGTERM. Ports: IDENTITY_PORT (50051), VAULT_STORAGE_PORT
# (50052), MESSAGING_PORT (50053), PROJECT_INTELLIGENCE_PORT (50054); each serves Prometheus
# metrics on its port - 41000 (9051-9054: below Linux's ephemeral range, 32768-60999, where an
# outgoing connection's local port could already hold the address). They listen on 127.0.0.1
# unless TESSERA_GRPC_HOST says otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

: "${DATABASE_URL:?DATABASE_URL must be set (make run sets it)}"
# The suite's own database on the server (created on first run), unless the URL names one.
# shellcheck source=scripts/suite-db.sh
source scripts/suite-db.sh
url=$(suite_url "$DATABASE_URL")
if [[ "$url" != "$DATABASE_URL" ]]; then
  exists=$(psql "$DATABASE_URL" -Atc "SELECT 1 FROM pg_database WHERE datname = 'tessera'" 2>/dev/null || true)
  [[ "$exists" == 1 ]] || psql "$DATABASE_URL" -qc "CREATE DATABASE tessera" >/dev/null
fi

# On the private cluster each service runs as its own least-privilege role, as deployed.
declare -A roles=()
if [[ "${TESSERA_PRIVATE_DB:-}" == 1 ]]; then
  psql "$url" -q -v ON_ERROR_STOP=1 -f deploy/k8s/base/roles.sql >/dev/null
  roles=([identity]=tessera_identity [vault-storage]=tessera_vault [messaging]=tessera_messaging [project-intelligence]=tessera_intelligence)
fi

# Development secrets, made once and kept in the git-ignored .tessera/ folder: identity's
# Prelogin secret and key ring, and the token the other services present to identity.
secrets=.tessera/dev-secrets.env
if [[ ! -f $secrets ]]; then
  mkdir -p .tessera
  (
    umask 077
    {
      echo "TESSERA_IDENTITY_SECRET=$(head -c 32 /dev/urandom | base64)"
      echo "TESSERA_KEY_RING=dev1:$(head -c 32 /dev/urandom | base64)"
      echo "TESSERA_SERVICE_TOKEN=tsvc_dev_$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    } >"$secrets"
  )
fi
# The operator token for vault-storage's administration RPCs (added to older secret files).
if ! grep -q '^TESSERA_OPERATOR_TOKEN=' "$secrets"; then
  (umask 077; echo "TESSERA_OPERATOR_TOKEN=topr_dev_$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >>"$secrets")
fi
# shellcheck source=/dev/null
source "$secrets"
token_hash=$(printf '%s' "$TESSERA_SERVICE_TOKEN" | sha256sum | cut -d' ' -f1)
operator_hash=$(printf '%s' "$TESSERA_OPERATOR_TOKEN" | sha256sum | cut -d' ' -f1)
# Local volumes may live under .tessera/volumes.
mkdir -p .tessera/volumes

cargo build --bins --quiet

services=(identity vault-storage messaging project-intelligence)
declare -A ports=(
  [identity]=${IDENTITY_PORT:-50051}
  [vault-storage]=${VAULT_STORAGE_PORT:-50052}
  [messaging]=${MESSAGING_PORT:-50053}
  [project-intelligence]=${PROJECT_INTELLIGENCE_PORT:-50054}
)

pids=()
stop_all() {
  trap - INT TERM EXIT
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

for service in "${services[@]}"; do
  if [[ $service == identity ]]; then
    extra=(
      "TESSERA_IDENTITY_SECRET=$TESSERA_IDENTITY_SECRET"
      "TESSERA_KEY_RING=$TESSERA_KEY_RING"
      "TESSERA_INTERNAL_CREDENTIALS=vault-storage:$token_hash,messaging:$token_hash,project-intelligence:$token_hash"
    )
  else
    extra=(
      "TESSERA_IDENTITY_URL=http://127.0.0.1:${ports[identity]}"
      "TESSERA_SERVICE_TOKEN=$TESSERA_SERVICE_TOKEN"
    )
  fi
  if [[ $service == vault-storage ]]; then
    extra+=(
      "TESSERA_KEY_RING=$TESSERA_KEY_RING"
      "TESSERA_OPERATOR_CREDENTIALS=dev:$operator_hash"
      "TESSERA_INTERNAL_CREDENTIALS=messaging:$token_hash,project-intelligence:$token_hash"
      "TESSERA_STORAGE_LOCAL_ROOTS=$root/.tessera/volumes"
      "TESSERA_VAULT_VOLUME=vault"
      "TESSERA_BLOB_VOLUME=blobs"
    )
  fi
  if [[ $service == messaging ]]; then
    # Forum media go to the vault-storage volume whose id TESSERA_FORUM_MEDIA_VOLUME names
    # (create one with StorageAdminService.CreateVolume); without it they are UNAVAILABLE.
    extra+=("TESSERA_VAULT_STORAGE_URL=http://127.0.0.1:${ports[vault-storage]}")
    if [[ -n ${TESSERA_FORUM_MEDIA_VOLUME:-} ]]; then
      extra+=("TESSERA_FORUM_MEDIA_VOLUME=$TESSERA_FORUM_MEDIA_VOLUME")
    fi
  fi
  if [[ $service == project-intelligence ]]; then
    # Snapshots keep their blobs and manifests in vault-storage; secret env vars are sealed
    # with the key ring.
    extra+=(
      "TESSERA_VAULT_STORAGE_URL=http://127.0.0.1:${ports[vault-storage]}"
      "TESSERA_KEY_RING=$TESSERA_KEY_RING"
    )
  fi
  port=${ports[$service]}
  env DATABASE_URL="$url" TESSERA_GRPC_HOST="${TESSERA_GRPC_HOST:-127.0.0.1}" \
    TESSERA_GRPC_PORT="$port" TESSERA_METRICS_PORT="$((port - 41000))" "${extra[@]}" \
    ${roles[$service]:+TESSERA_DB_ROLE=${roles[$service]}} "target/debug/tessera-$service" &
  pids+=($!)
done

for service in "${services[@]}"; do
  port=${ports[$service]}
  printf '%-22s grpc://localhost:%s   metrics http://localhost:%s/metrics\n' \
    "$service" "$port" "$((port - 41000))"
done
echo "Explore: grpcurl -plaintext localhost:50051 list    Stop: Ctrl-C"
echo "Storage administration: -H 'authorization: Bearer <TESSERA_OPERATOR_TOKEN in $secrets>'"

# When one service ends, stop the others. A service exits 0 only after SIGINT or SIGTERM (also
# when the signal reached it directly from the terminal); anything else is a failure.
set +e
wait -n "${pids[@]}"
status=$?
stop_all
if [[ $status -ne 0 ]]; then
  echo "a service exited with status $status; stopped the others" >&2
  exit 1
fi
