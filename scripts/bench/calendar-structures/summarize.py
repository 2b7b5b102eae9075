#!/usr/bin/env python3
"""Merge several calendar-bench outputs: per cell, the median over repeats of
the per-repeat medians. A cell is flagged '~' when the repeats disagree by
more than 10% ((max - min) / median), or when any repeat flagged its own
5 runs as noisy. Usage: summarize.py raw/run-*.txt"""
import re
import statistics
import sys

tables = {}   # section -> {"cols": [...], "rows": {label: [[values per repeat], ...]}}
order = []
for path in sys.argv[1:]:
    section = None
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("### "):
            section = line[4:]
            if section not in tables:
                tables[section] = {"cols": None, "rows": {}, "noisy": set(), "rowsorder": []}
                order.append(section)
            continue
        if section is None or not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == "n":
            tables[section]["cols"] = cells[1:]
            continue
        if cells[0].startswith("---"):
            continue
        label, vals = cells[0], cells[1:]
        t = tables[section]
        if label not in t["rows"]:
            t["rows"][label] = [[] for _ in vals]
            t["rowsorder"].append(label)
        for k, v in enumerate(vals):
            m = re.match(r"\**([0-9.]+)\**", v)
            t["rows"][label][k].append(float(m.group(1)))
            if "~" in v:
                t["noisy"].add((label, k))

print(f"Median over {len(sys.argv) - 1} repeats of the per-repeat median of 5 runs, ns per operation.")
print("Bold = fastest in the row; ~N% = repeats differ by N% (max-min over median), or a repeat's own runs varied > 10% (~).")
print()
for s in order:
    t = tables[s]
    print(f"### {s}")
    print("| n | " + " | ".join(t["cols"]) + " |")
    print("|---|" + "|".join("---:" for _ in t["cols"]) + "|")
    for label in t["rowsorder"]:
        series = t["rows"][label]
        meds = [statistics.median(x) for x in series]
        best = min(meds)
        out = []
        for k, x in enumerate(series):
            m = meds[k]
            txt = f"{m:.1f}"
            if m == best:
                txt = f"**{txt}**"
            spread = (max(x) - min(x)) / m if m > 0 else 0
            if spread > 0.10:
                txt += f" ~{spread * 100:.0f}%"
            elif (label, k) in t["noisy"]:
                txt += " ~"
            out.append(txt)
        print(f"| {label} | " + " | ".join(out) + " |")
    print()
