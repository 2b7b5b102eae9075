"""KPI tables: a run's means with confidence intervals; a comparison's two sides, their paired
difference and its significance, with a before/after chart per KPI group."""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._format import escape, number
from ._page import Page

#: Colours of the two sides of a comparison (reference, variant).
SIDE_COLOURS = ["#4c78a8", "#f58518"]


def _cell(value: Any, css: str = "") -> str:
    return f'<td class="{css}">{value}</td>' if css else f"<td>{value}</td>"


def run_table(summary: pd.DataFrame) -> str:
    """The KPI table of a run: one row per KPI (and variant, when there are several)."""
    several = summary["variant"].nunique() > 1
    head = ("<tr>" + ('<th class="text">variant</th>' if several else "")
            + '<th class="text">KPI</th><th class="text">unit</th><th>mean</th><th>± half-width</th>'
            "<th>lower</th><th>upper</th><th>level</th><th>n</th></tr>")
    rows = []
    for row in summary.itertuples(index=False):
        cells = (_cell(escape(row.variant), "text") if several else "")
        cells += _cell(escape(row.label), "text") + _cell(escape(row.unit), "text")
        cells += "".join(_cell(number(getattr(row, c))) for c in ("mean", "half_width", "lower", "upper"))
        cells += _cell(f"{float(row.level) * 100:g}%") + _cell(int(row.n))
        rows.append(f'<tr data-kpi="{escape(row.kpi)}">{cells}</tr>')
    return f'<div class="table-scroll"><table class="kpis">{head}{"".join(rows)}</table></div>'


def comparison_table(table: pd.DataFrame) -> str:
    """The comparison table: per KPI and compared variant, both sides (mean ± half-width), the
    difference B − A with its paired interval, the relative change and ``*`` where significant."""
    head = ('<tr><th class="text">KPI</th><th class="text">unit</th><th class="text">A</th><th>mean A</th>'
            '<th>±</th><th class="text">B</th><th>mean B</th><th>±</th><th>difference B − A</th><th>±</th>'
            "<th>interval</th><th>change</th><th>sig.</th><th>n</th></tr>")
    rows = []
    for row in table.itertuples(index=False):
        lower, upper = row.difference - row.difference_half_width, row.difference + row.difference_half_width
        change = row.relative_change
        change_text = "–" if pd.isna(change) else f"{change * 100:+.1f}%"
        cells = (_cell(escape(row.label), "text") + _cell(escape(row.unit), "text")
                 + _cell(escape(row.variant_a), "text") + _cell(number(row.mean_a)) + _cell(number(row.half_width_a))
                 + _cell(escape(row.variant_b), "text") + _cell(number(row.mean_b)) + _cell(number(row.half_width_b))
                 + _cell(number(row.difference)) + _cell(number(row.difference_half_width))
                 + _cell(f"[{number(lower)}, {number(upper)}]") + _cell(change_text)
                 + _cell("*" if row.significant else "", "significant") + _cell(int(row.n)))
        rows.append(f'<tr data-kpi="{escape(row.kpi)}" data-significant="{int(bool(row.significant))}">{cells}</tr>')
    return f'<div class="table-scroll"><table class="comparison">{head}{"".join(rows)}</table></div>'


def kpi_group(kpi: str, unit: str) -> str:
    """The group a KPI is charted in: its family for per-entity KPIs (``utilisation.mill`` →
    ``utilisation``), its unit for plant-wide ones (``throughput`` → ``plant, 1/h``)."""
    if "." in kpi:
        return kpi.split(".", 1)[0]
    return f"plant, {unit}" if unit else "plant, counts and costs"


def comparison_charts(page: Page, table: pd.DataFrame) -> str:
    """One grouped bar chart per KPI group and compared pair: A and B side by side with their
    confidence intervals, KPIs marked ``*`` where the difference is significant."""
    parts = []
    table = table.assign(group=[kpi_group(k, u) for k, u in zip(table["kpi"], table["unit"])])
    for (variant_b, group), rows in table.groupby(["variant_b", "group"], sort=False):
        variant_a = str(rows["variant_a"].iloc[0])
        labels = [f"{label} *" if significant else str(label)
                  for label, significant in zip(rows["label"], rows["significant"])]
        traces = []
        for index, (side, mean, half) in enumerate([(variant_a, "mean_a", "half_width_a"),
                                                     (str(variant_b), "mean_b", "half_width_b")]):
            traces.append({"type": "bar", "name": side, "x": labels, "y": rows[mean].tolist(),
                           "marker": {"color": SIDE_COLOURS[index]},
                           "error_y": {"type": "data", "array": rows[half].tolist(), "visible": True}})
        unit = rows["unit"].iloc[0] if rows["unit"].nunique() == 1 else ""
        identifier = f"compare-{len(page.figures)}"
        layout = {"title": {"text": f"{group}: {variant_a} vs {variant_b}"}, "barmode": "group", "height": 360,
                  "yaxis": {"title": {"text": unit}}, "xaxis": {"automargin": True}}
        parts.append(page.figure(identifier, traces, layout, kind="comparison"))
    return "".join(parts)
