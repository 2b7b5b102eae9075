#!/usr/bin/env python3
"""Job-shop benchmark in SimPy, beside `takt run scenarios/bench/jobshop.yaml` and jobshop_loop.c.

Model: 10 groups of 2 identical machines, one FIFO queue per group. Each job draws k uniform on
5..10 and visits k distinct groups in random order; every operation takes a lognormal time with
mean 1 and coefficient of variation 0.5, drawn when the operation starts. Poisson arrivals at
rate 0.85 * 20 / 7.5 (utilisation 0.85: 7.5 operations of mean 1 per job over 20 machines).
N jobs (default 200,000); the run ends when the last job has left.

Formulation: the fastest one a SimPy user would write for this model, a process per job and a
`simpy.Resource(capacity=2)` per group (its request queue is the group's FIFO queue): request,
hold for a timeout, release, next group. Module-level lookups are bound to locals, as a user
tuning a model would do.

Usage:
  python3 scripts/bench/jobshop_simpy.py [--jobs N] [--seed S]

Prints exactly one JSON line on stdout:
  {"engine": "simpy", "model": "jobshop", "jobs": N, "seconds": s, "mean_flow_time": x,
   "operations": O}
"seconds" is the wall-clock time of `env.run()` only; mean_flow_time is over all N jobs.
Requires SimPy (`pip install simpy`; scripts/bench/compare.sh installs it into .venv).
"""

import argparse
import json
import math
import random
import sys
import time

import simpy

GROUPS = 10
MACHINES_PER_GROUP = 2
MIN_OPS, MAX_OPS = 5, 10
UTILISATION = 0.85
CV = 0.5


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    rate = UTILISATION * GROUPS * MACHINES_PER_GROUP / ((MIN_OPS + MAX_OPS) / 2)
    sigma2 = math.log(1 + CV * CV)
    sigma, mu = math.sqrt(sigma2), -sigma2 / 2  # lognormal with mean 1, CV 0.5

    env = simpy.Environment()
    groups = [simpy.Resource(env, capacity=MACHINES_PER_GROUP) for _ in range(GROUPS)]
    rng = random.Random(f"takt-jobshop:{args.seed}")
    lognormal, expo, randint, sample = rng.lognormvariate, rng.expovariate, rng.randint, rng.sample
    timeout = env.timeout
    all_groups = range(GROUPS)
    totals = [0.0, 0, 0]  # flow time sum, finished jobs, operations

    def job(route):
        arrived = env.now
        for g in route:
            with groups[g].request() as request:
                yield request
                yield timeout(lognormal(mu, sigma))
        totals[0] += env.now - arrived
        totals[1] += 1
        totals[2] += len(route)

    def source():
        for _ in range(args.jobs):
            yield timeout(expo(rate))
            env.process(job(sample(all_groups, randint(MIN_OPS, MAX_OPS))))

    env.process(source())
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    if totals[1] != args.jobs:
        sys.exit(f"internal error: {totals[1]} of {args.jobs} jobs finished")
    print(json.dumps({"engine": "simpy", "model": "jobshop", "jobs": args.jobs, "seconds": seconds,
                      "mean_flow_time": totals[0] / args.jobs, "operations": totals[2]}))


if __name__ == "__main__":
    main()
