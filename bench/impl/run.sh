#!/usr/bin/env bash
# Simulator throughput benchmark (see README.md). Arguments: [runs per variant] [warm-up rounds].
# The harness lives in impl's test sources; it needs only Jackson besides impl's own classes.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl impl -am test-compile
JV=$(grep -oP '<jackson.version>\K[^<]+' pom.xml)
JA=${JV%.*}   # jackson-annotations is versioned major.minor since 2.20
M2=${M2_REPO:-$HOME/.m2/repository}/com/fasterxml/jackson/core
CP="impl/target/classes:impl/target/test-classes:tracing/target/classes"
CP="$CP:$M2/jackson-databind/$JV/jackson-databind-$JV.jar:$M2/jackson-core/$JV/jackson-core-$JV.jar"
CP="$CP:$M2/jackson-annotations/$JA/jackson-annotations-$JA.jar"
exec java -Xss8m -cp "$CP" dev.dsverify.raft.bench.SimulatorBench "$@"
