"""Result files are complete, or clearly marked, or left as .partial — never silently half-written."""
import signal
import subprocess
import time

import h5py
from conftest import ROOT


def start_long_run(takt, out):
    """The 2-million-part benchmark with every event recorded: long enough to interrupt."""
    return subprocess.Popen([str(takt), "run", "scenarios/bench/mm5.yaml", "--out", str(out), "--record", "all"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path, timeout=30):
    deadline = time.time() + timeout
    while not path.exists() and time.time() < deadline:
        time.sleep(0.05)
    assert path.exists(), f"{path} never appeared"


def test_sigint_closes_the_file_as_interrupted(takt, tmp_path):
    """Ctrl-C: the run stops at the next slice, the file is closed, renamed and marked interrupted."""
    out = tmp_path / "interrupted.h5"
    process = start_long_run(takt, out)
    wait_for(tmp_path / "interrupted.h5.partial")
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert out.exists() and not (tmp_path / "interrupted.h5.partial").exists()
    with h5py.File(out, "r") as f:
        assert f.attrs["completion_status"] == "interrupted"
        reached = float(f.attrs["simulated_time_reached"])
        assert 0 < reached
        events = f["runs/base/0/events"]
        assert events.shape[0] > 0
        assert float(events[-1]["time"]) <= reached + 1e-9
        assert f["runs/base/0"].attrs["status"] == "interrupted"


def test_killed_run_leaves_a_partial_that_inspect_reports(takt, tmp_path):
    """kill -9: no rename happens; the .partial stays, and `takt inspect` says what to do."""
    out = tmp_path / "killed.h5"
    process = start_long_run(takt, out)
    partial = tmp_path / "killed.h5.partial"
    wait_for(partial)
    time.sleep(0.5)
    process.kill()
    process.communicate(timeout=30)
    assert partial.exists() and not out.exists()
    result = subprocess.run([str(takt), "inspect", str(partial)], capture_output=True, text=True, cwd=ROOT)
    if result.returncode == 0:
        assert "completion_status: partial" in result.stdout
    else:
        assert result.returncode == 2 and "h5clear" in result.stderr


def test_existing_output_is_refused_without_force(takt, tmp_path):
    out = tmp_path / "exists.h5"
    out.write_text("precious")
    result = subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "2", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_text() == "precious"
    forced = subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "2", "--out", str(out),
                             "--force"],
                            capture_output=True, text=True, cwd=ROOT)
    assert forced.returncode == 0, forced.stderr
    with h5py.File(out, "r") as f:
        assert f.attrs["completion_status"] == "complete"
        assert f["summary/intervals"].shape[0] > 0


def test_inspect_summarises_a_run(takt, tmp_path):
    out = tmp_path / "line.h5"
    subprocess.run([str(takt), "run", "scenarios/flow-line.yaml", "--replications", "2", "--out", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    result = subprocess.run([str(takt), "inspect", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "completion_status: complete" in result.stdout
    assert "base/1: events" in result.stdout and "throughput [1/h]" in result.stdout


def test_leftover_partial_is_never_replaced_silently(takt, tmp_path):
    """A killed run's .partial at the same --out path is kept unless --force."""
    out = tmp_path / "again.h5"
    partial = tmp_path / "again.h5.partial"
    partial.write_text("a killed run's rows")
    result = subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "2", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "takt inspect" in result.stderr and "--force" in result.stderr
    assert partial.read_text() == "a killed run's rows"
    forced = subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "2", "--out", str(out),
                             "--force"],
                            capture_output=True, text=True, cwd=ROOT)
    assert forced.returncode == 0, forced.stderr
    assert out.exists() and not partial.exists()
