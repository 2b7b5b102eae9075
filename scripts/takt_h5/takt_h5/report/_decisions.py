"""Controllers' maintenance decisions beside the failures they try to prevent: for one replication,
each maintenance order a controller gave (and each a shadow controller would have given) and each
failure — the truth a prediction is judged by — at its time on its machine's lane."""
from __future__ import annotations

from typing import Any

import h5py
import numpy as np

from ._page import Page

#: Event kinds drawn, with their legend names, marker symbols and colours.
MARKERS = {"failure": ("failure (truth)", "x", "#d62728"),
           "maintenance_order": ("maintenance ordered by the controller", "triangle-up", "#1f77b4"),
           "shadow_maintenance_order": ("maintenance a shadow controller would order", "triangle-down", "#7f7f7f")}


def decision_events(run: Any, variant: str, replication: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Kind → (times in s, machine ids) of the drawn events; kinds absent from the log are left out.
    Reads only the ``kind``, ``time`` and ``machine`` columns (event logs run to millions of rows)."""
    group = run.file["runs"][variant][str(replication)]
    if "events" not in group or group["events"].shape[0] == 0:
        return {}
    dataset = group["events"]
    mapping = h5py.check_enum_dtype(dataset.dtype["kind"]) or {}
    kinds = dataset.fields("kind")[()]
    found = {name: kinds == mapping[name] for name in MARKERS if name in mapping}
    found = {name: mask for name, mask in found.items() if mask.any()}
    if not found:
        return {}
    columns = dataset.fields(["time", "machine"])[()]
    return {name: (columns["time"][mask], columns["machine"][mask]) for name, mask in found.items()}


def decisions_figure(page: Page, run: Any, variant: str, replication: int) -> str:
    """The chart, or ``""`` when the variant's controllers ordered (or would have ordered) nothing."""
    events = decision_events(run, variant, replication)
    if not any(name != "failure" for name in events):
        return ""
    lanes = run.names("machines", variant)
    traces = []
    for name, (times, machines) in events.items():
        legend, symbol, colour = MARKERS[name]
        traces.append({"type": "scatter", "mode": "markers", "name": f"{legend} ({len(times)})",
                       "x": np.round(times / 3600, 3).tolist(),
                       "y": [lanes[int(m)] if 0 <= int(m) < len(lanes) else str(int(m)) for m in machines],
                       "marker": {"symbol": symbol, "color": colour, "size": 9},
                       "hovertemplate": f"{legend}<br>%{{y}} at %{{x:.2f}} h<extra></extra>"})
    layout = {"height": 160 + 22 * len(lanes),
              "title": {"text": f"{variant}, replication {replication}: maintenance decisions beside the failures"},
              "xaxis": {"title": {"text": "time (h)"}},
              "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": lanes, "autorange": "reversed",
                        "automargin": True}}
    return page.figure(f"decisions-{variant}", traces, layout, kind="decisions")
