"""`takt sweep` end to end: plan, run (local, array tasks, chunks), status, merge, the analyst kit's
open_sweep, failures, interruption and resumption, cluster scripts."""
import json
import os
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest
from conftest import ROOT

import takt_h5

EXAMPLE = "scenarios/sweeps/two-shifts-staffing.yaml"


def run(takt, *args, env=None):
    return subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def small_sweep(folder, extra="", replications=2, values="[1, 2]"):
    """A 4-point sweep over the two-shift line, two simulated weeks per run."""
    path = folder / "sweep.yaml"
    path.write_text(f"""name: small
scenario: {ROOT / 'scenarios' / 'two-shifts.yaml'}
seed: 3
replications: {replications}
parameters:
  repair_crews.technicians.size: {values}
  variant: [base, three_shifts]
fixed: {{run.duration: 2 w, run.warm_up: 2 d}}
kpis: [throughput, lead_time_mean, down.lathe]
{extra}""")
    return path


def table_columns(path, name):
    """Every column of a merged table, numeric ones as raw bytes (bit-for-bit comparison)."""
    with h5py.File(path, "r") as f:
        data = f[name][()]
    columns = {}
    for field in data.dtype.names:
        column = data[field]
        columns[field] = column.tobytes() if column.dtype.kind in "iuf" else [bytes(v) for v in column]
    return columns


