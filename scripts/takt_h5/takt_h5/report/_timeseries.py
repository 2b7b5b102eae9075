"""WIP and queue lengths over time, from a replication's sampled time series."""
from __future__ import annotations

from typing import Any

import numpy as np

from ._page import Page


def timeseries_figure(page: Page, run: Any, variant: str, replication: int) -> str:
    """Lines of ``wip`` and every ``queue.<station>`` column of one replication against time in
    hours (the warm-up shaded), or a note when nothing was sampled."""
    frame = run.timeseries(variant, replication, as_frame=True)
    columns = [c for c in frame.columns if c == "wip" or c.startswith("queue.")]
    if frame.empty or not columns:
        return ('<p class="note">No time series was sampled (<code>--sample off</code> or '
                "<code>--record kpis</code>).</p>")
    time = np.round(frame.index.to_numpy(dtype=float) / 3600, 4).tolist()
    traces = []
    for column in columns:
        name = "WIP (jobs in the shop)" if column == "wip" else f"queue at {column.split('.', 1)[1]}"
        traces.append({"type": "scatter", "mode": "lines", "name": name, "x": time,
                       "y": np.round(frame[column].to_numpy(dtype=float), 4).tolist(),
                       "line": {"width": 2 if column == "wip" else 1, "shape": "hv"},
                       "visible": True if column == "wip" or len(columns) <= 8 else "legendonly"})
    shapes = []
    if run.warm_up > 0:
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": 0, "x1": run.warm_up / 3600, "y0": 0,
                       "y1": 1, "fillcolor": "#90a4ae", "opacity": 0.15, "line": {"width": 0}})
    layout = {"height": 380, "title": {"text": f"{variant}, replication {replication}: WIP and queues "
                                                "(shaded: warm-up)"},
              "xaxis": {"title": {"text": "time (h)"}}, "yaxis": {"title": {"text": "jobs"}}, "shapes": shapes}
    return page.figure(f"timeseries-{variant}", traces, layout, kind="timeseries")
