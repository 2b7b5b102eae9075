"""The analyst kit `takt_h5`: on a hand-made result file (takt_h5_fixture.py), then on the real
`takt run --out FILE.h5` output when the binary has that option."""
import inspect
import math
import pathlib
import shutil
import site
import statistics
import subprocess
import sys
import warnings

import h5py
import numpy as np
import pandas as pd
import pytest
import takt_h5_fixture as fx

import takt_h5
from takt_h5 import TaktResultWarning

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scripts" / "takt_h5"


NOTEBOOK = ROOT / "scripts" / "notebooks" / "analysis.ipynb"
T_975_DF2 = 4.302652729749462  # Student t, 0.975 quantile, 2 degrees of freedom (tables)
T_975_DF4 = 2.7764451051977934


# ---------------------------------------------------------------------------- fixture files


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Result files written by the fixture writer (never modified by tests)."""
    folder = tmp_path_factory.mktemp("takt_h5")
    return {
        "two": fx.write_result(folder / "two.h5", variants=("base", "third_mill"), empty_run=("third_mill", 2)),
        "base": fx.write_result(folder / "base.h5"),
        "other": fx.write_result(folder / "other.h5", variants=("third_mill",)),
        "other_seed": fx.write_result(folder / "other_seed.h5", variants=("third_mill",), seed=2),
        "four": fx.write_result(folder / "four.h5", variants=("third_mill",), replications=4),
    }


@pytest.fixture
def run(files):
    with warnings.catch_warnings():
        warnings.simplefilter("error", TaktResultWarning)  # a complete file opens silently
        with takt_h5.open_run(files["two"]) as opened:
            yield opened


# ---------------------------------------------------------------------------- structure


def test_attrs_are_decoded(run):
    """Root attributes come back as plain str / int / float."""
    a = run.attrs
    assert a["format_version"] == "1.0" and a["completion_status"] == "complete"
    assert a["seed"] == 1 and type(a["seed"]) is int
    assert a["replications"] == 3 and type(a["replications"]) is int
    assert a["scenario_name"] == "Fixture line — two stations"
    assert isinstance(a["wall_seconds"], float) and isinstance(a["created"], str)
    assert run.is_complete and not run.is_partial


def test_variants_and_replications(run):
    assert run.variants == ["base", "third_mill"]
    assert run.variant == "base"
    assert run.replications() == [0, 1, 2] and run.replications("third_mill") == [0, 1, 2]
    with pytest.raises(KeyError, match="third_lathe"):
        run.replications("third_lathe")
    with pytest.raises(KeyError, match="replications: \\[0, 1, 2\\]"):
        run.events(replication=7)


def test_single_variant_file_defaults_to_its_variant(files):
    """A file of a named variant needs no variant= argument."""
    with takt_h5.open_run(files["other"]) as other:
        assert other.variants == ["third_mill"] and other.variant == "third_mill"
        assert len(other.events()) == len(fx.EVENTS_0)


def test_context_manager_closes(files):
    with takt_h5.open_run(files["base"]) as opened:
        assert opened.file.id.valid
    assert not opened.file.id.valid
    assert "Fixture line" in repr(opened) and "closed" in repr(opened)


def test_scenario_and_resolved(run):
    assert run.scenario_yaml == fx.SOURCE_YAML
    resolved = run.resolved()
    assert resolved["run"]["replications"] == 3 and resolved["stations"][1] == {"name": "mill", "machines": 2}
    assert run.warm_up == 0.0


def test_lookups(run):
    assert run.names("machines") == ["saw/0", "mill/0", "mill/1"]
    assert run.names("stations") == ["saw", "mill"] and run.names("materials") == ["steel"]
    stations = run.lookup("stations")
    assert list(stations["machines"]) == [1, 2] and stations.index.name == "id"
    assert list(run.lookup("machine_states")["name"]) == fx.MACHINE_STATES


def test_runs_table(run):
    runs = run.runs()
    assert len(runs) == 6 and set(runs.columns) >= {"variant", "replication", "seed", "events_processed", "status"}
    assert list(runs.loc[runs.variant == "base", "seed"]) == list(runs.loc[runs.variant == "third_mill", "seed"])


# ---------------------------------------------------------------------------- KPIs


def test_kpis_tidy_from_summary(run):
    kpis = run.kpis()
    assert list(kpis.columns) == ["variant", "replication", "kpi", "label", "unit", "value"]
    assert len(kpis) == 2 * 3 * len(fx.KPIS)
    row = kpis[(kpis.variant == "third_mill") & (kpis.replication == 1) & (kpis.kpi == "throughput")]
    assert row.value.item() == 5.4 and row.label.item() == "Throughput (jobs)" and row.unit.item() == "1/h"
    base = run.kpis("base")
    assert set(base.variant) == {"base"} and len(base) == 3 * len(fx.KPIS)
    with pytest.raises(KeyError):
        run.kpis("nope")


def test_kpis_of_one_run_match_summary(run):
    one = run.kpis("third_mill", 1)
    assert list(one.kpi) == [k for k, _, _ in fx.KPIS]
    everything = run.kpis()
    same = everything[(everything.variant == "third_mill") & (everything.replication == 1)].reset_index(drop=True)
    pd.testing.assert_frame_equal(one.reset_index(drop=True), same, check_dtype=False)


def test_summary_intervals(run):
    summary = run.summary()
    assert list(summary.columns) == ["variant", "kpi", "label", "unit", "mean", "half_width", "lower", "upper",
                                     "level", "n"]
    row = summary[(summary.variant == "base") & (summary.kpi == "flow_time_mean")].iloc[0]
    assert row["mean"] == pytest.approx(90.0)
    assert row["half_width"] == pytest.approx(T_975_DF2 * statistics.stdev([90, 95, 85]) / math.sqrt(3))
    assert row["n"] == 3 and row["level"] == 0.95 and row["label"] == "Flow time, mean"


# ---------------------------------------------------------------------------- run tables


def test_events_enum_and_names(run):
    events = run.events()
    assert len(events) == len(fx.EVENTS_0)
    assert isinstance(events.kind.dtype, pd.CategoricalDtype)
    assert list(events.kind.cat.categories) == fx.EVENT_KINDS  # value order, names from the HDF5 enum
    assert events.kind.iloc[0] == "order_arrival" and events.kind.iloc[-1] == "job_finished"
    with h5py.File(run.path, "r") as f:  # the file really holds an HDF5 enum
        assert h5py.check_enum_dtype(f["runs/base/0/events"].dtype["kind"])["stockout"] == 18
    material = events[events.kind == "material_ordered"].iloc[0]
    assert material.material_name == "steel" and pd.isna(material.machine_name) and pd.isna(material.product_name)
    failure = events[events.kind == "failure"].iloc[0]
    assert failure.machine_name == "mill/0" and failure.station_name == "mill"
    assert list(events.columns[:6]) == ["time", "kind", "job", "product", "product_name", "machine"]
    assert events.attrs["units"]["time"] == "s" and events.attrs["description"] == "Logged events"


def test_events_of_later_replication(run):
    events = run.events("third_mill", 1)
    assert events.time.iloc[-1] == 3610.0 and events.attrs["variant"] == "third_mill"


def test_timedelta_columns(run):
    jobs = run.jobs(timedelta=True)
    assert jobs.finish_td.iloc[0] == pd.Timedelta(minutes=28)
    assert pd.isna(jobs.due_td.iloc[1])  # no due date (inf) → NaT
    assert "job_td" not in jobs and "priority_td" not in jobs
    events = run.events(timedelta=True)
    assert "time_td" in events and "value_td" not in events  # value's unit depends on the kind
    assert "finish_td" not in run.jobs()


def test_operations_and_gantt(run):
    operations = run.operations()
    assert list(operations.outcome.cat.categories) == fx.GANTT_OUTCOMES
    assert list(operations.outcome) == ["next", "next", "next", "finished", "scrapped", "rework", "finished"]
    gantt = run.gantt()
    assert list(gantt.machine_name) == ["saw/0"] * 3 + ["mill/0"] + ["mill/1"] * 3
    assert list(gantt.start) == [0, 480, 900, 900, 600, 1680, 2700]
    assert list(gantt.duration) == [480, 420, 500, 1000, 1080, 1020, 900]
    assert list(gantt.setup_duration) == [0, 0, 0, 0, 120, 0, 0]
    assert list(gantt.product_name[:2]) == ["housing", "bracket"] and gantt.station_name.iloc[-1] == "mill"


def test_jobs(run):
    jobs = run.jobs()
    assert jobs.is_order.dtype == bool and list(jobs.is_order) == [True, True, False, True]
    assert list(jobs.outcome.cat.categories) == ["finished", "scrapped"]
    assert list(jobs.outcome) == ["finished", "scrapped", "finished", "finished"]
    assert math.isinf(jobs.due.iloc[1]) and jobs.tardiness.iloc[3] == 600.0
    assert list(jobs.parent) == [-1, -1, 2, -1] and jobs.attrs["units"]["finish"] == "s"


def test_states_and_shares(run):
    states = run.states()
    assert list(states.state.cat.categories) == fx.MACHINE_STATES
    shares = takt_h5.state_shares(run)
    assert list(shares.index) == ["saw/0", "mill/0", "mill/1"] and list(shares.columns) == fx.MACHINE_STATES
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    assert shares.loc["saw/0", "busy"] == pytest.approx(1400 / 3600)
    assert shares.loc["mill/0", "down"] == pytest.approx(300 / 3600)
    assert shares.loc["mill/1", "setup"] == pytest.approx(120 / 3600)
    window = takt_h5.state_shares(run, start=1000, end=2000)
    assert window.loc["mill/0", "busy"] == pytest.approx((200 + 400) / 1000)
    assert window.loc["mill/0", "down"] == pytest.approx(0.3) and window.loc["mill/0", "idle"] == pytest.approx(0.1)
    stations = takt_h5.state_shares(run, by="station")
    assert stations.loc["mill", "busy"] == pytest.approx((700 + 3000) / 7200)


def test_timeseries(run):
    ts = run.timeseries()
    assert list(ts.time.values) == [0, 600, 1200, 1800, 2400, 3000, 3600]
    assert list(ts.data_vars) == fx.TIMESERIES_COLUMNS[1:]
    assert list(ts["wip"].values) == [1, 2, 3, 2, 1, 1, 0]
    assert ts["busy.mill"].attrs["units"] == "machines" and ts.time.attrs["units"] == "s"
    frame = run.timeseries(as_frame=True)
    assert frame.index.name == "time" and frame.attrs["units"]["inventory.steel"] == "units"
    assert list(frame["inventory.steel"]) == [50, 40, 30, 0, 0, 50, 50]


def test_empty_tables(run):
    """A run that recorded nothing gives empty frames with the same columns and dtypes."""
    events = run.events("third_mill", 2)
    assert len(events) == 0 and list(events.columns) == list(run.events().columns)
    assert isinstance(events.kind.dtype, pd.CategoricalDtype) and list(events.kind.cat.categories) == fx.EVENT_KINDS
    assert len(run.gantt("third_mill", 2)) == 0 and len(run.jobs("third_mill", 2, timedelta=True)) == 0
    assert len(takt_h5.state_shares(run, "third_mill", 2)) == 0
    ts = run.timeseries("third_mill", 2)
    assert ts.sizes["time"] == 0 and "wip" in ts


def test_enum_falls_back_to_lookup(files, tmp_path):
    """If a writer stored a plain uint8 instead of an HDF5 enum, /lookup supplies the names."""
    path = tmp_path / "plain.h5"
    shutil.copy(files["base"], path)
    with h5py.File(path, "r+") as f:
        rows = f["runs/base/0/states"][()]
        plain = np.dtype([(n, "u1" if n == "state" else rows.dtype[n]) for n in rows.dtype.names])
        attrs = dict(f["runs/base/0/states"].attrs)
        del f["runs/base/0/states"]
        dataset = f.create_dataset("runs/base/0/states", data=rows.astype(plain))
        dataset.attrs.update(attrs)
        assert h5py.check_enum_dtype(dataset.dtype["state"]) is None
    with takt_h5.open_run(path) as opened:
        states = opened.states()
        assert list(states.state.cat.categories) == fx.MACHINE_STATES and states.state.iloc[4] == "down"


# ---------------------------------------------------------------------------- compare


def test_t_quantile():
    assert takt_h5.t_quantile(0.975, 2) == pytest.approx(T_975_DF2, rel=1e-11)
    assert takt_h5.t_quantile(0.975, 4) == pytest.approx(T_975_DF4, rel=1e-11)
    assert takt_h5.t_quantile(0.025, 1) == pytest.approx(-12.706204736174694, rel=1e-11)
    assert takt_h5.t_quantile(0.975, 7.5) == pytest.approx(2.333039626864974, rel=1e-10)  # Welch: fractional df
    assert takt_h5.t_quantile(0.995, 1e6) == pytest.approx(2.5758342201053344, rel=1e-9)  # ≈ normal 2.5758293


def test_compare_paired_by_hand(run):
    """Same replications and seeds (common random numbers): a paired-t CI, computed here by hand."""
    table = run.compare("base", "third_mill").set_index("kpi")
    assert list(table.columns[:7]) == ["unit", "baseline", "other", "difference", "ci_low", "ci_high", "paired"]
    row = table.loc["throughput"]
    differences = [5.1 - 4.8, 5.4 - 5.0, 5.0 - 4.9]
    mean = sum(differences) / 3
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / 2)
    half = T_975_DF2 * sd / math.sqrt(3)
    assert bool(row.paired) and row.unit == "1/h"
    assert row.baseline == pytest.approx(4.9) and row.other == pytest.approx(15.5 / 3)
    assert row.difference == pytest.approx(mean, rel=1e-12)
    assert row.ci_low == pytest.approx(mean - half, rel=1e-10) and row.ci_high == pytest.approx(mean + half, rel=1e-10)
    # The paired interval is narrower than Welch's here, as common random numbers intend.
    assert row.ci_high - row.ci_low < row.welch_high - row.welch_low
    # A KPI identical in every replication: a zero-width interval at 0, not NaN.
    lost = table.loc["lost_orders"]
    assert (lost.difference, lost.ci_low, lost.ci_high) == (0.0, 0.0, 0.0)


def test_compare_welch_by_hand(files, tmp_path):
    """Different seeds (no common random numbers): Welch's interval; equal variances → df = 4."""
    a = fx.write_result(tmp_path / "a.h5", values={"base": {**fx.KPI_VALUES["base"], "wip_mean": [1.0, 2.0, 3.0]}})
    b = fx.write_result(tmp_path / "b.h5", seed=9,
                        values={"base": {**fx.KPI_VALUES["base"], "wip_mean": [3.0, 4.0, 5.0]}})
    with takt_h5.open_run(a) as ra, takt_h5.open_run(b) as rb:
        row = takt_h5.compare(ra, rb).set_index("kpi").loc["wip_mean"]
    half = T_975_DF4 * math.sqrt(1 / 3 + 1 / 3)
    assert not row.paired and row.difference == pytest.approx(2.0)
    assert (row.ci_low, row.ci_high) == (pytest.approx(2 - half, rel=1e-10), pytest.approx(2 + half, rel=1e-10))
    assert (row.welch_low, row.welch_high) == (row.ci_low, row.ci_high)


