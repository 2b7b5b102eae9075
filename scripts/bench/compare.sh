#!/usr/bin/env bash
# compare.sh: Takt beside SimPy and a hand-written C event loop on two models, timed as whole
# processes (start-up, scenario loading and output included), median of --repeat runs, with
# one Markdown table of speeds and the ratios Takt/SimPy and Takt/C.
#
#   mm5      the M/M/5 queue (lambda = 4.5, mu = 1, rho = 0.9, FIFO), 2 million customers:
#            takt (`takt run scenarios/bench/mm5.yaml --no-out`, the factory model), takt-kernel
#            (`takt-bench mmc`, the kernel's own M/M/c model), simpy-fast and simpy-textbook
#            (mmc_simpy.py), c-loop (mmc_loop.c).
#   jobshop  10 groups of 2 machines, jobs of 5-10 distinct groups in random order, lognormal
#            times (mean 1, CV 0.5), rho = 0.85, 200,000 jobs: takt (`takt run
#            scenarios/bench/jobshop.yaml --no-out`), simpy (jobshop_simpy.py, a process per job
#            and a Resource per group), c-loop (jobshop_loop.c).
#
# Usage (from anywhere in the repo):
#   scripts/bench/compare.sh [--models mm5,jobshop] [--repeat R] [--quick] [--seed S]
#                            [--textbook-customers M] [--no-install] [--no-swift-build]
#
#   --models LIST            which models, comma-separated (default mm5,jobshop)
#   --repeat R               runs per engine; the table shows each engine's median (default 5)
#   --quick                  one run per engine (the same as --repeat 1)
#   --seed S                 seed of the SimPy and C engines (Takt runs its scenario's seed 1)
#   --textbook-customers M   customers for simpy-textbook, which is slow (default 200000); its
#                            speed is per customer, so it stays comparable
#   --no-install             do not apt-get/pip install anything
#   --no-swift-build         use .build/release/{takt,takt-bench} as they are
#
# Steps: (a) installs what is missing (GNU time; SimPy into the repository's .venv: a benchmark
# dependency only, the tests never import it); (b) builds the C loops into scripts/bench/.build/;
# (c) builds takt and takt-bench (`swift build -c release`, incremental); (d) runs every engine
# R times, interleaved, under `/usr/bin/time -v` (peak RSS), its wall time taken around the whole
# process; (e) prints the table with compare_report.py and writes it to
# scripts/bench/.build/latest.md. Raw outputs stay in scripts/bench/.build/runs/.
# Exit status: 0, or 1 if an engine that was run failed or printed no valid JSON.
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

models="mm5,jobshop"
textbook_customers=200000
seed=1
repeat=5
install=1
swift_build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --models) models="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --quick) repeat=1; shift ;;
        --seed) seed="$2"; shift 2 ;;
        --textbook-customers) textbook_customers="$2"; shift 2 ;;
        --no-install) install=0; shift ;;
        --no-swift-build) swift_build=0; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "== $*" >&2; }
