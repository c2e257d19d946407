#!/usr/bin/env bash
# Cluster throughput benchmark (see impl/CLUSTER.md). Arguments: [seconds per level] [work directory].
# Starts three node processes from impl's classes; the harness is a single source file run by the java launcher.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor build: impl and the modules it uses, nothing installed; the classpath file lists their classes.
mvn -q -B -o -pl impl -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/cluster-bench.cp
CP="impl/target/classes:$(cat impl/target/cluster-bench.cp)"
exec java -cp "$CP" bench/cluster/ClusterBench.java "$@"
