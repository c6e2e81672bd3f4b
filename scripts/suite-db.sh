# Sourced by the scripts that work on the suite's database (make run, backup, restore).
#
# suite_url URL: the suite's database on URL's server: the database URL names, or `tessera`
# when it names `postgres` (make run's rule).
# database_url URL NAME: URL with its database switched to NAME.
# role_url URL ROLE: URL with its user switched to ROLE and no password (the private cluster
# trusts local connections; elsewhere pass a full URL instead).

database_url() {
  if [[ "$1" =~ ^(postgres(ql)?://[^/?]+)/[^?]*(\?.*)?$ ]]; then
    echo "${BASH_REMATCH[1]}/$2${BASH_REMATCH[3]}"
  else
    echo "suite-db: cannot read the database URL" >&2
    return 1
  fi
}

suite_url() {
  if [[ "$1" =~ ^(postgres(ql)?://[^/?]+)/postgres(\?.*)?$ ]]; then
    echo "${BASH_REMATCH[1]}/tessera${BASH_REMATCH[3]}"
  else
    echo "$1"
  fi
}

role_url() {
  if [[ "$1" =~ ^(postgres(ql)?://)([^@/?]*@)?([^/?]+)(/.*)?$ ]]; then
    echo "${BASH_REMATCH[1]}$2@${BASH_REMATCH[4]}${BASH_REMATCH[5]}"
  else
    echo "suite-db: cannot read the database URL" >&2
    return 1
  fi
}

# The databases of the suite's four schemas, in the order they are backed up and restored.
SCHEMAS=(identity vault messaging intelligence)

# Server notices (schema exists, role already granted) are not news.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
