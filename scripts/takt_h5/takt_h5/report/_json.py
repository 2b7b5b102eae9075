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
