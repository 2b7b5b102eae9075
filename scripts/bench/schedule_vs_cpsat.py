#!/usr/bin/env python3
"""Benchmarks `takt schedule` against OR-Tools CP-SAT on classic job-shop instances.

Instances: ft10 (from Tests/TaktSchedulingTests/Fixtures) and random instances generated in
the usual Taillard way (each job visits every machine once in a random order, integer times
uniform on 1..99) from fixed seeds, so every run of this script sees the same instances:
three of 15x15 and two of 20x20.

Three steps (plus `optima`), each cached under results/bench/schedule/ (gitignored):

  instances   writes the instance files (OR-Library text format).
  reference   runs CP-SAT for --reference-seconds (default 600) with one worker on each
              random instance and keeps its best makespan and whether it proved it optimal
              (reference.json). Slow: start it early, in the background.
  compare     for each time limit (default 1, 10, 30 s) runs takt (one thread) and CP-SAT
              (one worker) with the same limit and prints a Markdown table of gaps to the
              reference (compare.json + compare.md).

OR-Tools is a benchmark-only dependency (`pip install ortools`); takt never uses it.

Usage:
  python3 scripts/bench/schedule_vs_cpsat.py instances
  python3 scripts/bench/schedule_vs_cpsat.py reference [--reference-seconds 600]
  python3 scripts/bench/schedule_vs_cpsat.py compare [--limits 1,10,30] [--takt PATH]
  python3 scripts/bench/schedule_vs_cpsat.py optima [--seeds 5]   (ft06, ft10: time to the optimum)
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "results", "bench", "schedule")
FIXTURES = os.path.join(ROOT, "Tests", "TaktSchedulingTests", "Fixtures")

# (name, jobs, machines, seed). Known optima of named instances go in KNOWN_OPTIMA.
RANDOM_INSTANCES = [
    ("r15x15-1", 15, 15, 1501),
    ("r15x15-2", 15, 15, 1502),
    ("r15x15-3", 15, 15, 1503),
    ("r20x20-1", 20, 20, 2001),
    ("r20x20-2", 20, 20, 2002),
]
KNOWN_OPTIMA = {"ft10": 930}


def generate(jobs, machines, seed):
    """A random instance: per job a random machine order and times uniform on 1..99."""
    rng = random.Random(seed)
    rows = []
    for _ in range(jobs):
        order = list(range(machines))
        rng.shuffle(order)
        rows.append([(m, rng.randint(1, 99)) for m in order])
    return rows


def write_instance(path, rows):
    machines = len(rows[0])
    with open(path, "w") as f:
        f.write(f"{len(rows)} {machines}\n")
        for row in rows:
            f.write("  ".join(f"{m} {t}" for m, t in row) + "\n")


def read_instance(path):
    with open(path) as f:
        tokens = f.read().split()
    n, m = int(tokens[0]), int(tokens[1])
    values = list(map(int, tokens[2:2 + 2 * n * m]))
    return [[(values[2 * (j * m + k)], values[2 * (j * m + k) + 1]) for k in range(m)] for j in range(n)]


def instance_paths():
    """(name, path) of every benchmark instance, writing the random ones if missing."""
    os.makedirs(os.path.join(OUT, "instances"), exist_ok=True)
    result = [("ft10", os.path.join(FIXTURES, "ft10.txt"))]
    for name, n, m, seed in RANDOM_INSTANCES:
        path = os.path.join(OUT, "instances", name + ".txt")
        if not os.path.exists(path):
            write_instance(path, generate(n, m, seed))
        result.append((name, path))
    return result


def cpsat(rows, seconds, workers=1):
    """CP-SAT's best makespan, its bound and whether it proved optimality, in `seconds`."""
    from ortools.sat.python import cp_model
    model = cp_model.CpModel()
    horizon = sum(t for row in rows for _, t in row)
    per_machine = {}
    ends = []
    for j, row in enumerate(rows):
        previous_end = None
        for k, (machine, duration) in enumerate(row):
            start = model.NewIntVar(0, horizon, f"s{j}_{k}")
            end = model.NewIntVar(0, horizon, f"e{j}_{k}")
            interval = model.NewIntervalVar(start, duration, end, f"i{j}_{k}")
            per_machine.setdefault(machine, []).append(interval)
            if previous_end is not None:
                model.Add(start >= previous_end)
            previous_end = end
        ends.append(previous_end)
    for intervals in per_machine.values():
        model.AddNoOverlap(intervals)
    makespan = model.NewIntVar(0, horizon, "makespan")
    model.AddMaxEquality(makespan, ends)
    model.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    started = time.monotonic()
    status = solver.Solve(model)
    elapsed = time.monotonic() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"makespan": None, "bound": int(solver.BestObjectiveBound()), "optimal": False, "seconds": elapsed}
    return {"makespan": int(solver.ObjectiveValue()), "bound": int(solver.BestObjectiveBound()),
            "optimal": status == cp_model.OPTIMAL, "seconds": elapsed}


def load_json(path):
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {}


def save_json(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=2, sort_keys=True)
    os.replace(tmp, path)


