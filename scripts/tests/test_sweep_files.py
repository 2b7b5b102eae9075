"""Every example sweep file validates against the published JSON Schema and is accepted by Takt."""
import json
import subprocess

import jsonschema
import pytest
import yaml
from conftest import ROOT

SWEEPS = sorted((ROOT / "scenarios" / "sweeps").glob("*.yaml"))
SCHEMA = json.loads((ROOT / "docs" / "sweep.schema.json").read_text())


def test_there_are_sweeps():
    assert len(SWEEPS) >= 1


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", SWEEPS, ids=lambda p: p.name)
def test_sweep_matches_schema_and_names_it(path):
    jsonschema.Draft202012Validator(SCHEMA).validate(yaml.safe_load(path.read_text()))
    first = path.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("sweep.schema.json")


@pytest.mark.parametrize("path", SWEEPS, ids=lambda p: p.name)
def test_takt_plans_sweep(path, takt):
    result = subprocess.run([str(takt), "sweep", "plan", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Runs: " in result.stdout


@pytest.mark.parametrize("document", [
    {"name": "x", "scenario": "a.yaml", "parameters": {"stations.a.machines": [1]}, "design": "gird"},
    {"name": "x", "scenario": "a.yaml", "parameters": {"stations.a.machines": {"min": 1}}},
    {"name": "x", "scenario": "a.yaml", "parameters": {"stations.a.machines": [1]}, "replicatons": 3},
    {"name": "x", "scenario": "a.yaml",
     "parameters": {"stations.a.machines": {"min": 1, "max": 2, "unit": "h", "format": "{} h"}}},
])
def test_schema_rejects_mistakes(document):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_schema_accepts_every_design():
    for design in ["grid", {"random": 5}, {"latin_hypercube": 5},
                   {"points": [{"stations.a.machines": 2, "variant": "base"}]}]:
        jsonschema.Draft202012Validator(SCHEMA).validate(
            {"name": "x", "scenario": "a.yaml",
             "parameters": {"stations.a.machines": {"min": 1, "max": 3, "integer": True}, "variant": ["base"]},
             "design": design})
