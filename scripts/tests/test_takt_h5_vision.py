"""`Run.vision()`: a learning camera's record, observable and (on request) its hidden truth."""
import re
import subprocess

import numpy as np
import pytest
from conftest import ROOT

import takt_h5


@pytest.fixture(scope="module")
def camera(takt, tmp_path_factory):
    """scenarios/panel-vision-learning.yaml shortened to 9 days (the drift at day 7 included),
    one replication, and its `fixed` variant (no learning camera) beside it."""
    folder = tmp_path_factory.mktemp("vision")
    text = (ROOT / "scenarios" / "panel-vision-learning.yaml").read_text()
    short = re.sub(r"duration: 14 d, warm_up: 2 d", "duration: 9 d, warm_up: 1 d", text)
    assert short != text
    (folder / "panel.yaml").write_text(short)
    files = {}
    for variant in ("base", "fixed"):
        out = folder / f"{variant}.h5"
        args = [str(takt), "run", "panel.yaml", "--replications", "1", "--out", str(out)]
        if variant != "base":
            args += ["--variant", variant]
        result = subprocess.run(args, capture_output=True, text=True, cwd=folder)
        assert result.returncode == 0, result.stderr
        files[variant] = out
    return files


def test_rows_at_start_each_retrain_and_the_drift(camera):
    with takt_h5.Run(camera["base"]) as run:
        rows = run.vision()
    assert not rows.attrs["hidden_truth"] and "error" not in rows
    assert list(rows["kind_name"][:2]) == ["start", "retrain"]
    day = 86_400.0
    assert list(rows.loc[rows["kind_name"] == "retrain", "time"]) == [k * day for k in range(1, 10)]
    assert list(rows.loc[rows["kind_name"] == "drift", "time"]) == [7 * day]
    assert set(rows["operation_name"]) == {"panel/image"}
    counted = rows[rows["flagged"] > 0]
    assert (counted["confirmed"] <= counted["flagged"]).all()
    assert np.allclose(counted["precision_seen"], counted["confirmed"] / counted["flagged"])
    assert rows.loc[rows["flagged"] == 0, "precision_seen"].isna().all()


def test_truth_follows_the_learning_curve_and_the_drift(camera):
    with takt_h5.Run(camera["base"]) as run:
        rows = run.vision(truth=True)
    assert rows.attrs["hidden_truth"]
    assert np.allclose(rows["accuracy"], 1 - rows["error"])
    retrains = rows[rows["kind_name"] == "retrain"]
    before_drift = retrains[retrains["time"] < 7 * 86_400.0]
    # More labels, lower error: the curve is decreasing in the examples (the drift is the exception).
    assert (np.diff(before_drift["examples"]) > 0).all() and (np.diff(before_drift["error"]) < 0).all()
    drift = rows[rows["kind_name"] == "drift"].iloc[0]
    previous = rows[rows["time"] < drift["time"]].iloc[-1]
    assert drift["examples"] == pytest.approx(0.3 * previous["examples"], rel=1e-9)  # keep: 0.3
    assert drift["error"] > previous["error"]
    # The realised share right over all parts agrees with the errors it was drawn under, within a
    # 4-sigma binomial bound over the parts classified.
    counted = rows[rows["classified"] > 0]
    expected = np.concatenate([[np.nan], 1 - rows["error"].to_numpy()[:-1]])[counted.index]
    n = counted["classified"].to_numpy(dtype=float)
    right = counted["correct"].sum()
    mean = float((expected * n).sum())
    sd = float(np.sqrt((expected * (1 - expected) * n).sum()))
    # The curve sets the balanced error (classes weighted equally); 96% of panels are good, whose
    # row carries 0.11 / 0.12 of the base matrix's balanced error, so the share right over all
    # parts may sit up to about 0.1 × error (≤ 0.02 here) off 1 − error, on top of the noise.
    assert abs(right - mean) < 4 * sd + 0.02 * n.sum()
    assert (counted["correct_labels"] + counted["wrong_labels"] > 0).any()


def test_a_run_without_a_learning_camera_is_empty(camera):
    with takt_h5.Run(camera["fixed"]) as run:
        rows = run.vision(truth=True)
    assert rows.empty and {"precision_seen", "accuracy", "share_right"} <= set(rows.columns)
