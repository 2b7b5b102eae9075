"""Differences of KPI means between two variants (or two files), with Welch or paired intervals."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import _stats
from ._warn import TaktResultWarning, _stacklevel


def compare_sides(base_run: Any, base_variant: str, other_run: Any, other_variant: str, level: float,
                  paired: bool | None = None) -> pd.DataFrame:
    """The table of :meth:`takt_h5.Run.compare` for two resolved (run, variant) sides.

    ``paired=None`` pairs by replication when both sides have the same replications and seeds;
    ``True`` pairs whenever they have the same replications (variants of one ``takt compare`` file).
    """
    base = base_run.kpis(base_variant)
    oth = other_run.kpis(other_variant)
    base_values = _kpi_matrix(base)
    other_values = _kpi_matrix(oth)
    same_replications = list(base_values.index) == list(other_values.index) and len(base_values.index) > 1
    paired = same_replications and (
        bool(paired) or _same_seeds(base_run, base_variant, other_run, other_variant, list(base_values.index)))
    base_units = dict(zip(base["kpi"], base["unit"]))
    other_units = dict(zip(oth["kpi"], oth["unit"]))
    labels = dict(zip(base["kpi"], base["label"]))
    rows = []
    for kpi in base_values.columns:
        if kpi not in other_values.columns:
            continue
        if base_units.get(kpi) != other_units.get(kpi):
            warnings.warn(f"KPI {kpi!r}: unit {base_units.get(kpi)!r} vs {other_units.get(kpi)!r}",
                          TaktResultWarning, stacklevel=_stacklevel())
        a = base_values[kpi].to_numpy(dtype=float)
        b = other_values[kpi].to_numpy(dtype=float)
        welch = _stats.welch_interval(a, b, level)
        interval = _stats.paired_interval(a, b, level) if paired else welch
        rows.append({
            "kpi": kpi, "unit": base_units.get(kpi, ""),
            "baseline": float(np.nanmean(a)) if len(a) else math.nan,
            "other": float(np.nanmean(b)) if len(b) else math.nan,
            "difference": welch.estimate, "ci_low": interval.low, "ci_high": interval.high,
            "paired": bool(paired), "label": labels.get(kpi, kpi),
            "welch_low": welch.low, "welch_high": welch.high,
            "n_baseline": int(np.sum(~np.isnan(a))), "n_other": int(np.sum(~np.isnan(b))),
        })
    frame = pd.DataFrame(rows, columns=["kpi", "unit", "baseline", "other", "difference", "ci_low", "ci_high",
                                        "paired", "label", "welch_low", "welch_high", "n_baseline", "n_other"])
    frame.attrs.update(level=level, baseline=f"{base_run.path}:{base_variant}",
                       other=f"{other_run.path}:{other_variant}")
    return frame


def _kpi_matrix(kpis: pd.DataFrame) -> pd.DataFrame:
    """replication × kpi values, KPIs in file order."""
    order = list(dict.fromkeys(kpis["kpi"]))
    matrix = kpis.pivot_table(index="replication", columns="kpi", values="value", aggfunc="first", dropna=False)
    return matrix.reindex(columns=order).sort_index()


def _same_seeds(a: Any, variant_a: str, b: Any, variant_b: str, replications: Sequence[int]) -> bool:
    """False if recorded seeds show the two sides did not share random numbers."""
    if "seed" in a.attrs and "seed" in b.attrs and a.attrs["seed"] != b.attrs["seed"]:
        return False
    for replication in replications:
        try:
            seed_a = a._file["runs"][variant_a][str(replication)].attrs.get("seed")
            seed_b = b._file["runs"][variant_b][str(replication)].attrs.get("seed")
        except KeyError:
            continue
        if seed_a is not None and seed_b is not None and int(seed_a) != int(seed_b):
            return False
    return True


def _intervals(kpis: pd.DataFrame, level: float) -> pd.DataFrame:
    """/summary/intervals computed from tidy KPIs (for files without a summary)."""
    rows = []
    for (variant, kpi), group in kpis.groupby(["variant", "kpi"], sort=False):
        values = group["value"].to_numpy(dtype=float)
        n = len(values)
        mean = float(values.mean()) if n else math.nan
        half = (_stats.t_quantile(0.5 + level / 2, n - 1) * values.std(ddof=1) / math.sqrt(n)) if n > 1 else math.nan
        rows.append({"variant": variant, "kpi": kpi, "unit": group["unit"].iloc[0], "mean": mean,
                     "half_width": half, "lower": mean - half, "upper": mean + half, "level": level, "n": n})
    return pd.DataFrame(rows, columns=["variant", "kpi", "unit", "mean", "half_width", "lower", "upper", "level", "n"])
