"""`takt compare` end to end: the JSON document, exit codes, the HDF5 comparison table, and the
analyst kit reproducing the printed numbers from the file."""
import json
import math
import subprocess

import h5py
import pytest
from conftest import ROOT

import takt_h5

SCENARIO = "scenarios/job-shop.yaml"
ROW_KEYS = {"kpi", "label", "unit", "variant_a", "variant_b", "mean_a", "half_width_a", "mean_b", "half_width_b",
            "difference", "difference_half_width", "relative_change", "significant", "n", "confidence_level"}


def run(takt, *args):
    return subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=ROOT)


def close(a, b, rel=1e-9, scale=0.0):
    """Equal to ``rel``, relative to the larger of the two or to ``scale`` (the size of the means a
    difference is taken from: a difference of nearly equal means is only as exact as they are)."""
    if a is None or b is None:
        return a is None and b is None or (a is not None and math.isnan(a)) or (b is not None and math.isnan(b))
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel * scale + 1e-300) or (math.isnan(a) and math.isnan(b))


@pytest.fixture(scope="module")
def compared(takt, tmp_path_factory):
    """base vs third_lathe (a third lathe: the variants differ in machines), 4 replications, both
    the JSON and the file of one run; and the same with independent streams."""
    folder = tmp_path_factory.mktemp("takt_compare")
    out = {}
    for name, extra in (("common", []), ("independent", ["--independent-streams"])):
        path = folder / f"{name}.h5"
        result = run(takt, "compare", SCENARIO, "--variants", "base,third_lathe", "--replications", "4",
                     "--json", "--out", str(path), *extra)
        assert result.returncode == 0, result.stderr
        assert result.stderr == "", "no progress bar when stderr is not a terminal"
        out[name] = {"json": json.loads(result.stdout), "path": path}
    out["folder"] = folder
    return out


def test_json_shape(compared):
    document = compared["common"]["json"]
    assert document["scenario_file"] == SCENARIO and document["seed"] == "1" and document["replications"] == 4
    assert document["streams"] == "common" and document["confidence_level"] == 0.95
    assert document["warm_up_seconds"] == 5 * 86400 and document["interrupted"] is False
    assert document["result_file"] == str(compared["common"]["path"])
    assert [v["name"] for v in document["variants"]] == ["base", "third_lathe"]
    for variant in document["variants"]:
        assert variant["seed"] == "1"
        assert [r["replication"] for r in variant["runs"]] == [0, 1, 2, 3]
        for kpi in variant["kpis"]:
            assert len(kpi["values"]) == 4 and close(kpi["mean"], sum(kpi["values"]) / 4, scale=abs(kpi["mean"]))
    # replication r of both variants draws from the same streams: the same replication seeds
    seeds = [[r["seed"] for r in v["runs"]] for v in document["variants"]]
    assert seeds[0] == seeds[1] and len(set(seeds[0])) == 4
    rows = document["comparison"]
    assert len(rows) > 50 and all(set(row) == ROW_KEYS for row in rows)
    by_kpi = {row["kpi"]: row for row in rows}
    values = {v["name"]: {k["name"]: k["values"] for k in v["kpis"]} for v in document["variants"]}
    for row in rows:
        assert (row["variant_a"], row["variant_b"], row["n"]) == ("base", "third_lathe", 4)
        a, b = values["base"][row["kpi"]], values["third_lathe"][row["kpi"]]
        scale = max(abs(row["mean_a"]), abs(row["mean_b"]))
        assert close(row["difference"], sum(y - x for x, y in zip(a, b)) / 4, rel=1e-12, scale=scale), row["kpi"]
        assert row["significant"] == (abs(row["difference"]) > row["difference_half_width"]), row["kpi"]
    lathe = by_kpi["utilisation.lathe"]
    assert lathe["significant"] and lathe["difference"] < 0  # three lathes share the same work
    assert by_kpi["utilisation.saw"]["difference"] == 0 and by_kpi["utilisation.saw"]["difference_half_width"] == 0


def test_independent_streams(compared):
    """--independent-streams: the second variant gets its own seed; the reference keeps its numbers."""
    common, independent = compared["common"]["json"], compared["independent"]["json"]
    assert independent["streams"] == "independent"
    assert independent["variants"][0]["seed"] == "1" and independent["variants"][1]["seed"] != "1"
    assert independent["variants"][0]["kpis"] == common["variants"][0]["kpis"]
    saw = {row["kpi"]: row for row in independent["comparison"]}["utilisation.saw"]
    assert saw["difference_half_width"] > 0


def test_hdf5_comparison_table(compared):
    """The file holds both variants' runs, their own lookups and /summary/comparison as printed."""
    document = compared["common"]["json"]
    with h5py.File(compared["common"]["path"], "r") as f:
        assert f.attrs["format_version"] == "1.2" and f.attrs["completion_status"] == "complete"
        assert f.attrs["variant"] == "base,third_lathe"
        assert sorted(f["runs"]) == ["base", "third_lathe"] and sorted(f["runs/third_lathe"]) == ["0", "1", "2", "3"]
        assert len(f["runs/third_lathe/3/kpis"]) > 50 and len(f["runs/third_lathe/3/events"]) > 1000
        assert len(f["lookup/variants/base/machines"]) + 1 == len(f["lookup/variants/third_lathe/machines"])
        assert "scenario/variants/third_lathe/resolved_json" in f
        table = f["summary/comparison"]
        assert list(table.dtype.names) == ["kpi", "unit", "variant_a", "variant_b", "mean_a", "half_width_a", "mean_b",
                                           "half_width_b", "difference", "difference_half_width", "relative_change",
                                           "significant", "n", "level"]
        assert [v.decode() if isinstance(v, bytes) else v for v in table.attrs["variants"]] == ["base", "third_lathe"]
        assert table.attrs["streams"] in ("common", b"common") and table.attrs["warm_up"] == 5 * 86400
        assert len(table) == len(document["comparison"])
        assert sorted(set(f["summary/intervals"]["variant"])) == [b"base", b"third_lathe"]


