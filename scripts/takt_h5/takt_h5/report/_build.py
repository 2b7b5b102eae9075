"""Which page a result file gets — a run's, a comparison's or a sweep's — and its sections in order."""
from __future__ import annotations

import os
import pathlib
import warnings
from typing import Any, Union

import h5py

from .._comparison import is_comparison
from .._entry import open_run
from .._sweep import open_sweep
from .._warn import TaktResultWarning
from ._controllers import controllers_section
from ._decisions import decisions_figure
from ._format import escape, hours
from ._gantt import gantt_block
from ._kpis import comparison_charts, comparison_table, run_table
from ._page import Page
from ._provenance import description, header, warm_up_text
from ._sweep import points_table, sweep_charts
from ._timeseries import timeseries_figure
from ._utilisation import utilisation_figure

PathLike = Union[str, "os.PathLike[str]"]


def render_report(source: PathLike) -> str:
    """The report page of a result file (``takt run``, ``takt compare`` or ``takt sweep merge``) as HTML text.

    Raises ``FileNotFoundError`` or ``ValueError`` for a file that is not a Takt result file;
    warnings about incomplete files (:class:`TaktResultWarning`) are shown on the page."""
    path = pathlib.Path(os.fspath(source))
    if not path.exists():
        raise FileNotFoundError(f"no result file at {path}")
    with h5py.File(path, "r") as file:
        kind = file.attrs.get("kind")
    kind = kind.decode() if isinstance(kind, bytes) else kind
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TaktResultWarning)
        if kind == "sweep":
            page = _sweep_page(path)
        elif kind == "schedule":
            raise ValueError(f"{path} is a schedule file (takt schedule --out); the report reads run, comparison "
                             "and sweep files")
        else:
            with open_run(path) as run:
                page = _run_page(run)
    notes = [str(w.message) for w in caught if issubclass(w.category, TaktResultWarning)]
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in dict.fromkeys(notes))
        page.sections.insert(1, f'<section id="warnings"><h2>Warnings</h2><ul>{items}</ul></section>')
    return page.render()


def _run_page(run: Any) -> Page:
    attrs = run.attrs
    comparing = is_comparison(run)
    variants = list(run.comparison().attrs["variants"]) if comparing else [run.variant]
    name = str(attrs.get("scenario_name", run.path.stem))
    kind = f"comparison of {', '.join(variants)}" if comparing else f"run of variant {variants[0]}"
    page = Page(f"{name} — Takt report")
    settings = run.resolved().get("run", {})
    horizon = settings.get("end_time")
    extra = [("result file", str(run.path)), ("warm-up", warm_up_text(run.warm_up))]
    if isinstance(horizon, (int, float)):
        extra.append(("run length", hours(float(horizon))))
    subtitle = f"Takt report · {kind} · {attrs.get('replications', '?')} replications · seed {attrs.get('seed', '?')}"
    page.sections.append(header(name, subtitle, description(run.scenario_yaml), attrs, extra))
    summary = run.summary()
    if comparing:
        table = run.comparison()
        streams = table.attrs.get("streams", "common")
        level = float(table["level"].iloc[0]) * 100 if len(table) else 95.0
        page.section("comparison", "KPIs: comparison", comparison_table(table),
                     note=f"Difference = B − A with its paired-t {level:g}% interval over the replications "
                          f"({streams} random numbers); * = the interval excludes 0.")
        page.section("before-after", "Before and after, per KPI group", comparison_charts(page, table),
                     note="Mean ± half-width of each side's confidence interval; * marks a significant difference.")
    page.section("kpis", "KPIs with confidence intervals", run_table(summary),
                 note="Means over replications, after the warm-up, with Student-t intervals.")
    page.section("utilisation", "Utilisation by state per station",
                 "".join(utilisation_figure(page, run, v) for v in variants),
                 note="Share of the stations' machine time in each state (the states table), after the warm-up.")
    page.section("timeseries", "WIP and queues over time",
                 "".join(timeseries_figure(page, run, v, run.replications(v)[0]) for v in variants
                         if run.replications(v)),
                 note="Sampled time series of replication 0; click a legend entry to show or hide a line.")
    page.section("gantt-section", "Gantt chart", gantt_block(page, run, [v for v in variants if run.replications(v)]),
                 note="Every operation of replication 0, one lane per machine, named as in the result file. "
                      "Drag to zoom, double-click to reset, hover for job, product, operation and times. The "
                      "window below selects which part of the run is drawn.")
    controllers_section(page, summary, [decisions_figure(page, run, v, run.replications(v)[0]) for v in variants
                                        if run.replications(v)])
    page.section("scenario", "Scenario file",
                 f'<details><summary>show the scenario as run</summary><pre class="yaml">{escape(run.scenario_yaml)}'
                 "</pre></details>")
    return page


def _sweep_page(path: pathlib.Path) -> Page:
    runs = open_sweep(path)
    points = open_sweep(path, "points")
    attrs = runs.attrs["sweep"]
    name = str(attrs.get("sweep_name", path.stem))
    page = Page(f"{name} — Takt sweep report")
    subtitle = (f"Takt report · sweep of {attrs.get('scenario_name', '?')} · {attrs.get('points', '?')} points × "
                f"{attrs.get('replications', '?')} replications · {attrs.get('complete', '?')} of "
                f"{attrs.get('runs', '?')} runs complete")
    extra = [("result file", str(path)), ("sweep file", str(attrs.get("sweep_file", ""))),
             ("design", str(attrs.get("design", ""))), ("parameters", ", ".join(runs.attrs["parameters"])),
             ("random numbers", str(attrs.get("random_numbers", "")))]
    scenario_text = ""
    with h5py.File(path, "r") as file:
        if "scenario/source_yaml" in file:
            value = file["scenario/source_yaml"][()]
            scenario_text = value.decode() if isinstance(value, bytes) else str(value)
    page.sections.append(header(name, subtitle, description(scenario_text), attrs, extra))
    by_parameter, tradeoff = sweep_charts(page, points)
    page.section("sweep-kpi-section", "A KPI against a parameter", by_parameter,
                 note="Mean ± half-width of the confidence interval over each point's replications.")
    page.section("sweep-tradeoff-section", "Trade-off", tradeoff,
                 note="One marker per point, coloured by the first parameter and labelled by the second.")
    page.section("points", "Points", points_table(points),
                 note=f"Mean ± half-width over {attrs.get('replications', '?')} replications per point.")
    return page
