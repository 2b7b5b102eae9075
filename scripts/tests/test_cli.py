"""`takt` end to end, as a user runs it."""
import json
import os
import re
import subprocess

import h5py
from conftest import ROOT


def run(takt, *args):
    return subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=ROOT)


def test_default_run_prints_kpi_table(takt):
    """`takt run` with no argument runs the default scenario and prints its KPIs."""
    result = run(takt, "run", "--replications", "3")
    assert result.returncode == 0, result.stderr
    assert "Five-station flow line" in result.stdout and "Throughput" in result.stdout and "OEE" in result.stdout
    assert result.stderr == "", "no progress bar when stderr is not a terminal"


def test_json_is_deterministic_and_independent_of_threads(takt):
    """Same seed → identical KPI values whatever the thread count; another seed → different.
    `--threads`, the old name of `--jobs`, still works but is not in the help."""
    def kpis(*extra):
        result = run(takt, "run", "scenarios/queue-mm5.yaml", "--replications", "4", "--json", *extra)
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        return [(k["name"], k["values"]) for k in document["kpis"]]
    one = kpis("--jobs", "1", "--seed", "5")
    assert one == kpis("--jobs", "2", "--seed", "5")
    assert one != kpis("--jobs", "2", "--seed", "6")
    assert one == kpis("--threads", "2", "--seed", "5")


def test_jobs_is_the_one_name_and_threads_a_hidden_alias(takt):
    for command in (["run"], ["compare"], ["sweep", "run"]):
        help_text = run(takt, *command, "--help").stdout
        assert "--jobs" in help_text and "--threads" not in help_text, (command, help_text)
    both = run(takt, "run", "scenarios/queue-mm5.yaml", "--jobs", "1", "--threads", "2", "--no-out")
    assert both.returncode != 0 and "old name of --jobs" in both.stderr, both.stderr
    zero = run(takt, "run", "scenarios/queue-mm5.yaml", "--threads", "0", "--no-out")
    assert zero.returncode != 0 and "--threads must be at least 1" in zero.stderr, zero.stderr


def test_bad_scenario_exits_2_with_position(takt, tmp_path):
    """A bad file: message with file:line:column, exit status 2, no stack trace."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nqueue:\n  servers: 0\n  interarrival: 5\n"
                   "  service: \"exponential(mean: 1 min)\"\n  customers: 10\n")
    result = run(takt, "validate", str(bad))
    assert result.returncode == 2
    assert f"{bad}:3:12: error:" in result.stderr
    assert f"{bad}:4:17: error:" in result.stderr and "no unit" in result.stderr
    assert "Fatal error" not in result.stderr and "Stack" not in result.stderr


def test_usage_error_exits_2(takt):
    """An unknown option is a usage error: exit status 2, a message naming the option."""
    result = run(takt, "run", "--replicaitons", "3")
    assert result.returncode == 2
    assert "--replicaitons" in result.stderr


def test_missing_file_exits_2(takt):
    result = run(takt, "run", "no/such/file.yaml")
    assert result.returncode == 2
    assert "no/such/file.yaml:1:1: error: scenario file does not exist" in result.stderr


def test_help_has_example(takt):
    for command in ("run", "validate", "version"):
        result = run(takt, command, "--help")
        assert result.returncode == 0
        assert "Example" in result.stdout and f"takt {command}" in result.stdout


def test_version(takt):
    result = run(takt, "version")
    assert result.returncode == 0 and result.stdout.startswith("takt ")


def test_queue_scenario_shows_theory(takt):
    """The M/M/5 reference queue prints the Erlang-C values beside the simulated ones."""
    result = run(takt, "run", "scenarios/queue-mm5.yaml", "--replications", "3")
    assert result.returncode == 0, result.stderr
    assert "Mean wait in queue" in result.stdout and "1.525" in result.stdout


def test_variant_and_gantt(takt, tmp_path):
    """A variant runs by name, and --gantt writes a complete SVG (nothing partial left behind)."""
    chart = tmp_path / "charts" / "shop.svg"
    result = run(takt, "run", "scenarios/job-shop.yaml", "--variant", "third_lathe", "--replications", "2",
                 "--gantt", str(chart))
    assert result.returncode == 0, result.stderr
    text = chart.read_text()
    assert text.startswith("<svg") and text.rstrip().endswith("</svg>") and "lathe" in text
    assert not any(p.name.endswith(".partial") for p in chart.parent.iterdir())
    bad = run(takt, "run", "scenarios/job-shop.yaml", "--variant", "thrid_lathe")
    assert bad.returncode == 2 and "thrid_lathe" in bad.stderr


def test_job_shop_instance(takt, root):
    """An OR-Library instance runs under a rule; ft06 under any rule is never below its optimum 55."""
    instance = root / "Tests" / "TaktFactoryTests" / "Fixtures" / "jobshop" / "ft06.txt"
    for rule in ("spt", "mwkr", "atc(k=2)"):
        result = run(takt, "run", str(instance), "--rule", rule, "--json")
        assert result.returncode == 0, result.stderr
        kpis = {k["name"]: k["mean"] for k in json.loads(result.stdout)["kpis"]}
        assert kpis["makespan"] >= 55 - 1e-9
    bad = run(takt, "run", str(instance), "--rule", "sptt")
    assert bad.returncode == 2 and "sptt" in bad.stderr


def _keys(value, path=""):
    """Every object key in a JSON document with its path, except below `learned_models` (controller names)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + "." + key, key
            if key != "learned_models":
                yield from _keys(item, path + "." + key)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item, path + "[]")


