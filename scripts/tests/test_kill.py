"""Kill `takt run`, `takt compare` and `takt sweep run` at random (seeded) moments.

What docs/hdf5-layout.md ("Writing, safety, crashes") and docs/sweep-format.md promise, checked
after every signal:

- a file under its final name is always whole: it opens with h5py and its root attribute
  `completion_status` is `complete`, or `interrupted` after SIGINT/SIGTERM (exit status 130);
- SIGINT and SIGTERM close the file as `interrupted` and rename it: no `.partial` is left;
- SIGKILL leaves at most `FILE.partial` (status `partial`), never a final file that is not whole;
- a sweep killed any number of times and resumed with `takt sweep run` merges into the same
  /runs and /points tables, bit for bit, as a sweep never interrupted (the merged tables are the
  documented bit-identical part of a sweep; /run_timing and the root attributes `created`, `host`
  hold wall-clock facts);
- `--force` over an existing file: the old file survives a kill until the new one is whole.

Moments are seeded fractions (from 0.02 s up to 1.1×) of the command's measured uninterrupted
duration, so the same phases are hit on a fast or a slow machine and some signals land after the
work is done. A SIGINT/SIGTERM in the first tens of milliseconds, before takt installs its
handler, ends the process by the signal: then no file and no .partial may exist. The outcomes are
printed (`pytest -s`).
"""
import random
import signal
import subprocess
import time

import h5py
import pytest
from conftest import ROOT
from test_sweep import small_sweep, table_columns  # noqa: E402

SEED = 11
RUN = ["scenarios/flow-line.yaml", "--replications", "4", "--record", "all", "--jobs", "2"]
COMPARE = ["scenarios/two-shifts.yaml", "--variants", "base,three_shifts", "--replications", "4", "--jobs", "2",
           "--record", "all"]
KILLS = 6
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]


