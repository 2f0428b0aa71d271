# Gatehouse on the official Payara Micro image. Not built in CI: the build machines have no
# container engine (README, "Docker").
#   docker build -t gatehouse .
#   docker run -p 8080:8080 -v gatehouse-data:/opt/payara/data \
#       -e GATEHOUSE_ISSUER=http://localhost:8080 -e GATEHOUSE_ADMIN_PASSWORD=change-me gatehouse
# Two nodes, PostgreSQL and a load balancer: compose.yaml.

# --- build the WAR with the project's Maven wrapper only ----------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The build description first: the dependency layer below is rebuilt only when these change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=fish.payara.extras
COPY src src
# Not offline: go-offline can miss a provider that package resolves on first use.
RUN ./mvnw -B -DskipTests package

# --- run it on Payara Micro ---------------------------------------------------------------
FROM payara/micro:6.2025.10-jdk17
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="Gatehouse" \
      org.opencontainers.image.description="OAuth 2.0 authorization server and protected API in one Jakarta EE WAR, on Payara Micro" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="docker.io/payara/micro:6.2025.10-jdk17"
USER root
RUN mkdir -p /opt/payara/data /opt/payara/config /opt/payara/micro-root \
 && chown -R payara:payara /opt/payara/data /opt/payara/config /opt/payara/micro-root
COPY --from=build --chown=payara:payara /src/target/gatehouse.war /opt/payara/deployments/gatehouse.war
COPY --chown=payara:payara server-config/payara/ /opt/payara/config/
RUN chmod 755 /opt/payara/config/entrypoint.sh
# Not root: the image's own payara user.
USER payara

# Defaults for the gatehouse.* settings (README, "Configuration"); override with -e.
# GATEHOUSE_LOG_FORMAT=json: JSON lines (README, "Logs"). GATEHOUSE_SERVER_METRICS / _OPENAPI:
# Payara's /metrics and /openapi, off (README, "What each server exposes").
ENV GATEHOUSE_DATA_DIR=/opt/payara/data \
    GATEHOUSE_ISSUER=http://localhost:8080 \
    GATEHOUSE_LOG_FORMAT=text \
    GATEHOUSE_SHUTDOWN_DRAIN=PT5S
# The H2 file database and the generated key-encryption key live here: keep it on a volume.
VOLUME /opt/payara/data
EXPOSE 8080
# Ready = database reachable, import accepted, not shutting down. Plain bash: no curl needed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# docker stop sends SIGTERM to java itself (entrypoint.sh execs it): readiness DOWN, drain, stop.
# Give it more than the drain plus the longest request: docker stop -t 30 / stop_grace_period.
STOPSIGNAL SIGTERM
# One node, no data grid. For a cluster, pass --clustermode tcpip:... instead (README, "Clustering").
ENTRYPOINT ["/opt/payara/config/entrypoint.sh"]
CMD ["--nohazelcast"]
