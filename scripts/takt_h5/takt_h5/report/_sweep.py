"""A merged sweep's charts: any KPI against any parameter, and the trade-off between two KPIs
(maintenance cost against downtime, say), one point per sweep point with its confidence
intervals. Drawn by ``sweep.js`` from the points table, so the reader picks the KPIs and parameters."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .._sweep import points_wide
from ._format import escape, number
from ._page import Page


def kpi_order(points: pd.DataFrame) -> list[str]:
    """The sweep's KPIs in the order of its ``kpis:`` (root attribute), then any others in the table."""
    present = list(dict.fromkeys(points["kpi"]))
    listed = [k for k in points.attrs.get("kpis", []) if k in present]
    return listed + [k for k in present if k not in listed]


def sweep_data(points: pd.DataFrame) -> dict[str, Any]:
    """Parameters and their values per point, KPIs with units, means and half-widths per point."""
    parameters = list(points.attrs.get("parameters", []))
    kpis = kpi_order(points)
    means, halves = points_wide(points, "mean"), points_wide(points, "half_width")
    units = dict(zip(points["kpi"], points["unit"]))
    return {
        "parameters": parameters,
        "values": {p: [v if isinstance(v, str) else float(v) for v in means[p]] for p in parameters},
        "points": [int(p) for p in means["point"]],
        "kpis": kpis,
        "units": {k: str(units.get(k, "")) for k in kpis},
        "mean": {k: means[k].tolist() for k in kpis if k in means},
        "halfWidth": {k: halves[k].tolist() for k in kpis if k in halves},
    }


def points_table(points: pd.DataFrame, most_kpis: int = 6) -> str:
    """The per-point table: parameter values and the first KPIs as mean ± half-width."""
    parameters = list(points.attrs.get("parameters", []))
    kpis = kpi_order(points)[:most_kpis]
    means, halves = points_wide(points, "mean"), points_wide(points, "half_width")
    units = dict(zip(points["kpi"], points["unit"]))
    head = "<tr><th>point</th>" + "".join(f'<th class="text">{escape(p)}</th>' for p in parameters)
    head += "".join(f"<th>{escape(k)}{f' [{escape(units[k])}]' if units.get(k) else ''}</th>" for k in kpis) + "</tr>"
    rows = []
    for index in range(len(means)):
        cells = f"<td>{int(means['point'].iloc[index])}</td>"
        cells += "".join(f'<td class="text">{escape(means[p].iloc[index])}</td>' for p in parameters)
        cells += "".join(f"<td>{number(means[k].iloc[index])} ± {number(halves[k].iloc[index])}</td>" for k in kpis)
        rows.append(f"<tr>{cells}</tr>")
    return f'<div class="table-scroll"><table class="points">{head}{"".join(rows)}</table></div>'


def sweep_charts(page: Page, points: pd.DataFrame) -> tuple[str, str]:
    """The two chart blocks (KPI against parameter; trade-off), controls included."""
    page.add_data("sweep", sweep_data(points))
    page.add_script("sweep.js")
    by_parameter = ('<div class="controls" id="sweep-kpi-controls"></div>'
                    '<div class="figure" id="sweep-kpi" data-figure="sweep-kpi"></div>')
    tradeoff = ('<div class="controls" id="sweep-tradeoff-controls"></div>'
                '<div class="figure" id="sweep-tradeoff" data-figure="sweep-tradeoff"></div>')
    return by_parameter, tradeoff