has_model() { case ",$models," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# (a) Install what is missing.
if [ "$install" = 1 ]; then
    if [ ! -x /usr/bin/time ]; then
        log "installing GNU time"
        apt-get update -qq && apt-get install -y -qq time >&2
    fi
    if ! "$PYTHON" -c 'import simpy' 2>/dev/null; then
        log "installing simpy==$SIMPY_VERSION into $(dirname "$(dirname "$PYTHON")")"
        "$PYTHON" -m pip install --quiet "simpy==$SIMPY_VERSION" >&2
    fi
fi
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

mkdir -p "$RUNS_DIR"
rm -f "$RUNS_DIR"/*

# (b) Build the C loops (portable flags: -O2, no -march=native).
log "building the C loops"
cc -O2 -std=c11 -Wall -Wextra -o "$OUT_DIR/mmc_loop" "$BENCH_DIR/mmc_loop.c" -lm
cc -O2 -std=c11 -Wall -Wextra -o "$OUT_DIR/jobshop_loop" "$BENCH_DIR/jobshop_loop.c" -lm

# (c) Build takt and takt-bench.
TAKT="$REPO_ROOT/.build/release/takt"
TAKT_BENCH="$REPO_ROOT/.build/release/takt-bench"
takt_note=""
if [ "$swift_build" = 1 ]; then
    log "building takt and takt-bench (swift build -c release)"
    if ! (cd "$REPO_ROOT" && swift build -c release --product takt \
          && swift build -c release --product takt-bench) >"$RUNS_DIR/takt-build.log" 2>&1; then
        takt_note="swift build failed, see scripts/bench/.build/runs/takt-build.log"
        tail -n 20 "$RUNS_DIR/takt-build.log" >&2
    fi
fi
if [ -z "$takt_note" ] && { [ ! -x "$TAKT" ] || [ ! -x "$TAKT_BENCH" ]; }; then
    takt_note=".build/release/takt or takt-bench not found"
fi

# (d) Run every engine; one manifest line per run for the report:
#   model engine status stdout time-output wall-seconds note
MANIFEST="$RUNS_DIR/manifest.tsv"
: >"$MANIFEST"

# run MODEL ENGINE RUN_INDEX COMMAND...
run() {
    local model="$1" engine="$2" i="$3"; shift 3
    local base="$RUNS_DIR/$model.$engine.$i" rc=0 t0 t1
    log "$model/$engine ($i/$repeat): $*"
    t0=$(date +%s%N)
    (cd "$REPO_ROOT" && /usr/bin/time -v -o "$base.time" "$@") >"$base.json" 2>"$base.err" || rc=$?
    t1=$(date +%s%N)
    local wall
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    if [ "$rc" = 0 ]; then
        printf '%s\t%s\tok\t%s\t%s\t%s\t\n' "$model" "$engine" "$base.json" "$base.time" "$wall" >>"$MANIFEST"
    else
        tail -n 5 "$base.err" >&2
        printf '%s\t%s\tfailed:%s\t%s\t%s\t%s\tsee %s\n' "$model" "$engine" "$rc" "$base.json" "$base.time" \
            "$wall" "scripts/bench/.build/runs/$model.$engine.$i.err" >>"$MANIFEST"
    fi
}

# takt MODEL ENGINE RUN_INDEX COMMAND...: run, or report it missing once.
takt() {
    if [ -z "$takt_note" ]; then
        run "$@"
    elif [ "$3" = 1 ]; then
        log "$1/$2: missing ($takt_note)"
        printf '%s\t%s\tmissing\t\t\t\t%s\n' "$1" "$2" "$takt_note" >>"$MANIFEST"
    fi
}

for i in $(seq 1 "$repeat"); do
    if has_model mm5; then
        takt mm5 takt "$i" "$TAKT" run scenarios/bench/mm5.yaml --no-out --json --jobs 1
        takt mm5 takt-kernel "$i" "$TAKT_BENCH" mmc --customers 2000000 --seed "$seed"
        run mm5 c-loop "$i" "$OUT_DIR/mmc_loop" --customers 2000000 --seed "$seed"
        run mm5 simpy-fast "$i" "$PYTHON" "$BENCH_DIR/mmc_simpy.py" --formulation fast \
            --customers 2000000 --seed "$seed"
        run mm5 simpy-textbook "$i" "$PYTHON" "$BENCH_DIR/mmc_simpy.py" --formulation textbook \
            --customers "$textbook_customers" --seed "$seed"
    fi
    if has_model jobshop; then
        takt jobshop takt "$i" "$TAKT" run scenarios/bench/jobshop.yaml --no-out --json --jobs 1
        run jobshop c-loop "$i" "$OUT_DIR/jobshop_loop" --jobs 200000 --seed "$seed"
        run jobshop simpy "$i" "$PYTHON" "$BENCH_DIR/jobshop_simpy.py" --jobs 200000 --seed "$seed"
    fi
done

# (e) The table.
cpu="$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
simpy_v="$("$PYTHON" -c 'import simpy; print(simpy.__version__)' 2>/dev/null || echo '?')"
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
"$PYTHON" "$BENCH_DIR/compare_report.py" "$MANIFEST" --out "$OUT_DIR/latest.md" \
    --meta "## Takt, SimPy and a C event loop: M/M/5 and a job shop, whole processes" \
    --meta "" \
    --meta "$(date -u '+%Y-%m-%d %H:%M UTC'); ${cpu:-unknown CPU}, $(nproc) cores, load average $load at the end; \
seed $seed; median of $repeat run(s) per engine; $("$PYTHON" --version 2>&1), SimPy $simpy_v; \
$(cc --version | head -n 1); git $(cd "$REPO_ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')."
