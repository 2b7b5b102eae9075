"""The quality tables of a run, as analysts read them: the actual recipe parameters and the
inspection verdicts (observable), and the defects parts really carried (hidden truth).

A mixin of :class:`takt_h5.Run` (it uses the run's ``table``, ``lookup`` and ``names``)."""
from __future__ import annotations

import pathlib
import warnings
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from ._decode import categorical_from_codes, names_from_ids
from ._warn import TaktResultWarning, _stacklevel

if TYPE_CHECKING:
    import h5py


class QualityTables:
    """``process``, ``inspections``, ``defect_truth`` and ``vision`` of :class:`takt_h5.Run`."""

    # What this mixin uses of Run, declared so that a type checker sees it (Run defines it all).
    path: pathlib.Path

    if TYPE_CHECKING:
        def lookup(self, name: str, variant: str | None = None) -> pd.DataFrame: ...
        def names(self, kind: str, variant: str | None = None) -> list[str]: ...
        def table(self, name: str, variant: str | None = None, replication: int = 0, *,
                  timedelta: bool = False) -> pd.DataFrame: ...
        def _run_group(self, variant: str | None, replication: int) -> h5py.Group: ...

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

    def vision(self, variant: str | None = None, replication: int = 0, *, truth: bool = False,
               timedelta: bool = False) -> pd.DataFrame:
        """A learning camera's record (``/runs/…/vision``; only runs with ``inspect: learning:``):
        one row per camera at time 0, at each retrain and at the drift — time, operation,
        operation_name, kind (0, 1, 2), kind_name (``start``, ``retrain``, ``drift``), then what
        the plant sees over the parts since the camera's previous row: flagged, confirmed (by the
        re-check), audited, audit_found, and as shares precision_seen (confirmed / flagged) and
        audit_miss_rate (audit_found / audited), NaN where nothing was counted.

        With ``truth=True`` the HIDDEN TRUTH of ``vision_truth`` is joined on (for scoring only;
        ``df.attrs["hidden_truth"]`` is True): examples, error (balanced error after the row's
        change), accuracy (1 − error), correct_labels, wrong_labels, classified, correct, and
        share_right (correct / classified, the accuracy realised over the parts since the previous
        row). Empty, with these columns, for a run without a learning camera."""
        group = self._run_group(variant, replication)
        if "vision" not in group:
            columns = ["time", "operation", "operation_name", "kind", "kind_name", "flagged", "confirmed",
                       "audited", "audit_found", "precision_seen", "audit_miss_rate"]
            if truth:
                columns += ["examples", "error", "accuracy", "correct_labels", "wrong_labels", "classified",
                            "correct", "share_right"]
            frame = pd.DataFrame({column: pd.Series([], dtype="float64") for column in columns})
            frame.attrs["hidden_truth"] = truth
            return frame
        frame = self.table("vision", variant, replication, timedelta=timedelta)
        self._insert_operation_name(frame, frame.attrs["variant"])
        kinds = frame["kind"].to_numpy(dtype=np.int64)
        position = list(frame.columns).index("kind") + 1
        frame.insert(position, "kind_name", _categorical_by_row(list(VISION_ROW_KINDS), kinds))
        frame["precision_seen"] = _share(frame["confirmed"], frame["flagged"])
        frame["audit_miss_rate"] = _share(frame["audit_found"], frame["audited"])
        frame.attrs["hidden_truth"] = False
        if not truth:
            return frame
        hidden = self.table("vision_truth", variant, replication)
        if len(hidden) != len(frame) or not (hidden["operation"].to_numpy() == frame["operation"].to_numpy()).all():
            raise ValueError(f"{self.path}: vision and vision_truth do not have the same rows")
        for column in ("examples", "error"):
            frame[column] = hidden[column].to_numpy()
        frame["accuracy"] = 1 - frame["error"]
        for column in ("correct_labels", "wrong_labels", "classified", "correct"):
            frame[column] = hidden[column].to_numpy()
        frame["share_right"] = _share(frame["correct"], frame["classified"])
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
        operation = cast(str, operation)  # or a bool, which names no operation
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


#: ``kind`` of a ``vision`` row, by code.
VISION_ROW_KINDS = ("start", "retrain", "drift")


def _share(part: pd.Series, whole: pd.Series) -> np.ndarray:
    """part / whole as float64, NaN where whole is 0."""
    numerator = part.to_numpy(dtype=np.float64)
    denominator = whole.to_numpy(dtype=np.float64)
    out = np.full(len(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out
