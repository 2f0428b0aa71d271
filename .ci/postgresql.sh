#!/usr/bin/env bash
# Makes Debian's PostgreSQL answer on 127.0.0.1:5432 with an EMPTY database gatehouse_it owned
# by gatehouse/gatehouse (the it-postgresql Maven profile's expectations), and an empty
# gatehouse_cluster_it for the two-node ClusterIT. Idempotent: reuses a
# cluster that exists or already runs (dev machine), creates and starts one otherwise (CI), and
# always drops and recreates gatehouse_it.
set -euo pipefail

command -v pg_lsclusters >/dev/null || { echo "postgresql-common is not installed (apt-get install postgresql)" >&2; exit 1; }
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
cluster=main

if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {found=1} END {exit !found}'; then
    pg_createcluster --port 5432 "$version" "$cluster" -- --auth-local=peer --auth-host=scram-sha-256
fi
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
if [ "$port" != 5432 ]; then
    echo "cluster $version/$cluster listens on port $port, the it-postgresql profile expects 5432" >&2
    exit 1
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c && $4 ~ /online/ {found=1} END {exit !found}'; then
    pg_ctlcluster "$version" "$cluster" start
fi

for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
done
pg_isready -h 127.0.0.1 -p 5432

# Run psql as the postgres superuser from a directory it can read (peer authentication).
(cd / && runuser -u postgres -- psql -q -X -v ON_ERROR_STOP=1 -d postgres) <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse') THEN
    CREATE ROLE gatehouse LOGIN PASSWORD 'gatehouse';
  ELSE
    ALTER ROLE gatehouse LOGIN PASSWORD 'gatehouse';
  END IF;
END $$;
DROP DATABASE IF EXISTS gatehouse_it WITH (FORCE);
CREATE DATABASE gatehouse_it OWNER gatehouse;
DROP DATABASE IF EXISTS gatehouse_cluster_it WITH (FORCE);
CREATE DATABASE gatehouse_cluster_it OWNER gatehouse;
SQL
echo "PostgreSQL $version ready on 127.0.0.1:5432: databases gatehouse_it and gatehouse_cluster_it (ClusterIT's) owned by gatehouse"
