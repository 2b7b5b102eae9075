#!/usr/bin/env bash
# Sweep benchmarks (docs/performance.md, section "Sweeps"):
#   1. scaling of `takt sweep run` from --jobs 1 to --jobs 2 (24 runs of ~0.5 s each);
#   2. the per-run overhead of the Slurm path: the same 48 short runs locally (--jobs 2) and as a
#      job array on a single-node Slurm cluster (scripts/slurm/single-node.sh), with chunk 1 and
#      chunk 8, from sbatch to the last task's end; plus one `takt sweep run --task-index` process.
#
#   scripts/bench/sweep.sh [--repeat N]      (as root for the Slurm part; skipped without Slurm)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat=3
[ "${1:-}" = --repeat ] && repeat=$2
takt=$PWD/.build/release/takt
[ -x "$takt" ] || swift build -c release --product takt >&2
work=$(mktemp -d /tmp/takt-sweep-bench.XXXXXX)
cleanup() { [ -f "$work/cluster/slurm.conf" ] && bash scripts/slurm/single-node.sh stop "$work/cluster" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

cat > "$work/long.yaml" <<YAML
name: bench scaling
scenario: $PWD/scenarios/two-shifts.yaml
seed: 1
replications: 3
parameters:
  repair_crews.technicians.size: [1, 2, 3, 4]
  variant: [base, three_shifts]
fixed: {run.duration: 800 w}
YAML
cat > "$work/short.yaml" <<YAML
name: bench overhead
scenario: $PWD/scenarios/two-shifts.yaml
seed: 1
replications: 6
parameters:
  repair_crews.technicians.size: [1, 2, 3, 4]
  variant: [base, three_shifts]
fixed: {run.duration: 2 w, run.warm_up: 1 d}
YAML

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## Scaling: 24 runs of two-shifts.yaml, 800 simulated weeks each"
for jobs in 1 2; do
  times=(); cpus=()
  for _ in $(seq "$repeat"); do
    rm -rf "$work/out-$jobs"
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$takt" sweep run "$work/long.yaml" --out "$work/out-$jobs" --jobs "$jobs" >/dev/null
    read -r wall user sys < "$work/time"
    times+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
  done
  printf '%s\n' "${times[@]}" | median > "$work/median-$jobs"
  echo "--jobs $jobs: wall ${times[*]} s (median $(cat "$work/median-$jobs") s); CPU ${cpus[*]} s"
done
echo "speed-up: $(echo "scale=3; $(cat "$work/median-1") / $(cat "$work/median-2")" | bc)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "## Per-run overhead: 48 runs of two-shifts.yaml, 2 simulated weeks each"
times=()
for _ in $(seq "$repeat"); do
  rm -rf "$work/local"
  start=$(now); "$takt" sweep run "$work/short.yaml" --out "$work/local" --jobs 2 >/dev/null; end=$(now)
  times+=("$(echo "$end - $start" | bc)")
done
local_median=$(printf '%s\n' "${times[@]}" | median)
echo "local --jobs 2: ${times[*]} s (median $local_median s, $(echo "scale=1; 1000 * $local_median / 48" | bc) ms per run)"
times=()
for _ in $(seq "$repeat"); do
  rm -rf "$work/task"
  start=$(now); "$takt" sweep run "$work/short.yaml" --out "$work/task" --task-index 0 --jobs 1 >/dev/null; end=$(now)
  times+=("$(echo "$end - $start" | bc)")
done
echo "one --task-index process (1 run): ${times[*]} s (median $(printf '%s\n' "${times[@]}" | median) s)"

if ! command -v slurmctld >/dev/null 2>&1 && [ ! -x /usr/sbin/slurmctld ]; then
  echo "Slurm not installed: skipping the Slurm path (scripts/setup.sh installs it)"; exit 0
fi
bash scripts/slurm/single-node.sh start "$work/cluster" >/dev/null
export SLURM_CONF="$work/cluster/slurm.conf"
for chunk in 1 8; do
  times=()
  for _ in $(seq "$repeat"); do
    rm -rf "$work/slurm-$chunk"
    start=$(now)
    line=$("$takt" sweep submit "$work/short.yaml" --out "$work/slurm-$chunk" --chunk "$chunk" --throttle "$(nproc)" --submit | tail -1)
    array=$(sed -E 's/.*array job ([0-9]+).*/\1/' <<<"$line"); merge=$(sed -E 's/.*merge job ([0-9]+).*/\1/' <<<"$line")
    while [ -n "$(squeue -h -j "$array" 2>/dev/null)" ]; do sleep 0.05; done
    end=$(now)
    while [ -n "$(squeue -h -j "$merge" 2>/dev/null)" ]; do sleep 0.05; done
    "$takt" sweep status "$work/short.yaml" --out "$work/slurm-$chunk" | grep -q "complete 48," || { echo "error: runs missing" >&2; exit 1; }
    times+=("$(echo "$end - $start" | bc)")
  done
  slurm_median=$(printf '%s\n' "${times[@]}" | median)
  tasks=$(( (48 + chunk - 1) / chunk ))
  echo "slurm chunk $chunk ($tasks tasks, $(nproc) at once): ${times[*]} s (median $slurm_median s;" \
    "overhead vs local $(echo "scale=2; ($slurm_median - $local_median) * $(nproc) / $tasks" | bc) core-s per task," \
    "$(echo "scale=1; 1000 * ($slurm_median - $local_median) / 48" | bc) ms wall per run)"
done
