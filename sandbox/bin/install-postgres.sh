#!/usr/bin/env bash
# Prepares a local PostgreSQL for the sandbox's Hive Metastore (ferry sandbox start
# --metastore-db postgres) and for the tests that use it: installs Debian's postgresql if it is
# missing, starts its cluster, and creates the role and database the sandbox expects.
# Idempotent and quick when everything is there already. Needs root (or sudo) for apt-get and
# to act as the postgres user.
#
#   install-postgres.sh            install, start, create role 'ferry' and database 'ferry_metastore'
#   install-postgres.sh --check    exit 0 if PostgreSQL answers and the role exists, 1 otherwise
#
# The role's password is 'ferry': a sandbox credential on localhost, never a production one.
set -euo pipefail

ROLE=ferry
PASSWORD=ferry
DATABASE=ferry_metastore
PORT="${FERRY_POSTGRES_PORT:-5432}"

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

psql_admin() {
  as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"
}

ready() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h localhost -p "$PORT"
}

role_exists() {
  [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" 2>/dev/null)" == 1 ]]
}

if [[ "${1:-}" == "--check" ]]; then
  ready && role_exists
  exit $?
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq postgresql >/dev/null
fi

if ! ready; then
  # The newest installed cluster; Debian 12 creates 15/main when the package is installed.
  read -r version cluster < <(pg_lsclusters --no-header | sort -V | tail -n 1 | awk '{print $1, $2}')
  if [[ -z "${version:-}" ]]; then
    echo "install-postgres.sh: PostgreSQL is installed but has no cluster; create one with pg_createcluster" >&2
    exit 1
  fi
  echo "Starting PostgreSQL cluster $version/$cluster ..."
  as_root pg_ctlcluster "$version" "$cluster" start
  for _ in $(seq 1 30); do ready && break; sleep 0.5; done
  ready || { echo "install-postgres.sh: PostgreSQL $version/$cluster did not come up on port $PORT" >&2; exit 1; }
fi

if ! role_exists; then
  # CREATEDB: tests create and drop a database of their own per run.
  psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]]; then
  psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi
echo "PostgreSQL ready: jdbc:postgresql://localhost:$PORT/$DATABASE (user $ROLE)"
