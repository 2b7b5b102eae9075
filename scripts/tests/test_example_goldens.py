"""Every example gives the results it gave when its golden hashes were recorded.

The factory model was restructured (issue 12) on the promise that no result changes: every
dataset of every example's result file, byte for byte. This test holds the promise. For each
example scenario (the long ones shortened to one simulated day by conftest's `scenario_dir`), for
a comparison and for two OR-Library instances, it runs `takt` with a fixed seed and compares a
SHA-256 of every dataset's shape, dtype and bytes (variable-length strings by their values) with
`golden/example_hashes.json`. Attributes are left out: the volatile ones (`created`, `host`,
`wall_seconds`) cannot match, and the others describe the run, not its numbers.

A change that is meant to change results re-records the hashes, in the same commit, and says
why in its body:

    TAKT_UPDATE_GOLDEN=1 python3 -m pytest -q scripts/tests/test_example_goldens.py
"""
import hashlib
import json
import os
import subprocess

import h5py
import numpy as np
import pytest
from conftest import ROOT

GOLDEN = ROOT / "scripts" / "tests" / "golden" / "example_hashes.json"
SCENARIOS = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
JOB_SHOPS = ["ft06.txt", "la01.txt"]
UPDATE = os.environ.get("TAKT_UPDATE_GOLDEN") == "1"



def digest(data, folders) -> str:
    """SHA-256 of a dataset's value: its bytes when fixed-size, its values when strings (with
    the run's temporary folders, which the resolved scenario names, replaced by placeholders)."""
    if isinstance(data, (str, bytes)):
        text = data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")
        for folder, placeholder in folders:
            text = text.replace(folder, placeholder).replace(folder.replace("/", "\\/"), placeholder)
        raw = text.encode("utf-8", "surrogateescape")
    else:
        array = np.asarray(data)
        raw = repr(array.tolist()).encode() if array.dtype.hasobject else array.tobytes()
    return hashlib.sha256(raw).hexdigest()


def dataset_hashes(path, folders) -> dict:
    hashes = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                hashes[name] = f"{obj.shape} {obj.dtype} {digest(obj[()], folders)}"
        f.visititems(visit)
    return hashes


def golden() -> dict:
    return json.loads(GOLDEN.read_text()) if GOLDEN.exists() else {}


def check(name: str, path, folders=()) -> None:
    hashes = dataset_hashes(path, [*folders, (str(ROOT), "<root>")])
    if UPDATE:
        recorded = golden()
        recorded[name] = hashes
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(dict(sorted(recorded.items())), indent=1, sort_keys=True) + "\n")
        return
    expected = golden().get(name)
    assert expected is not None, f"no golden hashes for {name}: record them with TAKT_UPDATE_GOLDEN=1"
    missing = sorted(set(expected) - set(hashes))
    extra = sorted(set(hashes) - set(expected))
    differing = sorted(k for k in expected if k in hashes and hashes[k] != expected[k])
    assert not (missing or extra or differing), (
        f"{name}: results changed — differing {differing[:8]}, missing {missing[:8]}, new {extra[:8]}")


def run(takt, *arguments):
    result = subprocess.run([str(takt), *map(str, arguments)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_example_results_are_unchanged(takt, tmp_path, scenario_dir, scenario):
    out = tmp_path / "run.h5"
    run(takt, "run", scenario_dir / scenario, "--out", out, "--replications", "2", "--seed", "7")
    check(scenario, out, [(str(scenario_dir), "<scenarios>")])


@pytest.mark.parametrize("instance", JOB_SHOPS)
def test_job_shop_results_are_unchanged(takt, tmp_path, instance):
    out = tmp_path / "run.h5"
    run(takt, "run", ROOT / "Tests" / "TaktFactoryTests" / "Fixtures" / "jobshop" / instance, "--out", out)
    check(instance, out)


def test_comparison_results_are_unchanged(takt, tmp_path):
    out = tmp_path / "compare.h5"
    run(takt, "compare", "scenarios/operators.yaml", "--variants", "base,cross_trained", "--replications", "2",
        "--seed", "7", "--out", out)
    check("compare operators base,cross_trained", out)


def test_the_golden_file_covers_every_example():
    names = set(golden())
    assert set(SCENARIOS) <= names or UPDATE, sorted(set(SCENARIOS) - names)
