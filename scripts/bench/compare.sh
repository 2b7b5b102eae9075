#!/usr/bin/env bash
# compare.sh: the M/M/c benchmark (c = 5, lambda = 4.5, mu = 1, rho = 0.9, FIFO), run on
# Takt (`takt-bench mmc`), SimPy (fast and textbook formulations) and a hand-written C event
# loop, with a Markdown table of speed, peak memory and the mean wait in queue (99% batch-
# means CI) against the exact Erlang-C value.
#
# Usage (from anywhere in the repo):
#   scripts/bench/compare.sh [--customers N] [--textbook-customers M] [--seed S]
#                            [--repeat R] [--no-install] [--no-swift-build]
#
#   --customers N            customers for takt, simpy-fast and c-loop (default 2000000)
#   --textbook-customers M   customers for simpy-textbook, which is slow (default 200000);
#                            events/s stay comparable
#   --seed S                 seed passed to every engine (default 1)
#   --repeat R               run each engine R times and report its median run (default 1)
#   --no-install             do not apt-get/pip install anything
#   --no-swift-build         do not build takt-bench; use .build/release/takt-bench if it
#                            exists, else report takt as missing
#
# Steps: (a) installs what is missing (GNU time for /usr/bin/time, SimPy); (b) builds the C
# loop into scripts/bench/.build/; (c) builds takt-bench (`swift build -c release --product
# takt-bench` at the repo root); (d) runs each engine under `/usr/bin/time -v` for its peak
# RSS; (e) prints the table with compare_report.py and writes it to
# scripts/bench/.build/latest.md. Raw outputs are kept in scripts/bench/.build/runs/.
# If takt-bench cannot be built, its row says so and the others still run.
# Exit status: 0, or 1 if an engine that was run failed or printed no valid JSON line.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
# Python: the repository's virtual environment (scripts/setup.sh makes it), so SimPy is installed
# there and not into the system interpreter; TAKT_PYTHON chooses another.
PYTHON="${TAKT_PYTHON:-$REPO_ROOT/.venv/bin/python3}"
[ -x "$PYTHON" ] || { echo "compare.sh: $PYTHON not found; run scripts/setup.sh (or set TAKT_PYTHON)" >&2; exit 1; }
OUT_DIR="$BENCH_DIR/.build"
RUNS_DIR="$OUT_DIR/runs"
SIMPY_VERSION="4.1.2"

customers=2000000
textbook_customers=200000
seed=1
repeat=1
install=1
swift_build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) customers="$2"; shift 2 ;;
        --textbook-customers) textbook_customers="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --no-install) install=0; shift ;;
        --no-swift-build) swift_build=0; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "== $*" >&2; }

# (a) Install what is missing.
if [ "$install" = 1 ]; then
    if [ ! -x /usr/bin/time ]; then
        log "installing GNU time"
        apt-get update -qq && apt-get install -y -qq time >&2
    fi
    if ! "$PYTHON" -c 'import simpy' 2>/dev/null; then
        log "installing simpy==$SIMPY_VERSION"
        "$PYTHON" -m pip install --quiet "simpy==$SIMPY_VERSION" >&2
    fi
fi
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

mkdir -p "$RUNS_DIR"
rm -f "$RUNS_DIR"/*

# (b) Build the C loop (portable flags: -O2, no -march=native).
log "building c-loop"
cc -O2 -std=c11 -Wall -Wextra -o "$OUT_DIR/mmc_loop" "$BENCH_DIR/mmc_loop.c" -lm

# (c) Build takt-bench.
TAKT_BIN="$REPO_ROOT/.build/release/takt-bench"
takt_note=""
if [ "$swift_build" = 1 ]; then
    log "building takt-bench (swift build -c release --product takt-bench)"
    if ! (cd "$REPO_ROOT" && swift build -c release --product takt-bench) >"$RUNS_DIR/takt-build.log" 2>&1; then
        takt_note="swift build failed, see scripts/bench/.build/runs/takt-build.log"
        tail -n 20 "$RUNS_DIR/takt-build.log" >&2
    fi
fi
if [ -z "$takt_note" ] && [ ! -x "$TAKT_BIN" ]; then
    takt_note=".build/release/takt-bench not found"
fi

# (d) Run every engine under /usr/bin/time -v; one manifest line per run for the report.
MANIFEST="$RUNS_DIR/manifest.tsv"
: >"$MANIFEST"

# run ENGINE RUN_INDEX COMMAND...
run() {
    local engine="$1" i="$2"; shift 2
    local base="$RUNS_DIR/$engine.$i" rc=0
    log "running $engine ($i/$repeat): $*"
    (cd "$REPO_ROOT" && /usr/bin/time -v -o "$base.time" "$@") >"$base.json" 2>"$base.err" || rc=$?
    if [ "$rc" = 0 ]; then
        printf '%s\tok\t%s\t%s\t\n' "$engine" "$base.json" "$base.time" >>"$MANIFEST"
    else
        tail -n 5 "$base.err" >&2
        printf '%s\tfailed:%s\t%s\t%s\tsee %s\n' "$engine" "$rc" "$base.json" "$base.time" \
            "scripts/bench/.build/runs/$engine.$i.err" >>"$MANIFEST"
    fi
}

for i in $(seq 1 "$repeat"); do
    if [ -z "$takt_note" ]; then
        run takt "$i" "$TAKT_BIN" mmc --customers "$customers" --seed "$seed"
    elif [ "$i" = 1 ]; then
        log "takt: missing ($takt_note)"
        printf 'takt\tmissing\t\t\t%s\n' "$takt_note" >>"$MANIFEST"
    fi
    run c-loop "$i" "$OUT_DIR/mmc_loop" --customers "$customers" --seed "$seed"
    run simpy-fast "$i" "$PYTHON" "$BENCH_DIR/mmc_simpy.py" --formulation fast \
        --customers "$customers" --seed "$seed"
    run simpy-textbook "$i" "$PYTHON" "$BENCH_DIR/mmc_simpy.py" --formulation textbook \
        --customers "$textbook_customers" --seed "$seed"
done

# (e) The table.
cpu="$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
simpy_v="$("$PYTHON" -c 'import simpy; print(simpy.__version__)' 2>/dev/null || echo '?')"
"$PYTHON" "$BENCH_DIR/compare_report.py" "$MANIFEST" --out "$OUT_DIR/latest.md" \
    --meta "## M/M/c benchmark: c=5, lambda=4.5, mu=1 (rho=0.9), FIFO" \
    --meta "" \
    --meta "$(date -u '+%Y-%m-%d %H:%M UTC'); ${cpu:-unknown CPU}, $(nproc) cores; seed $seed; $repeat run(s) per engine; $("$PYTHON" --version 2>&1), SimPy $simpy_v; $(cc --version | head -n 1)." \
    --meta "Events = arrivals + departures; seconds = simulation only (engine's own timer); peak RSS from /usr/bin/time -v; 99% CI by batch means (30 batches after 10,000 warm-up customers)."
