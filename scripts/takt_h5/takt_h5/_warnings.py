"""A maintenance controller's warnings scored as a warning system, against the truth.

Takt scores every maintenance controller's warnings (the active one as ``warnings.*`` KPIs, a
shadow one as ``shadow.warnings.*``) against the hidden degradation it could not see: precision
(the machine was truly degrading when warned), recall at 6.5, 12 and 24 h (failures flagged at
least that far ahead), lead times, false alarms per machine-month, warnings acted on, and the
true P–F interval (docs/controllers.md, "Warnings scored against the truth").

A mixin of :class:`takt_h5.Run` (it uses the run's ``kpis`` and ``summary``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

#: The scored controllers' KPI prefixes, in the order the columns ``scored`` lists them.
_PREFIXES = ("warnings.", "shadow.warnings.")


class WarningScores:
    """``warnings`` of :class:`takt_h5.Run`."""

    if TYPE_CHECKING:
        def kpis(self, variant: str | None = None, replication: int | None = None) -> pd.DataFrame: ...
        def summary(self) -> pd.DataFrame: ...

    def warnings(self, variant: str | None = None, *, summary: bool = False) -> pd.DataFrame:
        """Warning scores, one row per (variant, replication, scored controller).

        Columns: variant, replication, scored (``"active"`` or ``"shadow"``), then one column per
        score in its KPI's unit: episodes, precision (%), recall_6_5h, recall_12h, recall_24h (%),
        recall_degradation_6_5h … (%, over failures that came from degradation), lead_time_mean and
        lead_time_p50 (h), false_alarms_per_machine_month, acted_on, pf_interval_mean (h, truth).

        With ``summary=True``: one row per (variant, scored, score) with the mean over
        replications and its confidence interval (columns mean, half_width, lower, upper, n), from
        the file's ``/summary/intervals``.

        Empty (with the key columns) when no variant had a maintenance controller.
        """
        if summary:
            frame = self.summary()
            if variant is not None:
                frame = frame[frame["variant"] == variant]
            rows = frame[frame["kpi"].str.startswith(_PREFIXES)].copy()
            rows.insert(1, "scored", ["shadow" if k.startswith("shadow.") else "active" for k in rows["kpi"]])
            rows.insert(2, "score", [k.split("warnings.", 1)[1] for k in rows["kpi"]])
            columns = ["variant", "scored", "score", "unit", "mean", "half_width", "lower", "upper", "n"]
            return rows[[c for c in columns if c in rows]].reset_index(drop=True)
        frame = self.kpis(variant)
        rows = frame[frame["kpi"].str.startswith(_PREFIXES)].copy()
        keys = ["variant", "replication", "scored"]
        if rows.empty:
            return pd.DataFrame(columns=keys)
        rows["scored"] = ["shadow" if k.startswith("shadow.") else "active" for k in rows["kpi"]]
        rows["score"] = [k.split("warnings.", 1)[1] for k in rows["kpi"]]
        order = list(dict.fromkeys(rows["score"]))
        wide = rows.pivot_table(index=keys, columns="score", values="value", aggfunc="first", sort=False)
        wide = wide.reset_index()
        wide.columns.name = None
        return wide[keys + order]