def test_analyst_kit_agrees_with_json(compared):
    """takt_h5.comparison(path) is the printed table; takt_h5.compare(path) recomputes it from the
    replications' KPIs to 1e-9 (differences: relative to the means they are taken from)."""
    for mode in ("common", "independent"):
        document, path = compared[mode]["json"], compared[mode]["path"]
        stored = takt_h5.comparison(path).set_index("kpi")
        recomputed = takt_h5.compare(path).set_index("kpi")
        assert stored.attrs["streams"] == mode and stored.attrs["variants"] == ["base", "third_lathe"]
        assert recomputed.paired.all() and len(recomputed) == len(document["comparison"])
        for row in document["comparison"]:
            mine, again = stored.loc[row["kpi"]], recomputed.loc[row["kpi"]]
            for key in ("mean_a", "half_width_a", "mean_b", "half_width_b", "difference", "difference_half_width",
                        "relative_change"):
                assert close(mine[key], row[key], rel=1e-15), (mode, row["kpi"], key)
            assert bool(mine["significant"]) == row["significant"]
            assert mine["n"] == row["n"] and mine["label"] == row["label"]
            scale = max(abs(row["mean_a"]), abs(row["mean_b"]))
            assert close(again["baseline"], row["mean_a"]) and close(again["other"], row["mean_b"]), row["kpi"]
            assert close(again["difference"], row["difference"], scale=scale), (mode, row["kpi"])
            half = (again["ci_high"] - again["ci_low"]) / 2
            assert close(half, row["difference_half_width"], scale=scale), (mode, row["kpi"], half)
            centre = (again["ci_high"] + again["ci_low"]) / 2
            assert close(centre, row["difference"], scale=scale), (mode, row["kpi"])


def test_results_do_not_depend_on_jobs(takt):
    def comparison(jobs):
        result = run(takt, "compare", SCENARIO, "--variants", "base,edd_everywhere", "--replications", "3",
                     "--jobs", jobs, "--json", "--no-out")
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        return document["comparison"], [[r["kpis"] for r in v["runs"]] for v in document["variants"]]
    assert comparison("1") == comparison("2")


def test_table_and_defaults(takt):
    """Without --variants: base against the first declared variant; the table marks significance."""
    result = run(takt, "compare", SCENARIO, "--replications", "3", "--no-out", "--warmup", "2 d")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "common random numbers, warm-up 2 d" in lines[1]
    assert "edd_everywhere vs base: difference = edd_everywhere − base, paired t over 3 replications" in result.stdout
    header = next(line for line in lines if line.startswith("KPI"))
    assert header.split() == ["KPI", "unit", "base", "±", "edd_everywhere", "±", "difference", "±", "change"]
    assert any(line.startswith("Throughput (jobs)") for line in lines)
    assert "* significant: the 95% confidence interval of the difference excludes 0." in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("args, message", [
    (["--variants", "base,thrid_lathe"],
     "unknown variant 'thrid_lathe'; did you mean 'third_lathe'? scenarios/job-shop.yaml has: base, edd_everywhere, "
     "third_lathe"),
    (["--variants", "base,quantum"], "unknown variant 'quantum'; scenarios/job-shop.yaml has: base,"),
    (["--variants", "third_lathe,third_lathe"], "named twice"),
    (["--variants", "base"], "at least two"),
    (["--warmup", "5"], "--warmup: '5' has no unit"),
    (["--warmup", "40 d"], "must be shorter than the run"),
    (["--jobs", "0"], "--jobs must be at least 1"),
])
def test_bad_input_exits_2(takt, args, message):
    result = run(takt, "compare", SCENARIO, "--no-out", "--replications", "1", *args)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr, result.stderr
    assert "Fatal error" not in result.stderr


def test_no_variants_exits_2(takt):
    result = run(takt, "compare", "scenarios/queue-mm5.yaml", "--no-out")
    assert result.returncode == 2 and "declares no variant" in result.stderr


def test_existing_file_is_refused(takt, compared):
    result = run(takt, "compare", SCENARIO, "--variants", "base,third_lathe", "--replications", "1",
                 "--out", str(compared["common"]["path"]))
    assert result.returncode == 2 and "exists" in result.stderr


def test_inspect_mentions_the_comparison(takt, compared):
    result = run(takt, "inspect", str(compared["common"]["path"]))
    assert result.returncode == 0, result.stderr
    assert "comparison:" in result.stdout and "/summary/comparison" in result.stdout
    with takt_h5.open_run(compared["common"]["path"]) as run_file:
        assert run_file.variant == "base"
        assert "comparison third_lathe − base (common streams)" in run_file.describe(0)
        assert "lathe/2" in run_file.names("machines", "third_lathe")
        assert "lathe/2" not in run_file.names("machines", "base")
        assert "lathe/2" in set(run_file.gantt("third_lathe", 0).machine_name.astype(str))


def test_help_has_example(takt):
    result = run(takt, "compare", "--help")
    assert result.returncode == 0 and "Example" in result.stdout and "takt compare" in result.stdout