def test_compare_across_files(files):
    """One file per variant (as `takt run --variant` writes): pairing holds with the same seed, not otherwise."""
    with takt_h5.open_run(files["base"]) as base, takt_h5.open_run(files["other"]) as other, \
            takt_h5.open_run(files["other_seed"]) as other_seed, takt_h5.open_run(files["four"]) as four:
        same = takt_h5.compare(base, other)
        assert same.paired.all()
        with takt_h5.open_run(files["two"]) as two:  # the same two variants in one file
            pd.testing.assert_frame_equal(same, two.compare("base", "third_mill"))
        assert not takt_h5.compare(base, other_seed).paired.any()
        unequal = base.compare("base", four)  # 3 vs 4 replications: Welch
        assert not unequal.paired.any() and (unequal.n_other == 4).all()
        assert base.compare("base", (four, "third_mill")).equals(unequal)
        with pytest.raises(TypeError):
            base.compare("base", 42)


# ---------------------------------------------------------------------------- incomplete files


def test_partial_file_warns_and_still_reads(tmp_path):
    """A crashed run leaves FILE.h5.partial without /summary: open (by either name), warn, compute the summary."""
    written = fx.write_result(tmp_path / "crashed.h5", partial=True, status="interrupted", with_summary=False)
    assert written.name == "crashed.h5.partial"
    with pytest.warns(TaktResultWarning, match="partial"):
        opened = takt_h5.open_run(tmp_path / "crashed.h5")
    with opened:
        assert opened.is_partial and not opened.is_complete
        assert len(opened.kpis()) == 3 * len(fx.KPIS)
        with pytest.warns(TaktResultWarning, match="summary"):
            summary = opened.summary()
        row = summary[summary.kpi == "flow_time_mean"].iloc[0]
        assert row["mean"] == pytest.approx(90.0) and row["n"] == 3
        assert row["half_width"] == pytest.approx(T_975_DF2 * statistics.stdev([90, 95, 85]) / math.sqrt(3),
                                                  rel=1e-10)
        assert len(opened.events()) == len(fx.EVENTS_0)


