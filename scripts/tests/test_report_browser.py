"""The HTML report (`takt_h5.report`, `takt report`) in a real headless browser, Debian's chromium.

Each page is loaded as a reader would open it, from a file with the network unreachable: it must
log nothing to the console (no script error, no failed fetch), draw the charts its file calls for,
and its Gantt chart must hold one bar per operation, setup and down/maintenance interval in the
stated window — counted in the DOM and recomputed here from the HDF5 file. A screenshot of the
run's page is written to results/report-run.png and checked not to be blank.
"""
from __future__ import annotations

import pathlib

import h5py
import headless_chromium
import numpy as np
import pytest
from dom_query import Element, by_id, parse

import takt_h5
from takt_h5.report import write_report

pytestmark = pytest.mark.skipif(headless_chromium.find() is None,
                                reason="chromium is not installed (scripts/setup.sh installs it)")

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pages(report_inputs, tmp_path_factory) -> dict[str, pathlib.Path]:
    folder = tmp_path_factory.mktemp("report-pages")
    return {kind: write_report(path, folder / f"{kind}.html") for kind, path in report_inputs.items()}


def expected_bars(path: pathlib.Path, variant: str, start_h: float, end_h: float) -> dict[str, int]:
    """Operations, setups and down/maintenance intervals of replication 0 overlapping the window,
    with times rounded to 0.1 s as the page holds them."""
    lo, hi = start_h * 3600, end_h * 3600
    with takt_h5.open_run(path) as run:
        ops = run.operations(variant, 0)
        states = run.states(variant, 0)
    for frame, columns in ((ops, ["start", "end", "setup_start"]), (states, ["start", "end"])):
        for column in columns:
            frame[column] = np.round(frame[column].to_numpy(dtype=float), 1)
    overlap = (ops["start"] < hi) & (ops["end"] > lo)
    setup = ops["setup_start"].notna() & (ops["start"] > ops["setup_start"]) & \
        (ops["setup_start"] < hi) & (ops["start"] > lo)
    down = states["state"].isin(["down", "maintenance"]) & (states["start"] < hi) & (states["end"] > lo)
    return {"operations": int(overlap.sum()), "setups": int(setup.sum()), "intervals": int(down.sum()),
            "total": len(ops)}


def gantt_bars(root: Element) -> int:
    chart = by_id(root, "gantt-chart")
    return sum(len(layer.find_all(cls="point")) for layer in chart.find_all(cls="barlayer"))


def rendered(root: Element, kind: str) -> list[Element]:
    """Figures of ``kind`` that Plotly drew (it marks their div ``js-plotly-plot`` and adds an SVG)."""
    return [e for e in root.find_all(data_figure=kind) if "js-plotly-plot" in e.classes and e.find_all(cls="main-svg")]


def lane_labels(root: Element) -> list[str]:
    """The Gantt's y-axis tick labels (in the DOM order Plotly wrote them)."""
    return [text.text() for text in by_id(root, "gantt-chart").find_all(tag="text")
            if text.parent is not None and "ytick" in text.parent.classes]


def check_gantt(root: Element, path: pathlib.Path) -> dict[str, int]:
    gantt = by_id(root, "gantt").attrs
    start, end = float(gantt["data-window-start"]), float(gantt["data-window-end"])
    expected = expected_bars(path, gantt["data-variant"], start, end)
    assert int(gantt["data-operations"]) == expected["operations"] > 0
    assert int(gantt["data-setups"]) == expected["setups"]
    assert int(gantt["data-intervals"]) == expected["intervals"]
    assert gantt_bars(root) == expected["operations"] + expected["setups"] + expected["intervals"]
    note = by_id(root, "gantt-window").text()
    assert f"{expected['operations']:,} of {expected['total']:,} operations" in note, note
    return expected


