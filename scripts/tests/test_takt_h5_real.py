"""The analyst kit against files written by the real `takt` binary: the numbers it printed,
flow conservation, decoding, comparisons across files, and the notebook."""
import json
import math
import pathlib
import subprocess

import numpy as np
import pytest
import takt_h5_fixture as fx

import takt_h5

ROOT = pathlib.Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------------- the real binary


@pytest.fixture(scope="module")
def real(takt, tmp_path_factory):
    """`takt run scenarios/flow-line.yaml --replications 3 --out run.h5 --record all`, and the same with --json.

    """
    folder = tmp_path_factory.mktemp("takt_real")
    out = folder / "run.h5"
    args = ["run", "scenarios/flow-line.yaml", "--replications", "3"]
    result = subprocess.run([str(takt), *args, "--out", str(out), "--record", "all"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert out.exists() and not pathlib.Path(str(out) + ".partial").exists()
    printed = subprocess.run([str(takt), *args, "--json", "--no-out"], capture_output=True, text=True, cwd=ROOT)
    assert printed.returncode == 0, printed.stderr
    return {"path": out, "json": json.loads(printed.stdout), "takt": takt, "folder": folder}


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))


def test_real_summary_matches_json(real):
    """KPI means (and per-replication values) in the file equal `takt run --json` for the same run."""
    with takt_h5.open_run(real["path"]) as run:
        assert run.attrs["format_version"].startswith("1.") and run.attrs["completion_status"] == "complete"
        assert run.attrs["replications"] == 3 and run.replications() == [0, 1, 2]
        summary = run.summary().set_index("kpi")
        kpis = run.kpis()
    document = real["json"]
    assert list(summary.index) == [k["name"] for k in document["kpis"]]
    for kpi in document["kpis"]:
        row = summary.loc[kpi["name"]]
        assert row.unit == kpi["unit"], kpi["name"]
        assert close(row["mean"], kpi["mean"]), (kpi["name"], row["mean"], kpi["mean"])
        if kpi.get("half_width") is not None:
            assert close(row["half_width"], kpi["half_width"]), kpi["name"]
        values = kpis[kpis.kpi == kpi["name"]].sort_values("replication").value.tolist()
        assert all(close(a, b) for a, b in zip(values, kpi["values"])) and len(values) == len(kpi["values"])


def test_real_flow_conservation(real):
    """From the jobs table: every job that left did so once, its times are ordered, and the counts
    and mean flow time after the warm-up equal the KPIs; released = left + still in the shop."""
    with takt_h5.open_run(real["path"]) as run:
        warm_up = run.warm_up
        assert warm_up == 2 * 86400  # scenarios/flow-line.yaml: warm_up: 2 d
        for replication in run.replications():
            jobs = run.jobs(replication=replication)
            events = run.events(replication=replication)
            kpi = run.kpis(replication=replication).set_index("kpi").value
            assert jobs.job.is_unique and len(jobs) > 1000
            assert not jobs.outcome.isna().any() and not jobs.product_name.isna().any()
            assert (jobs.arrival <= jobs.release).all() and (jobs.release <= jobs.start).all()
            assert (jobs.start <= jobs.finish).all()
            expected_tardiness = np.where(np.isfinite(jobs.due), np.maximum(0, jobs.finish - jobs.due), 0)
            np.testing.assert_allclose(jobs.tardiness, expected_tardiness, rtol=1e-12, atol=1e-9)
            after = jobs[jobs.finish >= warm_up]
            finished = after[after.outcome == "finished"]
            assert len(finished) == kpi["finished_jobs"]
            assert (after.outcome == "scrapped").sum() == kpi["scrapped_jobs"]
            assert close(((finished.finish - finished.release) / 60).mean(), kpi["flow_time_mean"], rel=1e-9)
            released = events[events.kind == "release"]
            assert set(jobs.job) <= set(released.job)
            in_shop = len(released) - len(jobs)
            assert 0 <= in_shop <= 100  # buffers 20 + 5 + 5 + 3 + 5 plus machines: a few dozen at most
            assert (events.kind == "job_finished").sum() == (jobs.outcome == "finished").sum()
            assert (events.kind == "job_scrapped").sum() == (jobs.outcome == "scrapped").sum()


