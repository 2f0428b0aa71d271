#!/usr/bin/env bash
# Starts Gatehouse on Payara Micro: the Docker image's entrypoint (Dockerfile), usable by hand.
#   server-config/payara/entrypoint.sh [more Payara Micro options]
# The Dockerfile's CMD adds --nohazelcast; for a cluster pass --clustermode tcpip:... instead
# (README, "Clustering"). exec: the java process replaces this shell, so it receives SIGTERM itself
# (graceful shutdown, health.ShutdownDrain).
#
# Environment (besides the GATEHOUSE_* settings the application reads, README "Configuration"):
#   GATEHOUSE_LOG_FORMAT  text (default: Payara's one-line format) or json (one JSON object per
#                         line, server-config/payara/logging-json.properties)
#   PAYARA_MICRO_JAR      default /opt/payara/payara-micro.jar
#   GATEHOUSE_WAR         default /opt/payara/deployments/gatehouse.war
#   PAYARA_ROOT_DIR       default /opt/payara/micro-root
#   PAYARA_PREBOOT        default docker-pre-boot-commands.asadmin beside this script (all interfaces)
#   JAVA_OPTS             extra JVM options
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log_opts=()
case "${GATEHOUSE_LOG_FORMAT:-text}" in
    json) log_opts=(--logproperties "$here/logging-json.properties") ;;
    text) ;;
    *) echo "GATEHOUSE_LOG_FORMAT must be text or json, not '${GATEHOUSE_LOG_FORMAT}'" >&2; exit 64 ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -XX:MaxRAMPercentage=75 ${JAVA_OPTS:-} -jar "${PAYARA_MICRO_JAR:-/opt/payara/payara-micro.jar}" \
    --deploy "${GATEHOUSE_WAR:-/opt/payara/deployments/gatehouse.war}" --contextroot / \
    --prebootcommandfile "${PAYARA_PREBOOT:-$here/docker-pre-boot-commands.asadmin}" \
    --postbootcommandfile "$here/post-boot-commands.asadmin" \
    --rootdir "${PAYARA_ROOT_DIR:-/opt/payara/micro-root}" \
    "${log_opts[@]}" "$@"
