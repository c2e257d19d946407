#!/usr/bin/env bash
# Kill/pause torture of a three-process cluster with traces on, then replay of its traces against Raft.tla.
# Arguments: [seconds (default 30)] [seed (default 1)] [clients (default 16)] [snapshot-every (default 0: never)].
# Needs cli/target/dsverify.jar
# (mvn -q -DskipTests package). The work directory (traces, data) is bench/cluster/torture-work, replaced each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl impl -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/cluster-bench.cp
CP="impl/target/classes:$(cat impl/target/cluster-bench.cp)"
WORK=bench/cluster/torture-work
rm -rf "$WORK"
java -cp "$CP" bench/cluster/Torture.java "${1:-30}" "$WORK" "${2:-1}" "${3:-16}" "${4:-0}"
echo "# replay (java -Xmx1g -jar cli/target/dsverify.jar replay $WORK/n1.ndjson $WORK/n2.ndjson $WORK/n3.ndjson)"
/usr/bin/time -f "replay: %e s wall, max RSS %M KB" \
  java -XX:+UseParallelGC -Xmx1g -jar cli/target/dsverify.jar replay "$WORK"/n1.ndjson "$WORK"/n2.ndjson "$WORK"/n3.ndjson
