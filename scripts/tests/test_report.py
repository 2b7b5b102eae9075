"""The HTML report without a browser: what the page holds and how `takt report` and `--report`
behave. (The page in a real browser: test_report_browser.py.)"""
from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

import takt_h5
from takt_h5.report import default_output, render_report, write_report

ROOT = pathlib.Path(__file__).resolve().parents[2]


def data_block(page: str, identifier: str):
    match = re.search(rf'<script type="application/json" id="data-{re.escape(identifier)}">(.*?)</script>', page,
                      flags=re.S)
    assert match, identifier
    return json.loads(match.group(1))


def figures(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="takt-figures">(.*?)</script>', page, flags=re.S)
    assert match
    return json.loads(match.group(1))


def takt_run(takt, *args, env=None, cwd=ROOT):
    return subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})})


def test_page_is_self_contained(report_inputs):
    from plotly.offline import get_plotlyjs
    page = render_report(report_inputs["run"])
    assert get_plotlyjs()[:2000] in page                              # Plotly's own bundle, inlined
    assert not re.search(r"<(script|img|iframe)[^>]*\bsrc=", page)    # nothing loaded from elsewhere
    assert not re.search(r"<link\b", page)
    assert "Five-station flow line" in page and "Finite buffers and breakdowns" in page   # name, description


def test_gantt_data_holds_every_operation_and_downtime_with_file_names(report_inputs):
    page = render_report(report_inputs["comparison"])
    with takt_h5.open_run(report_inputs["comparison"]) as run:
        for variant in ("base", "third_lathe"):
            data = data_block(page, f"gantt-{variant}")
            operations, states = run.operations(variant, 0), run.states(variant, 0)
            assert len(data["operations"]["start"]) == len(operations) > 5000   # no cap
            assert data["lanes"] == run.names("machines", variant)              # "lathe/2" exists only in one
            down = states["state"].isin(["down", "maintenance"]).sum()
            assert len(data["intervals"]["start"]) == down > 0
            assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in data["colours"])
        assert "lathe/2" in data_block(page, "gantt-third_lathe")["lanes"]
        assert "lathe/2" not in data_block(page, "gantt-base")["lanes"]


def test_comparison_page_has_the_table_and_a_chart_per_group(report_inputs):
    page = render_report(report_inputs["comparison"])
    table = takt_h5.comparison(report_inputs["comparison"])
    rows = re.findall(r'<tr data-kpi="([^"]+)" data-significant="([01])">', page)
    assert [k for k, _ in rows] == list(table["kpi"])
    assert [s == "1" for _, s in rows] == list(table["significant"])
    charts = [f for f in figures(page).values() if f["layout"]["title"]["text"].startswith("utilisation:")]
    assert len(charts) == 1
    utilisation = table[table["kpi"].str.startswith("utilisation.")]
    assert charts[0]["data"][1]["y"] == pytest.approx(list(utilisation["mean_b"]))


def test_utilisation_shares_sum_to_100_per_station(report_inputs):
    page = render_report(report_inputs["run"])
    chart = figures(page)["utilisation-base"]
    assert [t["name"] for t in chart["data"]] == ["busy", "setup", "blocked", "starved", "down", "maintenance",
                                                  "off shift", "idle"]
    for station in range(len(chart["data"][0]["y"])):
        assert sum(t["x"][station] for t in chart["data"]) == pytest.approx(100, abs=0.01)


