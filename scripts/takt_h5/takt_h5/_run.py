"""`Run`: one Takt HDF5 result file, read into pandas (and xarray) objects.

The layout is specified in ``docs/hdf5-layout.md`` (format version 1.1). Ids in every table are
row indices into the ``/lookup`` tables; enum columns are HDF5 enums; times are float64 seconds
from the start of the simulation.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
import warnings
from types import ModuleType
from typing import Any, Union

import h5py
import numpy as np
import pandas as pd

from ._compare import _intervals
from ._comparison import Comparisons
from ._decode import (
    categorical_from_codes,
    decode_attrs,
    decode_value,
    frame_from_records,
    names_from_ids,
    parse_units,
)
from ._format import _duration, _seconds, describe_run
from ._layout import (
    BOOL_COLUMNS,
    ENUM_LOOKUPS,
    ID_COLUMNS,
    SECONDS,
    SUPPORTED_MAJOR,
    TABLE_ID_COLUMNS,
    TIME_COLUMNS,
    _open_h5,
)
from ._quality import QualityTables
from ._quantiles import FlowTimeQuantiles
from ._tidy import Replications, TidyTables
from ._warn import TaktResultWarning, _stacklevel
from ._warnings import WarningScores

PathLike = Union[str, "os.PathLike[str]"]


class Run(QualityTables, WarningScores, Comparisons, TidyTables, FlowTimeQuantiles):
    """One Takt result file (``takt run --out FILE.h5``), opened read-only.

    Use it as a context manager, or call :meth:`close`::

        with Run("results/run.h5") as run:
            run.summary()

    Opening a ``.partial`` file (a run still going or crashed) or a file whose
    ``completion_status`` is not ``"complete"`` issues a :class:`TaktResultWarning` but works:
    every table then holds the rows flushed so far.

    Methods taking ``variant=None`` use the file's own variant (root attribute ``variant``:
    ``"base"`` unless the run was of a named variant); ``replication`` is the replication index.
    """

    def __init__(self, path: PathLike):
        """Open ``path`` read-only; if only ``path + ".partial"`` exists, open that (with a warning)."""
        path = pathlib.Path(os.fspath(path))
        partial = pathlib.Path(str(path) + ".partial")
        if not path.exists() and partial.exists():
            path = partial
        if not path.exists():
            raise FileNotFoundError(f"no Takt result file at {path}")
        self.path: pathlib.Path = path
        self._file = _open_h5(path)
        self._lookups: dict[str, pd.DataFrame] = {}
        self._labels: dict[tuple[str, str], str] | None = None
        self.attrs: dict[str, Any] = decode_attrs(self._file.attrs)
        """Root attributes, decoded to plain Python values (format_version, seed, created, …)."""
        self._check_completeness()

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the file (idempotent). DataFrames already returned stay valid."""
        if self._file.id.valid:
            self._file.close()

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        name = self.attrs.get("scenario_name", "?")
        status = self.attrs.get("completion_status", "?")
        variants = self.variants if self._file.id.valid else "(file closed)"
        return (f"<takt_h5.Run {str(self.path)!r}: {name!r}, variants {variants}, "
                f"{self.attrs.get('replications', '?')} replications, {status}>")

    @property
    def file(self) -> h5py.File:
        """The underlying read-only ``h5py.File``, for anything this API does not cover."""
        return self._file

    @property
    def is_partial(self) -> bool:
        """True when the file is a ``.partial`` (the writer has not closed it)."""
        return self.path.name.endswith(".partial")

    @property
    def is_complete(self) -> bool:
        """True when the file is final and its ``completion_status`` is ``"complete"``."""
        return not self.is_partial and self.attrs.get("completion_status") == "complete"

    def _check_completeness(self) -> None:
        version = str(self.attrs.get("format_version", ""))
        if not version:
            warnings.warn(f"{self.path}: no format_version attribute; is this a Takt result file?",
                          TaktResultWarning, stacklevel=_stacklevel())
        elif version.split(".")[0] != SUPPORTED_MAJOR:
            warnings.warn(f"{self.path}: format version {version}; this reader knows {SUPPORTED_MAJOR}.x "
                          "and may misread it", TaktResultWarning, stacklevel=_stacklevel())
        status = self.attrs.get("completion_status")
        reached = self.attrs.get("simulated_time_reached")
        reached_text = (f", simulated time reached {_duration(reached)}"
                        if isinstance(reached, (int, float)) and math.isfinite(reached) else "")
        if self.is_partial:
            warnings.warn(
                f"{self.path} is a .partial file: the run is still being written or did not finish "
                f"(status {status!r}{reached_text}). Tables hold only the rows flushed so far and the "
                "/summary tables may be missing; KPIs, if any, do not cover the whole run.",
                TaktResultWarning, stacklevel=_stacklevel())
        elif status != "complete":
            warnings.warn(
                f"{self.path}: completion_status is {status!r}, not 'complete'{reached_text}. "
                "Results cover only part of the planned run; do not compare them with complete runs.",
                TaktResultWarning, stacklevel=_stacklevel())

    # ------------------------------------------------------------------ structure

    @property
    def variants(self) -> list[str]:
        """Variant names under ``/runs`` (``"base"`` first)."""
        if "runs" not in self._file:
            return []
        names = list(self._file["runs"].keys())
        return sorted(names, key=lambda name: (name != "base", name))

    @property
    def variant(self) -> str:
        """The variant methods use when given ``variant=None``: the root attribute ``variant`` when
        it names a recorded variant, else the only (or the ``"base"``) variant."""
        return self._variant(None)

    @property
    def warm_up(self) -> float:
        """The warm-up in seconds, from the resolved configuration's ``run.warm_up`` (or
        ``run.warmUp``; a number of seconds or a duration such as ``"2 d"``); 0 when not given. KPIs exclude the
        warm-up; the recorded tables do not."""
        seconds = _seconds(self._run_setting("warm_up", "warmUp"))
        return seconds if seconds is not None else 0.0

    def _run_setting(self, *keys: str) -> Any:
        """A value of the resolved configuration's ``run`` object under the first key present
        (snake_case per the spec, or the Swift property name), else None."""
        try:
            settings = self.resolved().get("run", {})
        except (KeyError, ValueError, AttributeError, TypeError):
            return None
        if not isinstance(settings, dict):
            return None
        for key in keys:
            if key in settings:
                return settings[key]
        return None

    def replications(self, variant: str | None = None) -> list[int]:
        """Replication indices recorded for ``variant`` (default: the file's variant), ascending."""
        group = self._file["runs"][self._variant(variant)]
        return sorted(int(name) for name in group.keys() if name.isdigit())

    def _variant(self, variant: str | None) -> str:
        variants = self.variants
        if variant is None:
            own = self.attrs.get("variant")
            if isinstance(own, str) and "," in own:  # a comparison: its reference
                own = own.split(",")[0]
            if own in variants:
                return own
            if len(variants) == 1:
                return variants[0]
            if "base" in variants:
                return "base"
            raise ValueError(f"{self.path}: several variants {variants}; pass variant=")
        if variant not in variants:
            raise KeyError(f"no variant {variant!r} in {self.path}; variants: {', '.join(variants) or 'none'}")
        return variant

    def _run_group(self, variant: str | None, replication: int) -> h5py.Group:
        name = self._variant(variant)
        group = self._file["runs"][name]
        key = str(int(replication))
        if key not in group:
            raise KeyError(f"no replication {replication} of variant {name!r} in {self.path}; "
                           f"replications: {self.replications(name)}")
        return group[key]

    @property
    def scenario_yaml(self) -> str:
        """The scenario file exactly as given to ``takt run`` (``/scenario/source_yaml``)."""
        return _read_scalar_string(self._file["scenario/source_yaml"])

    def resolved(self) -> dict[str, Any]:
        """The fully resolved configuration (defaults filled, with ``run`` settings), parsed from
        ``/scenario/resolved_json``."""
        resolved: dict[str, Any] = json.loads(_read_scalar_string(self._file["scenario/resolved_json"]))
        return resolved

    def lookup(self, name: str, variant: str | None = None) -> pd.DataFrame:
        """A ``/lookup`` table (``stations``, ``machines``, ``products``, ``materials``, ``sensors``,
        ``operations``, ``parameters``, ``defect_classes``, ``timeseries_columns``, ``event_kinds``, ``machine_states``,
        ``gantt_outcomes``, ``job_outcomes``) as a DataFrame whose index is the id used in the
        other tables (``parameters``: one row per (operation, parameter)). With ``variant``, that variant's own table
        where the file has one (``/lookup/variants/<variant>``, in files of ``takt compare``, whose
        variants may differ in machines)."""
        path = f"lookup/{name}"
        if variant is not None and f"lookup/variants/{variant}/{name}" in self._file:
            path = f"lookup/variants/{variant}/{name}"
        if path not in self._lookups:
            if path in self._file:
                frame = frame_from_records(self._file[path][()])
            else:
                frame = pd.DataFrame({"name": pd.Series([], dtype="str")})
            frame.index.name = "id"
            self._lookups[path] = frame
        return self._lookups[path]

    def names(self, kind: str, variant: str | None = None) -> list[str]:
        """Names by id for ``stations``, ``machines``, ``products``, ``materials``, ``sensors`` or
        ``operations`` (of ``variant`` where the file has per-variant lookups)."""
        return [str(name) for name in self.lookup(kind, variant)["name"]]

    def runs(self) -> pd.DataFrame:
        """One row per (variant, replication) with the run group's attributes: seed,
        events_processed, simulated_seconds, wall_seconds, status."""
        rows = []
        for variant in self.variants:
            for replication in self.replications(variant):
                attrs = decode_attrs(self._file["runs"][variant][str(replication)].attrs)
                rows.append({"variant": variant, "replication": replication, **attrs})
        return pd.DataFrame(rows)

    # ------------------------------------------------------------------ KPIs

    def kpis(self, variant: str | None = None, replication: int | None = None) -> pd.DataFrame:
        """KPI values per replication, tidy: columns variant, replication, kpi, label, unit, value.

        Without ``replication``: every replication, from ``/summary/kpis`` (all variants unless
        ``variant`` is given). With ``replication``: that run's own ``kpis`` table. KPI values are in
        the KPI's unit (``unit`` column: ``1/h``, ``min``, ``%``, …), not seconds.
        """
        if replication is not None:
            name = self._variant(variant)
            frame = frame_from_records(self._run_group(name, replication)["kpis"][()])
            frame = frame.rename(columns={"name": "kpi"})
            frame.insert(0, "replication", int(replication))
            frame.insert(0, "variant", name)
            if "label" not in frame:
                frame["label"] = frame["kpi"]
            return frame[["variant", "replication", "kpi", "label", "unit", "value"]]
        if "summary/kpis" in self._file:
            frame = frame_from_records(self._file["summary/kpis"][()])
        else:  # a partial file: gather the runs' own tables
            parts = [self.kpis(v, r) for v in self.variants for r in self.replications(v)
                     if "kpis" in self._file["runs"][v][str(r)]]
            frame = pd.concat(parts, ignore_index=True) if parts else _empty_kpis()
        if variant is not None:
            if variant not in set(frame["variant"]) and variant not in self.variants:
                raise KeyError(f"no variant {variant!r} in {self.path}; variants: {', '.join(self.variants)}")
            frame = frame[frame["variant"] == variant].reset_index(drop=True)
        labels = self._kpi_labels()
        frame["label"] = [labels.get((v, k), k) for v, k in zip(frame["variant"], frame["kpi"])]
        frame["replication"] = frame["replication"].astype(np.int64)
        return frame[["variant", "replication", "kpi", "label", "unit", "value"]]

    def _kpi_labels(self) -> dict[tuple[str, str], str]:
        """(variant, kpi) → label, from the first recorded replication of each variant."""
        if self._labels is None:
            labels: dict[tuple[str, str], str] = {}
            for variant in self.variants:
                for replication in self.replications(variant):
                    group = self._file["runs"][variant][str(replication)]
                    if "kpis" in group and group["kpis"].shape[0] > 0:
                        table = frame_from_records(group["kpis"][()])
                        if "label" in table:
                            labels.update({(variant, k): label for k, label in zip(table["name"], table["label"])})
                        break
            self._labels = labels
        return self._labels

    def summary(self) -> pd.DataFrame:
        """KPI means over replications with Student-t confidence intervals (``/summary/intervals``):
        columns variant, kpi, label, unit, mean, half_width, lower, upper, level, n.

        ``half_width`` is NaN with one replication. For a partial file without the summary, the
        intervals are computed here from the replications' KPIs (at 95 % unless the resolved
        configuration gives ``run.confidence``), with a warning.
        """
        if "summary/intervals" in self._file:
            frame = frame_from_records(self._file["summary/intervals"][()])
        else:
            warnings.warn(f"{self.path} has no /summary/intervals; computing them from the recorded "
                          "replications", TaktResultWarning, stacklevel=_stacklevel())
            frame = _intervals(self.kpis(), self._confidence_level())
        labels = self._kpi_labels()
        frame.insert(list(frame.columns).index("kpi") + 1, "label",
                     [labels.get((v, k), k) for v, k in zip(frame["variant"], frame["kpi"])])
        if "n" in frame:
            frame["n"] = frame["n"].astype(np.int64)
        return frame

    def _confidence_level(self) -> float:
        level = self._run_setting("confidence", "confidence_level", "confidenceLevel")
        return float(level) if isinstance(level, (int, float)) and 0 < level < 1 else 0.95

    # ------------------------------------------------------------------ run tables

    def table(self, name: str, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
              times: bool = False, replications: Replications | None = None) -> pd.DataFrame:
        """Any table of one run (``/runs/<variant>/<replication>/<name>``) as a DataFrame.

        With ``replications="all"`` (or a list of indices): that table of every such replication,
        of every variant unless ``variant`` names one, in one tidy frame whose first columns are
        ``variant`` (Categorical) and ``replication``; ``df.attrs["units"]`` is kept.
        With ``times=True``, each time column ``c`` gets ``c_time``: a pandas datetime
        (``run.start + c``) when the scenario gives ``run.start``, else a Timedelta.

        Enum columns become Categoricals named by the HDF5 enum; id columns get a name column
        beside them (``station_name``, ``machine_name``, ``product_name``, ``material_name``; -1 →
        missing); 0/1 flags (``is_order``) become booleans. ``df.attrs["units"]`` maps columns to
        units (times in ``"s"``) and ``df.attrs["description"]`` is the dataset's description. With
        ``timedelta=True``, each time column ``c`` gets a ``c_td`` column of pandas Timedeltas
        (NaN and ∞ → NaT).
        """
        if replications is not None:
            return self._tidy(name, variant, replications, timedelta=timedelta, times=times)
        group = self._run_group(variant, replication)
        if name not in group:
            raise KeyError(f"no table {name!r} in {group.name} of {self.path}")
        dataset = group[name]
        frame = frame_from_records(dataset[()])
        units = {**{column: "s" for column in TIME_COLUMNS.get(name, []) if column in frame},
                 **parse_units(dataset.attrs.get("units"), list(frame.columns))}
        for column in BOOL_COLUMNS.get(name, []):
            if column in frame:
                frame[column] = frame[column].astype(bool)
        for column in list(frame.columns):
            field_dtype = dataset.dtype[column]
            mapping = h5py.check_enum_dtype(field_dtype)
            if mapping is None and column in ENUM_LOOKUPS.get(name, {}):
                lookup = self.lookup(ENUM_LOOKUPS[name][column])
                if {"value", "name"} <= set(lookup.columns) and len(lookup):
                    mapping = {str(n): int(v) for n, v in zip(lookup["name"], lookup["value"])}
            if mapping is not None:
                categorical = categorical_from_codes(frame[column].to_numpy(), mapping)
                unknown = int(pd.isna(categorical).sum())
                if unknown:
                    warnings.warn(f"{group.name}/{name}: {unknown} rows have a {column} value outside the enum "
                                  "(shown as missing)", TaktResultWarning, stacklevel=_stacklevel())
                frame[column] = categorical
        for column, (lookup_name, name_column) in {**ID_COLUMNS, **TABLE_ID_COLUMNS.get(name, {})}.items():
            if column in frame:
                position = list(frame.columns).index(column) + 1
                names = self.names(lookup_name, group.parent.name.rsplit("/", 1)[-1])
                frame.insert(position, name_column, names_from_ids(frame[column].to_numpy(), names))
        if timedelta:
            for column in [c for c, unit in units.items() if unit in SECONDS and c in frame]:
                seconds = frame[column].to_numpy(dtype=float)
                seconds = np.where(np.isfinite(seconds), seconds, np.nan)
                position = list(frame.columns).index(column) + 1
                frame.insert(position, f"{column}_td", pd.to_timedelta(seconds, unit="s"))
        if times:
            self._add_times(frame, units)
        frame.attrs["units"] = units
        frame.attrs["description"] = decode_value(dataset.attrs.get("description", ""))
        frame.attrs["variant"] = group.parent.name.rsplit("/", 1)[-1]
        frame.attrs["replication"] = int(replication)
        return frame

    def events(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
               times: bool = False, replications: Replications | None = None) -> pd.DataFrame:
        """The event log of one replication: time, kind (Categorical: order_arrival, release,
        queue_enter, process_start, …), job, product, machine, station, worker, material, value,
        plus name columns. ``value`` depends on the kind (a quantity for orders and materials, the
        drawn duration in seconds for process and repair starts, else 0). ``replications="all"``:
        every replication and variant in one tidy frame; ``times=True``: dates. See :meth:`table`."""
        return self.table("events", variant, replication, timedelta=timedelta, times=times,
                          replications=replications)

    def operations(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
               times: bool = False, replications: Replications | None = None) -> pd.DataFrame:
        """One row per operation (the Gantt data): job, product, operation (routing step), station,
        machine, worker, setup_start (NaN without setup), start, end, outcome (Categorical: next,
        finished, scrapped, rework), plus name columns. See :meth:`table` and :meth:`gantt`."""
        return self.table("operations", variant, replication, timedelta=timedelta, times=times,
                          replications=replications)

    def jobs(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
               times: bool = False, replications: Replications | None = None) -> pd.DataFrame:
        """One row per job that left the shop: job, product, quantity, parent (-1: none), is_order
        (bool), outcome (Categorical: finished, scrapped), priority, reworks, arrival, release,
        start, finish, due (∞ without due date), tardiness. Jobs still in the shop at the end are
        not listed. Warm-up is not removed. See :meth:`table`."""
        return self.table("jobs", variant, replication, timedelta=timedelta, times=times,
                          replications=replications)

    def states(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
               times: bool = False, replications: Replications | None = None) -> pd.DataFrame:
        """Machine state intervals: machine, station, state (Categorical: idle, setup, busy,
        blocked, starved, down, maintenance, off_shift), start, end, plus name columns. See
        :meth:`table` and :func:`state_shares`."""
        return self.table("states", variant, replication, timedelta=timedelta, times=times,
                          replications=replications)

    def gantt(self, variant: str | None = None, replication: int = 0) -> pd.DataFrame:
        """The operations of one replication sorted by machine (lookup order) then start, with
        ``duration = end - start`` and ``setup_duration = start - setup_start`` (0 without setup),
        in seconds. Ready for ``ax.barh(df.machine_name.astype(str), df.duration, left=df.start)``."""
        frame = self.operations(variant, replication)
        frame["duration"] = frame["end"] - frame["start"]
        frame["setup_duration"] = (frame["start"] - frame["setup_start"]).fillna(0.0)
        frame = frame.sort_values(["machine", "start"], kind="mergesort").reset_index(drop=True)
        frame.attrs["units"] = {**frame.attrs.get("units", {}), "duration": "s", "setup_duration": "s"}
        return frame

    def timeseries(self, variant: str | None = None, replication: int = 0, *, as_frame: bool = False) -> Any:
        """The sampled time series of one replication (WIP, queue and busy machines per station,
        inventory per material) as an ``xarray.Dataset`` indexed by ``time`` (seconds), one variable
        per column with its ``units`` attribute; a DataFrame indexed by time when xarray is not
        installed or ``as_frame=True`` (units in ``df.attrs["units"]``)."""
        dataset = self._run_group(variant, replication)["timeseries"]
        data = np.asarray(dataset[()], dtype=float)
        columns = [str(c) for c in decode_value(dataset.attrs.get("columns", [])) or []]
        units_raw = dataset.attrs.get("units")
        if not columns:  # a wide model keeps its column names in the lookup only
            names = self.lookup("timeseries_columns", self._variant(variant))
            if "unit" in names.columns:
                columns = [str(c) for c in names["name"]]
                units_raw = [str(u) for u in names["unit"]]
        if data.ndim != 2:
            data = data.reshape(len(data), -1) if data.size else np.empty((0, len(columns)))
        if len(columns) != data.shape[1]:
            columns = columns[: data.shape[1]] + [f"column_{i}" for i in range(len(columns), data.shape[1])]
        units = parse_units(units_raw, columns)
        if "time" in columns:
            time = data[:, columns.index("time")]
        else:
            time = np.arange(data.shape[0], dtype=float)
        others = [(i, c) for i, c in enumerate(columns) if c != "time"]
        description = decode_value(dataset.attrs.get("description", ""))
        xr: ModuleType | None = None
        if not as_frame:
            try:
                import xarray  # optional
            except ImportError:
                pass
            else:
                xr = xarray
        if xr is None:
            frame = pd.DataFrame({c: data[:, i] for i, c in others}, index=pd.Index(time, name="time"))
            frame.attrs["units"] = units
            frame.attrs["description"] = description
            return frame
        return xr.Dataset(
            {c: ("time", data[:, i], {"units": units.get(c, "")}) for i, c in others},
            coords={"time": ("time", time, {"units": units.get("time", "s")})},
            attrs={"description": description, "source": str(self.path)},
        )

    # ------------------------------------------------------------------ text

    def describe(self, max_kpis: int | None = 12) -> str:
        """A short plain-text summary: scenario, status, runs, table sizes and the first KPIs."""
        return describe_run(self, max_kpis)


# ---------------------------------------------------------------------- functions


# ---------------------------------------------------------------------- helpers

def _read_scalar_string(dataset: h5py.Dataset) -> str:
    value = dataset[()]
    value = decode_value(value)
    return value if isinstance(value, str) else str(value)


def _empty_kpis() -> pd.DataFrame:
    return pd.DataFrame({"variant": pd.Series([], dtype="str"), "replication": pd.Series([], dtype=np.int64),
                         "kpi": pd.Series([], dtype="str"), "label": pd.Series([], dtype="str"),
                         "unit": pd.Series([], dtype="str"), "value": pd.Series([], dtype=float)})
