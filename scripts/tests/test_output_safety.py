"""Every file Takt writes follows one set of rules (docs/limits.md, "Output files"): paths are
checked before anything runs, nothing is replaced without --force, nothing that is not a regular
file is ever replaced, a replaced file stays whole until its replacement is, and a write error
(full disk, full standard output) is reported with a non-zero exit, never a crash."""
import os
import pathlib
import shutil
import stat
import subprocess
import time
import uuid

import h5py
import pytest
from conftest import ROOT

QUICK = ["scenarios/queue-mm5.yaml", "--replications", "2"]


def takt_run(takt, *arguments, timeout=120):
    return subprocess.run([str(takt), *arguments], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def assert_no_crash(result):
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.stderr[-2000:]}"
    assert "Program crashed" not in result.stderr and "Fatal error" not in result.stderr, result.stderr[-2000:]


# --- paths checked before simulating -----------------------------------------------------------

@pytest.mark.parametrize("option", ["--out", "--gantt", "--save-models"])
def test_empty_path_is_refused_before_running(takt, tmp_path, option):
    arguments = ["run", "scenarios/flow-line.yaml", option, ""]
    started = time.monotonic()
    result = takt_run(takt, *arguments)
    assert result.returncode == 2, result.stderr
    assert f"{option}: the path is empty" in result.stderr
    assert time.monotonic() - started < 10
    assert not (ROOT / ".partial").exists()


@pytest.mark.parametrize("option", ["--out", "--gantt", "--save-models"])
def test_device_is_never_replaced_even_with_force(takt, option):
    result = takt_run(takt, "run", "scenarios/flow-line.yaml", option, "/dev/full", "--force")
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_directory_and_file_parent_are_refused(takt, tmp_path):
    as_directory = takt_run(takt, "run", *QUICK, "--out", str(tmp_path))
    assert as_directory.returncode == 2 and "is a directory" in as_directory.stderr
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    under_file = takt_run(takt, "run", *QUICK, "--out", str(blocker / "x.h5"))
    assert under_file.returncode == 2 and f"{blocker} is not a directory" in under_file.stderr
    assert "Foundation" not in under_file.stderr and "NSCocoaErrorDomain" not in under_file.stderr


def test_missing_directories_are_created_and_said(takt, tmp_path):
    out = tmp_path / "new" / "deeper" / "run.h5"
    result = takt_run(takt, "run", *QUICK, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "created the directory" in result.stderr and out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only directories")
def test_read_only_directory_is_refused(takt, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = takt_run(takt, "run", *QUICK, "--out", str(locked / "x.h5"))
    assert result.returncode == 2 and "cannot write in" in result.stderr


def test_gantt_needs_a_factory_before_running(takt, tmp_path):
    svg = tmp_path / "queue.svg"
    result = takt_run(takt, "run", *QUICK, "--no-out", "--gantt", str(svg))
    assert result.returncode == 2 and "--gantt needs a factory" in result.stderr
    assert not svg.exists()


@pytest.mark.parametrize("option, suffix", [("--gantt", "svg"), ("--save-models", "json")])
def test_existing_chart_or_model_is_refused_without_force(takt, tmp_path, option, suffix):
    target = tmp_path / f"existing.{suffix}"
    target.write_text("precious")
    scenario = ["scenarios/fleet-maintenance.yaml", "--variant", "ai"] if option == "--save-models" \
        else ["scenarios/flow-line.yaml"]
    refused = takt_run(takt, "run", *scenario, "--replications", "2", "--no-out", option, str(target))
    assert refused.returncode == 2 and "--force" in refused.stderr, refused.stderr
    assert target.read_text() == "precious"
    forced = takt_run(takt, "run", *scenario, "--replications", "2", "--no-out", option, str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text() != "precious" and not pathlib.Path(str(target) + ".partial").exists()


# --- --force replaces atomically ---------------------------------------------------------------

def test_force_keeps_the_old_file_until_the_new_one_is_whole(takt, tmp_path):
    """SIGKILL in the middle of a --force run: the old result is still there, byte for byte."""
    out = tmp_path / "kept.h5"
    first = takt_run(takt, "run", *QUICK, "--out", str(out))
    assert first.returncode == 0, first.stderr
    old = out.read_bytes()
    process = subprocess.Popen([str(takt), "run", "scenarios/bench/mm5.yaml", "--out", str(out), "--record", "all",
                                "--force"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    partial = tmp_path / "kept.h5.partial"
    deadline = time.time() + 30
    while not partial.exists() and time.time() < deadline:
        time.sleep(0.05)
    assert partial.exists()
    time.sleep(0.3)
    process.kill()
    process.communicate(timeout=30)
    assert out.read_bytes() == old
    with h5py.File(out, "r") as f:
        assert f.attrs["completion_status"] == "complete"
    # and a --force run that completes replaces it
    again = takt_run(takt, "run", *QUICK, "--seed", "9", "--out", str(out), "--force")
    assert again.returncode == 0, again.stderr
    with h5py.File(out, "r") as f:
        assert int(f.attrs["seed"]) == 9 and f.attrs["completion_status"] == "complete"
    assert not partial.exists()


# --- write errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("arguments", [["run", *QUICK, "--no-out", "--json"], ["run", *QUICK, "--no-out"],
                                       ["validate", "scenarios/queue-mm5.yaml"]])
def test_full_standard_output_exits_non_zero(takt, arguments):
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(takt), *arguments], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                timeout=120)
    assert result.returncode == 1, result.stderr
    assert "cannot write to standard output: No space left on device" in result.stderr


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs (needs root and a kernel that allows the mount; skipped otherwise)."""
    mount = tmp_path / f"small-{uuid.uuid4().hex[:8]}"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_full_disk_during_run_is_an_error_not_a_crash(takt, small_disk):
    out = small_disk / "r.h5"
    result = takt_run(takt, "run", "scenarios/flow-line.yaml", "--replications", "5", "--record", "all",
                      "--out", str(out))
    assert_no_crash(result)
    assert result.returncode == 1
    assert "No space left on device" in result.stderr and "r.h5.partial" in result.stderr
    assert not out.exists(), "a file under its final name must be whole"


def test_full_disk_during_compare_is_an_error_not_a_crash(takt, small_disk):
    out = small_disk / "c.h5"
    result = takt_run(takt, "compare", "scenarios/job-shop.yaml", "--replications", "5", "--record", "all",
                      "--out", str(out))
    assert_no_crash(result)
    assert result.returncode == 1 and "No space left on device" in result.stderr
    assert not out.exists()


def test_full_disk_during_sweep_fails_runs_not_the_process(takt, small_disk):
    result = takt_run(takt, "sweep", "run", "scenarios/sweeps/two-shifts-staffing.yaml",
                      "--out", str(small_disk / "sw"), timeout=300)
    assert_no_crash(result)
    assert result.returncode == 1, result.stderr
    assert "No space left on device" in result.stdout + result.stderr
    for run in (small_disk / "sw" / "runs").glob("run-*.h5"):
        with h5py.File(run, "r") as f:   # every file under its final name opens and is complete
            assert f.attrs["completion_status"] == "complete"
