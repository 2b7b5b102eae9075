"""Utilisation by state: for each station, the share of its machines' time in each state, as
stacked bars (busy, setup, blocked, starved, down, maintenance, off shift, idle)."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .._shares import state_shares
from ._page import Page

#: The states in stacking order, with their legend names and colours.
STATES = [("busy", "busy", "#2e7d32"), ("setup", "setup", "#9e9d24"), ("blocked", "blocked", "#6a1b9a"),
          ("starved", "starved", "#0277bd"), ("down", "down", "#c62828"), ("maintenance", "maintenance", "#ef6c00"),
          ("off_shift", "off shift", "#546e7a"), ("idle", "idle", "#cfd8dc")]


def station_shares(run: Any, variant: str) -> pd.DataFrame:
    """Station × state time shares (0–1) after the warm-up, averaged over the recorded replications
    whose ``states`` table has rows; empty when none has."""
    frames = []
    for replication in run.replications(variant):
        group = run.file["runs"][variant][str(replication)]
        if "states" not in group or group["states"].shape[0] == 0:
            continue
        frames.append(state_shares(run, variant, replication, start=run.warm_up, by="station"))
    if not frames:
        return pd.DataFrame()
    mean = pd.concat(frames).groupby(level=0, sort=False).mean()
    stations = [name for name in run.names("stations", variant) if name in mean.index]
    mean = mean.reindex(stations)
    mean.attrs["replications"] = len(frames)
    return mean


def utilisation_figure(page: Page, run: Any, variant: str) -> str:
    """The stacked bar chart of :func:`station_shares` for ``variant``, or a note when no states were recorded."""
    shares = station_shares(run, variant)
    if shares.empty:
        return '<p class="note">No machine states were recorded (<code>--record kpis</code>?).</p>'
    stations = list(shares.index)
    traces = []
    for state, name, colour in STATES:
        values = (shares[state] * 100).round(3).tolist() if state in shares else [0.0] * len(stations)
        traces.append({"type": "bar", "orientation": "h", "name": name, "y": stations, "x": values,
                       "marker": {"color": colour},
                       "hovertemplate": f"%{{y}}: {name} %{{x:.1f}}%<extra></extra>"})
    layout = {"barmode": "stack", "height": 120 + 28 * len(stations),
              "title": {"text": f"{variant}: share of time by state, after the warm-up, "
                                f"mean of {shares.attrs['replications']} replication(s)"},
              "xaxis": {"title": {"text": "% of time"}, "range": [0, 100]},
              "yaxis": {"autorange": "reversed", "automargin": True}, "legend": {"traceorder": "normal"}}
    return page.figure(f"utilisation-{variant}", traces, layout, kind="utilisation")
