"""Numbers and durations as the report prints them (four significant digits, as `takt run` does)."""
from __future__ import annotations

import html
import math
from typing import Any


def number(value: Any) -> str:
    """A KPI value with four significant digits; thousands and more without decimals; ``–`` for
    a missing value."""
    if value is None:
        return "–"
    try:
        x = float(value)
    except (TypeError, ValueError):
        return html.escape(str(value))
    if not math.isfinite(x):
        return "–"
    if x == 0:
        return "0"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


def hours(seconds: float) -> str:
    """A duration in seconds as hours or days, e.g. ``36 h`` or ``30 d``."""
    if not math.isfinite(seconds):
        return "∞"
    h = seconds / 3600
    if h >= 48 and abs(h / 24 - round(h / 24)) < 1e-9:
        return f"{h / 24:g} d"
    return f"{h:.4g} h"


def escape(text: Any) -> str:
    """HTML-escaped text."""
    return html.escape(str(text), quote=True)
