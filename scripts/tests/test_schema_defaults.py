"""The `default` keywords of docs/scenario.schema.json say what Takt does when a key is left out: every example
scenario, with every missing key that has a default written out, gives the same KPIs as the file itself."""
import copy
import json
import re
import subprocess

import jsonschema
import pytest
import yaml
from conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SCENARIOS = sorted(p for p in (ROOT / "scenarios").glob("*.yaml"))


# Keys of one controller policy only ("predictive: …"): the schema does not tie them to their policy, so writing
# their defaults out would give the other policies keys they refuse.
POLICY_KEY = re.compile(r"^[a-z_]+( and [a-z_]+)?: ")


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SCHEMA
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def fits(schema, value):
    return not any(True for _ in VALIDATOR.evolve(schema=schema).iter_errors(value))


def object_schemas(schema, value):
    """The (resolved) subschemas that describe `value`'s keys: the schema itself and the branches it fits."""
    schema = resolve(schema)
    found = [schema]
    for keyword in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(keyword, []):
            branch = resolve(branch)
            if keyword == "allOf" or fits({**branch, "$defs": SCHEMA["$defs"]}, value):
                found += object_schemas(branch, value)
    return found


def with_defaults(schema, value, written):
    """`value` with every key its schema gives a default for filled in, where the key may appear."""
    if isinstance(value, dict):
        schemas = object_schemas(schema, value)
        out = dict(value)
        for sub in schemas:
            for key, prop in sub.get("properties", {}).items():
                if not isinstance(prop, dict) or POLICY_KEY.match(prop.get("description", "")):
                    continue
                prop_resolved = resolve(prop)
                default = prop.get("default", prop_resolved.get("default"))
                if key not in out and default is not None:
                    candidate = {**out, key: default}
                    if fits({**schemas[0], "$defs": SCHEMA["$defs"]}, candidate):   # where the key may appear
                        out[key] = copy.deepcopy(default)
                        written.append(key)
            for key, item in list(out.items()):
                if isinstance(sub.get("properties", {}).get(key), dict):
                    out[key] = with_defaults(sub["properties"][key], item, written)
                elif isinstance(sub.get("additionalProperties"), dict):
                    out[key] = with_defaults(sub["additionalProperties"], item, written)
        return out
    if isinstance(value, list):
        for sub in object_schemas(schema, value):
            if "items" in sub:
                return [with_defaults(sub["items"], item, written) for item in value]
    return value


def kpis(takt, folder, name, document):
    path = folder / name
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    result = subprocess.run([str(takt), "run", str(path), "--replications", "2", "--no-out", "--json"],
                            capture_output=True, text=True, cwd=folder)
    assert result.returncode == 0, result.stderr
    return {k["name"]: k["values"] for k in json.loads(result.stdout)["kpis"]}


def test_every_default_fits_its_own_schema():
    """A default is a value the key accepts (jsonschema does not check that by itself)."""
    bad = []

    def walk(node, path):
        if isinstance(node, dict):
            if "default" in node and not fits({**node, "$defs": SCHEMA["$defs"]}, node["default"]):
                bad.append(path)
            for key, item in node.items():
                walk(item, f"{path}/{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}[{index}]")
    walk(SCHEMA, "")
    assert bad == []


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_writing_the_defaults_out_changes_nothing(takt, tmp_path, path):
    document = yaml.safe_load(path.read_text())
    if "run" in document:                               # short runs: the comparison, not the statistics
        document["run"] = {**document["run"], "duration": "2 d", "warm_up": "0 s"}
    for data in (ROOT / "scenarios").iterdir():         # CSV files beside the scenario
        if data.suffix == ".csv" or data.is_dir():
            (tmp_path / data.name).symlink_to(data)
    written = []
    filled = with_defaults(SCHEMA, document, written)
    VALIDATOR.validate(filled)
    assert written, "the scenario leaves no key with a default out: the test would be vacuous"
    assert kpis(takt, tmp_path, "as-written.yaml", document) == kpis(takt, tmp_path, "defaults.yaml", filled), \
        f"defaults written out: {sorted(set(written))}"
