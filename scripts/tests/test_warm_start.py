"""Warm start: what the predictive maintenance controller learned in one run is saved with
`takt run --save-models` and read back by `warm_start:` in a later scenario."""
import json
import subprocess


def run(takt, *arguments):
    return subprocess.run([str(takt), "run", *arguments, "--no-out", "--json", "--replications", "1"],
                          capture_output=True, text=True)


def kpi(result, name):
    document = json.loads(result.stdout)
    return next(k for k in document["kpis"] if k["name"] == name)["mean"]


def test_saved_failure_levels_warm_start_a_later_run(takt, root, tmp_path):
    fleet = root / "scenarios" / "fleet-maintenance.yaml"
    saved = tmp_path / "models.json"
    first = run(takt, str(fleet), "--variant", "ai", "--seed", "5", "--save-models", str(saved))
    assert first.returncode == 0, first.stderr
    levels = json.loads(saved.read_text())["predictive"]["failure_levels"]
    assert len(levels) == kpi(first, "predictive.failures_learned") and len(levels) >= 3

    scenario = tmp_path / "warm.yaml"
    text = fleet.read_text().replace("warm_start: data/fleet-press-model.json", f"warm_start: {saved}")
    scenario.write_text(text)
    warm = run(takt, str(scenario), "--variant", "ai_warm_start", "--seed", "6")
    cold = run(takt, str(scenario), "--variant", "ai", "--seed", "6")
    assert warm.returncode == 0 and cold.returncode == 0, warm.stderr + cold.stderr
    # it starts from the saved levels and keeps learning from the failures it sees
    assert kpi(warm, "predictive.failures_learned") >= len(levels)
    assert kpi(warm, "predictive.warnings") > 0


def test_a_missing_or_empty_model_file_is_a_located_error(takt, root, tmp_path):
    scenario = tmp_path / "bad.yaml"
    text = (root / "scenarios" / "fleet-maintenance.yaml").read_text()
    scenario.write_text(text.replace("warm_start: data/fleet-press-model.json", "warm_start: nowhere.json"))
    result = subprocess.run([str(takt), "validate", str(scenario)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "warm_start: 'nowhere.json' does not exist" in result.stderr
    line = next(i for i, text_line in enumerate(text.splitlines(), 1) if ", warm_start:" in text_line)
    assert f"bad.yaml:{line}:" in result.stderr
    (tmp_path / "empty.json").write_text("{}")
    scenario.write_text(text.replace("warm_start: data/fleet-press-model.json", "warm_start: empty.json"))
    result = subprocess.run([str(takt), "validate", str(scenario)], capture_output=True, text=True)
    assert result.returncode == 2 and "holds no failure levels" in result.stderr
