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
from typing import Any, Union

import h5py
import numpy as np
import pandas as pd

from . import _comparison
from ._compare import _intervals, compare_sides
from ._format import _duration, _seconds, describe_run
from ._layout import SUPPORTED_MAJOR, ENUM_LOOKUPS, ID_COLUMNS, TIME_COLUMNS, SECONDS, BOOL_COLUMNS, _open_h5
from ._warn import TaktResultWarning, _stacklevel
from ._decode import (
    categorical_from_codes,
    decode_attrs,
    decode_value,
    frame_from_records,
    names_from_ids,
    parse_units,
)

PathLike = Union[str, "os.PathLike[str]"]


class Run:
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

    def __enter__(self) -> "Run":
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
        ``run.warmUp``; a number of seconds or a duration such as ``"2 d"``); 0 when not given. KPIs exclude the warm-up; the
        recorded tables do not."""
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
        return json.loads(_read_scalar_string(self._file["scenario/resolved_json"]))

    def lookup(self, name: str, variant: str | None = None) -> pd.DataFrame:
        """A ``/lookup`` table (``stations``, ``machines``, ``products``, ``materials``, ``sensors``,
        ``operations``, ``parameters``, ``defect_classes``, ``event_kinds``, ``machine_states``,
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
                            labels.update({(variant, k): l for k, l in zip(table["name"], table["label"])})
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

    def table(self, name: str, variant: str | None = None, replication: int = 0, *,
              timedelta: bool = False) -> pd.DataFrame:
        """Any table of one run (``/runs/<variant>/<replication>/<name>``) as a DataFrame.

        Enum columns become Categoricals named by the HDF5 enum; id columns get a name column
        beside them (``station_name``, ``machine_name``, ``product_name``, ``material_name``; -1 →
        missing); 0/1 flags (``is_order``) become booleans. ``df.attrs["units"]`` maps columns to
        units (times in ``"s"``) and ``df.attrs["description"]`` is the dataset's description. With
        ``timedelta=True``, each time column ``c`` gets a ``c_td`` column of pandas Timedeltas
        (NaN and ∞ → NaT).
        """
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
        for column, (lookup_name, name_column) in ID_COLUMNS.items():
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
        frame.attrs["units"] = units
        frame.attrs["description"] = decode_value(dataset.attrs.get("description", ""))
        frame.attrs["variant"] = group.parent.name.rsplit("/", 1)[-1]
        frame.attrs["replication"] = int(replication)
        return frame

    def events(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False) -> pd.DataFrame:
        """The event log of one replication: time, kind (Categorical: order_arrival, release,
        queue_enter, process_start, …), job, product, machine, station, worker, material, value,
        plus name columns. ``value`` depends on the kind (a quantity for orders and materials, the
        drawn duration in seconds for process and repair starts, else 0). See :meth:`table`."""
        return self.table("events", variant, replication, timedelta=timedelta)

    def operations(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False) -> pd.DataFrame:
        """One row per operation (the Gantt data): job, product, operation (routing step), station,
        machine, worker, setup_start (NaN without setup), start, end, outcome (Categorical: next,
        finished, scrapped, rework), plus name columns. See :meth:`table` and :meth:`gantt`."""
        return self.table("operations", variant, replication, timedelta=timedelta)

    def jobs(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False) -> pd.DataFrame:
        """One row per job that left the shop: job, product, quantity, parent (-1: none), is_order
        (bool), outcome (Categorical: finished, scrapped), priority, reworks, arrival, release,
        start, finish, due (∞ without due date), tardiness. Jobs still in the shop at the end are
        not listed. Warm-up is not removed. See :meth:`table`."""
        return self.table("jobs", variant, replication, timedelta=timedelta)

    def states(self, variant: str | None = None, replication: int = 0, *, timedelta: bool = False) -> pd.DataFrame:
        """Machine state intervals: machine, station, state (Categorical: idle, setup, busy,
        blocked, starved, down, maintenance, off_shift), start, end, plus name columns. See
        :meth:`table` and :func:`state_shares`."""
        return self.table("states", variant, replication, timedelta=timedelta)

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
        if data.ndim != 2:
            data = data.reshape(len(data), -1) if data.size else np.empty((0, len(columns)))
        if len(columns) != data.shape[1]:
            columns = columns[: data.shape[1]] + [f"column_{i}" for i in range(len(columns), data.shape[1])]
        units = parse_units(dataset.attrs.get("units"), columns)
        if "time" in columns:
            time = data[:, columns.index("time")]
        else:
            time = np.arange(data.shape[0], dtype=float)
        others = [(i, c) for i, c in enumerate(columns) if c != "time"]
        description = decode_value(dataset.attrs.get("description", ""))
        xr = None
        if not as_frame:
            try:
                import xarray as xr  # optional
            except ImportError:
                xr = None
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

    # ------------------------------------------------------------------ quality

    def process(self, variant: str | None = None, replication: int = 0, *, wide: bool = False,
                operation: int | str | None = None, timedelta: bool = False) -> pd.DataFrame:
        """Actual recipe parameter values (observable; ``/runs/…/process``).

        Tidy (default): one row per parameter per execution of an operation with a recipe —
        time, job, operation (id: route index, flat over products), operation_name
        (``"product/operation"``, Categorical), parameter (index in the recipe), parameter_name
        (Categorical), unit, value. ``df.attrs["units"]``: time in ``"s"``, value "see unit column".

        With ``wide=True``: one row per execution — job, operation, operation_name, execution (0 for
        the first execution of that operation on that job, 1 for its first rework loop, …), time,
        then one column per parameter name (lookup order) holding its actual value (NaN where
        the operation has no such parameter); ``df.attrs["units"]`` maps each parameter column to
        its unit.

        ``operation`` keeps one operation: its id, its ``"product/operation"`` name, or its bare
        operation name when only one product has it. Warm-up is not removed (``run.warm_up``).
        """
        frame = self._quality_table("process", variant, replication, timedelta)
        name = frame.attrs["variant"]
        if operation is not None:
            frame = frame[frame["operation"] == self._operation_id(operation, name)].reset_index(drop=True)
        self._insert_operation_name(frame, name)
        parameters = self.lookup("parameters", name)
        ids = frame["operation"].to_numpy(dtype=np.int64)
        indices = frame["parameter"].to_numpy(dtype=np.int64)
        if len(parameters) and {"operation", "parameter", "name"} <= set(parameters.columns):
            known = pd.MultiIndex.from_arrays([parameters["operation"].to_numpy(dtype=np.int64),
                                               parameters["parameter"].to_numpy(dtype=np.int64)])
            rows = known.get_indexer(pd.MultiIndex.from_arrays([ids, indices]))
            names = [str(n) for n in parameters["name"]]
            units = [str(u) for u in parameters["unit"]] if "unit" in parameters else [""] * len(names)
        else:
            rows, names, units = np.full(len(frame), -1), [], []
        if (rows < 0).any():
            warnings.warn(f"{self.path}: {int((rows < 0).sum())} process rows name a parameter missing from "
                          "/lookup/parameters (shown as missing)", TaktResultWarning, stacklevel=_stacklevel())
        position = list(frame.columns).index("parameter") + 1
        frame.insert(position, "parameter_name", _categorical_by_row(names, rows))
        frame.insert(position + 1, "unit", _categorical_by_row(units, rows))
        frame.attrs["units"] = {**frame.attrs.get("units", {}), "time": "s", "value": "see unit column"}
        if not wide:
            return frame
        parameter_units: dict[str, str] = {}
        for parameter_name, unit in zip(names, units):
            known = parameter_units.setdefault(parameter_name, unit)
            if unit not in known.split(" | "):
                parameter_units[parameter_name] = f"{known} | {unit}"  # one name, different units by operation
        return _process_wide(frame, list(frame["parameter_name"].cat.categories), parameter_units)

    def inspections(self, variant: str | None = None, replication: int = 0, *,
                    timedelta: bool = False) -> pd.DataFrame:
        """Inspection verdicts as the shop sees them (observable; ``/runs/…/inspections``): time,
        job, operation (id), operation_name (``"product/operation"``, Categorical), verdict (0 =
        pass, k ≥ 1 = rejected as defect class k), verdict_name (Categorical: ``pass`` then the
        defect classes, from ``/lookup/defect_classes``), rejected (bool, verdict > 0). Warm-up is
        not removed: KPIs count the rows with ``time >= run.warm_up``."""
        frame = self._quality_table("inspections", variant, replication, timedelta)
        name = frame.attrs["variant"]
        self._insert_operation_name(frame, name)
        position = list(frame.columns).index("verdict") + 1
        frame.insert(position, "verdict_name", self._defect_class_names(frame["verdict"].to_numpy(), name))
        frame.insert(position + 1, "rejected", frame["verdict"].to_numpy() > 0)
        return frame

    def defect_truth(self, variant: str | None = None, replication: int = 0, *,
                     timedelta: bool = False) -> pd.DataFrame:
        """HIDDEN TRUTH (``/runs/…/defect_truth``): the parts that became defective — time, job,
        defect_class (k ≥ 1), defect_class_name. Nothing in the plant can observe this table (a
        controller never sees it); use it only to score inspections, controllers or models
        trained on :meth:`process` and :meth:`inspections`. ``df.attrs["hidden_truth"]`` is True."""
        frame = self._quality_table("defect_truth", variant, replication, timedelta)
        position = list(frame.columns).index("defect_class") + 1
        frame.insert(position, "defect_class_name",
                     self._defect_class_names(frame["defect_class"].to_numpy(), frame.attrs["variant"]))
        frame.attrs["hidden_truth"] = True
        return frame

    def _quality_table(self, name: str, variant: str | None, replication: int, timedelta: bool) -> pd.DataFrame:
        """A quality table via :meth:`table`; an empty one of the right columns when the file
        predates it (format 1.1 files written before the quality tables)."""
        group = self._run_group(variant, replication)
        if name in group:
            return self.table(name, variant, replication, timedelta=timedelta)
        columns = QUALITY_COLUMNS[name]
        frame = pd.DataFrame({column: pd.Series([], dtype=dtype) for column, dtype in columns})
        frame.attrs.update({"units": {"time": "s"}, "description": "", "variant": group.parent.name.rsplit("/", 1)[-1],
                            "replication": int(replication)})
        return frame

    def _operation_names(self, variant: str) -> list[str]:
        return self.names("operations", variant)

    def _insert_operation_name(self, frame: pd.DataFrame, variant: str) -> None:
        position = list(frame.columns).index("operation") + 1
        frame.insert(position, "operation_name",
                     names_from_ids(frame["operation"].to_numpy(), self._operation_names(variant)))

    def _operation_id(self, operation: int | str, variant: str) -> int:
        names = self._operation_names(variant)
        if isinstance(operation, (int, np.integer)) and not isinstance(operation, bool):
            return int(operation)
        if names.count(operation) == 1:
            return names.index(operation)
        matches = [i for i, n in enumerate(names) if n.split("/", 1)[-1] == operation]
        if len(matches) == 1:
            return matches[0]
        if matches or names.count(operation) > 1:
            matches = matches or [i for i, n in enumerate(names) if n == operation]
            raise ValueError(f"operation {operation!r} is ambiguous: {', '.join(names[i] for i in matches)}")
        raise KeyError(f"no operation {operation!r} in {self.path}; operations: {', '.join(names) or 'none'}")

    def _defect_class_names(self, codes: np.ndarray, variant: str) -> pd.Categorical:
        """Verdict or defect-class codes → names (``pass`` for 0) from ``/lookup/defect_classes``."""
        table = self.lookup("defect_classes", variant)
        if len(table) and {"value", "name"} <= set(table.columns):
            mapping = {str(n): int(v) for n, v in zip(table["name"], table["value"])}
        else:
            mapping = {"pass": 0, **{str(int(c)): int(c) for c in sorted(set(np.asarray(codes).tolist())) if c > 0}}
        return categorical_from_codes(np.asarray(codes), mapping)

    # ------------------------------------------------------------------ comparisons

    def compare(self, baseline: Any = None, other: Any = None, *, level: float | None = None) -> pd.DataFrame:
        """Per KPI, mean(other) − mean(baseline) with a confidence interval.

        In a file written by ``takt compare``, ``run.compare()`` compares its two variants at the
        stored confidence level and gives the numbers of ``/summary/comparison`` (``difference``,
        and ``ci_high - difference`` is ``difference_half_width``); two variants of such a file
        are always paired by replication (valid with common and with independent streams).
        Elsewhere ``level`` defaults to 0.95.

        ``baseline`` and ``other`` are each a variant name in this file, another :class:`Run` (its
        own variant; Takt writes one variant per file) or a ``(Run, variant)`` pair.

        Columns: kpi, unit, baseline, other, difference, ci_low, ci_high, paired, then label,
        welch_low, welch_high, n_baseline, n_other. When both sides have the same replications
        (and, where recorded, the same replication seeds), ``paired`` is True and ci_low/ci_high are
        the paired-t interval over replications — valid because Takt's variants share their random
        numbers replication by replication, and usually much narrower. Otherwise ci_low/ci_high are
        Welch's interval. welch_low/welch_high are always Welch's. KPIs present on one side only are
        left out; a unit mismatch warns.
        """
        if baseline is None and other is None:
            baseline, other = _comparison.default_pair(self)
        base_run, base_variant = self._side(baseline)
        other_run, other_variant = self._side(other)
        same_comparison = base_run is other_run and _comparison.is_comparison(self)
        if level is None:
            level = (_comparison.stored_level(self) if same_comparison else None) or 0.95
        return compare_sides(base_run, base_variant, other_run, other_variant, level,
                             paired=True if same_comparison else None)

    def comparison(self) -> pd.DataFrame:
        """The table ``takt compare`` stored (``/summary/comparison``): per KPI and pair of
        variants, kpi, label, unit, variant_a, variant_b, mean_a, half_width_a, mean_b,
        half_width_b, difference (b − a), difference_half_width (paired t), relative_change
        (difference / |mean_a|), significant, n, level. ``df.attrs``: variants (reference
        first), streams (``common`` or ``independent``), warm_up (s)."""
        return _comparison.table(self)

    def _side(self, side: Any) -> tuple["Run", str]:
        if isinstance(side, Run):
            return side, side._variant(None)
        if isinstance(side, tuple) and len(side) == 2 and isinstance(side[0], Run):
            return side[0], side[0]._variant(side[1])
        if side is None or isinstance(side, str):
            return self, self._variant(side)
        raise TypeError(f"expected a variant name, a Run or a (Run, variant) pair, got {side!r}")

    # ------------------------------------------------------------------ text

    def describe(self, max_kpis: int | None = 12) -> str:
        """A short plain-text summary: scenario, status, runs, table sizes and the first KPIs."""
        return describe_run(self, max_kpis)


# ---------------------------------------------------------------------- functions


def open_run(path: PathLike) -> Run:
    """Open a Takt result file read-only; use as ``with open_run(path) as run: …`` or close it.

    Warns (:class:`TaktResultWarning`) but still opens a ``.partial`` file or one whose
    ``completion_status`` is not ``"complete"``.
    """
    return Run(path)


def compare(baseline: Any, other: Any = None, *, level: float | None = None) -> pd.DataFrame:
    """:meth:`Run.compare` for two files (or ``(Run, variant)`` pairs), e.g. ``compare(base_run, variant_run)``;
    or, with one argument (a path or a :class:`Run` of a file written by ``takt compare``), its two
    variants: ``compare("results/cmp.h5")`` gives the numbers of ``takt compare --json``."""
    if other is None:
        if isinstance(baseline, Run):
            return baseline.compare(level=level)
        with Run(baseline) as run:
            return run.compare(level=level)
    anchor = baseline if isinstance(baseline, Run) else baseline[0]
    return anchor.compare(baseline, other, level=level)


def comparison(source: Any) -> pd.DataFrame:
    """The comparison table of a file written by ``takt compare`` (a path or a :class:`Run`), as
    :meth:`Run.comparison` returns it."""
    if isinstance(source, Run):
        return source.comparison()
    with Run(source) as run:
        return run.comparison()


# ---------------------------------------------------------------------- helpers

def _read_scalar_string(dataset: h5py.Dataset) -> str:
    value = dataset[()]
    value = decode_value(value)
    return value if isinstance(value, str) else str(value)


def _empty_kpis() -> pd.DataFrame:
    return pd.DataFrame({"variant": pd.Series([], dtype="str"), "replication": pd.Series([], dtype=np.int64),
                         "kpi": pd.Series([], dtype="str"), "label": pd.Series([], dtype="str"),
                         "unit": pd.Series([], dtype="str"), "value": pd.Series([], dtype=float)})


#: Columns of the quality tables, for an empty frame when a file has none.
QUALITY_COLUMNS = {
    "process": [("time", float), ("job", np.int64), ("operation", np.int32), ("parameter", np.int32), ("value", float)],
    "inspections": [("time", float), ("job", np.int64), ("operation", np.int32), ("verdict", np.int32)],
    "defect_truth": [("time", float), ("job", np.int64), ("defect_class", np.int32)],
}


def _categorical_by_row(values: list[str], rows: np.ndarray) -> pd.Categorical:
    """``values[row]`` for each row index as a Categorical (categories in first-seen order); -1 → missing."""
    categories = list(dict.fromkeys(values))
    codes = np.array([categories.index(v) for v in values] + [-1], dtype=np.int64)  # index -1 → code -1
    return pd.Categorical.from_codes(codes[np.asarray(rows, dtype=np.int64)], categories=categories)


def _process_wide(frame: pd.DataFrame, parameters: list[str], units: dict[str, str]) -> pd.DataFrame:
    """The tidy process frame pivoted: one row per execution, one column per parameter.

    The writer logs an execution's parameters together, in recipe order, at one instant; a new
    execution starts wherever the job, operation or time changes or the parameter index does not
    increase.
    """
    keys = ["job", "operation", "operation_name", "execution", "time"]
    job, operation = frame["job"].to_numpy(), frame["operation"].to_numpy()
    time, parameter = frame["time"].to_numpy(), frame["parameter"].to_numpy()
    start = np.ones(len(frame), dtype=bool)
    if len(frame) > 1:
        start[1:] = ((job[1:] != job[:-1]) | (operation[1:] != operation[:-1]) | (time[1:] != time[:-1])
                     | (parameter[1:] <= parameter[:-1]))
    execution = np.cumsum(start) - 1
    heads = frame.loc[start, ["job", "operation", "operation_name", "time"]].reset_index(drop=True)
    heads.insert(3, "execution", heads.groupby(["job", "operation"], sort=False).cumcount().astype(np.int64))
    columns = [p if p not in keys else f"{p}_value" for p in parameters]
    values = np.full((len(heads), len(parameters)), np.nan)
    codes = frame["parameter_name"].cat.codes.to_numpy() if len(parameters) else np.empty(0, dtype=np.int64)
    known = codes >= 0
    values[execution[known], codes[known]] = frame["value"].to_numpy(dtype=float)[known]
    wide = pd.concat([heads, pd.DataFrame(values, columns=columns)], axis=1)
    wide.attrs = {**{k: v for k, v in frame.attrs.items() if k != "units"},
                  "units": {"time": "s", **{c: units.get(p, "") for c, p in zip(columns, parameters)}}}
    return wide