def test_controllers_learned_effects_beside_the_truth(takt, tmp_path):
    scenario = tmp_path / "tab-welding.yaml"
    text = (ROOT / "scenarios" / "tab-welding.yaml").read_text()
    shortened = re.sub(r"^(run: \{.*)duration: [^,}]+", r"\1duration: 1 d", text, count=1, flags=re.MULTILINE)
    shortened = re.sub(r"^(run: \{.*)warm_up: [^,}]+", r"\1warm_up: 4 h", shortened, count=1, flags=re.MULTILINE)
    scenario.write_text(shortened)
    result = tmp_path / "tab.h5"
    done = takt_run(takt, "compare", str(scenario), "--variants", "base,ai", "--replications", "2",
                    "--out", str(result), cwd=ROOT / "scenarios")
    assert done.returncode == 0, done.stderr
    page = render_report(result)
    effect = figures(page)["controller-ai-optimise-effect"]
    summary = takt_h5.open_run(result).summary().set_index(["variant", "kpi"])["mean"]
    learned, truth = effect["data"]
    assert learned["x"] == truth["x"] == ["current", "pressure", "weld_time", "gas_flow"]
    assert truth["y"] == pytest.approx([summary[("ai", f"optimise.true_effect.{p}")] for p in truth["x"]])
    assert learned["y"] == pytest.approx([summary[("ai", f"optimise.effect.{p}")] for p in learned["x"]])


def test_sweep_page_data(report_inputs):
    page = render_report(report_inputs["sweep"])
    data = data_block(page, "sweep")
    assert data["parameters"] == ["repair_crews.technicians.size", "variant"]
    assert data["kpis"][:3] == ["throughput", "lead_time_mean", "down.lathe"]
    assert data["values"]["variant"] == ["base", "three_shifts", "base", "three_shifts"]
    points = takt_h5.points_wide(takt_h5.open_sweep(report_inputs["sweep"], "points"))
    assert data["mean"]["throughput"] == pytest.approx(list(points["throughput"]))


def test_write_report_is_whole_or_absent(report_inputs, tmp_path):
    target = tmp_path / "deep" / "page.html"
    assert write_report(report_inputs["run"], target) == target and target.stat().st_size > 1_000_000
    assert default_output("results/x.h5") == pathlib.Path("results/x.html")
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "missing.h5", tmp_path / "never.html")
    assert not (tmp_path / "never.html").exists() and not list(tmp_path.glob(".never.html.*"))


