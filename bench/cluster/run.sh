#!/usr/bin/env bash
# Cluster throughput benchmark (see impl/CLUSTER.md). Arguments: [seconds per level] [work directory].
# Starts three node processes from impl's classes; the harness is a single source file run by the java launcher.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl impl compile
JV=$(grep -oP '<jackson.version>\K[^<]+' pom.xml)
JA=${JV%.*}   # jackson-annotations is versioned major.minor since 2.20
M2=${M2_REPO:-$HOME/.m2/repository}/com/fasterxml/jackson/core
CP="impl/target/classes"
CP="$CP:$M2/jackson-databind/$JV/jackson-databind-$JV.jar:$M2/jackson-core/$JV/jackson-core-$JV.jar"
CP="$CP:$M2/jackson-annotations/$JA/jackson-annotations-$JA.jar"
exec java -cp "$CP" bench/cluster/ClusterBench.java "$@"
