"""Every example scenario validates against the published JSON Schema and is accepted by Takt."""
import json
import re
import subprocess

import jsonschema
import pytest
import yaml
from conftest import ROOT

SCENARIOS = sorted(p for p in (ROOT / "scenarios").rglob("*.yaml")
                   if "sweeps" not in p.relative_to(ROOT / "scenarios").parts)   # sweep files: test_sweep_files.py


def test_there_are_scenarios():
    """The examples folder is not empty (a glob that matched nothing would pass vacuously)."""
    assert len(SCENARIOS) >= 1


def test_schema_is_valid():
    """The schema itself is a valid draft 2020-12 schema."""
    schema = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: str(p.relative_to(ROOT)))
def test_scenario_matches_schema(path):
    """The file is plain YAML that any tool can read, and it matches the schema."""
    schema = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    document = yaml.safe_load(path.read_text())
    jsonschema.Draft202012Validator(schema).validate(document)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: str(p.relative_to(ROOT)))
def test_scenario_points_editors_at_schema(path):
    """Each example names the schema for the YAML language server (completion in editors)."""
    first = path.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("scenario.schema.json")


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: str(p.relative_to(ROOT)))
def test_takt_accepts_scenario(path, takt):
    """`takt validate` accepts the file (exit 0)."""
    result = subprocess.run([str(takt), "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_schema_rejects_unknown_key():
    """The schema is not vacuous: a misspelt key fails validation."""
    schema = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    bad = {"name": "x",
           "queue": {"servers": 1, "interarrival": "1 min", "service": "1 min", "customers": 5, "sevrers": 2}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_erp_csv_export_validates_and_runs(takt, tmp_path):
    """An ERP export (BOM, CRLF, ';', timestamps) with its `delimiter` and `start` passes the schema and Takt."""
    (tmp_path / "orders.csv").write_bytes("\ufefftime;product;quantity\r\n2026-03-02 06:30;widget;2\r\n"
                                          "2026-03-02T07:00:00;\"widget\";1\r\n".encode())
    (tmp_path / "hall.csv").write_bytes(b"time;humidity\r58,5\r".replace(b"58,5", b"0 h;58,5"))
    text = ("name: erp\nrun: {duration: 1 d, replications: 1}\nstations: {cut: {}}\n"
            "products: {widget: {routing: [{station: cut, time: 1 min}]}}\n"
            "orders: [{name: erp, file: orders.csv, delimiter: ';', start: '2026-03-02 06:00'}]\n"
            "environment: {humidity: {csv: hall.csv}}\n")
    (tmp_path / "erp.yaml").write_text(text)
    schema = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(text))
    result = subprocess.run([str(takt), "run", "erp.yaml", "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    kpis = {k["name"]: k["mean"] for k in json.loads(result.stdout)["kpis"]}
    assert round(kpis["throughput"] * 24) == 2     # both orders arrived (1 d) and were made


def test_every_unit_spelling_takt_reads_passes_the_schema(takt, tmp_path):
    """The rates and durations of issue 19 (`5 /hour`, `5 /minute`, `100 per wk`) and every other unit spelling:
    accepted by jsonschema and by `takt validate` alike. The schema's unit list is the reader's own
    (ScenarioSchemaTests in Swift fails when they differ), so this checks jsonschema's regex engine agrees."""
    schema = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    units = re.search(r"\(\?:((?:[a-z]+\|)+[a-z]+)\)", schema["$defs"]["duration"]["pattern"]).group(1).split("|")
    assert {"hour", "minute", "wk", "ms", "weeks"} <= set(units)
    rates = ["5 /hour", "5 /minute", "100 per wk"] + [f"{n}{sep}{u}" for u in units
                                                       for n, sep in (("3", " /"), ("2.5", "/"), ("1_0", " per "))]
    sources = [{"name": f"s{i}", "rate": rate, "product": "widget", "count": 1,
                "due": f"{i % 9 + 1} {units[i % len(units)]}"} for i, rate in enumerate(rates)]
    document = {"name": "units", "run": {"duration": "1 d", "replications": 1}, "stations": {"cut": {}},
                "products": {"widget": {"routing": [{"station": "cut", "time": "1 min"}]}}, "orders": sources}
    jsonschema.Draft202012Validator(schema).validate(document)
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump(document))
    result = subprocess.run([str(takt), "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for bad in ("5 mins", "5", "5 /x", "per h"):
        source = {**sources[0], "rate": bad}
        assert not jsonschema.Draft202012Validator(schema).is_valid({**document, "orders": [source]}), bad


TOP_LEVEL = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", TOP_LEVEL, ids=lambda p: p.name)
def test_every_replication_reports_the_same_kpis(path, takt, tmp_path):
    """A KPI is named by the scenario, not by what happened in one run: a pool that repairs reports its repair
    hours also in a replication with no failure (a KPI missing from one run would shift every later column of
    the summary, or average over fewer runs than it claims). Short runs, where rare events are absent from some
    replications."""
    document = yaml.safe_load(path.read_text())
    if "run" in document:
        document["run"] = {**document["run"], "duration": "12 h", "warm_up": "0 s"}
    for data in (ROOT / "scenarios").iterdir():         # CSV files beside the scenario
        if data.suffix == ".csv" or data.is_dir():
            (tmp_path / data.name).symlink_to(data)
    short = tmp_path / path.name
    short.write_text(yaml.safe_dump(document, sort_keys=False))
    result = subprocess.run([str(takt), "run", str(short), "--replications", "6", "--no-out", "--json"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    runs = json.loads(result.stdout)["runs"]
    names = [[k["name"] for k in run["kpis"]] for run in runs]
    assert len(runs) == 6 and all(n == names[0] for n in names), \
        {run["replication"]: sorted(set(n) ^ set(names[0])) for run, n in zip(runs, names)}