def test_a_console_error_is_seen(tmp_path):
    """The check itself: a page with a script error and a blocked fetch logs both."""
    page = tmp_path / "bad.html"
    page.write_text('<html><body><img src="https://example.org/x.png"><script>undefinedFunction();</script>'
                    "</body></html>")
    load = headless_chromium.load(page.as_uri(), budget_ms=2000)
    assert any("undefinedFunction" in line for line in load.console), load.console


def test_run_report_loads_cleanly_and_draws_every_operation_of_its_window(pages, report_inputs):
    load = headless_chromium.load(pages["run"].as_uri())
    assert load.console == []
    root = parse(load.dom)
    assert len(rendered(root, "utilisation")) == 1 and len(rendered(root, "timeseries")) == 1
    assert len(rendered(root, "gantt")) == 1
    expected = check_gantt(root, report_inputs["run"])
    assert expected["intervals"] > 0                       # the flow line's breakdowns are drawn
    assert expected["operations"] < expected["total"]      # 30 days: a window, stated, not the whole run
    with h5py.File(report_inputs["run"]) as file:
        machines = [name.decode() for name in file["lookup/machines"]["name"]]
    assert sorted(lane_labels(root)) == sorted(machines)   # lanes named exactly as in the file


def test_the_gantt_window_follows_the_url(pages, report_inputs):
    load = headless_chromium.load(pages["run"].as_uri() + "#gantt=100,12")
    assert load.console == []
    root = parse(load.dom)
    gantt = by_id(root, "gantt").attrs
    assert (float(gantt["data-window-start"]), float(gantt["data-window-end"])) == (100, 112)
    check_gantt(root, report_inputs["run"])


def test_comparison_report_has_both_sides_and_a_chart_per_kpi_group(pages, report_inputs):
    load = headless_chromium.load(pages["comparison"].as_uri())
    assert load.console == []
    root = parse(load.dom)
    table = takt_h5.comparison(report_inputs["comparison"])
    kpi_rows = [e for e in by_id(root, "comparison").find_all(tag="tr") if "data-kpi" in e.attrs]
    assert [e.attrs["data-kpi"] for e in kpi_rows] == list(table["kpi"])
    assert sum(e.attrs["data-significant"] == "1" for e in kpi_rows) == int(table["significant"].sum()) > 0
    groups = {k.split(".", 1)[0] if "." in k else f"plant, {u}" for k, u in zip(table["kpi"], table["unit"])}
    assert len(rendered(root, "comparison")) == len(groups)
    assert len(rendered(root, "utilisation")) == 2         # one per variant
    check_gantt(root, report_inputs["comparison"])
    assert int(by_id(root, "gantt").attrs["data-setups"]) > 0   # the job shop's setups are drawn


def test_sweep_report_charts_kpis_against_parameters_and_the_tradeoff(pages, report_inputs):
    load = headless_chromium.load(pages["sweep"].as_uri())
    assert load.console == []
    root = parse(load.dom)
    assert len(rendered(root, "sweep-kpi")) == 1 and len(rendered(root, "sweep-tradeoff")) == 1
    points = takt_h5.open_sweep(report_inputs["sweep"], "points")
    tradeoff = by_id(root, "sweep-tradeoff")
    markers = [p for layer in tradeoff.find_all(cls="scatterlayer") for p in layer.find_all(cls="point")]
    assert len(markers) == points["point"].nunique() == 4


def blank(path: pathlib.Path) -> bool:
    """True when almost every pixel is the same colour (an empty or failed render)."""
    from PIL import Image
    pixels = np.asarray(Image.open(path).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    return counts.max() / len(pixels) > 0.97 or len(colours) < 16


def test_screenshot_of_the_run_report_is_not_blank(pages, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>")
    headless_chromium.screenshot(empty.as_uri(), tmp_path / "empty.png", width=400, height=300, budget_ms=500)
    assert blank(tmp_path / "empty.png")                   # the check can fail
    shot = ROOT / "results" / "report-run.png"
    console = headless_chromium.screenshot(pages["run"].as_uri(), shot, width=1280, height=2600)
    assert console == []
    assert not blank(shot)
