"""Controllers' own figures: what each controller reports (warnings, learned effects, setpoints)
and, where the file has it, the hidden truth beside what was learned (``<c>.true_<x>.<p>`` beside
``<c>.<x>.<p>``)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._format import escape, number
from ._page import Page


def controller_kpis(summary: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``summary`` that a controller reports: KPIs ``<controller>.<figure>`` whose
    label starts with ``"<controller>: "`` (station KPIs are labelled by the station instead)."""
    prefix = summary["kpi"].str.split(".", n=1).str[0]
    labelled = np.array([str(label).startswith(f"{p}: ") for label, p in zip(summary["label"], prefix)], dtype=bool)
    is_controller = summary["kpi"].str.contains(".", regex=False).to_numpy(dtype=bool) & labelled
    rows = summary[is_controller].copy()
    rows["controller"] = prefix[is_controller]
    return rows


def truth_pairs(rows: pd.DataFrame) -> pd.DataFrame:
    """Learned figures with their hidden truth: columns variant, controller, figure, subject,
    learned, learned_half_width, truth, unit (one row per ``<c>.true_<x>.<p>`` whose ``<c>.<x>.<p>`` exists)."""
    means = {(v, k): (m, h, u) for v, k, m, h, u in
             zip(rows["variant"], rows["kpi"], rows["mean"], rows["half_width"], rows["unit"])}
    pairs = []
    for (variant, kpi), (truth, _, unit) in means.items():
        parts = kpi.split(".")
        if len(parts) >= 3 and parts[1].startswith("true_"):
            learned_kpi = ".".join([parts[0], parts[1][len("true_"):], *parts[2:]])
            if (variant, learned_kpi) in means:
                learned, half, _ = means[(variant, learned_kpi)]
                pairs.append({"variant": variant, "controller": parts[0], "figure": parts[1][len("true_"):],
                              "subject": ".".join(parts[2:]), "learned": learned, "learned_half_width": half,
                              "truth": truth, "unit": unit})
    return pd.DataFrame(pairs)


def controllers_section(page: Page, summary: pd.DataFrame, decisions: list[str]) -> None:
    """Add the controllers' section: ``decisions`` (charts of their orders beside the failures),
    learned figures beside the truth, and a table of their figures; nothing when there is none."""
    rows = controller_kpis(summary)
    decisions = [chart for chart in decisions if chart]
    if rows.empty and not decisions:
        return
    parts = list(decisions)
    pairs = truth_pairs(rows)
    for (variant, controller, figure), group in (pairs.groupby(["variant", "controller", "figure"], sort=False)
                                                 if not pairs.empty else []):
        traces = [{"type": "bar", "name": "learned (mean ± CI over replications)", "x": group["subject"].tolist(),
                   "y": group["learned"].tolist(), "marker": {"color": "#4c78a8"},
                   "error_y": {"type": "data", "array": group["learned_half_width"].tolist(), "visible": True}},
                  {"type": "bar", "name": "truth (hidden from the controller)", "x": group["subject"].tolist(),
                   "y": group["truth"].tolist(), "marker": {"color": "#9e9e9e"}}]
        layout = {"barmode": "group", "height": 340, "title": {"text": f"{variant} · {controller}: {figure}, "
                                                                        "learned beside the truth"},
                  "yaxis": {"title": {"text": str(group["unit"].iloc[0])}}}
        parts.append(page.figure(f"controller-{variant}-{controller}-{figure}", traces, layout, kind="controller"))
    head = ('<tr><th class="text">variant</th><th class="text">controller</th><th class="text">figure</th>'
            '<th class="text">unit</th><th>mean</th><th>±</th></tr>')
    body = "".join(f'<tr><td class="text">{escape(r.variant)}</td><td class="text">{escape(r.controller)}</td>'
                   f'<td class="text">{escape(str(r.label).split(": ", 1)[-1])}</td><td class="text">'
                   f"{escape(r.unit)}</td><td>{number(r.mean)}</td><td>{number(r.half_width)}</td></tr>"
                   for r in rows.itertuples(index=False))
    parts.append(f'<div class="table-scroll"><table class="controllers">{head}{body}</table></div>')
    page.section("controllers", "Controllers", "".join(parts),
                 note="Each controller's own figures, means over replications, and its maintenance orders beside "
                      "the failures of replication 0. Where the file holds the hidden truth (<code>true_…</code>), "
                      "it is drawn beside what the controller learned.")
