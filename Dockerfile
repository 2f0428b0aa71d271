# Gatehouse on the official Payara Micro image.
#   docker build -t gatehouse .
#   docker run -p 8080:8080 -v gatehouse-data:/opt/payara/data \
#     -e GATEHOUSE_ISSUER=http://localhost:8080 -e GATEHOUSE_ADMIN_PASSWORD=change-me gatehouse
# (Not built in this repository's CI: the build machines have no Docker engine.)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=payara-micro || true
COPY src src
COPY server-config server-config
RUN ./mvnw -B -q -DskipTests package

FROM payara/micro:6.2025.10-jdk17
USER root
RUN mkdir -p /opt/payara/data /opt/payara/config && chown -R payara:payara /opt/payara/data /opt/payara/config
USER payara
COPY --from=build --chown=payara:payara /src/target/gatehouse.war /opt/payara/deployments/gatehouse.war
COPY --chown=payara:payara server-config/payara/docker-pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --chown=payara:payara server-config/payara/post-boot-commands.asadmin /opt/payara/config/post-boot-commands.asadmin
ENV GATEHOUSE_DATA_DIR=/opt/payara/data \
    GATEHOUSE_ISSUER=http://localhost:8080
VOLUME /opt/payara/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -q -O /dev/null http://127.0.0.1:8080/health/ready || exit 1
# Hazelcast is off for a single container; for a cluster see README "Clustering".
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/payara/payara-micro.jar", \
            "--deploy", "/opt/payara/deployments/gatehouse.war", "--contextroot", "/", \
            "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
            "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin", \
            "--rootdir", "/opt/payara/micro-root"]
CMD ["--nohazelcast"]
