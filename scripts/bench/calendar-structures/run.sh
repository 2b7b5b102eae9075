#!/usr/bin/env bash
# Build (release) and run the calendar benchmark REPEATS times (default 3),
# saving each run's output to raw/run-<i>.txt, then summarise the median
# across repeats into raw/summary.md. Extra arguments go to calendar-bench.
set -euo pipefail
cd "$(dirname "$0")"
REPEATS="${REPEATS:-3}"
mkdir -p raw
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "swift: $(swift --version 2>&1 | head -1)"
} | tee raw/machine.txt
swift build -c release 2>&1 | tail -1
for i in $(seq 1 "$REPEATS"); do
  echo "== repeat $i/$REPEATS, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  .build/release/calendar-bench "$@" | tee "raw/run-$i.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "raw/run-$i.txt"
done
python3 summarize.py raw/run-*.txt | tee raw/summary.md
