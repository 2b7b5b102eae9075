"""Tidy tables across every variant and replication, times as dates, and `takt export` (Parquet, CSV), on files
written by the real `takt`."""
import json
import subprocess

import numpy as np
import pandas as pd
import pytest

import takt_h5

SCENARIO = """name: dated shop
run: {duration: 1 d, replications: 3, start: "2026-03-02 06:00"}
stations: {cut: {}, weld: {machines: 2}}
products: {widget: {routing: [{station: cut, time: "exponential(mean: 8 min)"}, {station: weld, time: 15 min}]}}
orders: [{name: c, rate: 5 /h, product: widget}]
variants: {fast_cut: {stations: {cut: {machines: 2}}}}
"""


@pytest.fixture(scope="module")
def files(takt, tmp_path_factory):
    """A comparison of two variants × 3 replications with a start date, and a run without one."""
    folder = tmp_path_factory.mktemp("tidy")
    (folder / "dated.yaml").write_text(SCENARIO)
    (folder / "undated.yaml").write_text(SCENARIO.replace(', start: "2026-03-02 06:00"', ""))
    for args in (["compare", "dated.yaml", "--variants", "base,fast_cut", "--out", "dated.h5"],
                 ["run", "undated.yaml", "--out", "undated.h5"]):
        result = subprocess.run([str(takt), *args, "--record", "all"], capture_output=True, text=True, cwd=folder)
        assert result.returncode == 0, result.stderr
    return folder


def test_one_call_gives_every_variant_and_replication(files):
    with takt_h5.open_run(files / "dated.h5") as run:
        events = run.events(replications="all")
        assert list(events.columns[:2]) == ["variant", "replication"]
        assert list(events["variant"].cat.categories) == ["base", "fast_cut"]
        each = [run.events(v, r) for v in run.variants for r in run.replications(v)]
        assert len(each) == 6 and len(events) == sum(len(frame) for frame in each)
        assert set(zip(events["variant"], events["replication"])) == {(v, r) for v in ("base", "fast_cut")
                                                                       for r in range(3)}
        first = events[(events["variant"] == "fast_cut") & (events["replication"] == 2)].reset_index(drop=True)
        pd.testing.assert_frame_equal(first.drop(columns=["variant", "replication"]), each[-1], check_dtype=False,
                                      check_categorical=False)
        assert events.attrs["units"]["time"] == "s" and events.attrs["units"] == each[0].attrs["units"]
        assert isinstance(events["kind"].dtype, pd.CategoricalDtype)
        one = run.jobs("fast_cut", replications=[0, 2])
        assert set(one["variant"]) == {"fast_cut"} and sorted(set(one["replication"])) == [0, 2]
        series = run.table("timeseries", replications="all")
        assert {"variant", "replication", "time", "wip"} <= set(series.columns)


def test_times_are_dates_with_a_start_and_timedeltas_without(files):
    with takt_h5.open_run(files / "dated.h5") as run:
        assert run.start == pd.Timestamp("2026-03-02 06:00")
        jobs = run.jobs(replications="all", times=True)
        assert jobs["finish_time"].dtype.kind == "M"
        expected = pd.Timestamp("2026-03-02 06:00") + pd.to_timedelta(jobs["finish"], unit="s")
        assert (jobs["finish_time"] == expected).all()
        assert jobs["due_time"].isna().all()           # no due dates: ∞ → NaT
    with takt_h5.open_run(files / "undated.h5") as run:
        assert run.start is None and "start_time" not in run.attrs
        jobs = run.jobs(times=True)
        assert jobs["finish_time"].dtype.kind == "m"
        assert np.allclose(jobs["finish_time"].dt.total_seconds(), jobs["finish"])


def test_takt_export_parquet_keeps_rows_and_units(takt, files):
    result = subprocess.run([str(takt), "export", "dated.h5"], capture_output=True, text=True, cwd=files)
    assert result.returncode == 0, result.stderr
    written = result.stdout.split()
    assert "dated-tables/jobs.parquet" in written and "dated-tables/kpis.parquet" in written
    jobs = takt_h5.read_parquet(files / "dated-tables" / "jobs.parquet")
    with takt_h5.open_run(files / "dated.h5") as run:
        expected = run.jobs(replications="all")
        assert len(jobs) == len(expected) and list(jobs.columns) == list(expected.columns)
        assert np.allclose(jobs["finish"], expected["finish"])
        assert jobs.attrs["units"] == expected.attrs["units"] and jobs.attrs["units"]["finish"] == "s"
        kpis = pd.read_parquet(files / "dated-tables" / "kpis.parquet")
        assert len(kpis) == len(run.kpis())


def test_takt_export_csv_and_table_choice(takt, files):
    result = subprocess.run([str(takt), "export", "undated.h5", "--format", "csv", "--table", "jobs",
                             "--table", "states", "--out", "csv"], capture_output=True, text=True, cwd=files)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (files / "csv").iterdir()) == ["jobs.csv", "states.csv", "units.json"]
    jobs = pd.read_csv(files / "csv" / "jobs.csv")
    assert list(jobs.columns[:2]) == ["variant", "replication"] and sorted(set(jobs["replication"])) == [0, 1, 2]
    assert json.loads((files / "csv" / "units.json").read_text())["states"]["start"] == "s"
    bad = subprocess.run([str(takt), "export", "undated.h5", "--table", "jbos"], capture_output=True, text=True,
                         cwd=files)
    assert bad.returncode == 2 and "jbos" in bad.stderr


def test_to_parquet_from_the_kit(files, tmp_path):
    with takt_h5.open_run(files / "undated.h5") as run:
        paths = run.to_parquet(tmp_path, ["operations"])
        assert [p.name for p in paths] == ["operations.parquet"]
        back = takt_h5.read_parquet(paths[0])
        assert len(back) == len(run.operations(replications="all"))
