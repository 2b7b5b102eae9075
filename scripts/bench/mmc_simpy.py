#!/usr/bin/env python3
"""M/M/c reference benchmark in SimPy, for comparison with Takt's `takt-bench mmc`.

Model: c = 5 servers, Poisson arrivals at rate lambda = 4.5, exponential service at
rate mu = 1 per server (utilisation rho = 0.9), one FIFO queue, N customers (default
2,000,000). The run ends when the last customer has departed. "Model events" are
arrivals + departures, so exactly 2N.

Output: the mean wait in queue (Wq) over the customers after a warm-up of 10,000, with
a 99% confidence interval by batch means (30 batches of consecutive customers in arrival
order, CI = mean +- t_{0.995,29} * sd_batch / sqrt(30)), next to the exact Erlang-C Wq.

Two formulations (`--formulation`), plus one extra for reference:
  textbook  one SimPy process per customer that requests a `simpy.Resource(capacity=c)`,
            holds it for a `timeout` and releases it: how most SimPy models are written.
  fast      (default) the fastest formulation we found: no processes at all, only SimPy's
            event calendar. Arrivals and departures are `env.timeout` events with a plain
            callback appended; waiting customers are a `collections.deque` of arrival
            times and idle servers a counter. This skips the generator resumption of
            processes and the Resource's request/release events.
  servers   (extra, not used by compare.sh) the fastest *process-based* formulation: one
            arrival generator process and c long-lived server processes over a deque of
            waiting customers; an idle server parks on a bare `env.event()` that the next
            arrival succeeds. About 1.2-1.3x slower than `fast` on our machine; a `simpy.Store`
            feeding c server processes was about 2.3x slower than this one.
All formulations draw the same random numbers in the same order (a service time is drawn
when service starts, and FIFO fixes that order), so for one seed they give identical Wq:
a cross-check of the formulations, not only of the statistics.

Random numbers: `random.Random`, one generator for interarrival times and a separate one
for service times, both derived from --seed.

Usage:
  python3 scripts/bench/mmc_simpy.py [--formulation fast|textbook|servers] [--customers N] [--seed S]

Prints exactly one JSON line on stdout:
  {"engine": "simpy-fast"|"simpy-textbook"|"simpy-servers", "customers": N, "events": E, "seconds": s,
   "events_per_second": E/s, "mean_wait": x, "ci99_low": a, "ci99_high": b,
   "exact_wait": Wq}
"seconds" is the wall-clock time of `env.run()` only (not the interpreter start-up).
Requires SimPy (`pip install simpy`).
"""

import argparse
import json
import math
import random
import sys
import time
from collections import deque

import simpy

SERVERS = 5
ARRIVAL_RATE = 4.5  # lambda
SERVICE_RATE = 1.0  # mu, per server
WARMUP_CUSTOMERS = 10_000
BATCHES = 30
T_0995_29 = 2.756386  # Student t quantile, 0.995, 29 degrees of freedom


def erlang_c_wait(c: int, lam: float, mu: float) -> float:
    """Exact mean wait in queue Wq of M/M/c (Erlang C)."""
    a = lam / mu  # offered load in Erlangs
    rho = a / c
    assert rho < 1.0, "unstable queue"
    term = 1.0  # a^k / k!
    partial = 0.0  # sum_{k<c} a^k / k!
    for k in range(c):
        partial += term
        term *= a / (k + 1)
    # term is now a^c / c!
    tail = term / (1.0 - rho)
    p_wait = tail / (partial + tail)
    return p_wait / (c * mu - lam)


class BatchMeans:
    """Streaming batch-means accumulator keyed by customer number (0-based, arrival order).

    Customers before the warm-up are discarded; the rest are split into BATCHES batches of
    floor((N - warm-up) / BATCHES) consecutive customers; the few left over at the end are
    not used.
    """

    def __init__(self, customers: int):
        usable = customers - WARMUP_CUSTOMERS
        if usable < 2 * BATCHES:
            raise SystemExit(f"need at least {WARMUP_CUSTOMERS + 2 * BATCHES} customers")
        self.batch_size = usable // BATCHES
        self.sums = [0.0] * BATCHES

    def add(self, customer: int, wait: float) -> None:
        k = customer - WARMUP_CUSTOMERS
        if k >= 0:
            b = k // self.batch_size
            if b < BATCHES:
                self.sums[b] += wait

    def result(self):
        means = [s / self.batch_size for s in self.sums]
        grand = sum(means) / BATCHES
        var = sum((m - grand) ** 2 for m in means) / (BATCHES - 1)
        half = T_0995_29 * math.sqrt(var) / math.sqrt(BATCHES)
        return grand, grand - half, grand + half


def make_rngs(seed: int):
    """Separate, reproducible generators for interarrival and service times."""
    return (random.Random(f"takt-mmc:{seed}:interarrival"),
            random.Random(f"takt-mmc:{seed}:service"))