def test_plan_counts_runs_and_checks_points(takt):
    result = run(takt, "sweep", "plan", EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert "Runs: 60 (12 points × 5 replications)" in result.stdout
    assert "All 12 points load." in result.stdout
    assert "repair_crews.technicians.size  1, 2, 3" in result.stdout


def test_bad_sweep_exits_2_with_positions(takt, tmp_path):
    path = small_sweep(tmp_path, values="[1, 0]").read_text().replace("variant: [base, three_shifts]",
                                                                         "variant: [base, three_shift]")
    (tmp_path / "bad.yaml").write_text(path)
    result = run(takt, "sweep", "plan", str(tmp_path / "bad.yaml"))
    assert result.returncode == 2
    assert f"{tmp_path}/bad.yaml:7:19: error: variant 'three_shift' is not defined" in result.stderr, result.stderr
    result = run(takt, "sweep", "plan", str(small_sweep(tmp_path, values="[1, 0]")))
    assert result.returncode == 2
    assert f"{tmp_path}/sweep.yaml:6:38: error: repair_crews.technicians.size must be" in result.stderr, result.stderr
    assert "Fatal error" not in result.stderr


def test_merged_tables_identical_across_jobs_tasks_and_chunks(takt, tmp_path):
    """The same sweep run with --jobs 1, --jobs 2, and as array tasks of chunk 3 (last task first,
    task index from SLURM_ARRAY_TASK_ID) merges into bit-identical /runs and /points tables."""
    sweep = small_sweep(tmp_path, replications=3)
    outs = {name: tmp_path / name for name in ("jobs1", "jobs2", "tasks")}
    assert run(takt, "sweep", "run", str(sweep), "--out", str(outs["jobs1"]), "--jobs", "1").returncode == 0
    assert run(takt, "sweep", "run", str(sweep), "--out", str(outs["jobs2"]), "--jobs", "2").returncode == 0
    for task in reversed(range(4)):   # 12 runs, chunk 3
        result = run(takt, "sweep", "run", str(sweep), "--out", str(outs["tasks"]), "--chunk", "3", "--jobs", "2",
                     env={"SLURM_ARRAY_TASK_ID": str(task)})
        assert result.returncode == 0, result.stderr
        assert f"Task {task} (runs {3 * task}-{3 * task + 2})" in result.stdout
    merged = {}
    for name, out in outs.items():
        result = run(takt, "sweep", "merge", str(sweep), "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert "Merged 12 of 12 runs (all complete)" in result.stdout
        merged[name] = out / "sweep.h5"
    for table in ("runs", "points"):
        reference = table_columns(merged["jobs1"], table)
        assert table_columns(merged["jobs2"], table) == reference
        assert table_columns(merged["tasks"], table) == reference


def test_open_sweep_runs_points_and_links(takt, tmp_path):
    sweep = small_sweep(tmp_path, replications=3)
    out = tmp_path / "out"
    assert run(takt, "sweep", "run", str(sweep), "--out", str(out)).returncode == 0
    assert run(takt, "sweep", "merge", str(sweep), "--out", str(out)).returncode == 0
    runs = takt_h5.open_sweep(out / "sweep.h5")
    assert len(runs) == 12
    assert list(runs.columns[:8]) == ["run", "point", "replication", "seed", "status", "repair_crews.technicians.size",
                                      "variant", "throughput"]
    assert (runs.status == "complete").all()
    assert runs.attrs["units"]["throughput"] == "1/h"
    assert runs.attrs["parameters"] == ["repair_crews.technicians.size", "variant"]
    assert set(runs["variant"]) == {"base", "three_shifts"}
    points = takt_h5.open_sweep(out / "sweep.h5", "points")
    assert len(points) == 4 * 3 and (points.n == 3).all()
    means = runs.groupby("point")["lead_time_mean"].mean().to_numpy()
    assert np.allclose(points[points.kpi == "lead_time_mean"]["mean"].to_numpy(), means, rtol=1e-12)
    sd = runs.groupby("point")["throughput"].std(ddof=1).to_numpy()
    expected = takt_h5.t_quantile(0.975, 2) * sd / np.sqrt(3)
    assert np.allclose(points[points.kpi == "throughput"]["half_width"].to_numpy(), expected, rtol=1e-9)
    wide = takt_h5.points_wide(points)
    assert list(wide.columns) == ["point", "repair_crews.technicians.size", "variant", "throughput", "lead_time_mean",
                                  "down.lathe"]
    with h5py.File(out / "sweep.h5", "r") as f:
        assert f["links/run-000005/sweep"].attrs["run"] == 5
        assert f["links/run-000005/sweep"].attrs["point"] == 1
        assert f.attrs["kind"] == "sweep" and f.attrs["completion_status"] == "complete"
    with takt_h5.open_sweep_run(out / "sweep.h5", 5) as one:
        assert one.summary().set_index("kpi").loc["throughput", "mean"] == runs.loc[5, "throughput"]
    elsewhere = tmp_path / "elsewhere" / "merged.h5"   # links are absolute then; runs still found
    elsewhere.parent.mkdir()
    assert run(takt, "sweep", "merge", str(sweep), "--out", str(out), "--merged", str(elsewhere)).returncode == 0
    with h5py.File(elsewhere, "r") as f:
        assert f["links/run-000002/sweep"].attrs["run"] == 2
    with takt_h5.open_sweep_run(elsewhere, 2) as two:
        assert two.attrs["seed"] == runs.loc[2, "seed"]


def test_failed_runs_are_recorded_and_merged(takt, tmp_path):
    """A point whose scenario does not load: its runs fail with exit code 2 recorded, the others
    complete, `run` exits 1, status lists the failures, the merged file has them in /failures."""
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text(small_sweep(tmp_path).read_text() + "design:\n  points:\n"
                     "    - {repair_crews.technicians.size: 1, variant: base}\n"
                     "    - {repair_crews.technicians.size: -1, variant: base}\n"
                     "    - {repair_crews.technicians.size: 2, variant: three_shifts}\n")
    sweep.write_text(sweep.read_text().replace("parameters:\n  repair_crews.technicians.size: [1, 2]\n"
                                               "  variant: [base, three_shifts]\n", ""))
    out = tmp_path / "out"
    result = run(takt, "sweep", "run", str(sweep), "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "4 runs completed, 2 failed" in result.stdout
    record = json.loads((out / "runs" / "run-000002.failed.json").read_text())
    assert record["exit_code"] == 2 and record["point"] == 1
    assert f"{sweep}:10:39: error: repair_crews.technicians.size must be" in record["error"]
    status = run(takt, "sweep", "status", str(sweep), "--out", str(out))
    assert "complete 4, failed 2, in progress or interrupted 0, missing 0" in status.stdout
    assert "run 2 (point 1, replication 0, " in status.stdout
    assert run(takt, "sweep", "merge", str(sweep), "--out", str(out)).returncode == 0
    with pytest.warns(takt_h5.TaktResultWarning, match="4 of 6 runs complete, 2 failed"):
        runs = takt_h5.open_sweep(out / "sweep.h5")
    assert list(runs.status) == ["complete", "complete", "failed", "failed", "complete", "complete"]
    assert runs.throughput.isna().tolist() == [False, False, True, True, False, False]
    with pytest.warns(takt_h5.TaktResultWarning):
        failures = takt_h5.open_sweep(out / "sweep.h5", "failures")
    assert failures.run.tolist() == [2, 3] and failures.exit_code.tolist() == [2, 2]


def test_interrupted_sweep_resumes_with_nothing_lost_or_done_twice(takt, tmp_path):
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text(f"""name: long
scenario: {ROOT / 'scenarios' / 'two-shifts.yaml'}
replications: 4
parameters: {{repair_crews.technicians.size: [2]}}
fixed: {{run.duration: 400 w}}
""")
    out = tmp_path / "out"
    process = subprocess.Popen([str(takt), "sweep", "run", str(sweep), "--out", str(out), "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.time() + 30
    while time.time() < deadline and not list((out / "runs").glob("run-000001.h5.tmp*")):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 130, stdout
    names = sorted(p.name for p in (out / "runs").iterdir())
    assert names == ["run-000000.h5", "run-000001.h5.tmp"], names
    status = run(takt, "sweep", "status", str(sweep), "--out", str(out))
    assert "In progress or interrupted: 1" in status.stdout and "Missing: 2-3" in status.stdout
    before = (out / "runs" / "run-000000.h5").stat().st_mtime_ns
    result = run(takt, "sweep", "run", str(sweep), "--out", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "3 runs completed, 1 already complete" in result.stdout
    assert (out / "runs" / "run-000000.h5").stat().st_mtime_ns == before
    assert sorted(p.name for p in (out / "runs").iterdir()) == [f"run-00000{i}.h5" for i in range(4)]


def test_task_index_checks(takt, tmp_path):
    sweep = small_sweep(tmp_path)
    result = run(takt, "sweep", "run", str(sweep), "--out", str(tmp_path / "o"), "--task-index", "8")
    assert result.returncode == 2
    assert "task index 8 is beyond the 8 tasks of this sweep (8 runs, --chunk 1)" in result.stderr
    result = run(takt, "sweep", "run", str(sweep), "--out", str(tmp_path / "o"), env={"JOB_COMPLETION_INDEX": "x"})
    assert result.returncode == 2 and "JOB_COMPLETION_INDEX='x' is not a task index" in result.stderr
    result = run(takt, "sweep", "run", str(sweep), "--out", str(tmp_path / "o"), env={"JOB_COMPLETION_INDEX": "6"})
    assert result.returncode == 0 and "Task 6 (runs 6)" in result.stdout


def test_submit_writes_slurm_and_kubernetes_scripts(takt, tmp_path):
    sweep = small_sweep(tmp_path)
    out = tmp_path / "out"
    result = run(takt, "sweep", "submit", str(sweep), "--out", str(out), "--engine", "slurm", "--throttle", "2",
                 "--time", "5:00", "--chunk", "3")
    assert result.returncode == 0, result.stderr
    array = (out / "slurm" / "array.sbatch").read_text()
    assert "#SBATCH --array=0-2%2" in array and "#SBATCH --time=5:00" in array
    assert "export HDF5_USE_FILE_LOCKING=FALSE" in array and "--chunk 3" in array
    assert "--dependency=afterany:$array" in (out / "slurm" / "submit.sh").read_text()
    assert (out / "logs").is_dir()
    result = run(takt, "sweep", "resubmit", str(sweep), "--out", str(out), "--chunk", "3", "--throttle", "2")
    assert result.returncode == 0, result.stderr
    assert "--array=0-2%2" in result.stdout
    result = run(takt, "sweep", "submit", str(sweep), "--out", str(out), "--engine", "k8s", "--image", "takt:test")
    assert result.returncode == 0, result.stderr
    manifest = (out / "k8s" / "job.yaml").read_text()
    assert "completionMode: Indexed" in manifest and "completions: 8" in manifest


def test_sweep_help_has_examples(takt):
    for command in ("plan", "run", "submit", "status", "resubmit", "merge"):
        result = run(takt, "sweep", command, "--help")
        assert result.returncode == 0
        assert "Example" in result.stdout and f"takt sweep {command}" in result.stdout


def test_sweep_notebook_plots_a_merged_sweep(takt, tmp_path):
    """scripts/notebooks/sweep.ipynb runs on a (shortened) fleet-maintenance sweep and saves its plot."""
    import nbclient
    import nbformat

    example = (ROOT / "scenarios" / "sweeps" / "fleet-maintenance-policies.yaml").read_text()
    sweep = tmp_path / "fleet.yaml"
    sweep.write_text(example.replace("scenario: ../fleet-maintenance.yaml",
                                     f"scenario: {ROOT / 'scenarios' / 'fleet-maintenance.yaml'}")
                     .replace("replications: 10", "replications: 2")
                     .replace("workers.technicians.count: [1, 2, 3]", "workers.technicians.count: [1, 2]")
                     + "fixed: {run.duration: 15 d, run.warm_up: 3 d}\n")
    out = tmp_path / "out"
    assert run(takt, "sweep", "run", str(sweep), "--out", str(out), "--jobs", "2").returncode == 0
    assert run(takt, "sweep", "merge", str(sweep), "--out", str(out)).returncode == 0
    notebook = nbformat.read(ROOT / "scripts" / "notebooks" / "sweep.ipynb", as_version=4)
    saved = {k: os.environ.get(k) for k in ("TAKT_SWEEP", "TAKT_FIGURES", "MPLBACKEND")}
    os.environ.update(TAKT_SWEEP=str(out / "sweep.h5"), TAKT_FIGURES=str(tmp_path / "figures"))
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend, headless
    try:
        nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                resources={"metadata": {"path": str(ROOT / "scripts" / "notebooks")}}).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert (tmp_path / "figures" / "tradeoff.png").stat().st_size > 10_000
    assert sum("image/png" in o.get("data", {}) for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs) == 1, "the trade-off plot shows inline"
