"""The interactive Gantt chart: every operation of a replication, machines as lanes named as in
the file (``/lookup/machines``: ``saw/0``), setups, downtime and maintenance drawn.

All operations go into the page. The chart shows a time window of them — the whole run when it has
at most :data:`MOST_BARS` operations, else the longest round window from the start that holds no
more — and states the window and how many operations it holds; a selector moves and resizes it
(the URL fragment ``#gantt=START,LENGTH`` in hours sets it too). Drawing is done by ``gantt.js``.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ._json import deltas, rounded, tenths
from ._page import Page

#: The most operations the chart draws at once by default; the window selector goes further.
MOST_BARS = 3000

#: Product colours, as hex (``hsl()`` is not understood everywhere); repeated past the twelfth.
PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#eeca3b", "#9d755d", "#ff9da6",
           "#2f4b7c", "#a05195", "#665191", "#bab0ac"]

#: Machine states drawn as intervals in the lanes: state name → (legend name, colour).
INTERVAL_STATES = {"down": ("down (failure, repair)", "#d62728"), "maintenance": ("maintenance", "#ff7f0e")}


def gantt_data(run: Any, variant: str, replication: int) -> dict[str, Any]:
    """The JSON the chart draws from: lanes, products, operation names, and columns of
    operations and of down/maintenance intervals.

    Operations are sorted by start and stored compactly (a long run has hundreds of thousands):
    times in whole tenths of a second, ``start`` and ``job`` as differences from the previous row,
    ``duration`` = end − start and ``setupLead`` = start − setup start (``null``: no setup).
    Intervals hold seconds rounded to 0.1 s. ``gantt.js`` decodes both."""
    operations = run.operations(variant, replication).sort_values("start", kind="mergesort")
    states = run.states(variant, replication)
    lookup = run.lookup("operations", variant)
    steps = {(int(p), int(s)): i for i, (p, s) in enumerate(zip(lookup.get("product", []), lookup.get("step", [])))}
    op_index = [steps.get((int(p), int(s)), -1) for p, s in zip(operations["product"], operations["operation"])]
    intervals = states[states["state"].isin(list(INTERVAL_STATES))]
    kinds = list(INTERVAL_STATES)
    group = run.file["runs"][variant][str(replication)]
    horizon = float(group.attrs.get("simulated_seconds", 0.0)) or float(
        max(operations["end"].max() if len(operations) else 0.0, states["end"].max() if len(states) else 0.0))
    products = run.names("products", variant)
    start = tenths(operations["start"])
    setups = operations["setup_start"].to_numpy(dtype=float)
    return {
        "variant": variant,
        "replication": int(replication),
        "horizon": horizon,
        "warmUp": run.warm_up,
        "lanes": run.names("machines", variant),
        "products": products,
        "colours": [PALETTE[i % len(PALETTE)] for i in range(len(products))],
        "operationNames": [str(name) for name in lookup["name"]] if "name" in lookup else [],
        "outcomes": [str(c) for c in operations["outcome"].cat.categories] if len(operations) else [],
        "intervalStates": [{"name": INTERVAL_STATES[k][0], "colour": INTERVAL_STATES[k][1]} for k in kinds],
        "operations": {
            "lane": operations["machine"].astype(int).tolist(),
            "start": deltas(start),
            "duration": (tenths(operations["end"]) - start).tolist(),
            "setupLead": [None if np.isnan(s) else int(lead) for s, lead in zip(setups, start - tenths(setups))],
            "job": deltas(operations["job"].astype(np.int64)),
            "product": operations["product"].astype(int).tolist(),
            "operation": op_index,
            "outcome": operations["outcome"].cat.codes.astype(int).tolist() if len(operations) else [],
        },
        "intervals": {
            "lane": intervals["machine"].astype(int).tolist(),
            "start": rounded(intervals["start"], 1),
            "end": rounded(intervals["end"], 1),
            "kind": [kinds.index(str(s)) for s in intervals["state"]],
        },
    }


def gantt_block(page: Page, run: Any, variants: list[str], replication: int = 0) -> str:
    """The Gantt section's body: controls, the window statement and the chart, for each variant's
    ``replication`` (a selector switches variant when there are several)."""
    identifiers = []
    for variant in variants:
        identifier = f"gantt-{variant}"
        page.add_data(identifier, gantt_data(run, variant, replication))
        identifiers.append(identifier)
    page.add_script("gantt.js")
    sources = ",".join(identifiers)
    return (f'<div class="gantt" id="gantt" data-sources="{sources}" data-most-bars="{MOST_BARS}">'
            '<div class="controls"></div><p class="window-note" id="gantt-window"></p>'
            '<div class="figure" id="gantt-chart" data-figure="gantt"></div></div>')