def timed(args, out):
    start = time.monotonic()
    result = subprocess.run(args + ["--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start


def moments(label, count, span):
    rng = random.Random(f"{SEED}-{label}")
    return [(SIGNALS[k % 3], max(0.02, rng.random() * 1.1 * span)) for k in range(count)]


def kill_at(args, delay, sig):
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    time.sleep(delay)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, stdout, stderr


def status(path):
    with h5py.File(path, "r") as f:
        return str(f.attrs["completion_status"])


def check_whole(path, expected_status, replications, variants=("base",)):
    """A file under its final name: opens, has the status, and is whole — every attribute the
    close writes, a status on every replication that ran, the summary tables."""
    with h5py.File(path, "r") as f:
        assert f.attrs["completion_status"] == expected_status
        for name in ("takt_version", "seed", "replications", "created", "wall_seconds", "simulated_time_reached"):
            assert name in f.attrs, name
        if variants is None:                               # a sweep run: the point's variant
            variants = list(f["runs"]) if "runs" in f else []
            assert len(variants) == 1 or (expected_status == "interrupted" and not variants), variants
        for variant in variants:
            if expected_status == "interrupted" and f"runs/{variant}" not in f:
                continue                                   # stopped before a replication began
            groups = f[f"runs/{variant}"]
            if expected_status == "complete":
                assert sorted(groups, key=int) == [str(r) for r in range(replications)]
            for r in groups:
                assert groups[r].attrs["status"] in ("complete", "interrupted")
                if expected_status == "complete":
                    assert groups[r].attrs["status"] == "complete"
        assert "summary/kpis" in f and "summary/intervals" in f
        assert f["scenario/resolved_json"][()]


def check_after_kill(sig, code, stderr, out, replications, variants=("base",)):
    """One of the documented outcomes, and nothing else. Returns what was found."""
    partial = out.with_name(out.name + ".partial")
    if sig == signal.SIGKILL:
        if out.exists():                                   # finished before the kill
            assert code == 0 or code == -signal.SIGKILL
            check_whole(out, "complete", replications, variants)
            assert not partial.exists()
            return "complete"
        if partial.exists():
            try:
                with h5py.File(partial, "r") as f:
                    assert f.attrs["completion_status"] == "partial"
            except OSError:
                pass     # documented: `h5clear -s` may be needed to read a crashed .partial
            return "partial"
        return "nothing yet"                               # killed before the file was created
    assert not partial.exists(), f"{sig!r} left {partial.name} (exit {code}): {stderr}"
    if code == 0:
        check_whole(out, "complete", replications, variants)
        return "complete"
    if code == -sig:                                       # before the handler was installed
        assert not out.exists()
        return "before handler"
    assert code == 130, (code, stderr)
    assert out.exists(), stderr
    # Exit 130 always comes with "interrupted", even when the signal lands after the last
    # replication, while the file is being closed (every replication group then says complete).
    check_whole(out, "interrupted", replications, variants)
    return "interrupted"


@pytest.fixture(scope="module")
def takt_bin(takt):
    return str(takt)


@pytest.mark.parametrize("command,args,replications,variants", [
    ("run", RUN, 4, ("base",)),
    ("compare", COMPARE, 4, ("base", "three_shifts")),
])
def test_signals_at_random_moments(takt_bin, tmp_path, command, args, replications, variants):
    full = [takt_bin, command, *args]
    span = timed(full, tmp_path / "reference.h5")
    outcomes = []
    for k, (sig, delay) in enumerate(moments(command, KILLS, span)):
        out = tmp_path / f"killed{k}.h5"
        code, _, stderr = kill_at(full + ["--out", str(out)], delay, sig)
        outcomes.append((sig.name, round(delay, 2), code,
                         check_after_kill(sig, code, stderr, out, replications, variants)))
    print(f"{command}: {span:.2f} s uninterrupted; {outcomes}")


def test_sigkill_during_force_keeps_the_old_file(takt_bin, tmp_path):
    """`--force` over an existing file, killed with SIGKILL while the new file is written (right
    after its .partial appears, and at seeded moments later): the old file must still be there,
    byte for byte, unless the new run finished first and replaced it whole."""
    out = tmp_path / "precious.h5"
    base = [takt_bin, "run", *RUN, "--out", str(out)]
    assert subprocess.run(base, capture_output=True, cwd=ROOT).returncode == 0
    before = out.read_bytes()
    partial = tmp_path / "precious.h5.partial"
    rng = random.Random(f"{SEED}-force")
    for extra in [0.0] + [rng.uniform(0.05, 1.0) for _ in range(2)]:
        process = subprocess.Popen(base + ["--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        deadline = time.time() + 30
        while not partial.exists() and time.time() < deadline and process.poll() is None:
            time.sleep(0.002)
        time.sleep(extra)
        process.kill()
        process.communicate(timeout=60)
        assert out.exists(), f"--force lost the old file (killed {extra:.2f} s after the .partial appeared)"
        if out.read_bytes() != before:                    # the new run finished before the kill
            check_whole(out, "complete", 4)
            before = out.read_bytes()
        partial.unlink(missing_ok=True)


# ---------------------------------------------------------------- sweeps

def sweep_cmd(takt_bin, sweep, out, *extra):
    return [takt_bin, "sweep", "run", str(sweep), "--out", str(out), "--jobs", "2", *extra]


def check_sweep_folder(out):
    """Only documented names, and every run under its final name is a whole, complete file."""
    runs = out / "runs"
    if not runs.exists():
        return 0
    complete = 0
    for path in runs.iterdir():
        name = path.name
        assert (name.endswith(".h5") or name.endswith(".h5.tmp") or name.endswith(".h5.tmp.partial")
                or name.endswith(".failed.json")), name
        assert not name.endswith(".failed.json"), path.read_text()
        if name.endswith(".h5"):
            check_whole(path, "complete", 1, variants=None)
            complete += 1
        elif name.endswith(".h5.tmp"):
            check_whole(path, "interrupted", 1, variants=None)
    return complete


def test_sweep_killed_repeatedly_then_resumed_merges_bit_identical(takt_bin, tmp_path):
    sweep = small_sweep(tmp_path, replications=6)          # 24 runs of two simulated weeks
    reference = tmp_path / "reference"
    start = time.monotonic()
    assert subprocess.run(sweep_cmd(takt_bin, sweep, reference), capture_output=True, cwd=ROOT).returncode == 0
    span = time.monotonic() - start
    out = tmp_path / "killed"
    history = []
    rng = random.Random(f"{SEED}-sweep")
    for k in range(7):
        sig = SIGNALS[k % 3]
        delay = rng.uniform(0.02, span * 0.4)             # each resume has less left to do
        code, stdout, stderr = kill_at(sweep_cmd(takt_bin, sweep, out), delay, sig)
        if sig != signal.SIGKILL:
            assert code in (0, 130, -sig), (code, stderr)
        done = check_sweep_folder(out)
        history.append((sig.name, round(delay, 2), code, done))
    result = subprocess.run(sweep_cmd(takt_bin, sweep, out), capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert check_sweep_folder(out) == 24
    assert sorted(p.name for p in (out / "runs").iterdir()) == [f"run-{r:06d}.h5" for r in range(24)]
    for folder in (reference, out):
        merged = subprocess.run([takt_bin, "sweep", "merge", str(sweep), "--out", str(folder)],
                                capture_output=True, text=True, cwd=ROOT)
        assert merged.returncode == 0, merged.stderr
        assert "Merged 24 of 24 runs (all complete)" in merged.stdout
    for table in ("runs", "points"):
        assert table_columns(out / "sweep.h5", table) == table_columns(reference / "sweep.h5", table), table
    print(f"sweep: {span:.2f} s uninterrupted; kills (signal, delay, exit, complete runs): {history}")


def test_killed_merge_leaves_the_previous_merge_or_a_whole_one(takt_bin, tmp_path):
    """`sweep merge` writes sweep.h5 whole or not at all: kill it at random moments and the
    earlier sweep.h5 is still there, unchanged, or a new whole one replaced it."""
    sweep = small_sweep(tmp_path, replications=1)
    out = tmp_path / "out"
    assert subprocess.run(sweep_cmd(takt_bin, sweep, out), capture_output=True, cwd=ROOT).returncode == 0
    merge = [takt_bin, "sweep", "merge", str(sweep), "--out", str(out)]
    start = time.monotonic()
    assert subprocess.run(merge, capture_output=True, cwd=ROOT).returncode == 0
    span = time.monotonic() - start
    reference = table_columns(out / "sweep.h5", "runs")
    rng = random.Random(f"{SEED}-merge")
    for k in range(6):
        kill_at(merge, rng.uniform(0.0, 1.1 * span), SIGNALS[k % 3])
        assert (out / "sweep.h5").exists()
        with h5py.File(out / "sweep.h5", "r") as f:
            assert f.attrs["completion_status"] == "complete"
        assert table_columns(out / "sweep.h5", "runs") == reference


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_run_of_slow_events_stops_promptly(takt_bin, tmp_path, sig):
    """Events of 0.1 ms (critical ratio over queues of 2,000 jobs, scanned at each dispatch):
    a stop is seen within a fraction of a second, not after a fixed slice of 250,000 events
    (20 s here before slices were sized by wall time)."""
    rng = random.Random(SEED)
    jobs, machines = 20000, 10
    lines = [f"{jobs} {machines}"]
    for _ in range(jobs):
        order = list(range(machines))
        rng.shuffle(order)
        lines.append(" ".join(f"{m} {rng.randint(1, 99)}" for m in order))
    instance = tmp_path / "big.txt"
    instance.write_text("\n".join(lines) + "\n")
    process = subprocess.Popen([takt_bin, "run", str(instance), "--rule", "cr", "--no-out"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    time.sleep(4)
    assert process.poll() is None, "the run ended before the signal: make the instance bigger"
    sent = time.monotonic()
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    waited = time.monotonic() - sent
    assert process.returncode == 130, (process.returncode, stderr)
    assert waited < 3, f"stopped {waited:.1f} s after {sig.name}"
    assert "takt: stopping" in stderr, stderr