# Each builder sets up the model on `env` and returns two one-element lists, the counts of
# arrivals and departures, which the model updates while it runs (a list cell is cheaper to
# update from a closure than a dict entry or an attribute).


def build_textbook(env, customers, stats, arrival_rng, service_rng):
    """One process per customer using a simpy.Resource (the usual SimPy idiom)."""
    servers = simpy.Resource(env, capacity=SERVERS)
    arrivals = [0]
    departures = [0]

    def customer(cid):
        arrived = env.now
        with servers.request() as req:
            yield req
            stats.add(cid, env.now - arrived)
            yield env.timeout(service_rng.expovariate(SERVICE_RATE))
        departures[0] += 1

    def source():
        for cid in range(customers):
            yield env.timeout(arrival_rng.expovariate(ARRIVAL_RATE))
            arrivals[0] += 1
            env.process(customer(cid))

    env.process(source())
    return arrivals, departures


def build_fast(env, customers, stats, arrival_rng, service_rng):
    """Event scheduling on SimPy's calendar: timeouts with callbacks, no processes.

    FIFO holds throughout: an arriving customer starts service at once only when nobody is
    waiting, so customers start service in arrival order and a running counter numbers
    them (the customer id) without carrying ids around.
    """
    waiting = deque()  # arrival times of waiting customers, oldest first
    free = [SERVERS]  # idle servers
    started = [0]  # customers that have started service so far (= next customer's id)
    arrivals = [0]
    departures = [0]
    timeout = env.timeout
    expo_arrival = arrival_rng.expovariate
    expo_service = service_rng.expovariate
    add = stats.add

    def start_service(arrived):
        add(started[0], env.now - arrived)
        started[0] += 1
        timeout(expo_service(SERVICE_RATE)).callbacks.append(departure)

    def departure(_event):
        departures[0] += 1
        if waiting:
            start_service(waiting.popleft())
        else:
            free[0] += 1

    def arrival(_event):
        arrivals[0] += 1
        if free[0]:
            free[0] -= 1
            start_service(env.now)
        else:
            waiting.append(env.now)
        if arrivals[0] < customers:
            timeout(expo_arrival(ARRIVAL_RATE)).callbacks.append(arrival)

    timeout(expo_arrival(ARRIVAL_RATE)).callbacks.append(arrival)
    return arrivals, departures


def build_servers(env, customers, stats, arrival_rng, service_rng):
    """One arrival process + c server processes over a deque of waiting customers.

    Customers are numbered by a running counter at the start of service, as in build_fast.
    """
    waiting = deque()  # arrival times of waiting customers, oldest first
    idle = []  # wake-up events of parked (idle) servers
    started = [0]  # customers that have started service so far (= next customer's id)
    arrivals = [0]
    departures = [0]
    timeout = env.timeout
    new_event = env.event
    expo_arrival = arrival_rng.expovariate
    expo_service = service_rng.expovariate
    add = stats.add

    def server():
        while True:
            if waiting:
                arrived = waiting.popleft()
            else:
                wake = new_event()
                idle.append(wake)
                arrived = yield wake  # value: the arrival time of the handed-over customer
            add(started[0], env.now - arrived)
            started[0] += 1
            yield timeout(expo_service(SERVICE_RATE))
            departures[0] += 1

    def source():
        for _ in range(customers):
            yield timeout(expo_arrival(ARRIVAL_RATE))
            arrivals[0] += 1
            if idle:
                idle.pop().succeed(env.now)
            else:
                waiting.append(env.now)

    for _ in range(SERVERS):
        env.process(server())
    env.process(source())
    return arrivals, departures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--formulation", choices=("fast", "textbook", "servers"), default="fast")
    ap.add_argument("--customers", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    env = simpy.Environment()
    stats = BatchMeans(args.customers)
    arrival_rng, service_rng = make_rngs(args.seed)
    builder = {"textbook": build_textbook, "fast": build_fast,
               "servers": build_servers}[args.formulation]
    arrivals, departures = builder(env, args.customers, stats, arrival_rng, service_rng)

    start = time.perf_counter()
    env.run()  # runs until the calendar is empty: all customers have departed
    seconds = time.perf_counter() - start

    if arrivals[0] != args.customers or departures[0] != args.customers:
        sys.exit(f"internal error: {arrivals[0]} arrivals and {departures[0]} departures"
                 f" for {args.customers} customers")
    events = arrivals[0] + departures[0]
    mean, low, high = stats.result()
    print(json.dumps({
        "engine": f"simpy-{args.formulation}",
        "customers": args.customers,
        "events": events,
        "seconds": seconds,
        "events_per_second": events / seconds,
        "mean_wait": mean,
        "ci99_low": low,
        "ci99_high": high,
        "exact_wait": erlang_c_wait(SERVERS, ARRIVAL_RATE, SERVICE_RATE),
    }))


if __name__ == "__main__":
    main()
