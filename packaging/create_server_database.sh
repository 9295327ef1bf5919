#!/bin/sh
# Create the shared LBN Quartermaster database and its login on a PostgreSQL server (13 or newer).
# Run once, on the server, as the PostgreSQL superuser:
#   sudo -u postgres sh create_server_database.sh [DATABASE] [ROLE]
# It asks for the new role's password. The app creates and upgrades the tables itself the first
# time a station connects; the role owns the database, so it needs no other rights.
set -eu
DATABASE="${1:-lbn}"
ROLE="${2:-quartermaster}"

printf 'Password for the new login "%s": ' "$ROLE"
stty -echo 2>/dev/null || true
read -r PASSWORD
stty echo 2>/dev/null || true
printf '\n'
[ -n "$PASSWORD" ] || { echo "A password is required." >&2; exit 1; }

# The password goes through a psql variable (:'password'), so no quoting can break the SQL.
psql -v ON_ERROR_STOP=1 -v role="$ROLE" -v password="$PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SQL
createdb --owner="$ROLE" --encoding=UTF8 --template=template0 "$DATABASE"
psql -v ON_ERROR_STOP=1 -d "$DATABASE" -c "REVOKE ALL ON DATABASE \"$DATABASE\" FROM PUBLIC"

cat <<EOF2
Done. Each station connects with:
  postgresql+psycopg://$ROLE:<password>@$(hostname -f 2>/dev/null || hostname)/$DATABASE?sslmode=verify-full
Allow the stations in pg_hba.conf (hostssl $DATABASE $ROLE <station network> scram-sha-256)
and schedule a nightly backup:
  pg_dump --format=custom --file=/var/backups/lbn/lbn-\$(date +%F).dump $DATABASE
EOF2
