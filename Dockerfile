# Gatehouse on the official Payara Micro image (not built in CI: the build machines have no Docker).
#   docker build -t gatehouse .
#   docker run -p 8080:8080 -v gatehouse-data:/opt/payara/data \
#       -e GATEHOUSE_ISSUER=http://localhost:8080 -e GATEHOUSE_ADMIN_PASSWORD=change-me gatehouse
# PostgreSQL instead of the H2 file: add -e GATEHOUSE_DB_URL=jdbc:postgresql://db:5432/gatehouse
#   -e GATEHOUSE_DB_USER=... -e GATEHOUSE_DB_PASSWORD=...
#   -e GATEHOUSE_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource

# --- build the WAR ------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY server-config server-config
RUN ./mvnw -B -DskipTests package

# --- run it on Payara Micro ---------------------------------------------------------------
FROM payara/micro:6.2025.10-jdk17
USER root
RUN mkdir -p /opt/payara/data /opt/payara/config \
 && chown -R payara:payara /opt/payara/data /opt/payara/config
USER payara
COPY --from=build --chown=payara:payara /src/target/gatehouse.war /opt/payara/deployments/gatehouse.war
COPY --chown=payara:payara server-config/payara/docker-pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --chown=payara:payara server-config/payara/post-boot-commands.asadmin /opt/payara/config/post-boot-commands.asadmin

# Defaults for the gatehouse.* settings (README, "Configuration"); override with -e.
# The H2 default URL carries WRITE_DELAY=0 (a commit is written before it is acknowledged);
# keep it in a GATEHOUSE_DB_URL of your own that points at an H2 file.
ENV GATEHOUSE_DATA_DIR=/opt/payara/data \
    GATEHOUSE_ISSUER=http://localhost:8080
# The H2 file database and the generated key-encryption key live here: keep it on a volume.
VOLUME /opt/payara/data
EXPOSE 8080
# Ready = database reachable and the import (if any) accepted. Plain bash: the image need not have curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# One node, no data grid. For a cluster, run with --clustermode tcpip:... instead (README, "Clustering").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/payara/payara-micro.jar", \
            "--deploy", "/opt/payara/deployments/gatehouse.war", "--contextroot", "/", \
            "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
            "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin", \
            "--rootdir", "/opt/payara/micro-root"]
CMD ["--nohazelcast"]
