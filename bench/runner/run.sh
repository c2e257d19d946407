#!/usr/bin/env bash
# Compares ModelChecker against TLC started directly on Grid (1,000,000 distinct states), alternating,
# RUNS runs each (default 5), and prints the ratio of the medians. Usage: bench/runner/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -q -B -pl model-runner -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/model-runner/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
cp="$root/model-runner/target/classes:$root/model-runner/target/test-classes:$(cat "$root/model-runner/target/bench.classpath")"
exec java -cp "$cp" dev.dsverify.runner.bench.RunnerBench bench/runner/Grid.tla bench/runner/Grid.cfg "${1:-5}"
