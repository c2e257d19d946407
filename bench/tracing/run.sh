#!/usr/bin/env bash
# Cost of tracing when it is off (ratio against no tracing) and per line when on.
# Usage: bench/tracing/run.sh [rounds]      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -pl tracing -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/tracing-bench.cp
CP="tracing/target/classes:$(cat tracing/target/tracing-bench.cp)"
exec java -XX:+UseParallelGC -cp "$CP" bench/tracing/OffCost.java "$@"
