"""`Run.warnings()`: a maintenance controller's warning scores, read from a real result file."""
import re
import subprocess

import pytest
from conftest import ROOT

import takt_h5


@pytest.fixture(scope="module")
def fleet(takt, tmp_path_factory):
    """scenarios/pf-fleet.yaml shortened to 60 days (warm-up 10 d), 3 replications of the active
    prognostic controller and of the shadow one, each in its own file."""
    folder = tmp_path_factory.mktemp("pf")
    text = (ROOT / "scenarios" / "pf-fleet.yaml").read_text()
    short = re.sub(r"duration: 180 d, warm_up: 30 d", "duration: 60 d, warm_up: 10 d", text)
    assert short != text
    (folder / "pf.yaml").write_text(short)
    files = {}
    for variant in ("prognostic", "prognostic_shadow", "base"):
        out = folder / f"{variant}.h5"
        args = [str(takt), "run", "pf.yaml", "--replications", "3", "--out", str(out)]
        if variant != "base":
            args += ["--variant", variant]
        result = subprocess.run(args, capture_output=True, text=True, cwd=folder)
        assert result.returncode == 0, result.stderr
        files[variant] = out
    return files


def test_one_row_per_replication_with_the_kpis_values(fleet):
    with takt_h5.Run(fleet["prognostic"]) as run:
        scores = run.warnings()
        kpis = run.kpis()
    assert list(scores["replication"]) == [0, 1, 2] and set(scores["scored"]) == {"active"}
    for column in ("episodes", "precision", "recall_6_5h", "recall_12h", "recall_24h", "lead_time_p50",
                   "false_alarms_per_machine_month", "acted_on", "pf_interval_mean"):
        expected = kpis[kpis["kpi"] == f"warnings.{column}"].sort_values("replication")["value"].to_numpy()
        assert list(scores[column]) == list(expected), column
    assert ((scores[[c for c in scores if c.startswith("recall")]] >= 0)
            & (scores[[c for c in scores if c.startswith("recall")]] <= 100)).all().all()
    assert (scores["precision"].between(0, 100)).all()
    assert (scores["acted_on"] <= scores["episodes"]).all()
    assert (scores["recall_6_5h"] >= scores["recall_12h"]).all()
    assert (scores["recall_12h"] >= scores["recall_24h"]).all()
    assert (scores["acted_on"] > 0).all()   # deployed: warnings end in maintenance (docs/controllers.md)


def test_a_shadow_is_scored_as_such(fleet):
    with takt_h5.Run(fleet["prognostic_shadow"]) as run:
        scores = run.warnings()
    assert set(scores["scored"]) == {"shadow"} and len(scores) == 3
    assert (scores["acted_on"] == 0).all()   # a shadow's warnings are logged, never acted on
    assert (scores["pf_interval_mean"] > 0).all()   # every warning meets its outcome: failures come
    assert (scores["recall_6_5h"] >= scores["recall_24h"]).all()


def test_summary_gives_the_mean_and_interval(fleet):
    with takt_h5.Run(fleet["prognostic"]) as run:
        per_run = run.warnings()
        summary = run.warnings(summary=True)
    row = summary[summary["score"] == "recall_6_5h"].iloc[0]
    assert row["scored"] == "active" and row["n"] == 3
    assert row["mean"] == pytest.approx(per_run["recall_6_5h"].mean())
    assert row["lower"] <= row["mean"] <= row["upper"]


def test_no_maintenance_controller_gives_an_empty_frame(fleet):
    with takt_h5.Run(fleet["base"]) as run:
        scores = run.warnings()
    assert scores.empty and list(scores.columns) == ["variant", "replication", "scored"]
