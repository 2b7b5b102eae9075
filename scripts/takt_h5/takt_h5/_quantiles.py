"""Exact flow-time percentiles from the jobs table, beside Takt's streaming P² estimates."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ._tidy import Replications

#: The KPIs that are P² estimates, by quantile.
ESTIMATED_KPIS = {0.5: "flow_time_p50", 0.95: "flow_time_p95"}


class FlowTimeQuantiles:
    """``Run.flow_time_quantiles`` (mixed into ``Run``)."""

    if TYPE_CHECKING:
        @property
        def warm_up(self) -> float: ...

        def jobs(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
                 times: bool = False, replications: Replications | None = None) -> pd.DataFrame: ...

        def kpis(self, variant: str | None = None, replication: int | None = None) -> pd.DataFrame: ...

    def flow_time_quantiles(self, quantiles: Sequence[float] = (0.5, 0.95), variant: str | None = None) -> pd.DataFrame:
        """Exact flow-time percentiles per variant and replication, from the recorded jobs.

        Takt's KPIs ``flow_time_p50`` and ``flow_time_p95`` are P² estimates (a stream, no job list
        kept), typically 2–5 % off. This computes the exact ones from the same jobs as the KPIs:
        finished jobs that left after the warm-up, flow time = finish − release, in minutes (the
        KPIs' unit; linear interpolation between order statistics, as ``numpy.quantile``).
        Columns: variant, replication, quantile, exact, estimate (the KPI, NaN where Takt has none),
        error (estimate / exact − 1). Needs the jobs table (``recording.jobs``, on by default).
        """
        jobs = self.jobs(variant, replications="all")
        kept = jobs[(jobs["outcome"].astype(str) == "finished") & (jobs["finish"] >= self.warm_up)]
        kpis = self.kpis()
        estimates = {(v, int(r), k): value for v, r, k, value
                     in zip(kpis["variant"], kpis["replication"], kpis["kpi"], kpis["value"])}
        rows = []
        for (name, replication), group in kept.groupby(["variant", "replication"], observed=True):
            minutes = (group["finish"] - group["release"]).to_numpy(dtype=float) / 60.0
            for q in quantiles:
                exact = float(np.quantile(minutes, q)) if len(minutes) else float("nan")
                kpi = ESTIMATED_KPIS.get(float(q))
                estimate = float(estimates.get((str(name), int(replication), kpi), np.nan)) if kpi else np.nan
                rows.append({"variant": str(name), "replication": int(replication), "quantile": float(q),
                             "exact": exact, "estimate": estimate,
                             "error": estimate / exact - 1 if exact else np.nan})
        frame = pd.DataFrame(rows, columns=["variant", "replication", "quantile", "exact", "estimate", "error"])
        frame.attrs["units"] = {"exact": "min", "estimate": "min"}
        return frame
