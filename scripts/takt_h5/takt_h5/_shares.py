"""Time shares of machine states, from a run's ``states`` table."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


def state_shares(run: Any, variant: str | None = None, replication: int = 0, *,
                 start: float | None = None, end: float | None = None, by: str = "machine") -> pd.DataFrame:
    """Share of time each machine (or station) spent in each state, from the ``states`` table.

    Rows: machines (index ``machine``, lookup order), or stations with ``by="station"`` (their
    machines pooled, as Takt's station KPIs are); columns: every state of the enum (idle, setup,
    busy, blocked, starved, down, maintenance, off_shift); each row sums to 1. Intervals are
    clipped to [``start``, ``end``] seconds when given, e.g. ``start=run.warm_up`` to match the
    KPIs, which leave out the warm-up. Rows with no recorded time are left out.
    """
    if by not in ("machine", "station"):
        raise ValueError(f"by must be 'machine' or 'station', got {by!r}")
    states = run.states(variant, replication)
    lo = -np.inf if start is None else float(start)
    hi = np.inf if end is None else float(end)
    duration = (np.minimum(states["end"], hi) - np.maximum(states["start"], lo)).clip(lower=0.0)
    frame = pd.DataFrame({by: states[f"{by}_name"], "state": states["state"], "duration": duration})
    table = frame.groupby([by, "state"], observed=False)["duration"].sum().unstack("state").fillna(0.0)
    totals = table.sum(axis=1)
    table = table[totals > 0].div(totals[totals > 0], axis=0)
    table.columns = pd.Index([str(c) for c in table.columns], name="state")
    table.index = pd.Index([str(m) for m in table.index], name=by)
    table.attrs["units"] = "share of time (0-1)"
    return table
