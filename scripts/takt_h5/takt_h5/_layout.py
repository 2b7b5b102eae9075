"""What the reader knows of the file layout (docs/hdf5-layout.md), and how it opens files."""

from __future__ import annotations

import pathlib
import warnings

import h5py

from ._warn import TaktResultWarning, _stacklevel

#: The format major version this reader understands.
SUPPORTED_MAJOR = "1"

#: Run tables and their enum columns → the /lookup table with the same mapping (a fallback when a
#: writer stored plain integers instead of an HDF5 enum).
ENUM_LOOKUPS = {
    "events": {"kind": "event_kinds"},
    "operations": {"outcome": "gantt_outcomes"},
    "jobs": {"outcome": "job_outcomes"},
    "states": {"state": "machine_states"},
}

#: Id columns → (lookup table, added name column).
ID_COLUMNS = {
    "station": ("stations", "station_name"),
    "machine": ("machines", "machine_name"),
    "product": ("products", "product_name"),
    "material": ("materials", "material_name"),
}

#: Id columns named only in one table (``process`` has its own ``parameter``, a position in the
#: operation's recipe): events name the row of ``/lookup/parameters`` they change (format 1.2).
TABLE_ID_COLUMNS = {"events": {"parameter": ("parameters", "parameter_name")}}

#: Time columns (seconds) per table, used when a dataset lacks its ``units`` attribute.
TIME_COLUMNS = {
    "events": ["time"],
    "operations": ["setup_start", "start", "end"],
    "jobs": ["arrival", "release", "start", "finish", "due", "tardiness"],
    "states": ["start", "end"],
    "process": ["time"],
    "inspections": ["time"],
    "defect_truth": ["time"],
}

#: Spellings of the unit of time columns.
SECONDS = {"s", "sec", "second", "seconds"}

#: Columns stored as small integers that mean true/false.
BOOL_COLUMNS = {"jobs": ["is_order"]}


def _open_h5(path: pathlib.Path) -> h5py.File:
    """Open read-only; if a writer holds the file lock, read without locking (with a warning)."""
    try:
        return h5py.File(path, "r")
    except OSError as error:
        message = str(error)
        if "lock" in message.lower():
            warnings.warn(f"{path} is locked by its writer (a run in progress?); reading it without locking: "
                          "the contents may be inconsistent", TaktResultWarning, stacklevel=_stacklevel())
            return h5py.File(path, "r", locking=False)
        if "already open for write" in message or "h5clear" in message:
            raise OSError(f"{path}: the writer did not close this file (crash?). Run `h5clear -s {path}` "
                          f"to make it readable, then open it again. ({message})") from error
        raise
