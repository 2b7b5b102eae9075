#!/usr/bin/env python3
"""Builds the Markdown table of compare.sh's runs: Takt, SimPy and C on M/M/5 and a job shop.

Input: a manifest, one tab-separated line per run:
    model <TAB> engine <TAB> status <TAB> stdout_path <TAB> time_path <TAB> wall_seconds <TAB> note
where model is mm5 or jobshop, status is "ok", "missing" (the engine could not be built) or
"failed:<rc>", stdout_path holds what the engine printed (one JSON line; `takt run --json` for
the takt rows), time_path the output of `/usr/bin/time -v` (for the peak RSS) and wall_seconds
the whole process's wall time. An engine appears once per repetition; its row is the run with
the median wall time per customer (jobs for the job shop).

Speed is customers (jobs) per second of whole-process wall time, so engines that ran different
numbers of customers (simpy-textbook) stay comparable. The ratios are Takt's speed over each
other engine's.

Usage (compare.sh calls it):
  python3 scripts/bench/compare_report.py MANIFEST [--out FILE] [--meta "text"]...

Exits 1 if a run that was attempted failed or printed no valid JSON; a missing engine is
reported, not an error.
"""

import argparse
import json
import re
import sys

MODELS = {
    "mm5": ("M/M/5, rho 0.9", "customers", "mean wait in queue (min)",
            ("takt", "takt-kernel", "c-loop", "simpy-fast", "simpy-textbook")),
    "jobshop": ("job shop, 10 x 2 machines, rho 0.85", "jobs", "mean flow time (min)",
                ("takt", "c-loop", "simpy")),
}
ENGINE_LABELS = {
    "takt": "takt run (factory model)",
    "takt-kernel": "takt-bench mmc (kernel model)",
    "c-loop": "C event loop",
    "simpy-fast": "SimPy, fastest formulation",
    "simpy-textbook": "SimPy, textbook (process per customer + Resource)",
    "simpy": "SimPy (process per job + Resource per group)",
}


def parse_output(model, engine, path):
    """(count, result, CI text or '') from an engine's stdout, or an error string."""
    try:
        with open(path) as f:
            lines = [ln for ln in f.read().splitlines() if ln.strip()]
    except OSError as e:
        return f"no output ({e.strerror})"
    if not lines:
        return "no output"
    try:
        data = json.loads(lines[-1] if engine != "takt" else "\n".join(lines))
    except json.JSONDecodeError as e:
        return f"bad JSON: {e}"
    try:
        if engine == "takt":
            kpis = {k["name"]: k["mean"] for k in data["kpis"]}
            count = int(kpis["finished_jobs"])
            flow = kpis["flow_time_mean"]
            # M/M/5: the scenario's service time has mean 1 min, so wait = flow - 1 (approximately:
            # the drawn times' mean is not exactly 1)
            return (count, flow - 1.0 if model == "mm5" else flow, "flow − 1 min" if model == "mm5" else "")
        if model == "mm5":
            ci = f"[{data['ci99_low']:.4f}, {data['ci99_high']:.4f}], exact {data['exact_wait']:.4f}"
            return int(data["customers"]), data["mean_wait"], ci
        return int(data["jobs"]), data["mean_flow_time"], ""
    except (KeyError, TypeError, ValueError) as e:
        return f"unexpected JSON ({e!r})"


def parse_max_rss_mib(path):
    try:
        with open(path) as f:
            m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", f.read())
    except OSError:
        return None
    return int(m.group(1)) / 1024.0 if m else None


def main(argv=None):
    ap = argparse.ArgumentParser(description="compare.sh report")
    ap.add_argument("manifest")
    ap.add_argument("--out")
    ap.add_argument("--meta", action="append", default=[])
    args = ap.parse_args(argv)

    runs = {}  # (model, engine) -> list of ("ok", dict) | (status, note)
    failed = False
    with open(args.manifest) as f:
        for line in f:
            if not line.strip():
                continue
            model, engine, status, out_path, time_path, wall, note = (line.rstrip("\n").split("\t") + [""] * 7)[:7]
            entry = runs.setdefault((model, engine), [])
            if status == "missing":
                entry.append(("missing", note or "not built"))
                continue
            parsed = parse_output(model, engine, out_path)
            if status != "ok" or isinstance(parsed, str):
                failed = True
                why = " ".join(x for x in (status if status != "ok" else "",
                                           parsed if isinstance(parsed, str) else "") if x)
                entry.append(("failed", f"{why}; {note}".strip("; ")))
                continue
            count, result, ci = parsed
            entry.append(("ok", {"count": count, "result": result, "ci": ci, "wall": float(wall),
                                 "rate": count / float(wall), "rss": parse_max_rss_mib(time_path)}))

    out = list(args.meta)
    if args.meta:
        out.append("")
    chosen = {}
    for model, (title, unit, result_name, engines) in MODELS.items():
        present = [e for e in engines if (model, e) in runs]
        if not present:
            continue
        out.append(f"**{title}** — {result_name}")
        out.append("")
        out.append(f"| engine | {unit} | wall s (whole process) | {unit}/s | peak RSS MiB | result | note |")
        out.append("|---|---:|---:|---:|---:|---:|---|")
        for engine in present:
            entries = runs[(model, engine)]
            ok = sorted((d for s, d in entries if s == "ok"), key=lambda d: d["rate"])
            if not ok:
                status, note = entries[-1]
                out.append(f"| {ENGINE_LABELS.get(engine, engine)} | {status}: {note} | | | | | |")
                continue
            d = ok[len(ok) // 2]  # the median run (upper median for an even count)
            chosen[(model, engine)] = d
            walls = ", ".join(f"{x['wall']:.2f}" for x in ok)
            rss = f"{d['rss']:.1f}" if d["rss"] is not None else "?"
            note = f"{d['ci']}; " if d["ci"] else ""
            out.append(f"| {ENGINE_LABELS.get(engine, engine)} | {d['count']:,} | {d['wall']:.3f} "
                       f"| {d['rate']:,.0f} | {rss} | {d['result']:.4f} | {note}runs: {walls} |")
        out.append("")

    out.append("**Ratios of speed (whole process, median runs): Takt's customers or jobs per second over the "
               "other engine's**")
    out.append("")
    out.append("| model | takt / SimPy | takt / C |")
    out.append("|---|---:|---:|")

    def ratio(model, mine, other):
        a, b = chosen.get((model, mine)), chosen.get((model, other))
        return f"{a['rate'] / b['rate']:.2f}×" if a and b else "n/a"

    if any(m == "mm5" for m, _ in runs):
        out.append(f"| M/M/5, factory model (`takt run`) | {ratio('mm5', 'takt', 'simpy-textbook')} textbook, "
                   f"{ratio('mm5', 'takt', 'simpy-fast')} fastest | {ratio('mm5', 'takt', 'c-loop')} |")
        out.append(f"| M/M/5, kernel model (`takt-bench mmc`) | {ratio('mm5', 'takt-kernel', 'simpy-textbook')} "
                   f"textbook, {ratio('mm5', 'takt-kernel', 'simpy-fast')} fastest "
                   f"| {ratio('mm5', 'takt-kernel', 'c-loop')} |")
    if any(m == "jobshop" for m, _ in runs):
        out.append(f"| job shop (`takt run`) | {ratio('jobshop', 'takt', 'simpy')} "
                   f"| {ratio('jobshop', 'takt', 'c-loop')} |")

    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
