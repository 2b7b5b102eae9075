"""`takt run --gantt FILE.svg` end to end (issue 19, D3): the chart holds one bar per operation of
replication 0 and one per down or maintenance interval, exactly as the result file records them,
with the file's machine names and hex colours — also when the result file records no states."""
from __future__ import annotations

import re
import subprocess

import takt_h5


def svg_of(takt, root, tmp_path, *extra):
    result = tmp_path / "run.h5"
    chart = tmp_path / "gantt.svg"
    done = subprocess.run([str(takt), "run", "scenarios/flow-line.yaml", "--replications", "2", "--out", str(result),
                           "--gantt", str(chart), *extra], capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stderr
    return result, chart.read_text()


def test_gantt_svg_draws_what_the_file_records(takt, root, tmp_path):
    result, svg = svg_of(takt, root, tmp_path)
    with takt_h5.open_run(result) as run:
        operations, states = run.operations("base", 0), run.states("base", 0)
        machines = run.names("machines")
    assert svg.count('<rect class="op"') == len(operations) > 5000
    assert svg.count('<rect class="down"') == (states["state"] == "down").sum() > 0
    assert svg.count('<rect class="maintenance"') == (states["state"] == "maintenance").sum() > 0
    assert re.findall(r'<text class="lane"[^>]*>([^<]*)<', svg) == machines
    assert "hsl(" not in svg and set(re.findall(r'fill="([^"]*)"', svg)) <= set(re.findall(r'fill="(#[0-9a-f]{6})"',
                                                                                            svg))
    ticks = [float(t) for t in re.findall(r'<text class="tick"[^>]*>([^<]*)<', svg)]
    assert ticks[0] == 0 and len({round(b - a, 9) for a, b in zip(ticks, ticks[1:])}) == 1
    assert ticks[1] in (24, 48, 72, 120, 168)                         # 30 days: whole days


def test_gantt_svg_draws_downtime_without_changing_a_kpis_only_file(takt, root, tmp_path):
    result, svg = svg_of(takt, root, tmp_path, "--record", "kpis")
    with takt_h5.open_run(result) as run:
        assert len(run.states("base", 0)) == 0                         # the file records what was asked
    assert svg.count('<rect class="down"') > 0
