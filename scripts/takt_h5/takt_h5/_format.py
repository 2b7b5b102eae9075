"""Small text helpers of the summaries: numbers, seconds and durations."""

from __future__ import annotations

import math
import re
from typing import Any

import h5py


def _number(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return "–"
        return f"{value:.4g}"
    return "?" if value is None else str(value)


_UNIT_SECONDS = {"s": 1.0, "sec": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}


def _seconds(value: Any) -> float | None:
    """Seconds from a number or a duration string ('2 d', '30 min'); None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):  # e.g. {"seconds": 172800}
        for key in ("seconds", "s", "value"):
            if isinstance(value.get(key), (int, float)):
                return float(value[key])
        return None
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([-+0-9.eE]+)\s*([a-z]*)\s*", value)
        if match and match.group(2) in _UNIT_SECONDS or (match and match.group(2) == ""):
            try:
                return float(match.group(1)) * _UNIT_SECONDS.get(match.group(2), 1.0)
            except ValueError:
                return None
    return None


def _duration(seconds: Any) -> str:
    """'30 d', '5 h', '12 min' or '40 s' for a number of seconds."""
    if not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        return "?"
    for unit, size in (("d", 86400.0), ("h", 3600.0), ("min", 60.0)):
        if abs(seconds) >= size:
            return f"{seconds / size:.4g} {unit}"
    return f"{seconds:.4g} s"


def describe_run(run: Any, max_kpis: int | None = 12) -> str:
    """The text of :meth:`takt_h5.Run.describe`."""
    a = run.attrs
    lines = [
        f"{run.path}",
        f"  scenario   {a.get('scenario_name', '?')} ({a.get('scenario_file', '?')})",
        f"  takt       {a.get('takt_version', '?')} (commit {a.get('git_commit', '?')}), "
        f"format {a.get('format_version', '?')}",
        f"  created    {a.get('created', '?')} on {a.get('host', '?')}, {_number(a.get('wall_seconds'))} s wall",
        f"  status     {a.get('completion_status', '?')}{' (.partial file)' if run.is_partial else ''}, "
        f"simulated {_duration(a.get('simulated_time_reached'))}",
        f"  seed       {a.get('seed', '?')}, replications {a.get('replications', '?')}",
    ]
    for variant in run.variants:
        replications = run.replications(variant)
        counts: dict[str, int] = {}
        for replication in replications:
            group = run._file["runs"][variant][str(replication)]
            for name, item in group.items():
                if isinstance(item, h5py.Dataset) and name != "kpis":
                    counts[name] = counts.get(name, 0) + (item.shape[0] if item.shape else 0)
        sizes = ", ".join(f"{name} {count:,}" for name, count in sorted(counts.items()))
        lines.append(f"  variant    {variant}: {len(replications)} replications; rows: {sizes or 'none'}")
    if "summary/comparison" in run.file:
        table = run.comparison()
        for (a, b), rows in table.groupby(["variant_a", "variant_b"], sort=False):
            lines.append(f"  comparison {b} − {a} ({table.attrs.get('streams', '?')} streams): {len(rows)} KPIs, "
                         f"{int(rows['significant'].sum())} significant at {_number(100 * rows['level'].iloc[0])}%")
    try:
        summary = run.summary()
    except (KeyError, ValueError):
        summary = None
    if summary is not None and len(summary) and max_kpis != 0:
        shown = summary if max_kpis is None else summary.head(max_kpis)
        lines.append("")
        width = max(len(str(label)) for label in shown["label"])
        many = summary["variant"].nunique() > 1
        lines.append(f"  {'KPI':<{width}}  {'unit':<5} {'mean':>11}  {'± half-width':>12}"
                     + ("  variant" if many else ""))
        for row in shown.itertuples(index=False):
            lines.append(f"  {row.label:<{width}}  {row.unit:<5} {_number(row.mean):>11}  "
                         f"{_number(row.half_width):>12}" + (f"  {row.variant}" if many else ""))
        if max_kpis is not None and len(summary) > max_kpis:
            lines.append(f"  … {len(summary) - max_kpis} more KPIs (--all to show them)")
    return "\n".join(lines)
