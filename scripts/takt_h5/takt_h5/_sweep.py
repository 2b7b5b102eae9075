"""Merged sweep files (``takt sweep merge``) read into pandas.

A merged file holds ``/runs`` (one row per run: point, replication, seed, status, the parameter
values, each KPI), ``/points`` (one row per point and KPI: mean and confidence interval over the
point's replications), ``/failures``, ``/run_timing`` and ``/links/run-NNNNNN``, external links to
the run files (each an ordinary result file: open it with :func:`open_run`). Layout:
``docs/sweep-format.md``.
"""
from __future__ import annotations

import os
import pathlib
import warnings
from typing import Union

import pandas as pd

from ._decode import decode_attrs, frame_from_records, parse_units
from ._layout import SUPPORTED_MAJOR, _open_h5
from ._run import Run
from ._warn import TaktResultWarning, _stacklevel

PathLike = Union[str, "os.PathLike[str]"]

#: The tables of a merged sweep file that :func:`open_sweep` reads.
SWEEP_TABLES = ("runs", "points", "failures", "run_timing")


def open_sweep(path: PathLike, table: str = "runs") -> pd.DataFrame:
    """A table of a merged sweep file as a DataFrame.

    ``table="runs"`` (default): one row per run — ``run``, ``point``, ``replication``, ``seed``,
    ``status`` (complete, failed or missing), one column per parameter (named by its scenario
    path, e.g. ``stations.lathe.machines``, or ``variant``), one per KPI (NaN unless complete),
    ``events``, ``simulated_seconds`` and ``file`` (relative to the output folder, root attribute
    ``output_folder``, where the merged file is by default).

    ``table="points"``: one row per (point, KPI) — the parameter values, ``kpi``, ``unit``,
    ``mean``, ``half_width``, ``lower``, ``upper``, ``level`` and ``n`` (complete replications).
    Also ``"failures"`` and ``"run_timing"``.

    ``df.attrs`` holds ``units`` (column → unit), ``sweep`` (the file's root attributes: name,
    seed, replications, completion_status, …), ``parameters`` and ``kpis`` (column names), and
    ``path``. An incomplete sweep (missing or failed runs) gives a :class:`TaktResultWarning`.

    Example::

        runs = takt_h5.open_sweep("results/sweeps/two-shifts-staffing/sweep.h5")
        runs.groupby(["stations.lathe.machines", "variant"])["lead_time_mean"].mean()
        points = takt_h5.open_sweep("results/sweeps/two-shifts-staffing/sweep.h5", "points")
        points[points.kpi == "throughput"]
    """
    if table not in SWEEP_TABLES:
        raise ValueError(f"table must be one of {', '.join(SWEEP_TABLES)}, not {table!r}")
    path = pathlib.Path(os.fspath(path))
    if not path.exists():
        raise FileNotFoundError(f"no merged sweep file at {path} (write it with `takt sweep merge SWEEP`)")
    with _open_h5(path) as file:
        attrs = decode_attrs(file.attrs)
        if attrs.get("kind") != "sweep":
            raise ValueError(f"{path} is not a merged sweep file (root attribute kind={attrs.get('kind')!r}); "
                             "a single run's file opens with takt_h5.open_run")
        major = str(attrs.get("format_version", "?")).split(".")[0]
        if major != SUPPORTED_MAJOR:
            warnings.warn(f"{path}: format version {attrs.get('format_version')} "
                          f"(this reader knows {SUPPORTED_MAJOR}.x)",
                          TaktResultWarning, stacklevel=_stacklevel())
        if attrs.get("completion_status") != "complete":
            warnings.warn(f"{path}: sweep incomplete — {attrs.get('complete')} of {attrs.get('runs')} runs complete, "
                          f"{attrs.get('failed')} failed, {attrs.get('missing')} missing (their KPIs are NaN)",
                          TaktResultWarning, stacklevel=_stacklevel())
        dataset = file[table]
        frame = frame_from_records(dataset[()])
        units = parse_units(dataset.attrs.get("units"), list(frame.columns))
    frame.attrs = {
        "units": units,
        "sweep": attrs,
        "parameters": list(attrs.get("parameters", [])),
        "kpis": list(attrs.get("kpis", [])),
        "path": str(path),
    }
    return frame


def open_sweep_run(path: PathLike, run: int) -> Run:
    """The result file of run ``run`` of the merged sweep at ``path`` (a :class:`Run`).

    Raises ``FileNotFoundError`` when the run is not complete.
    """
    path = pathlib.Path(os.fspath(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TaktResultWarning)
        runs = open_sweep(path)
    row = runs.loc[runs["run"] == run]
    if row.empty:
        raise KeyError(f"the sweep has no run {run} (runs 0–{len(runs) - 1})")
    relative = row["file"].iloc[0]
    if not relative:
        raise FileNotFoundError(f"run {run} is {row['status'].iloc[0]}: it has no file yet")
    target = pathlib.Path(relative)
    if not target.is_absolute():   # relative to the output folder, where the merged file is by default
        output_folder = pathlib.Path(runs.attrs["sweep"].get("output_folder", path.parent))
        candidates = [path.parent / target, output_folder / target]
        target = next((c for c in candidates if c.exists()), candidates[0])
    return Run(target)


def points_wide(points: pd.DataFrame, value: str = "mean") -> pd.DataFrame:
    """The ``points`` table with one row per point and one column per KPI (its ``value``:
    ``mean``, ``half_width``, ``lower``, ``upper`` or ``n``), for plotting and reading."""
    parameters = points.attrs.get("parameters", [])
    wide = points.pivot_table(index=["point", *parameters], columns="kpi", values=value, sort=False)
    wide.columns.name = None
    return wide.reset_index()
