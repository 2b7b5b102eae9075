"""A sweep on a real (single-node) Slurm cluster: submitted as a job array with a dependent merge
job, one task killed while it runs, the missing run resubmitted, merged, and compared bit for bit
with the same sweep run locally.

The cluster is brought up by scripts/slurm/single-node.sh (slurmctld, slurmd and munge started by
hand in a scratch folder, on free ports) and stopped when the module ends, also when a test fails.
The test is skipped only when Slurm is not installed and cannot be installed (scripts/setup.sh
installs it as root).
"""
import atexit
import os
import re
import shutil
import subprocess
import time

import h5py
import pytest
from conftest import ROOT

CLUSTER = ROOT / "scripts" / "slurm" / "single-node.sh"


def slurm_installed():
    return all(shutil.which(name) or os.path.exists(f"/usr/sbin/{name}")
               for name in ("slurmctld", "slurmd", "sbatch", "munged"))


@pytest.fixture(scope="module")
def slurm(tmp_path_factory):
    """The environment of a running single-node cluster (SLURM_CONF set)."""
    if not slurm_installed() and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], cwd=ROOT, capture_output=True,
                       env={**os.environ, "TAKT_SKIP_BUILD": "1"})
    if not slurm_installed():
        pytest.skip("Slurm is not installed and could not be installed (needs root and apt-get: "
                    "apt-get install slurmctld slurmd slurm-client munge, or run scripts/setup.sh)")
    folder = tmp_path_factory.mktemp("slurm")
    stop = ["bash", str(CLUSTER), "stop", str(folder)]
    atexit.register(subprocess.run, stop, capture_output=True)   # even if pytest itself is interrupted
    started = subprocess.run(["bash", str(CLUSTER), "start", str(folder)], capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    try:
        yield {**os.environ, "SLURM_CONF": str(folder / "slurm.conf")}, folder
    finally:
        subprocess.run(stop, capture_output=True)


def sh(env, *args, check=True):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=ROOT, env=env)
    if check:
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    return result


def wait_for(env, *jobs, timeout=90):
    """Polls squeue until the jobs have left the queue (sbatch --wait polls far too slowly)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        queued = sh(env, "squeue", "-h", "-j", ",".join(jobs), check=False).stdout.strip()
        if not queued:
            return
        time.sleep(0.2)
    raise AssertionError(f"jobs {jobs} still queued after {timeout} s")


def submitted(output):
    match = re.search(r"array job (\d+), merge job (\d+)", output)
    assert match, output
    return match.group(1), match.group(2)


def merged_columns(path, table):
    with h5py.File(path, "r") as f:
        data = f[table][()]
    return {name: data[name].tobytes() if data[name].dtype.kind in "iuf" else [bytes(v) for v in data[name]]
            for name in data.dtype.names}


def test_job_array_killed_task_resubmitted_merged_equals_local(slurm, takt, tmp_path):
    env, cluster = slurm
    sweep = tmp_path / "sweep.yaml"
    # Point 2 simulates 4000 weeks (a few seconds), so its first run can be killed while it runs.
    sweep.write_text(f"""name: slurm test
scenario: {ROOT / 'scenarios' / 'two-shifts.yaml'}
seed: 42
replications: 2
design:
  points:
    - {{repair_crews.technicians.size: 1, variant: base, run.duration: 2 w}}
    - {{repair_crews.technicians.size: 2, variant: three_shifts, run.duration: 2 w}}
    - {{repair_crews.technicians.size: 1, variant: three_shifts, run.duration: 4000 w}}
    - {{repair_crews.technicians.size: 2, variant: base, run.duration: 2 w}}
kpis: [throughput, lead_time_mean, down.lathe, repair_share.technicians]
""")
    out = tmp_path / "cluster"
    started = time.time()
    result = sh(env, takt, "sweep", "submit", sweep, "--out", out, "--engine", "slurm", "--throttle", "2", "--submit")
    assert "#SBATCH --array=0-7%2" in result.stdout
    array, merge = submitted(result.stdout)

    killed = out / "runs" / "run-000004.h5.tmp.partial"
    deadline = time.time() + 60
    while not killed.exists():
        assert time.time() < deadline, "task 4 never started"
        time.sleep(0.02)
    sh(env, "scancel", f"{array}_4")
    wait_for(env, array, merge)

    jobcomp = (cluster / "log" / "jobcomp.txt").read_text()
    task4 = [line for line in jobcomp.splitlines() if f"ArrayJobId={array} ArrayTaskId=4 " in line]
    assert task4 and "JobState=CANCELLED" in task4[0], task4
    status = sh(env, takt, "sweep", "status", sweep, "--out", out).stdout
    assert "complete 7, failed 0, in progress or interrupted 1, missing 0" in status, status
    with h5py.File(out / "sweep.h5", "r") as f:   # written by the dependent merge job despite the kill
        assert f.attrs["completion_status"] == "incomplete" and f.attrs["missing"] == 1

    result = sh(env, takt, "sweep", "resubmit", sweep, "--out", out, "--throttle", "2", "--submit")
    assert "Incomplete runs: 4 (1 of 8)" in result.stdout and "--array=4%2" in result.stdout
    array2, merge2 = submitted(result.stdout)
    wait_for(env, array2, merge2)
    assert "complete 8, failed 0" in sh(env, takt, "sweep", "status", sweep, "--out", out).stdout
    assert not list((out / "runs").glob("*.tmp*")), "no temporary file left"
    with h5py.File(out / "sweep.h5", "r") as f:
        assert f.attrs["completion_status"] == "complete"
    cluster_seconds = time.time() - started

    local = tmp_path / "local"
    sh(env, takt, "sweep", "run", sweep, "--out", local, "--jobs", "2")
    sh(env, takt, "sweep", "merge", sweep, "--out", local)
    for table in ("runs", "points"):
        assert merged_columns(out / "sweep.h5", table) == merged_columns(local / "sweep.h5", table), table
    print(f"cluster path: {cluster_seconds:.1f} s for 8 runs, a kill and a resubmission")
