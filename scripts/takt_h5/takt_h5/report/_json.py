"""Data for the page as JSON: numpy values made plain, NaN and infinities as ``null``, and text
that is safe inside a ``<script>`` element."""
from __future__ import annotations

import json
import math
from typing import Any

import numpy as np


def plain(value: Any) -> Any:
    """``value`` with numpy scalars and arrays turned into Python ones and every non-finite float
    into ``None`` (JSON has no NaN), recursively through dicts, lists and tuples."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def script_json(value: Any) -> str:
    """JSON text of ``value`` (see :func:`plain`) that can stand inside ``<script>…</script>``:
    ``</`` is written ``<\\/`` so no string in the data can close the element."""
    text = json.dumps(plain(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def rounded(values: Any, digits: int) -> list[Any]:
    """A numeric column as a list rounded to ``digits`` decimals, NaN and infinities as ``None``:
    smaller JSON for long tables such as the Gantt's."""
    array = np.round(np.asarray(values, dtype=float), digits)
    return [None if not math.isfinite(item) else (int(item) if digits == 0 else item) for item in array.tolist()]


def tenths(values: Any) -> np.ndarray:
    """Seconds as whole tenths of a second (int64); NaN stays out of it (use with a mask)."""
    array = np.asarray(values, dtype=float)
    result: np.ndarray = np.rint(np.where(np.isfinite(array), array, 0.0) * 10).astype(np.int64)
    return result


def deltas(values: Any) -> list[int]:
    """An integer column as its first value and then the differences from each previous one: short
    numbers for a column that grows, such as sorted times or job serials."""
    array = np.asarray(values, dtype=np.int64)
    return np.diff(array, prepend=np.int64(0)).tolist() if len(array) else []
