#!/usr/bin/env bash
# Replay at production volume: the first N lines of a long simulated log, replayed with -Xmx1g by this build and by
# a baseline jar, alternately (pairs), so that both see the same machine load. Prints wall time, exit code and the
# maximum resident set of every run, then the median of each side and their ratio.
#
# Usage: bench/trace/volume.sh BASELINE.jar [lines] [pairs]      (from the repository root, after `mvn package`)
# The log is simulated once (seed 42, every fault kind) into target/trace-volume/ and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE="${1:?usage: bench/trace/volume.sh BASELINE.jar [lines] [pairs]}"
LINES="${2:-1000000}"
PAIRS="${3:-3}"
NEW=cli/target/dsverify.jar
OUT=target/trace-volume
mkdir -p "$OUT"
RUN="$OUT/run-seed42.ndjson"
if [ ! -f "$RUN" ] || [ "$(wc -l < "$RUN")" -lt "$LINES" ]; then
  # about 11 lines per client operation with the default fault mix; the run is cut to LINES below
  java -XX:+UseParallelGC -Xmx2g -jar "$NEW" simulate --seed 42 --ops $((LINES / 9)) --trace "$RUN" > "$OUT/simulate.log"
fi
LOG="$OUT/prefix-$LINES.ndjson"
head -n "$LINES" "$RUN" > "$LOG"
echo "log: $LOG, $(wc -l < "$LOG") lines, $(du -h "$LOG" | cut -f1)"
one() { # jar label
  local start end rc rss
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o "$OUT/rss" java -XX:+UseParallelGC -Xmx1g -jar "$1" replay --spec specs/raft/Raft.tla "$LOG" \
    > "$OUT/$2.out" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  rss=$(tail -1 "$OUT/rss")
  printf '%-9s %8.1f s  exit %d  max RSS %5d MB  %s\n' "$2" "$(echo "$end - $start" | bc)" "$rc" $((rss / 1024)) \
    "$(grep -m1 -oE 'MATCH|DIVERGENCE|OutOfMemory[A-Za-z]*|error[^.]*' "$OUT/$2.out" || true)"
  echo "$2 $(echo "$end - $start" | bc)" >> "$OUT/times"
}
rm -f "$OUT/times"
for _ in $(seq "$PAIRS"); do
  one "$NEW" current
  one "$BASE" baseline
done
median() { grep "^$1 " "$OUT/times" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=$(median current); b=$(median baseline)
echo "median: current ${c} s, baseline ${b} s, ratio current/baseline $(echo "scale=2; $c / $b" | bc)"
