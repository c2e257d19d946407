#!/usr/bin/env bash
# Renders a dsverify HTML report with headless Chromium: a PNG screenshot and the DOM text, then checks
# that the page shows the given phrases. For looking at reports the way a person sees them.
#
#   scripts/render-report.sh REPORT.html OUT.png [PHRASE...]
#
# Needs Debian's chromium (apt-get install -y chromium). Exit 0 when every phrase is in the rendered page
# and the PNG is not trivially small, 1 otherwise, 2 on usage errors.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 REPORT.html OUT.png [PHRASE...]" >&2
  exit 2
fi
report=$(realpath "$1")
png=$2
shift 2
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "chromium not found at $chromium (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi
[[ -f $report ]] || { echo "no such report: $report" >&2; exit 2; }

profile=$(mktemp -d)
dom=$(mktemp)
trap 'rm -rf "$profile" "$dom"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile")
mkdir -p "$(dirname "$png")"
rm -f "$png"
"$chromium" "${flags[@]}" --screenshot="$png" --window-size="${WINDOW_SIZE:-1400,2000}" "file://$report" \
  >/dev/null 2>&1
"$chromium" "${flags[@]}" --dump-dom "file://$report" >"$dom" 2>/dev/null

status=0
size=$(stat -c %s "$png" 2>/dev/null || echo 0)
if (( size < 20000 )); then
  echo "FAIL screenshot $png is only $size bytes" >&2
  status=1
else
  echo "ok   screenshot $png ($size bytes)"
fi
for phrase in "$@"; do
  # The DOM is serialized HTML: compare against the phrase with HTML's escapes applied.
  escaped=$(printf '%s' "$phrase" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
  if grep -qF -- "$escaped" "$dom"; then
    echo "ok   shows: $phrase"
  else
    echo "FAIL missing: $phrase" >&2
    status=1
  fi
done
exit $status
