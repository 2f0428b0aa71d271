#!/usr/bin/env bash
# Two Payara Micro nodes of one Gatehouse cluster, sharing one PostgreSQL and forming a
# Hazelcast data grid over TCP (no multicast). Put a load balancer in front of both and make
# the issuer the load balancer's public URL. Every node needs the SAME key-encryption key.
set -euo pipefail
: "${GATEHOUSE_DB_URL:=jdbc:postgresql://127.0.0.1:5432/gatehouse}"
: "${GATEHOUSE_KEYS_ENCRYPTION_KEY:?set it to the base64 of 32 random bytes: openssl rand -base64 32}"
export GATEHOUSE_DB_URL GATEHOUSE_KEYS_ENCRYPTION_KEY
export GATEHOUSE_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
export GATEHOUSE_ISSUER=${GATEHOUSE_ISSUER:-https://auth.example.org}
MICRO=${MICRO:-payara-micro.jar}
WAR=${WAR:-target/gatehouse.war}
for port in 8081 8082; do
  java -Dhazelcast.socket.bind.any=false -jar "$MICRO" --deploy "$WAR" --contextroot / --port $port \
       --clustermode tcpip:127.0.0.1:6900,127.0.0.1:6901 --hzport $((port - 8081 + 6900)) \
       --rootdir "/tmp/gatehouse-node-$port" > "node-$port.log" 2>&1 &
done
wait
