"""Every example scenario validates against the published JSON Schema and is accepted by Takt."""
import json
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
