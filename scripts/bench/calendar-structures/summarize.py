#!/usr/bin/env python3
"""Merge several calendar-bench outputs: per cell, the median over repeats of
the per-repeat medians, flagged '~N%' when the repeat medians disagree by
more than 10% ((max - min) / median). If the outputs were made with
--show-min, a second table gives the fastest single run over all repeats
(the least noise-sensitive estimate on a shared machine).
Usage: summarize.py raw/run-*.txt"""
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
                tables[section] = {"cols": None, "rows": {}, "mins": {}, "rowsorder": []}
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
            t["mins"][label] = [[] for _ in vals]
            t["rowsorder"].append(label)
        for k, v in enumerate(vals):
            m = re.match(r"\**([0-9.]+)\**", v)
            t["rows"][label][k].append(float(m.group(1)))
            mm = re.search(r"\(min ([0-9.]+)\)", v)
            if mm:
                t["mins"][label][k].append(float(mm.group(1)))

def table(title, t, series_of, flag):
    print(title)
    print("| n | " + " | ".join(t["cols"]) + " |")
    print("|---|" + "|".join("---:" for _ in t["cols"]) + "|")
    for label in t["rowsorder"]:
        series = series_of(label)
        vals = [statistics.median(x) if flag else min(x) for x in series]
        best = min(vals)
        out = []
        for k, x in enumerate(series):
            m = vals[k]
            txt = f"{m:.1f}"
            if m == best:
                txt = f"**{txt}**"
            if flag:
                spread = (max(x) - min(x)) / m if m > 0 else 0
                if spread > 0.10:
                    txt += f" ~{spread * 100:.0f}%"
            out.append(txt)
        print(f"| {label} | " + " | ".join(out) + " |")
    print()


n = len(sys.argv) - 1
print(f"Median over {n} repeats of each repeat's median of its runs, ns per operation.")
print("Bold = fastest in the row; ~N% = the repeat medians differ by N% (max-min over median).")
print()
for s in order:
    t = tables[s]
    table(f"### {s}", t, lambda label: t["rows"][label], True)
have_min = all(all(x) for t in tables.values() for row in t["mins"].values() for x in row)
if have_min:
    print(f"Fastest single run over all {n} repeats (least affected by other load), ns per operation.")
    print()
    for s in order:
        t = tables[s]
        table(f"### {s} -- best run", t, lambda label: t["mins"][label], False)