def test_real_tables_decode(real):
    """Enums and names decode completely on the real file; state shares reproduce the utilisation KPIs."""
    with takt_h5.open_run(real["path"]) as run:
        assert run.names("stations") == ["saw", "mill", "drill", "wash", "inspect"]
        assert "mill/1" in run.names("machines")
        for table, column, lookup in [("events", "kind", "event_kinds"), ("operations", "outcome", "gantt_outcomes"),
                                      ("jobs", "outcome", "job_outcomes"), ("states", "state", "machine_states")]:
            frame = run.table(table)
            assert len(frame) > 0 and not frame[column].isna().any(), table
            names = run.lookup(lookup)
            assert list(frame[column].cat.categories) == list(names.sort_values("value")["name"]), table
        gantt = run.gantt()
        assert not gantt.machine_name.isna().any() and (gantt.duration >= 0).all()
        assert (gantt.groupby("machine", observed=True).start.diff().dropna() >= 0).all()
        ts = run.timeseries()
        assert "wip" in ts and ts.sizes["time"] > 100 and (np.diff(ts.time.values) > 0).all()
        shares = takt_h5.state_shares(run, start=run.warm_up, by="station")
        kpi = run.kpis(replication=0).set_index("kpi").value
        for station in shares.index:
            assert close(100 * shares.loc[station, "busy"], kpi[f"utilisation.{station}"], rel=1e-7), station


def test_real_states_cover_the_run(real):
    """Each machine's state intervals tile [0, end of run] without gaps or overlaps, so shares over
    any window (warm-up included) are right."""
    with takt_h5.open_run(real["path"]) as run:
        for replication in run.replications():
            end = run.runs().set_index(["variant", "replication"]).loc[(run.variant, replication), "simulated_seconds"]
            states = run.states(replication=replication).sort_values(["machine", "start"], kind="mergesort")
            for machine, rows in states.groupby("machine_name", observed=True):
                assert rows.start.iloc[0] == 0.0, machine
                gaps = rows.start.to_numpy()[1:] - rows.end.to_numpy()[:-1]
                where = np.flatnonzero(np.abs(gaps) > 1e-9)
                assert len(where) == 0, (f"{machine}, replication {replication}: {len(where)} gaps/overlaps, first "
                                         f"at t = {rows.end.iloc[where[0]] if len(where) else 0:.0f} s")
                assert math.isclose(rows.end.iloc[-1], end, rel_tol=1e-12), machine


def test_real_compare_variants_in_two_files(real):
    """Two files, base and a variant with the same seed: paired (CRN) difference equals the JSON means'."""
    takt, folder = real["takt"], real["folder"]
    paths = {}
    for name, extra in (("base", []), ("third_lathe", ["--variant", "third_lathe"])):
        paths[name] = folder / f"job-shop-{name}.h5"
        result = subprocess.run([str(takt), "run", "scenarios/job-shop.yaml", "--replications", "4", *extra,
                                 "--out", str(paths[name])], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
    with takt_h5.open_run(paths["base"]) as base, takt_h5.open_run(paths["third_lathe"]) as lathe:
        assert lathe.variant == "third_lathe"
        table = takt_h5.compare(base, lathe).set_index("kpi")
        means_base = base.summary().set_index("kpi")["mean"]
        means_lathe = lathe.summary().set_index("kpi")["mean"]
    assert table.paired.all() and len(table) > 10
    for kpi, row in table.iterrows():
        assert close(row.difference, means_lathe[kpi] - means_base[kpi], rel=1e-9) or abs(row.difference) < 1e-9
        assert math.isnan(row.ci_low) or row.ci_low <= row.difference <= row.ci_high


def test_real_notebook(real, tmp_path):
    """The notebook also runs on the real file."""
    _, seconds = fx.execute_notebook(real["path"], tmp_path / "figures")
    assert sorted(p.name for p in (tmp_path / "figures").glob("*.png")) == ["gantt.png", "states.png", "wip.png"]


def test_exact_flow_time_quantiles_beside_the_p2_estimates(real):
    """flow_time_quantiles uses the KPIs' own jobs (their mean is the KPI flow_time_mean exactly) and the P²
    estimates stay within the error the README and the table's footnote state."""
    with takt_h5.open_run(real["path"]) as run:
        table = run.flow_time_quantiles()
        assert len(table) == 2 * len(run.replications())
        kpis = run.kpis()
        for replication in run.replications():
            jobs = run.jobs(replication=replication)
            kept = jobs[(jobs["outcome"] == "finished") & (jobs["finish"] >= run.warm_up)]
            minutes = (kept["finish"] - kept["release"]).to_numpy() / 60
            mean = kpis[(kpis.replication == replication) & (kpis.kpi == "flow_time_mean")]["value"].item()
            assert close(minutes.mean(), mean, rel=1e-9)
            rows = table[table.replication == replication].set_index("quantile")
            assert close(rows.loc[0.95, "exact"], float(np.quantile(minutes, 0.95)))
        assert (table["error"].abs() < 0.08).all(), table
        assert table["estimate"].notna().all()


def test_the_kpi_table_marks_the_estimated_percentiles(real):
    result = subprocess.run([str(real["takt"]), "run", "scenarios/flow-line.yaml", "--replications", "2", "--no-out"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Flow time, median †" in result.stdout and "Flow time, 95th percentile †" in result.stdout
    assert "† P² estimate" in result.stdout and "flow_time_quantiles" in result.stdout
