"""The input limits of docs/limits.md, at their edges: a value just inside each documented limit
is accepted by `takt validate` (or `takt sweep plan`), one just over it is refused with exit
status 2 and a message at the file, line and column of the value."""
import re
import subprocess

import pytest
from conftest import ROOT

# A small factory: one station, one product, Poisson orders. `{...}` fields are filled per case.
FACTORY = """name: limits
run: {{seed: 1, replications: {replications}, duration: {duration}{max_events}}}
recording: {{sample: off}}
stations:
  m: {{machines: 1}}
products:
  p:
    routing:
      - {{station: m, time: {time}}}
orders:
  - {{name: o, {arrivals}, product: p, quantity: {quantity}, priority: {priority}}}
"""
DEFAULTS = dict(replications="1", duration="1 d", max_events="", time="1 min", arrivals="rate: 1 /h",
                quantity="1", priority="0")


def run(takt, *args):
    return subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=ROOT)


def position(text, needle):
    """1-based (line, column) of the first occurrence of `needle` in `text`."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def assert_refused(result, path, text, needle, words):
    """Exit 2 and an error at exactly the line and column where `needle` starts."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    line, column = position(text, needle)
    found = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+): error: (.*)$", result.stderr, re.M)
    assert found, result.stderr
    assert any((int(row), int(col)) == (line, column) for row, col, _ in found), (line, column, result.stderr)
    message = " ".join(m for _, _, m in found)
    for word in words:
        assert word in message, (word, result.stderr)
    assert "Fatal error" not in result.stderr


# (case id, field, inside, over, marker in the text where the error must point, words of the message)
FACTORY_CASES = [
    ("replications", "replications", "100000", "100001", None, ["run.replications"]),
    ("duration", "duration", "1e11 s", "1.0000001e11 s", None, ["longest time"]),
    ("processing_time", "time", "1e11 s", "1.0000001e11 s", None, ["longest time"]),
    ("law_mean", "time", '"exponential(mean: 1e11 s)"', '"exponential(mean: 1.0000001e11 s)"', None, ["1e11 s"]),
    ("quantity", "quantity", "1000000000", "1000000001", None, ["quantity"]),
    ("priority", "priority", "-1000000000", "-1000000001", None, ["priority"]),
    ("priority_high", "priority", "1000000000", "1000000001", None, ["priority"]),
    ("rate_fast", "arrivals", "rate: 3600000000 /h", "rate: 3600000001 /h", "3600000001", ["microsecond"]),
    ("rate_slow", "arrivals", "rate: 1e-11 /s", "rate: 0.99999e-11 /s", "0.99999e-11", ["less than one per"]),
    ("interarrival", "arrivals", "interarrival: 1e-6 s", "interarrival: 1e-7 s", "1e-7", ["at least 1 µs"]),
    ("interarrival_law", "arrivals", 'interarrival: "exponential(mean: 1e-6 s)"',
     'interarrival: "exponential(mean: 1e-7 s)"', '"exp', ["at least 1 µs"]),
]


def factory(**fields):
    return FACTORY.format(**{**DEFAULTS, **fields})


@pytest.mark.parametrize("case,field,inside,over,marker,words", FACTORY_CASES, ids=[c[0] for c in FACTORY_CASES])
def test_factory_limit_edges(takt, tmp_path, case, field, inside, over, marker, words):
    extra = {}
    if case.startswith("interarrival") or case == "rate_fast":
        extra = dict(duration="1 s", max_events=", max_events: 10000000000")   # within the event budget
    good = tmp_path / "inside.yaml"
    good.write_text(factory(**{**extra, field: inside}))
    result = run(takt, "validate", str(good))
    assert result.returncode == 0, (good.read_text(), result.stderr)
    bad = tmp_path / "over.yaml"
    text = factory(**{**extra, field: over})
    bad.write_text(text)
    assert_refused(run(takt, "validate", str(bad)), bad, text, marker or over, words)


def test_event_budget_edge(takt, tmp_path):
    """Arrivals at their mean rate over run.duration count against run.max_events: 1000 h at 1 /h
    is 1000 arrivals, so max_events 1000 is accepted and 999 refused, reported at `run:` (as
    docs/limits.md says)."""
    good = tmp_path / "inside.yaml"
    good.write_text(factory(duration="1000 h", max_events=", max_events: 1000"))
    result = run(takt, "validate", str(good))
    assert result.returncode == 0, result.stderr
    bad = tmp_path / "over.yaml"
    text = factory(duration="1000 h", max_events=", max_events: 999")
    bad.write_text(text)
    assert_refused(run(takt, "validate", str(bad)), bad, text, "run:", ["run.max_events", "999"])


def test_max_events_must_be_positive(takt, tmp_path):
    bad = tmp_path / "zero.yaml"
    text = factory(max_events=", max_events: 0")
    bad.write_text(text)
    assert_refused(run(takt, "validate", str(bad)), bad, text, "0}", ["run.max_events"])
    good = tmp_path / "one.yaml"
    good.write_text(factory(duration="1 s", max_events=", max_events: 1"))
    assert run(takt, "validate", str(good)).returncode == 0


@pytest.mark.parametrize("command", ["run", "compare"])
def test_replications_option_edge(takt, command):
    """--replications past 100,000 is a usage error (exit 2) naming the option and the limit."""
    args = [command, "scenarios/queue-mm5.yaml", "--replications", "100001", "--no-out"]
    if command == "compare":
        args = [command, "scenarios/job-shop.yaml", "--variants", "base,third_lathe", "--replications", "100001",
                "--no-out"]
    result = run(takt, *args)
    assert result.returncode == 2, result.stderr
    assert "--replications" in result.stderr and "100000" in result.stderr.replace(",", "")
    result = run(takt, *args[:-2], "0", "--no-out")
    assert result.returncode == 2, result.stderr


