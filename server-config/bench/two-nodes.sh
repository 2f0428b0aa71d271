#!/usr/bin/env bash
# Two Gatehouse nodes against one (README, "Benchmarks"): two clustered Payara Micro nodes on
# loopback, node 1 pinned to CPU 0 and node 2 to CPU 1 (taskset), one PostgreSQL database
# (gatehouse_bench, dropped and created: needs local superuser access as in .ci/postgresql.sh),
# wrk and PostgreSQL unpinned. Both nodes are warmed on both cases ($WARM s), then measured
# together (one wrk per node, c=16 each, as a perfect load balancer would split the load), then
# node 2 is stopped and node 1 measured alone (c=32). Per case: 20 s more warm-up, 20 s measured;
# requests/s and requests per node CPU-second (utime+stime of the node processes).
#   ./mvnw -DskipTests package && apt-get install -y wrk && server-config/bench/two-nodes.sh
set -u
P=$(cd "$(dirname "$0")/../.." && pwd)
B=$P/server-config/bench
work=$(mktemp -d -t gatehouse-two-nodes.XXXX)
cd "$work"
ver=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$P/pom.xml" | head -n1)
micro=$HOME/.m2/repository/fish/payara/extras/payara-micro/$ver/payara-micro-$ver.jar
[ -f "$micro" ] || { echo "no $micro: run ./mvnw -DskipTests package (or dependency:get) first"; exit 3; }
(cd / && runuser -u postgres -- psql -q -X -c "DROP DATABASE IF EXISTS gatehouse_bench WITH (FORCE);" -c "CREATE DATABASE gatehouse_bench OWNER gatehouse;")
KEK=$(openssl rand -base64 32)
start() { # n cpu port grid [extra env]
  rm -rf $work/data$1 $work/root$1
  env GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/gatehouse_bench GATEHOUSE_DB_USER=gatehouse GATEHOUSE_DB_PASSWORD=gatehouse \
    GATEHOUSE_KEYS_ENCRYPTION_KEY=$KEK GATEHOUSE_ISSUER=http://127.0.0.1:18480 GATEHOUSE_ADMIN_PASSWORD=bench-admin-Pa55word \
    GATEHOUSE_DATA_DIR=$work/data$1 ${5:-} JAVA_OPTS="-Xmx1g" \
    CLUSTER_MEMBERS=127.0.0.1:16910,127.0.0.1:16911 HTTP_PORT=$3 DATAGRID_PORT=$4 BIND_LOOPBACK=1 ROOT_DIR=$work/root$1 \
    setsid taskset -c $2 bash $P/server-config/payara/cluster-node.sh $micro $P/target/gatehouse.war > $work/node$1.log 2>&1 &
  echo $! > $work/node$1.pid
  for i in $(seq 1 300); do curl -fs -o /dev/null http://127.0.0.1:$3/health/ready && return 0; sleep 0.5; done; echo "node $1 not ready"; return 1
}
cpu() { if [ -f $work/node$1.pid ] && kill -0 $(cat $work/node$1.pid) 2>/dev/null; then awk '{print $14+$15}' /proc/$(cat $work/node$1.pid)/stat; else echo 0; fi; }
wrkcase() { # case url conns secs out
  if [ $1 = api ]; then wrk -t1 -c$3 -d$4s -H "Authorization: Bearer $AT" "$2/api/me" > $5
  else wrk -t1 -c$3 -d$4s -s $B/client-credentials.lua "$2/oauth2/token" > $5; fi
}
measure() { # label case conns url...
  label=$1; c=$2; n=$3; shift 3
  pids=(); for u in "$@"; do wrkcase $c $u $n 20 /dev/null & pids+=($!); done; wait "${pids[@]}"
  a0=$(cpu 1); b0=$(cpu 2); i=0
  pids=(); for u in "$@"; do wrkcase $c $u $n 20 out.$i & pids+=($!); i=$((i+1)); done; wait "${pids[@]}"
  a1=$(cpu 1); b1=$(cpu 2)
  rps=0; for f in out.*; do r=$(awk '/Requests\/sec/{print $2}' $f); rps=$(echo "$rps + $r" | bc); grep "Non-2xx\|Socket errors" $f; done
  ticks=$(( (a1-a0) + (b1-b0) ))
  printf "%-34s %8.0f req/s  %7.0f req per node CPU-s  (node CPU: %.1f s of 20 s)\n" "$label" $rps $(echo "$rps*20*100/$ticks" | bc -l) $(echo "$ticks/100" | bc -l) | tee -a result.txt
  rm -f out.*
}
rm -f result.txt $work/node2.pid
WARM=${WARM:-90}
start 1 0 18481 16910 "GATEHOUSE_IMPORT=$B/import.json" || exit 1
start 2 1 18482 16911 || exit 1
AT=$(python3 $B/user-token.py http://127.0.0.1:18481) || { echo no token; exit 1; }
# both nodes warmed on both cases first (on one pinned core, the JIT compiler shares the core with the requests)
for c in api cc; do pids=(); for u in http://127.0.0.1:18481 http://127.0.0.1:18482; do wrkcase $c $u 16 $WARM /dev/null & pids+=($!); done; wait "${pids[@]}"; done
measure "2 nodes: /api/me c=16+16" api 16 http://127.0.0.1:18481 http://127.0.0.1:18482
measure "2 nodes: client_credentials c=16+16" cc 16 http://127.0.0.1:18481 http://127.0.0.1:18482
kill $(cat $work/node2.pid); for i in $(seq 1 60); do kill -0 $(cat $work/node2.pid) 2>/dev/null || break; sleep 1; done; rm -f $work/node2.pid
measure "1 node: /api/me c=32" api 32 http://127.0.0.1:18481
measure "1 node: client_credentials c=32" cc 32 http://127.0.0.1:18481
kill $(cat $work/node1.pid)
echo "results: $work/result.txt"
