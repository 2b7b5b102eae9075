#!/usr/bin/env bash
# Build (release) and run the calendar benchmark REPEATS times (default 3),
# saving each run's output to $OUT/run-<i>.txt (default OUT=raw/latest), then
# summarise the median across repeats into $OUT/summary.md. Extra arguments go
# to calendar-bench (e.g. --show-min, --sizes 10,100, --holds 1000000).
set -euo pipefail
cd "$(dirname "$0")"
REPEATS="${REPEATS:-3}"
OUT="${OUT:-raw/latest}"
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "swift: $(swift --version 2>&1 | head -1)"
} | tee "$OUT/machine.txt"
swift build -c release 2>&1 | tail -1
for i in $(seq 1 "$REPEATS"); do
  echo "== repeat $i/$REPEATS, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  .build/release/calendar-bench "$@" | tee "$OUT/run-$i.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-$i.txt"
done
python3 summarize.py "$OUT"/run-*.txt | tee "$OUT/summary.md"
