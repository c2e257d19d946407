#!/usr/bin/env bash
# Trace-validation benchmark: replays prefixes of one long simulated run (1k, 10k, 100k events).
# Usage: bench/trace/run.sh [sizes...]      (from the repository root; builds trace-validation first)
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor build: the classpath then points at the sibling modules' jars, nothing is installed.
mvn -q -B -o -pl trace-validation -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/trace-bench.cp
CP="trace-validation/target/classes:$(cat trace-validation/target/trace-bench.cp)"
OUT="${TRACE_BENCH_OUT:-target/trace-bench}"
mkdir -p "$OUT/tmp"
exec java -XX:+UseParallelGC -Xmx4g -Djava.io.tmpdir="$OUT/tmp" -cp "$CP" bench/trace/TraceBench.java \
  "${RAFT_SPEC:-specs/raft/Raft.tla}" "$OUT" "$@"