def test_interrupted_file_warns(tmp_path):
    path = fx.write_result(tmp_path / "stopped.h5", status="interrupted")
    with pytest.warns(TaktResultWarning, match="interrupted"):
        with takt_h5.open_run(path) as opened:
            assert len(opened.summary()) == len(fx.KPIS)


def test_file_locked_by_its_writer(files, tmp_path):
    """A run still writing holds the HDF5 file lock: open_run reads anyway, with a warning."""
    live = tmp_path / "live.h5.partial"
    shutil.copy(files["base"], live)
    writer = subprocess.Popen([sys.executable, "-c", "import h5py, sys, time\n"
                               f"f = h5py.File({str(live)!r}, 'a'); print('open', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        with pytest.warns(TaktResultWarning) as caught:
            with takt_h5.open_run(tmp_path / "live.h5") as opened:
                assert len(opened.events()) == len(fx.EVENTS_0)
        messages = " ".join(str(w.message) for w in caught)
        assert "partial" in messages and "locked" in messages
    finally:
        writer.kill()
        writer.wait()


def test_enum_value_outside_the_enum_warns(files, tmp_path):
    path = tmp_path / "odd.h5"
    shutil.copy(files["base"], path)
    with h5py.File(path, "r+") as f:
        rows = f["runs/base/0/states"][()]
        rows["state"][0] = 99  # HDF5 does not validate enum values on write
        f["runs/base/0/states"][0] = rows[0]
    with takt_h5.open_run(path) as opened, pytest.warns(TaktResultWarning, match="outside the enum"):
        states = opened.states()
    assert pd.isna(states.state.iloc[0]) and states.state.iloc[1] == "idle"


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        takt_h5.open_run(ROOT / "results" / "no-such-file.h5")


# ---------------------------------------------------------------------------- CLI, install, docs


def test_module_cli(files, tmp_path):
    """`python -m takt_h5 FILE` prints a short summary; an unreadable file exits 2."""
    result = subprocess.run([sys.executable, "-m", "takt_h5", str(files["two"])], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Fixture line — two stations" in result.stdout and "Throughput (jobs)" in result.stdout
    assert "third_mill: 3 replications" in result.stdout
    bad = subprocess.run([sys.executable, "-m", "takt_h5", str(tmp_path / "none.h5")], capture_output=True,
                         text=True, cwd=tmp_path)
    assert bad.returncode == 2 and "error:" in bad.stderr
    partial = fx.write_result(tmp_path / "crashed.h5", partial=True, status="failed", with_summary=False)
    result = subprocess.run([sys.executable, "-m", "takt_h5", str(partial)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0 and "warning:" in result.stderr and "'failed'" in result.stderr
    assert "Throughput (jobs)" in result.stdout  # the summary, computed from the replications


def test_pip_install_editable(tmp_path, files):
    """`pip install -e scripts/takt_h5` works (in a throwaway venv, from a copy so the checkout stays clean).

    The throwaway venv sees the packages of the environment running the tests (numpy, pandas,
    h5py: the repository's .venv, through a .pth file, so nothing is downloaded) and so also the
    takt_h5 that scripts/setup.sh installed there; compat mode puts the copy on the path ahead of
    it, where the default mode's import hook would come after it."""
    source = tmp_path / "checkout" / "takt_h5"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "build"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    inner = subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    (pathlib.Path(inner) / "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    result = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e",
                             str(source), "--config-settings", "editable_mode=compat"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    check = subprocess.run([str(python), "-c", "import takt_h5; print(takt_h5.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path)
    assert check.returncode == 0 and str(source) in check.stdout, check.stderr
    cli = subprocess.run([str(venv / "bin" / "takt-h5"), str(files["base"])], capture_output=True, text=True)
    assert cli.returncode == 0 and "Throughput" in cli.stdout


def test_everything_public_has_a_docstring():
    assert len((takt_h5.__doc__ or "").split("Example::")[1].strip().splitlines()) >= 10
    missing = []
    for name in takt_h5.__all__:
        item = getattr(takt_h5, name)
        if callable(item) and not (item.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(item):
            for member, value in vars(item).items():
                if not member.startswith("_") and callable(getattr(value, "fget", value)) \
                        and not (getattr(value, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{member}")
    assert not missing, missing


# ---------------------------------------------------------------------------- notebook


def test_notebook_runs_on_fixture(files, tmp_path):
    """The analysis notebook runs top to bottom on a result file, fast, and saves its three figures."""
    notebook, seconds = fx.execute_notebook(files["two"], tmp_path / "figures")
    assert seconds < 45, f"notebook took {seconds:.1f} s"
    assert sorted(p.name for p in (tmp_path / "figures").glob("*.png")) == ["gantt.png", "states.png", "wip.png"]
    text = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert "Figures saved" in text and "Fixture line" in text
    assert fx.inline_images(notebook) == 3, "the figures show inline (no Agg backend in the notebook)"


def test_notebooks_leave_the_backend_to_jupyter():
    """No notebook forces a backend (matplotlib.use): Jupyter's inline backend shows the figures, and it
    needs no display, so the tests run them headless as they are."""
    import nbformat
    for path in sorted((fx.NOTEBOOK.parent).glob("*.ipynb")):
        sources = "".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "matplotlib.use(" not in sources and "MPLBACKEND" not in sources, path.name
