#!/usr/bin/env python3
"""Builds the Markdown table of the M/M/c benchmark from the runs made by compare.sh.

Input: a manifest, one tab-separated line per run:
    engine <TAB> status <TAB> json_path <TAB> time_path <TAB> note
where engine is the expected engine name (takt, simpy-fast, simpy-textbook, c-loop),
status is "ok", "missing" (the engine could not be built or found) or "failed:<rc>",
json_path holds the engine's one JSON line on stdout, and time_path the output of
`/usr/bin/time -v` (for "Maximum resident set size"). An engine may appear several times
(compare.sh --repeat): its row is then the run with the median events/s.

Usage (compare.sh calls it):
  python3 scripts/bench/compare_report.py MANIFEST [--out FILE] [--meta "text"]...

Prints the table (and the events/s ratios of takt to the other engines) on stdout and
writes the same text to --out. Exits 1 if a run that was attempted failed or printed no
valid JSON; a missing engine (e.g. takt-bench not built yet) is reported, not an error.
"""

import argparse
import json
import re
import sys
from collections import OrderedDict

ENGINES = ("takt", "simpy-fast", "simpy-textbook", "c-loop")
KEYS = ("engine", "customers", "events", "seconds", "events_per_second",
        "mean_wait", "ci99_low", "ci99_high", "exact_wait")


def parse_json_line(path):
    """The last non-empty stdout line as a dict with all KEYS, or an error string."""
    try:
        with open(path) as f:
            lines = [ln for ln in f.read().splitlines() if ln.strip()]
    except OSError as e:
        return f"no output ({e.strerror})"
    if not lines:
        return "no output"
    if len(lines) > 1:
        return f"{len(lines)} lines on stdout, expected exactly one"
    try:
        data = json.loads(lines[0])
    except json.JSONDecodeError as e:
        return f"bad JSON: {e}"
    missing = [k for k in KEYS if k not in data]
    return f"JSON lacks {', '.join(missing)}" if missing else data


def parse_max_rss_mib(path):
    """Peak RSS in MiB from `/usr/bin/time -v` output, or None."""
    try:
        with open(path) as f:
            m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", f.read())
    except OSError:
        return None
    return int(m.group(1)) / 1024.0 if m else None


def fmt_int(x):
    return f"{int(x):,}"


def fmt_rate(x):
    return f"{x:,.0f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description="M/M/c benchmark report")
    ap.add_argument("manifest")
    ap.add_argument("--out")
    ap.add_argument("--meta", action="append", default=[],
                    help="a line of context printed above the table (repeatable)")
    args = ap.parse_args(argv)

    runs = OrderedDict((e, []) for e in ENGINES)  # engine -> list of (status, data, rss)
    failed = False
    with open(args.manifest) as f:
        for line in f:
            if not line.strip():
                continue
            engine, status, json_path, time_path, note = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            runs.setdefault(engine, [])
            if status == "missing":
                runs[engine].append(("missing", note or "not built", None))
                continue
            data = parse_json_line(json_path)
            if status != "ok" or isinstance(data, str):
                failed = True
                why = status if status != "ok" else ""
                if isinstance(data, str):
                    why = f"{why} {data}".strip()
                runs[engine].append(("failed", f"{why}; {note}".strip("; "), None))
                continue
            if data["engine"] != engine:
                failed = True
                runs[engine].append(("failed", f"reported engine {data['engine']!r}", None))
                continue
            runs[engine].append(("ok", data, parse_max_rss_mib(time_path)))

    out = []
    out.extend(args.meta)
    if args.meta:
        out.append("")
    out.append("| engine | customers | events | seconds | events/s | peak RSS MiB "
               "| mean wait [99% CI] | exact | CI covers exact |")
    out.append("|---|---:|---:|---:|---:|---:|---|---:|:---:|")
    chosen = {}
    for engine, rs in runs.items():
        if not rs:
            continue
        ok = [r for r in rs if r[0] == "ok"]
        if not ok:
            status, note, _ = rs[-1]
            out.append(f"| {engine} | {status}: {note} | | | | | | | |")
            continue
        ok.sort(key=lambda r: r[1]["events_per_second"])
        _, d, rss = ok[len(ok) // 2]  # the median run (upper median for an even count)
        chosen[engine] = d
        covers = d["ci99_low"] <= d["exact_wait"] <= d["ci99_high"]
        rss_s = f"{rss:.1f}" if rss is not None else "?"
        reps = f" (median of {len(ok)})" if len(ok) > 1 else ""
        out.append(
            f"| {engine}{reps} | {fmt_int(d['customers'])} | {fmt_int(d['events'])} "
            f"| {d['seconds']:.3f} | {fmt_rate(d['events_per_second'])} | {rss_s} "
            f"| {d['mean_wait']:.4f} [{d['ci99_low']:.4f}, {d['ci99_high']:.4f}] "
            f"| {d['exact_wait']:.5f} | {'yes' if covers else 'NO'} |")

    out.append("")
    out.append("Events/s ratios (model events = arrivals + departures):")
    out.append("")
    takt = chosen.get("takt")
    for other in ("simpy-fast", "simpy-textbook", "c-loop"):
        if takt and other in chosen:
            ratio = takt["events_per_second"] / chosen[other]["events_per_second"]
            out.append(f"- takt / {other}: {ratio:.2f}x")
        else:
            out.append(f"- takt / {other}: n/a (no result for {'takt' if not takt else other})")

    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
