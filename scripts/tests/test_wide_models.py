"""A plant of thousands of stations records like a small one: HDF5 caps an attribute at 64 KiB,
so the timeseries column names of a wide model live in `/lookup/timeseries_columns` (and, up to
2,048 columns, also in the `columns` attribute); its chunks stay near 1 MiB."""
import subprocess

import h5py
import numpy as np
import pytest
from conftest import ROOT

import takt_h5


def serial_line(stations: int) -> str:
    lines = ["name: wide", "run: {seed: 1, replications: 1, duration: 2 h}", "recording: {sample: 10 min}", "stations:"]
    lines += [f"  s{i}: {{}}" for i in range(stations)]
    lines += ["products:", "  p:", "    routing:"]
    lines += [f"      - {{station: s{i}, time: 1 s}}" for i in range(stations)]
    lines += ["orders:", "  - {name: o, rate: 2 /h, product: p}"]
    return "\n".join(lines) + "\n"


def run_out(takt, tmp_path, stations):
    scenario = tmp_path / f"wide-{stations}.yaml"
    scenario.write_text(serial_line(stations))
    out = tmp_path / f"wide-{stations}.h5"
    result = subprocess.run([str(takt), "run", str(scenario), "--out", str(out)], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("stations, in_attribute", [(100, True), (3000, False)])
def test_timeseries_columns_are_in_the_lookup(takt, tmp_path, stations, in_attribute):
    out = run_out(takt, tmp_path, stations)
    with h5py.File(out, "r") as f:
        assert f.attrs["completion_status"] == "complete"
        table = f["lookup/timeseries_columns"][()]
        names = [n.decode() for n in table["name"]]
        units = [u.decode() for u in table["unit"]]
        assert len(names) == 2 + 2 * stations
        assert names[:3] == ["time", "wip", "queue.s0"] and names[-1] == f"busy.s{stations - 1}"
        assert units[:3] == ["s", "jobs", "jobs"] and units[-1] == "machines"
        ts = f["runs/base/0/timeseries"]
        assert ts.shape[1] == len(names)
        assert ("columns" in ts.attrs) == in_attribute
        if in_attribute:
            assert [c.decode() if isinstance(c, bytes) else c for c in ts.attrs["columns"]] == names
        assert ts.chunks[0] * ts.chunks[1] * 8 <= 4 << 20   # a chunk stays near 1 MiB, not 4,096 wide rows
        samples = ts[()]
        assert np.all(np.diff(samples[:, 0]) > 0)           # column 0 is time either way
    frame = takt_h5.open_run(out).timeseries(as_frame=True)
    assert list(frame.columns[:2]) == ["wip", "queue.s0"] and len(frame.columns) == len(names) - 1
    assert frame.attrs["units"][f"busy.s{stations - 1}"] == "machines"


def test_a_sweep_over_a_wide_model_merges(takt, tmp_path):
    """6,000 KPIs are more than one HDF5 row type can describe: /runs keeps the plant-wide ones,
    /points every one, and the merge says so."""
    (tmp_path / "wide.yaml").write_text(serial_line(1000))
    (tmp_path / "sweep.yaml").write_text("name: wide sweep\nscenario: wide.yaml\nseed: 1\nreplications: 2\n"
                                         "parameters:\n  run.duration: [1 h, 2 h]\n")
    out = tmp_path / "out"
    for command in ("run", "merge"):
        result = subprocess.run([str(takt), "sweep", command, str(tmp_path / "sweep.yaml"), "--out", str(out)],
                                capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert result.returncode == 0, result.stderr
    assert "plant-wide KPIs" in result.stdout
    with h5py.File(out / "sweep.h5", "r") as f:
        columns = f["runs"].dtype.names
        kpis = [k.decode() if isinstance(k, bytes) else k for k in f.attrs["kpis"]]
        assert "throughput" in columns and not any("." in k for k in kpis)
        assert all(k in columns for k in kpis)
        points = f["points"][()]
        names = {n.decode() for n in points["kpi"]}
        assert len(names) == len(kpis) + int(f.attrs["kpis_in_points_only"])
        assert len(names) > 1000 and any(n.endswith(".s999") for n in names)
