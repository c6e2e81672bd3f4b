#!/usr/bin/env bash
# Mutation testing of the modules that hold a security or concurrency rule (`make mutants`;
# TESTING.md lists them with their last scores). Each module is mutated in place, one mutant at
# a time, and the tests that exercise it are run with cargo-nextest; a mutant no test catches
# is a rule no test holds. Results: mutants.out/<name>/ (outcomes.json, missed.txt, caught.txt).
#
#   scripts/mutants.sh                 every module
#   MUTANTS_ONLY=identity-throttle scripts/mutants.sh
#   MUTANTS_ARGS="--re 'in over_limit'" scripts/mutants.sh   (extra cargo-mutants arguments)
#
# Needs DATABASE_URL (make mutants sets it) and cargo-mutants in .tools/cargo-mutants.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mutants=.tools/cargo-mutants/bin/cargo-mutants

# name | files to mutate (space-separated) | packages whose tests run | nextest filter
targets=(
  "identity-throttle|services/identity/src/throttle/mod.rs services/identity/src/throttle/store.rs|tessera-identity|test(/^throttle::/) | test(/^throttle_logs::/) | test(/^accounts::/) | test(/^passwordless::/)"
  "identity-codes|services/identity/src/magic_link/domain.rs services/identity/src/magic_link/store.rs|tessera-identity|test(/^passwordless::/) | test(/^limits::/) | test(/^input::/) | test(/^log_hygiene::/)"
  "identity-device|services/identity/src/device/domain.rs services/identity/src/device/store.rs|tessera-identity|test(/^passwordless::/) | test(/^limits::/) | test(/^maintenance::/)"
  "identity-sessions|services/identity/src/sessions/domain.rs services/identity/src/sessions/store.rs|tessera-identity|test(/^sessions::/) | test(/^limits::/) | test(/^authorization::/) | test(/^revocation::/) | test(/^accounts::/) | test(/^events::/) | test(/^security_events::/)"
  "identity-crypto|services/identity/src/crypto.rs services/identity/src/hasher.rs|tessera-identity|kind(lib) | test(/^accounts::/) | test(/^sessions::/) | test(/^passwordless::/)"
  "kit-keyring|shared/kit/src/keyring.rs shared/kit/src/keyring/envelope.rs|tessera-kit,tessera-testkit,tessera-identity|kind(lib) | test(/^storage::/) | test(/^api_keys::/)"
  "vault-quotas|services/vault-storage/src/quotas.rs services/vault-storage/src/paths.rs|tessera-vault-storage|kind(lib) | test(/^quotas::/) | test(/^drivers::/)"
  "vault-vault|services/vault-storage/src/vault/crypto.rs services/vault-storage/src/vault/chunks.rs|tessera-vault-storage|test(/^vault::/) | test(/^vault_files::/) | test(/^vault_logs::/)"
  "messaging-keys|services/messaging/src/devices/keys.rs services/messaging/src/bundles.rs|tessera-messaging|test(/^devices::/) | test(/^bundles::/) | test(/^access::/)"
  "messaging-send|services/messaging/src/messages/send.rs services/messaging/src/messages/inbox.rs|tessera-messaging|test(/^send::/) | test(/^delivery::/) | test(/^access::/)"
  "kit-auth|shared/kit/src/auth/layer.rs shared/kit/src/auth/credentials.rs shared/kit/src/auth/mod.rs|tessera-kit,tessera-testkit,tessera-identity|kind(lib) | test(/^access::/) | test(/^authorization::/) | test(/^revocation::/) | test(/^events::/)"
  "intelligence-queue|services/project-intelligence/src/actions/queue.rs|tessera-project-intelligence|test(/^run_queue::/) | test(/^action_items::/) | test(/^action_items_input::/)"
  "messaging-forum-rotation|services/messaging/src/forum/membership.rs|tessera-messaging|test(/^forum_groups::/) | test(/^forum_threads::/) | test(/^forum_access::/)"
)

# Appends one row to TESTING.md's run log: date, commit, module, and the counts (timeouts
# apart from caught: a mutant that only hangs is not shown to be caught by an assertion).
record() {
  python3 - "$1" "$2" "$(git rev-parse --short HEAD)${MUTANTS_ARGS:+ ($MUTANTS_ARGS)}" <<'PY'
import datetime, json, sys
name, path, commit = sys.argv[1:4]
counts = json.load(open(path))
row = "| {} | {} | {} | {} | {} | {} | {} | {} |\n".format(
    datetime.date.today().isoformat(), commit.replace("|", "\\|"), name, counts.get("total_mutants", 0),
    counts.get("caught", 0), counts.get("missed", 0), counts.get("timeout", 0),
    counts.get("unviable", 0))
marker = "<!-- mutants.sh appends a row above this line -->"
text = open("TESTING.md").read()
open("TESTING.md", "w").write(text.replace(marker, row + marker, 1))
print("== " + row.strip())
PY
}

extra=()
if [[ -n "${MUTANTS_ARGS:-}" ]]; then
  eval "extra=(${MUTANTS_ARGS})"
fi
mkdir -p mutants.out
status=0
for target in "${targets[@]}"; do
  IFS='|' read -r name files packages filter <<<"$target"
  if [[ -n "${MUTANTS_ONLY:-}" && ",${MUTANTS_ONLY}," != *",$name,"* ]]; then
    continue
  fi
  args=()
  for file in $files; do
    args+=(--file "$file")
  done
  echo "== $name: $files"
  # --in-place reuses the build directory (a fresh copy of the tree would rebuild the world
  # for every module); the tree is restored after each mutant. The unmutated tests run first
  # (the baseline): if they fail or hang, no mutant is scored, since every one would look
  # caught.
  outcome=0
  "$mutants" mutants --in-place --no-shuffle --timeout 120 --build-timeout 900 \
    --test-tool nextest --test-package "$packages" --output "mutants.out/$name" "${args[@]}" \
    ${MUTANTS_ARGS:+"${extra[@]}"} \
    -- -E "$filter" || outcome=$?
  if [[ $outcome == 4 ]]; then
    echo "== $name: the baseline failed (the unmutated tests do not pass): not scored" >&2
    status=1
    continue
  fi
  [[ $outcome == 0 ]] || status=1
  record "$name" "mutants.out/$name/mutants.out/outcomes.json"
done
exit $status