def test_json_keys_are_snake_case_and_seeds_strings_that_rerun(takt, tmp_path):
    """`run`, `compare` and `schedule --json`: snake_case keys only; every seed a string holding the exact
    64-bit seed of the result file (as a JSON number, jq and JavaScript would round it)."""
    out = tmp_path / "r.h5"
    documents = {
        "run": run(takt, "run", "scenarios/queue-mm5.yaml", "--replications", "3", "--json", "--out", str(out)),
        "compare": run(takt, "compare", "scenarios/job-shop.yaml", "--variants", "base,third_lathe",
                       "--replications", "2", "--json", "--no-out"),
        "schedule": run(takt, "schedule", "Tests/TaktSchedulingTests/Fixtures/ft06.txt", "--iterations", "200",
                        "--json"),
    }
    for command, result in documents.items():
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        bad = [path for path, key in _keys(document) if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", key)]
        assert bad == [], (command, bad)
        seeds = [value for _, value in _seed_values(document)]
        assert seeds and all(isinstance(seed, str) and seed.isdigit() for seed in seeds), (command, seeds)
        documents[command] = document
    runs = documents["run"]["runs"]
    assert any(int(r["seed"]) > 2**53 for r in runs), "the test needs seeds beyond a double's 53 bits"
    with h5py.File(out, "r") as f:
        variant = next(iter(f["runs"]))
        assert [int(r["seed"]) for r in runs] == [int(f["runs"][variant][str(r["replication"])].attrs["seed"])
                                                  for r in runs]


def _seed_values(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "seed":
                yield path, item
            else:
                yield from _seed_values(item, path + "." + key)
    elif isinstance(value, list):
        for item in value:
            yield from _seed_values(item, path + "[]")


def _help_commands(takt):
    """Every command and subcommand, as argument lists."""
    top = run(takt, "--help").stdout.split("SUBCOMMANDS:")[1]
    commands = [[name] for name in re.findall(r"^  ([a-z]+)", top, re.M) if name != "help"]
    sweep = run(takt, "sweep", "--help").stdout.split("SUBCOMMANDS:")[1]
    return [[]] + commands + [["sweep", name] for name in re.findall(r"^  ([a-z]+)", sweep, re.M)]


def test_help_examples_do_not_wrap_at_80_columns(takt):
    """Every example of every --help fits an 80-column terminal: a long one breaks with a shell `\\`, so no
    command is cut in two by the help's own wrapping (a wrapped line would start at column 0)."""
    checked = 0
    for command in _help_commands(takt):
        text = subprocess.run([str(takt), *command, "--help"], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "COLUMNS": "80"}).stdout
        lines = text.splitlines()
        if "Examples:" not in lines:
            continue
        block = lines[lines.index("Examples:") + 1:]
        block = block[:block.index("")] if "" in block else block
        assert all(line.startswith("  ") and len(line) <= 80 for line in block), (command, block)
        checked += 1
    assert checked >= 10


def test_bash_completion_offers_the_files_each_argument_takes(takt, tmp_path):
    """Shell completions offer file names, filtered by what the argument reads (bash, run for real)."""
    for name in ("line.yaml", "ft06.txt", "old.h5", "notes.md"):
        (tmp_path / name).touch()
    script = run(takt, "--generate-completion-script", "bash").stdout
    (tmp_path / "takt.bash").write_text(script)

    def complete(*words):
        line = " ".join(["takt", *words, ""])
        program = (f"source ./takt.bash; COMP_WORDS=(takt {' '.join(words)} ''); COMP_CWORD={len(words) + 1}; "
                   f"COMP_LINE='{line}'; COMP_POINT={len(line)}; _takt takt '' {words[-1]}; "
                   "printf '%s\\n' \"${COMPREPLY[@]}\"")
        result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=tmp_path)
        return sorted(filter(None, result.stdout.splitlines()))
    assert complete("run") == ["ft06.txt", "line.yaml"]
    assert complete("compare") == ["line.yaml"]
    assert complete("inspect") == ["old.h5"]
    assert complete("export") == ["old.h5"]
    assert complete("run", "--out") == ["old.h5"]
