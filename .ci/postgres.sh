#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL server for the test suite, then prints the
# URL the tests use. Debian/Ubuntu only; needs root or sudo. Idempotent.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version "; then
  $SUDO pg_createcluster "$version" main >&2
fi
$SUDO pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
$SUDO -u postgres psql -q -h 127.0.0.1 -c "SELECT 1" >/dev/null 2>&1 || true
$SUDO su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='lbn'\"" | grep -q 1 \
  || $SUDO su postgres -c "psql -q -c \"CREATE ROLE lbn LOGIN SUPERUSER PASSWORD 'lbn'\"" >&2
echo "postgresql+psycopg://lbn:lbn@127.0.0.1:5432/postgres"
