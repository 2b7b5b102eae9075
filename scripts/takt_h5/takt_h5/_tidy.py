"""Tidy tables across replications and variants, times as dates, and export to Parquet or CSV."""
from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import pandas as pd

from ._layout import SECONDS

if TYPE_CHECKING:
    import h5py

#: ``replications=`` of the table methods: every replication, or a list of indices.
Replications = Union[str, Sequence[int]]

#: The per-run tables :meth:`TidyTables.export` writes when present (``timeseries`` as a frame).
EXPORT_TABLES = ("events", "operations", "jobs", "states", "timeseries", "sensors", "truth", "process",
                 "inspections", "defect_truth")


class TidyTables:
    """The all-replication forms of ``Run``'s tables, and their export (mixed into ``Run``)."""

    if TYPE_CHECKING:
        attrs: dict[str, Any]
        _file: h5py.File
        path: pathlib.Path

        @property
        def variants(self) -> list[str]: ...

        def replications(self, variant: str | None = None) -> list[int]: ...

        def _variant(self, variant: str | None) -> str: ...

        def table(self, name: str, variant: str | None = None, replication: int = 0, *, timedelta: bool = False,
                  times: bool = False, replications: Replications | None = None) -> pd.DataFrame: ...

        def timeseries(self, variant: str | None = None, replication: int = 0, *, as_frame: bool = False) -> Any: ...

        def kpis(self, variant: str | None = None, replication: int | None = None) -> pd.DataFrame: ...

        def runs(self) -> pd.DataFrame: ...

    @property
    def start(self) -> pd.Timestamp | None:
        """The date and time that is time 0 (root attribute ``start_time``, from the scenario's
        ``run.start``), or None when the scenario gives none."""
        text = self.attrs.get("start_time")
        return pd.Timestamp(text) if isinstance(text, str) and text else None

    def _add_times(self, frame: pd.DataFrame, units: dict[str, str]) -> None:
        """Beside each time column ``c``, ``c_time``: ``start + c`` as a pandas datetime when the
        file has a start, else ``c`` as a Timedelta (NaN and ∞ → NaT)."""
        start = self.start
        for column in [c for c, unit in units.items() if unit in SECONDS and c in frame]:
            seconds = frame[column].to_numpy(dtype=float)
            delta = pd.to_timedelta(np.where(np.isfinite(seconds), seconds, np.nan), unit="s")
            position = list(frame.columns).index(column) + 1
            frame.insert(position, f"{column}_time", (start + delta) if start is not None else delta)

    def _tidy(self, name: str, variant: str | None, replications: Replications, *, timedelta: bool,
              times: bool) -> pd.DataFrame:
        """``name`` of every chosen replication (of every variant unless ``variant`` names one),
        concatenated, with ``variant`` and ``replication`` columns first; units kept."""
        variants = self.variants if variant in (None, "all") else [self._variant(variant)]
        parts: list[pd.DataFrame] = []
        for name_of_variant in variants:
            chosen = (self.replications(name_of_variant) if isinstance(replications, str)
                      else [int(r) for r in replications])
            if isinstance(replications, str) and replications != "all":
                raise ValueError(f"replications={replications!r}: give 'all' or a list of indices")
            for replication in chosen:
                group = self._file["runs"][name_of_variant].get(str(replication))
                if group is None or name not in group:
                    continue
                if name == "timeseries":
                    frame = self.timeseries(name_of_variant, replication, as_frame=True).reset_index()
                    frame.attrs["units"] = {"time": "s", **frame.attrs.get("units", {})}
                    if times:
                        self._add_times(frame, frame.attrs["units"])
                else:
                    frame = self.table(name, name_of_variant, replication, timedelta=timedelta, times=times)
                frame.insert(0, "replication", np.int64(replication))
                frame.insert(0, "variant", name_of_variant)
                parts.append(frame)
        if not parts:
            raise KeyError(f"no table {name!r} in any chosen run of {self.path}")
        units: dict[str, str] = {}
        for part in parts:
            units.update(part.attrs.get("units", {}))
        description = parts[0].attrs.get("description", "")
        for part in parts:
            part.attrs = {}          # pandas keeps attrs through concat only when they agree
        frame = pd.concat(parts, ignore_index=True)
        frame["variant"] = pd.Categorical(frame["variant"], categories=variants)
        frame["replication"] = frame["replication"].astype(np.int64)
        frame.attrs = {"units": units, "description": description, "variant": "all" if len(variants) > 1
                       else variants[0], "replication": "all" if isinstance(replications, str) else list(replications)}
        return frame

    def tables(self) -> list[str]:
        """The per-run tables this file holds in at least one run (in :data:`EXPORT_TABLES` order)."""
        present: set[str] = set()
        for variant in self.variants:
            for replication in self.replications(variant):
                present.update(self._file["runs"][variant][str(replication)].keys())
        return [name for name in EXPORT_TABLES if name in present]

    def to_parquet(self, folder: str | os.PathLike[str], tables: Sequence[str] | None = None) -> list[pathlib.Path]:
        """Writes every table (or ``tables``), tidy over all variants and replications, as
        ``folder/<table>.parquet`` with pyarrow, plus ``kpis.parquet`` and ``runs.parquet``.
        Each file's schema metadata holds the units (``takt.units``, JSON: column → unit) and the
        description; ``pandas.read_parquet`` gives them back in ``df.attrs``. Returns the paths."""
        return self.export(folder, "parquet", tables)

    def export(self, folder: str | os.PathLike[str], format: str = "parquet",
               tables: Sequence[str] | None = None) -> list[pathlib.Path]:
        """Writes the tables as Parquet (see :meth:`to_parquet`) or CSV (``format="csv"``: one
        ``<table>.csv`` each and ``units.json``, table → column → unit). Returns the paths."""
        if format not in ("parquet", "csv"):
            raise ValueError(f"format={format!r}: 'parquet' or 'csv'")
        names = list(tables) if tables else [*self.tables(), "kpis", "runs"]
        out = pathlib.Path(os.fspath(folder))
        out.mkdir(parents=True, exist_ok=True)
        written: list[pathlib.Path] = []
        all_units: dict[str, dict[str, str]] = {}
        for name in names:
            if name == "kpis":
                frame = self.kpis()
                frame.attrs = {"units": {}, "description": "KPI values per replication (value in the unit column)"}
            elif name == "runs":
                frame = self.runs()
                frame.attrs = {"units": {"simulated_seconds": "s", "wall_seconds": "s"},
                               "description": "one row per (variant, replication): the run group's attributes"}
            else:
                frame = self._tidy(name, None, "all", timedelta=False, times=False)
            units = {str(k): str(v) for k, v in frame.attrs.get("units", {}).items()}
            all_units[name] = units
            path = out / f"{name}.{format}"
            if format == "parquet":
                _write_parquet(frame, path, units, str(frame.attrs.get("description", "")))
            else:
                frame.to_csv(path, index=False)
            written.append(path)
        if format == "csv":
            units_path = out / "units.json"
            units_path.write_text(json.dumps(all_units, indent=2, sort_keys=True) + "\n")
            written.append(units_path)
        return written


def _write_parquet(frame: pd.DataFrame, path: pathlib.Path, units: dict[str, str], description: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:  # pragma: no cover - the message is the point
        raise ImportError("Parquet export needs pyarrow: pip install 'takt-h5[parquet]' (or pyarrow)") from error
    plain = frame.copy()
    plain.attrs = {}
    table = pa.Table.from_pandas(plain, preserve_index=False)
    metadata = {**(table.schema.metadata or {}), b"takt.units": json.dumps(units).encode(),
                b"takt.description": description.encode()}
    pq.write_table(table.replace_schema_metadata(metadata), path)


def read_parquet(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A table written by :meth:`TidyTables.to_parquet`, with ``df.attrs["units"]`` and
    ``df.attrs["description"]`` restored from the file's metadata."""
    import pyarrow.parquet as pq
    table = pq.read_table(path)
    frame: pd.DataFrame = table.to_pandas()
    metadata = table.schema.metadata or {}
    frame.attrs = {"units": json.loads(metadata.get(b"takt.units", b"{}")),
                   "description": metadata.get(b"takt.description", b"").decode()}
    return frame
