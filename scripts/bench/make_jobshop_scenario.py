#!/usr/bin/env python3
"""Writes scenarios/bench/jobshop.yaml, the job-shop benchmark as a Takt scenario.

The benchmark's model (jobshop_loop.c, jobshop_simpy.py) draws a fresh routing per job: k
uniform on 5..10 distinct groups in random order. A Takt scenario gives every product a fixed
routing and cannot draw one per job, so the closest expressible model is a mix of many products
with random routings, ordered with equal weights. This script builds PRODUCTS of them:

- k runs through 5..10 equally often (PRODUCTS / 6 products each), so the mean number of
  operations is exactly 7.5 and the arrival rate 0.85 * 20 / 7.5 = 136 /h gives utilisation 0.85;
- the k groups of each product are picked least-used first (ties broken at random), then put in
  a random order, so every group is visited by exactly the same number of products: each group
  gets exactly a tenth of the work, as in expectation in the per-job model;
- times lognormal with mean 1 min and CV 0.5 (sd 30 s); time unit of the results: minutes
  in the benchmark, seconds in Takt's files.

What differs from the per-job model: the routings are PRODUCTS fixed ones rather than a new
draw per job (120 of the 4.2 million possible), so the job mix is a sample of the law, not the
law. Deterministic (fixed seed): rerunning the script rewrites the same file.

Usage: python3 scripts/bench/make_jobshop_scenario.py [--products N] [--out PATH]
"""

import argparse
import pathlib
import random

GROUPS = 10
MIN_OPS, MAX_OPS = 5, 10
ROOT = pathlib.Path(__file__).resolve().parents[2]


def routings(products: int, seed: int = 20):
    """`products` routings: k balanced over 5..10, every group used equally often."""
    ks = MAX_OPS - MIN_OPS + 1
    if products % ks:
        raise SystemExit(f"--products must be a multiple of {ks}")
    rng = random.Random(seed)
    lengths = [MIN_OPS + i % ks for i in range(products)]
    rng.shuffle(lengths)
    used = [0] * GROUPS
    result = []
    for k in lengths:
        order = sorted(range(GROUPS), key=lambda g: (used[g], rng.random()))[:k]
        for g in order:
            used[g] += 1
        rng.shuffle(order)
        result.append(order)
    return result, used


def scenario(products: int) -> str:
    routes, used = routings(products)
    lines = [
        "# yaml-language-server: $schema=../../docs/scenario.schema.json",
        "#",
        "# The job-shop speed benchmark (scripts/bench/compare.sh; written by",
        "# scripts/bench/make_jobshop_scenario.py, do not edit by hand): 10 groups of 2 machines with",
        "# one FIFO queue each, Poisson orders at 136 /h (utilisation 0.85), lognormal operation",
        "# times (mean 1 min, CV 0.5), 200,000 jobs. SimPy and the C loop draw a routing per job (5-10",
        "# distinct groups in random order); a scenario cannot, so the jobs are an equal-weight mix of",
        f"# {products} products with such routings, k balanced over 5..10 and every group visited by",
        f"# {used[0]} of them (see the script). Nothing is recorded beyond the KPIs.",
        "name: job-shop benchmark",
        f"description: 10 groups x 2 machines, {products} random routings of 5-10 groups, rho 0.85, 200,000 jobs",
        "run: {seed: 1, replications: 1}",
        "stations:",
    ]
    lines += [f"  g{g}: {{machines: 2}}" for g in range(GROUPS)]
    lines.append("products:")
    for index, route in enumerate(routes):
        lines.append(f"  p{index:03d}:")
        lines.append("    routing:")
        lines += [f'      - {{station: g{g}, time: "lognormal(mean: 1 min, sd: 30 s)"}}' for g in route]
    lines += [
        "orders:",
        "  - name: orders",
        "    rate: 136 /h",
        "    count: 200_000",
        "    mix:",
    ]
    lines += [f"      p{index:03d}: 1" for index in range(products)]
    lines += [
        "record_gantt: false",
        "recording: {events: none, operations: false, jobs: false, states: false, sample: \"off\"}",
    ]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--products", type=int, default=120)
    ap.add_argument("--out", default=str(ROOT / "scenarios" / "bench" / "jobshop.yaml"))
    args = ap.parse_args()
    pathlib.Path(args.out).write_text(scenario(args.products))


if __name__ == "__main__":
    main()
