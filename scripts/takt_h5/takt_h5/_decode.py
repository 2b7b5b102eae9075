"""Turning raw HDF5 values (bytes, numpy scalars, enum codes, id columns) into analyst-friendly ones.

Takt writes variable-length UTF-8 strings, which h5py returns as ``bytes`` inside compound
tables and scalar datasets; another writer might use fixed-length strings. Everything here accepts
both, so the reader does not depend on such details.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import h5py
import numpy as np
import pandas as pd


def decode_value(value: Any) -> Any:
    """A plain Python value from an attribute or scalar: ``str`` for strings, ``int``/``float``/
    ``bool`` for numpy scalars, a list for arrays (recursively decoded)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, np.ndarray):
        if value.shape == ():
            return decode_value(value[()])
        return [decode_value(item) for item in value.tolist()]
    if isinstance(value, np.generic):
        return decode_value(value.item())
    return value


def decode_attrs(attrs: h5py.AttributeManager) -> dict[str, Any]:
    """All attributes of an HDF5 object as a plain dict (see :func:`decode_value`)."""
    return {name: decode_value(attrs[name]) for name in attrs}


def parse_units(raw: Any, columns: list[str] | None = None) -> dict[str, str]:
    """The ``units`` attribute as a dict column → unit.

    Accepts the spec's forms: a JSON object (compound tables), a JSON list or an array of strings
    aligned with ``columns`` (2-D arrays), or a single unit string for every column.
    """
    raw = decode_value(raw)
    if raw is None:
        return {}
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("{") or text.startswith("["):
            try:
                raw = json.loads(text)
            except ValueError:
                pass
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    if isinstance(raw, list):
        if columns is not None and len(raw) == len(columns):
            return {c: str(u) for c, u in zip(columns, raw)}
        return {str(i): str(u) for i, u in enumerate(raw)}
    if isinstance(raw, str) and columns is not None:
        return {c: raw for c in columns}
    return {}


def decode_string_column(values: np.ndarray) -> np.ndarray:
    """An object array of ``str`` from vlen (``bytes`` objects) or fixed-length (``S``) strings."""
    if values.dtype.kind == "S":
        return np.char.decode(values, "utf-8")
    out = np.empty(len(values), dtype=object)
    for index, item in enumerate(values):
        out[index] = item.decode("utf-8", errors="replace") if isinstance(item, bytes) else item
    return out


def frame_from_records(records: np.ndarray) -> pd.DataFrame:
    """A DataFrame from a structured array, with string fields decoded to ``str``."""
    columns: dict[str, Any] = {}
    for name in records.dtype.names or ():
        field_dtype = records.dtype[name]
        column = records[name]
        if h5py.check_string_dtype(field_dtype) is not None or field_dtype.kind in ("S", "O"):
            columns[name] = pd.Series(decode_string_column(column), dtype="str")
        else:
            columns[name] = np.ascontiguousarray(column)
    return pd.DataFrame(columns)


def categorical_from_codes(codes: np.ndarray, mapping: Mapping[str, int]) -> pd.Categorical:
    """A Categorical from integer codes and a name → value mapping (an HDF5 enum).

    Categories are the names in value order; a code missing from the mapping becomes missing.
    """
    ordered = sorted(mapping.items(), key=lambda item: item[1])
    names = [name for name, _ in ordered]
    codes = np.asarray(codes).astype(np.int64, copy=False)
    if len(codes) == 0:
        return pd.Categorical.from_codes(np.empty(0, dtype=np.int64), categories=names)
    top = max(int(codes.max()), max((v for _, v in ordered), default=0))
    low = min(int(codes.min()), 0)
    table = np.full(top - low + 1, -1, dtype=np.int64)
    for index, (_, value) in enumerate(ordered):
        table[value - low] = index
    return pd.Categorical.from_codes(table[codes - low], categories=names)


def names_from_ids(ids: np.ndarray, names: list[str]) -> pd.Categorical:
    """A Categorical of names for integer ids (row index into ``names``); -1 or out of range → missing.

    Categories keep the lookup order (the order of stations in the scenario), which also orders
    plots and group-bys sensibly.
    """
    ids = np.asarray(ids).astype(np.int64, copy=False)
    valid = (ids >= 0) & (ids < len(names))
    if len(set(names)) == len(names):
        return pd.Categorical.from_codes(np.where(valid, ids, -1), categories=list(names))
    # Duplicate names (not expected from Takt) cannot be categories: map them one by one.
    table = np.asarray(list(names), dtype=object)
    return pd.Categorical([table[i] if ok else None for i, ok in zip(ids, valid)])
