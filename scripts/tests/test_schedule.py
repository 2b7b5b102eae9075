"""`takt schedule`: the static job-shop optimiser's command line.

Runs the release binary on the fixture instances of Tests/TaktSchedulingTests/Fixtures and on
bad files, and checks every printed schedule independently of the Swift validator.
"""
import json
import signal
import subprocess
import time

import h5py
import pytest
from conftest import ROOT

FIXTURES = ROOT / "Tests" / "TaktSchedulingTests" / "Fixtures"
BAD = ROOT / "Tests" / "TaktScenarioTests" / "BadJobShops"


def read_instance(path):
    """(machines offset, jobs) where jobs[j][k] maps machine (as in the file) to time."""
    tokens = [line.split() for line in path.read_text().splitlines() if line.split() and not line.startswith("#")]
    if path.suffix == ".fjs":
        jobs = []
        for row in tokens[1:]:
            values = list(map(int, row))
            count, at, job = values[0], 1, []
            for _ in range(count):
                k = values[at]
                job.append({values[at + 1 + 2 * i]: values[at + 2 + 2 * i] for i in range(k)})
                at += 1 + 2 * k
            jobs.append(job)
        return jobs
    m = int(tokens[0][1])
    return [[{int(row[2 * k]): int(row[2 * k + 1])} for k in range(m)] for row in tokens[1:]]


def check(document, path):
    """The schedule in `document` is feasible for the instance at `path`, with its makespan."""
    jobs = read_instance(path)
    ops = document["operations"]
    expected = [(j, k) for j, job in enumerate(jobs) for k in range(len(job))]
    assert sorted((o["job"], o["operation"]) for o in ops) == expected
    by_machine = {}
    for o in ops:
        times = jobs[o["job"]][o["operation"]]
        assert o["machine"] in times, o
        assert o["end"] - o["start"] == times[o["machine"]], o
        assert o["start"] >= 0
        by_machine.setdefault(o["machine"], []).append((o["start"], o["end"]))
    ends = {(o["job"], o["operation"]): o["end"] for o in ops}
    for o in ops:
        if o["operation"] > 0:
            assert o["start"] >= ends[(o["job"], o["operation"] - 1)], o
    for spans in by_machine.values():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert s2 >= e1, (s1, e1, s2, e2)
    assert document["makespan"] == max(o["end"] for o in ops)
    assert document["lower_bound"] <= document["makespan"]


def schedule(takt, *args, check_rc=True):
    result = subprocess.run([str(takt), "schedule", *map(str, args)], capture_output=True, text=True, timeout=120)
    if check_rc:
        assert result.returncode == 0, result.stderr
    return result


def test_ft06_reaches_its_optimum_and_prints_a_valid_schedule(takt):
    path = FIXTURES / "ft06.txt"
    document = json.loads(schedule(takt, path, "--iterations", 100000, "--json").stdout)
    for key in ("makespan", "lower_bound", "seconds", "iterations", "operations"):
        assert key in document
    assert document["makespan"] == 55
    assert len(document["operations"]) == 36
    assert all(0 <= o["machine"] < 6 for o in document["operations"])
    check(document, path)


def test_same_seed_and_iterations_give_the_same_json_on_1_and_2_threads(takt):
    path = FIXTURES / "ft10.txt"
    runs = [schedule(takt, path, "--iterations", 30000, "--seed", 5, "--threads", threads, "--json").stdout
            for threads in (1, 2, 1)]
    # Everything but the wall-clock seconds is byte-identical.
    volatile = ('  "seconds"', '  "best_seconds"')
    stripped = ["\n".join(line for line in run.splitlines() if not line.startswith(volatile)) for run in runs]
    assert stripped[0] == stripped[1] == stripped[2]
    check(json.loads(runs[0]), path)
    other = schedule(takt, path, "--iterations", 30000, "--seed", 6, "--json").stdout
    check(json.loads(other), path)


def test_flexible_instance_prints_machines_as_in_the_file(takt):
    path = FIXTURES / "mk-small.fjs"
    document = json.loads(schedule(takt, path, "--iterations", 20000, "--json").stdout)
    assert document["format"] == "fjs" and document["first_machine_number"] == 1
    assert {o["machine"] for o in document["operations"]} <= {1, 2, 3}
    check(document, path)