def command_reference(args):
    path = os.path.join(OUT, "reference.json")
    cache = load_json(path)
    for name, instance in instance_paths():
        if name in KNOWN_OPTIMA or name in cache:
            continue
        print(f"CP-SAT {args.reference_seconds} s, 1 worker: {name} ...", flush=True)
        cache[name] = cpsat(read_instance(instance), args.reference_seconds)
        cache[name]["reference_seconds"] = args.reference_seconds
        save_json(path, cache)
        print(f"  {name}: {cache[name]}", flush=True)


def takt_run(takt, instance, seconds):
    out = subprocess.run([takt, "schedule", instance, "--time-limit", f"{seconds}s", "--threads", "1",
                          "--seed", "1", "--json"], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    return {"makespan": result["makespan"], "bound": result["lower_bound"], "seconds": result["seconds"],
            "best_seconds": result["best_seconds"], "iterations": result["iterations"]}


def reference_value(name, references):
    """The value gaps are measured against, and a label of where it comes from."""
    if name in KNOWN_OPTIMA:
        return KNOWN_OPTIMA[name], "optimum (published)"
    ref = references.get(name)
    if not ref or ref.get("makespan") is None:
        return None, "missing"
    label = "optimum (CP-SAT proved)" if ref["optimal"] else f"CP-SAT best in {ref['reference_seconds']} s"
    return ref["makespan"], label


def gap(value, reference):
    return 100.0 * (value - reference) / reference


def command_compare(args):
    references = load_json(os.path.join(OUT, "reference.json"))
    limits = [int(x) for x in args.limits.split(",")]
    path = os.path.join(OUT, "compare.json")
    results = load_json(path) if args.resume else {}
    for name, instance in instance_paths():
        for limit in limits:
            key = f"{name}@{limit}"
            if key in results:
                continue
            takt = takt_run(args.takt, instance, limit)
            sat = cpsat(read_instance(instance), limit)
            results[key] = {"takt": takt, "cpsat": sat}
            save_json(path, results)
            print(f"{key}: takt {takt['makespan']}  cp-sat {sat['makespan']}", flush=True)
    lines = ["| instance | reference | " + " | ".join(f"takt {s} s | CP-SAT {s} s" for s in limits) + " |",
             "|---|---|" + "---|---|" * len(limits)]
    means = {}
    for name, _ in instance_paths():
        ref, label = reference_value(name, references)
        cells = []
        for limit in limits:
            entry = results[f"{name}@{limit}"]
            for solver in ("takt", "cpsat"):
                value = entry[solver]["makespan"]
                if ref is None or value is None:
                    cells.append(f"{value}")
                    continue
                g = gap(value, ref)
                group = name.split("-")[0]
                means.setdefault((group, solver, limit), []).append(g)
                cells.append(f"{value} ({g:.2f}%)")
        lines.append(f"| {name} | {ref} ({label}) | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| mean gap | " + " | ".join(f"takt {s} s | CP-SAT {s} s" for s in limits) + " |")
    lines.append("|---|" + "---|---|" * len(limits))
    for group in ("ft10", "r15x15", "r20x20"):
        cells = []
        for limit in limits:
            for solver in ("takt", "cpsat"):
                values = means.get((group, solver, limit), [])
                cells.append(f"{sum(values) / len(values):.2f}%" if values else "–")
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    table = "\n".join(lines) + "\n"
    with open(os.path.join(OUT, "compare.md"), "w") as f:
        f.write(table)
    print(table)


def command_optima(args):
    """ft06 and ft10 with a 10 s limit on one thread, several seeds: makespan and when it was found."""
    lines = ["| instance | optimum | seed | makespan | found after (s) | iterations in 10 s |", "|---|---|---|---|---|---|"]
    for name, optimum in (("ft06", 55), ("ft10", 930)):
        for seed in range(1, args.seeds + 1):
            out = subprocess.run([args.takt, "schedule", os.path.join(FIXTURES, name + ".txt"), "--time-limit", "10s",
                                  "--threads", "1", "--seed", str(seed), "--json"], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout)
            lines.append(f"| {name} | {optimum} | {seed} | {result['makespan']} | {result['best_seconds']:.2f} | {result['iterations']} |")
            print(lines[-1], flush=True)
    with open(os.path.join(OUT, "optima.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("instances")
    ref = sub.add_parser("reference")
    ref.add_argument("--reference-seconds", type=int, default=600)
    cmp = sub.add_parser("compare")
    cmp.add_argument("--limits", default="1,10,30")
    cmp.add_argument("--takt", default=os.path.join(ROOT, ".build", "release", "takt"))
    cmp.add_argument("--resume", action="store_true", help="keep results already in compare.json")
    opt = sub.add_parser("optima")
    opt.add_argument("--seeds", type=int, default=5)
    opt.add_argument("--takt", default=os.path.join(ROOT, ".build", "release", "takt"))
    args = parser.parse_args()
    if args.command == "instances":
        for name, path in instance_paths():
            print(name, path)
    elif args.command == "reference":
        command_reference(args)
    elif args.command == "optima":
        command_optima(args)
    else:
        command_compare(args)


if __name__ == "__main__":
    sys.exit(main())
