#!/usr/bin/env bash
# Start (or reuse) a private PostgreSQL + PostGIS cluster on 127.0.0.1 for the tests.
# Idempotent: installs the Debian packages when missing, creates the cluster "sgnr" once,
# starts it, and writes the connection settings to .cache/postgis.env for the test fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${SGNR_PG_PORT:-55432}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "Installing PostgreSQL and PostGIS"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-postgis
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION sgnr"; then
  $SUDO pg_createcluster "$VERSION" sgnr -p "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="sgnr" {print $3}')"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="sgnr" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$VERSION" sgnr start
fi
psql_admin() { $SUDO runuser -u postgres -- psql -q -p "$PORT" -v ON_ERROR_STOP=1 "$@"; }
psql_admin -d postgres -tc "SELECT 1 FROM pg_roles WHERE rolname='sgnr'" | grep -q 1 ||
  psql_admin -d postgres -c "CREATE ROLE sgnr LOGIN SUPERUSER PASSWORD 'sgnr'"
psql_admin -d postgres -tc "SELECT 1 FROM pg_database WHERE datname='sgnr_test'" | grep -q 1 ||
  psql_admin -d postgres -c "CREATE DATABASE sgnr_test OWNER sgnr"
psql_admin -d sgnr_test -c "CREATE EXTENSION IF NOT EXISTS postgis"
mkdir -p .cache
cat > .cache/postgis.env <<ENV
SGNR_PG_HOST=127.0.0.1
SGNR_PG_PORT=$PORT
SGNR_PG_DB=sgnr_test
SGNR_PG_USER=sgnr
SGNR_PG_PASSWORD=sgnr
ENV
echo "PostGIS ready on 127.0.0.1:$PORT (database sgnr_test)"
