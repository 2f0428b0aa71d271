#!/usr/bin/env bash
# Starts (or reuses) Debian's PostgreSQL cluster on 127.0.0.1:5432 and creates an empty
# gatehouse_it database owned by gatehouse/gatehouse for the it-postgresql profile.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
cluster=main
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version $cluster$"; then
    pg_createcluster "$version" "$cluster" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start
fi
for i in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse') THEN
    CREATE ROLE gatehouse LOGIN PASSWORD 'gatehouse';
  END IF;
END $$;
DROP DATABASE IF EXISTS gatehouse_it;
CREATE DATABASE gatehouse_it OWNER gatehouse;
SQL
echo "PostgreSQL $version ready on 127.0.0.1:5432, database gatehouse_it"