def test_module_entry_point(report_inputs, tmp_path):
    out = tmp_path / "page.html"
    done = subprocess.run([sys.executable, "-m", "takt_h5.report", str(report_inputs["run"]), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and out.exists(), done.stderr
    bad = subprocess.run([sys.executable, "-m", "takt_h5.report", str(tmp_path / "none.h5")], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "no result file" in bad.stderr


def test_takt_report_command(takt, report_inputs, tmp_path):
    source = tmp_path / "line.h5"
    source.write_bytes(report_inputs["run"].read_bytes())
    done = takt_run(takt, "report", str(source))
    assert done.returncode == 0 and done.stdout.strip() == f"Report: {tmp_path / 'line.html'}", done.stderr
    again = takt_run(takt, "report", str(source))
    assert again.returncode == 2 and "exists; choose another --output or add --force" in again.stderr
    assert takt_run(takt, "report", str(source), "--force").returncode == 0
    missing = takt_run(takt, "report", str(tmp_path / "none.h5"))
    assert missing.returncode == 2 and "no result file" in missing.stderr


def test_takt_report_without_the_kit_says_what_to_do(takt, report_inputs, tmp_path):
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    done = takt_run(takt, "report", str(report_inputs["run"]), "-o", str(tmp_path / "x.html"),
                    env={"TAKT_PYTHON": str(bare / "bin" / "python3")})
    assert done.returncode == 2
    assert "needs Python 3 with the analyst kit" in done.stderr and "scripts/setup.sh" in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_report_option_on_run_compare_and_merge(takt, report_inputs, tmp_path):
    page = tmp_path / "run.html"
    done = takt_run(takt, "run", "scenarios/flow-line.yaml", "--replications", "1", "--out", str(tmp_path / "r.h5"),
                    "--report", str(page), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["replications"] and f"Report: {page}" in done.stderr   # JSON untouched
    assert page.stat().st_size > 1_000_000
    refused = takt_run(takt, "run", "scenarios/flow-line.yaml", "--no-out", "--report", str(tmp_path / "n.html"))
    assert refused.returncode == 2 and "drop --no-out" in refused.stderr
    exists = takt_run(takt, "run", "scenarios/flow-line.yaml", "--out", str(tmp_path / "r2.h5"), "--report", str(page))
    assert exists.returncode == 2 and "exists" in exists.stderr and not (tmp_path / "r2.h5").exists()
    compared = tmp_path / "cmp.html"
    done = takt_run(takt, "compare", "scenarios/job-shop.yaml", "--replications", "2", "--out",
                    str(tmp_path / "c.h5"), "--report", str(compared))
    assert done.returncode == 0 and f"Report: {compared}" in done.stdout, done.stderr
    assert 'id="comparison"' in compared.read_text()
    folder = report_inputs["sweep"].parent
    merged, sweep_page = tmp_path / "merged.h5", tmp_path / "sweep.html"
    done = takt_run(takt, "sweep", "merge", str(folder.parent / "sweep.yaml"), "--out", str(folder),
                    "--merged", str(merged), "--report", str(sweep_page))
    assert done.returncode == 0 and f"Report: {sweep_page}" in done.stdout, done.stderr
    assert 'id="sweep-tradeoff"' in sweep_page.read_text()


def test_controllers_maintenance_orders_beside_the_failures(takt, tmp_path):
    """The press fleet over 20 days: run to failure, preventive, and predictive in shadow mode.
    Each variant whose controller ordered (or would have ordered) maintenance gets a chart with
    one marker per order and per failure of replication 0, as the event log has them."""
    text = (ROOT / "scenarios" / "fleet-maintenance.yaml").read_text()
    shortened = re.sub(r"^run: \{.*\}$", "run: {seed: 11, replications: 1, duration: 20 d, warm_up: 1 d}", text,
                       count=1, flags=re.MULTILINE)
    assert shortened != text
    (tmp_path / "data").symlink_to(ROOT / "scenarios" / "data")
    scenario = tmp_path / "fleet.yaml"
    scenario.write_text(shortened)
    result = tmp_path / "fleet.h5"
    done = takt_run(takt, "compare", str(scenario), "--variants", "base,preventive,ai_shadow", "--out", str(result),
                    "--events", "failure,maintenance_order,shadow_maintenance_order")
    assert done.returncode == 0, done.stderr
    charts = figures(render_report(result))
    assert "decisions-base" not in charts                              # run to failure decides nothing
    with takt_h5.open_run(result) as run:
        for variant, order in (("preventive", "maintenance_order"), ("ai_shadow", "shadow_maintenance_order")):
            events = run.events(variant, 0)
            counts = {t["name"].rsplit(" (", 1)[0]: len(t["x"]) for t in charts[f"decisions-{variant}"]["data"]}
            orders = int((events["kind"] == order).sum())
            failures = int((events["kind"] == "failure").sum())
            assert orders > 0
            assert sum(counts.values()) == orders + failures
            assert counts.get("failure (truth)", 0) == failures


def test_takt_report_finds_the_checkouts_venv(takt, report_inputs, tmp_path):
    """Without TAKT_PYTHON and with no venv on PATH, `takt report` uses the .venv of the checkout
    its binary was built in (what scripts/setup.sh makes), whatever the working directory."""
    if not (ROOT / ".venv" / "bin" / "python3").exists():
        pytest.skip("no .venv in this checkout (scripts/setup.sh makes it)")
    env = {k: v for k, v in os.environ.items() if k not in ("TAKT_PYTHON", "VIRTUAL_ENV")}
    env["PATH"] = "/usr/bin:/bin"                                      # no venv, no pyenv
    out = tmp_path / "page.html"
    done = subprocess.run([str(takt), "report", str(report_inputs["run"]), "-o", str(out)], capture_output=True,
                          text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1_000_000
