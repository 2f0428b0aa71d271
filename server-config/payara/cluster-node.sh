#!/usr/bin/env bash
# Starts ONE node of a Gatehouse cluster on Payara Micro. Run it on every host (or several times on
# one host with different ports). The nodes form one Hazelcast data grid by TCP/IP discovery (no
# multicast) and share one PostgreSQL database; a load balancer in front spreads the traffic.
#
#   export GATEHOUSE_DB_URL=jdbc:postgresql://db.internal:5432/gatehouse
#   export GATEHOUSE_DB_USER=gatehouse GATEHOUSE_DB_PASSWORD=...
#   export GATEHOUSE_KEYS_ENCRYPTION_KEY=...          # openssl rand -base64 32, the SAME on every node
#   export GATEHOUSE_ISSUER=https://auth.example.org   # the load balancer's URL, the SAME on every node
#   CLUSTER_MEMBERS=10.0.0.11:6900,10.0.0.12:6900 HTTP_PORT=8080 DATAGRID_PORT=6900 \
#     server-config/payara/cluster-node.sh payara-micro.jar target/gatehouse.war
#
# Two nodes on one machine (loopback only, e.g. to try it out):
#   CLUSTER_MEMBERS=127.0.0.1:6900,127.0.0.1:6901 HTTP_PORT=8081 DATAGRID_PORT=6900 BIND_LOOPBACK=1 ./cluster-node.sh ...
#   CLUSTER_MEMBERS=127.0.0.1:6900,127.0.0.1:6901 HTTP_PORT=8082 DATAGRID_PORT=6901 BIND_LOOPBACK=1 ./cluster-node.sh ...
set -euo pipefail
micro=${1:?usage: cluster-node.sh <payara-micro.jar> <gatehouse.war>}
war=${2:?usage: cluster-node.sh <payara-micro.jar> <gatehouse.war>}
: "${CLUSTER_MEMBERS:?comma list of host:port of the data-grid port of every node, no ranges}"
: "${GATEHOUSE_DB_URL:?every node must use the same PostgreSQL database}"
: "${GATEHOUSE_KEYS_ENCRYPTION_KEY:?every node must decrypt the same signing keys: set the same base64 32-byte key}"
: "${GATEHOUSE_ISSUER:?every node must use the same issuer (the load balancer URL)}"
export GATEHOUSE_DB_DATASOURCE_CLASS=${GATEHOUSE_DB_DATASOURCE_CLASS:-org.postgresql.ds.PGSimpleDataSource}
here=$(cd "$(dirname "$0")" && pwd)
http_port=${HTTP_PORT:-8080}
grid_port=${DATAGRID_PORT:-6900}
preboot=$here/docker-pre-boot-commands.asadmin
jvm_opts=()
grid_opts=()
log_opts=()
case "${GATEHOUSE_LOG_FORMAT:-text}" in
    json) log_opts=(--logproperties "$here/logging-json.properties") ;;  # JSON lines (README, "Logs")
    text) ;;
    *) echo "GATEHOUSE_LOG_FORMAT must be text or json, not '${GATEHOUSE_LOG_FORMAT}'" >&2; exit 64 ;;
esac
if [ -n "${BIND_LOOPBACK:-}" ]; then
    # Loopback only: HTTP via the dev pre-boot file, the data grid via its interface list.
    preboot=$here/pre-boot-commands.asadmin
    jvm_opts+=(-Dhazelcast.socket.bind.any=false)
    grid_opts+=(--interfaces 127.0.0.1)
fi
exec java "${jvm_opts[@]}" ${JAVA_OPTS:-} -jar "$micro" \
    --deploy "$war" --contextroot / --port "$http_port" \
    --clustermode "tcpip:$CLUSTER_MEMBERS" --startport "$grid_port" \
    --clustername "${CLUSTER_NAME:-gatehouse}" "${grid_opts[@]}" \
    --prebootcommandfile "$preboot" \
    --postbootcommandfile "$here/post-boot-commands.asadmin" \
    --rootdir "${ROOT_DIR:-/tmp/gatehouse-micro-$http_port}" "${log_opts[@]}"
