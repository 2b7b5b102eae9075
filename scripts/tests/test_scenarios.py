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