def test_plain_text_names_makespan_bound_gap_seconds_iterations_and_rule(takt):
    out = schedule(takt, FIXTURES / "la01.txt", "--iterations", 50000).stdout
    for label in ("makespan     666", "lower bound", "gap", "seconds", "iterations", "start rule"):
        assert label in out, out


def test_time_limit_stops_by_the_clock(takt):
    started = time.monotonic()
    document = json.loads(schedule(takt, FIXTURES / "ft10.txt", "--time-limit", "1s", "--threads", 1, "--json").stdout)
    assert time.monotonic() - started < 5
    assert 0.9 <= document["seconds"] < 3
    check(document, FIXTURES / "ft10.txt")


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.iterdir() if p.suffix in (".fjs", ".txt")))
def test_bad_files_give_located_errors_and_exit_2(takt, name):
    result = schedule(takt, BAD / name, "--iterations", 10, check_rc=False)
    assert result.returncode == 2, result.stderr
    expected = (BAD / name).with_suffix(".expected").read_text().splitlines()
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines == [f"{BAD / name}:{line.split(': ', 1)[0]}: error: {line.split(': ', 1)[1]}" for line in expected]


def test_usage_errors_exit_2(takt):
    both = schedule(takt, FIXTURES / "ft06.txt", "--iterations", 5, "--time-limit", "1s", check_rc=False)
    assert both.returncode == 2
    assert schedule(takt, FIXTURES / "ft06.txt", "--time-limit", "5", check_rc=False).returncode == 2
    assert schedule(takt, FIXTURES / "ft06.txt", "--threads", 0, check_rc=False).returncode == 2


def test_gantt_and_result_file(takt, tmp_path):
    svg, h5 = tmp_path / "ft06.svg", tmp_path / "ft06.h5"
    document = json.loads(schedule(takt, FIXTURES / "ft06.txt", "--iterations", 50000, "--json",
                                   "--gantt", svg, "--out", h5).stdout)
    assert svg.read_text().startswith("<svg") and svg.read_text().count("<rect") == 36
    with h5py.File(h5, "r") as f:
        group = f["schedule"]
        assert group.attrs["makespan"] == document["makespan"]
        assert group.attrs["lower_bound"] == document["lower_bound"]
        rows = group["operations"][()]
        assert len(rows) == 36
        stored = [(int(r["job"]), int(r["operation"]), int(r["machine"]), int(r["start"]), int(r["end"])) for r in rows]
        printed = [(o["job"], o["operation"], o["machine"], o["start"], o["end"]) for o in document["operations"]]
        assert stored == printed
    assert not (tmp_path / "ft06.h5.partial").exists()
    shown = subprocess.run([str(takt), "inspect", str(h5)], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert "kind: schedule" in shown.stdout and "size: 6 jobs × 6 machines" in shown.stdout
    assert f"makespan: {document['makespan']}, lower bound {document['lower_bound']}" in shown.stdout
    assert "operations: 36 rows" in shown.stdout and "runs:" not in shown.stdout


def test_existing_output_is_kept_without_force(takt, tmp_path):
    target = tmp_path / "keep.svg"
    target.write_text("mine")
    result = schedule(takt, FIXTURES / "ft06.txt", "--iterations", 10, "--gantt", target, check_rc=False)
    assert result.returncode == 2 and target.read_text() == "mine"
    schedule(takt, FIXTURES / "ft06.txt", "--iterations", 10, "--gantt", target, "--force")
    assert target.read_text().startswith("<svg")


def test_sigint_prints_the_best_schedule_so_far(takt):
    process = subprocess.Popen([str(takt), "schedule", str(FIXTURES / "ft10.txt"), "--time-limit", "60s", "--json",
                                "--threads", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert time.monotonic() - started < 5
    assert process.returncode == 130, err
    document = json.loads(out)
    assert document["interrupted"] is True
    check(document, FIXTURES / "ft10.txt")


def test_validate_reads_fjs_files(takt):
    ok = subprocess.run([str(takt), "validate", str(FIXTURES / "mk-small.fjs")], capture_output=True, text=True)
    assert ok.returncode == 0 and "flexible job shop, 4 jobs × 3 machines, 10 operations" in ok.stdout
    bad = subprocess.run([str(takt), "validate", str(BAD / "04-fjs-no-eligible-machine.fjs")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and ":2:11: error: " in bad.stderr