def test_max_events_option_must_be_positive(takt):
    result = run(takt, "run", "scenarios/queue-mm5.yaml", "--max-events", "0", "--no-out")
    assert result.returncode == 2 and "--max-events" in result.stderr, result.stderr


# ---------------------------------------------------------------- job-shop files

def test_job_shop_job_count_edge(takt, tmp_path):
    """At most 100,000 jobs: a header of 100001 is refused at its column; 100000 one-operation
    jobs pass `takt validate`."""
    good = tmp_path / "inside.txt"
    good.write_text("100000 1\n" + "0 1\n" * 100000)
    result = run(takt, "validate", str(good))
    assert result.returncode == 0, result.stderr
    assert "100000 jobs × 1 machines, 100000 operations" in result.stdout, result.stdout
    bad = tmp_path / "over.txt"
    bad.write_text("100001 1\n" + "0 1\n" * 100001)
    for command in ("validate", "run"):
        result = run(takt, command, str(bad), "--no-out") if command == "run" else run(takt, command, str(bad))
        assert result.returncode == 2, result.stderr
        assert f"{bad}:1:1: error:" in result.stderr and "100000 jobs" in result.stderr, result.stderr


def test_job_shop_machine_count_and_time_edges(takt, tmp_path):
    bad = tmp_path / "machines.txt"
    bad.write_text("1 10001\n" + " ".join(f"{k} 1" for k in range(10001)) + "\n")
    result = run(takt, "run", str(bad), "--no-out")
    assert result.returncode == 2 and f"{bad}:1:3: error:" in result.stderr, result.stderr
    good = tmp_path / "machines-ok.txt"
    good.write_text("1 10000\n" + " ".join(f"{k} 1" for k in range(10000)) + "\n")
    result = run(takt, "validate", str(good))
    assert result.returncode == 0 and "1 jobs × 10000 machines" in result.stdout, result.stderr
    longest = 1e11 / 60
    good = tmp_path / "time-ok.txt"
    good.write_text(f"1 2\n0 1 1 {longest!r}\n")
    result = run(takt, "run", str(good), "--no-out")
    assert result.returncode == 0, result.stderr
    bad = tmp_path / "time.txt"
    bad.write_text(f"1 2\n0 1 1 {longest * 1.000001!r}\n")
    result = run(takt, "run", str(bad), "--no-out")
    assert result.returncode == 2 and f"{bad}:2:7: error:" in result.stderr, result.stderr
    assert "from 0 to 1.66667e+09 (1e11 s" in result.stderr, result.stderr
    assert run(takt, "validate", str(bad)).stderr == result.stderr


# ---------------------------------------------------------------- sweep designs

SWEEP = """name: big
scenario: {scenario}
replications: 1
parameters:
  stations.m.machines: {a}
  orders[0].quantity: {b}
"""


def sweep_values(n):
    return "[" + ", ".join(str(k + 1) for k in range(n)) + "]"


def test_sweep_grid_edge(takt, tmp_path):
    """A grid of 1000 × 1000 points is accepted; 1000 × 1001 is refused at the parameters."""
    scenario = tmp_path / "base.yaml"
    scenario.write_text(factory())
    good = tmp_path / "inside.yaml"
    good.write_text(SWEEP.format(scenario=scenario, a=sweep_values(1000), b=sweep_values(1000)))
    result = run(takt, "sweep", "plan", str(good), "--no-check")
    assert result.returncode in (0, 2), result.stderr
    text = SWEEP.format(scenario=scenario, a=sweep_values(1000), b=sweep_values(1001))
    bad = tmp_path / "over.yaml"
    bad.write_text(text)
    result = run(takt, "sweep", "plan", str(bad), "--no-check")
    assert result.returncode == 2, result.stderr
    pattern = rf"^{re.escape(str(bad))}:\d+:\d+: error: .*1000000"
    assert re.search(pattern, result.stderr.replace(",", ""), re.M), result.stderr


def test_a_run_that_fails_while_running_exits_1(takt):
    """A limit met only while running (here --max-events) is not an input error."""
    result = run(takt, "run", "scenarios/flow-line.yaml", "--replications", "1", "--max-events", "100", "--no-out")
    assert "reached the limit of 100 events per run" in result.stderr, result.stderr
    assert result.returncode == 1, result.returncode


def test_factory_run_stops_at_the_event_limit(takt):
    result = run(takt, "run", "scenarios/flow-line.yaml", "--replications", "1", "--max-events", "100", "--no-out")
    assert result.returncode != 0 and "reached the limit of 100 events per run" in result.stderr, result.stderr


def test_queue_run_stops_at_the_event_limit(takt):
    """docs/limits.md: events in one replication at most run.max_events / --max-events. The M/M/5
    queue runs its 400,000 events with --max-events 1 and exits 0."""
    result = run(takt, "run", "scenarios/queue-mm5.yaml", "--replications", "1", "--max-events", "1", "--no-out")
    assert result.returncode != 0 and "reached the limit of 1 events per run" in result.stderr, result.stdout


# ---------------------------------------------------------------- output errors

def test_json_to_a_full_device_fails(takt):
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "2", "--json",
                                 "--no-out"], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert result.returncode != 0, result.stderr
