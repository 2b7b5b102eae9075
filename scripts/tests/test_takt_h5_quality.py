"""The quality tables (process, inspections, defect_truth) and their lookups, written by the real
`takt` binary for scenarios/tab-welding.yaml and decoded by the analyst kit: names instead of ids,
the wide process table, and counts that agree with the KPIs in /summary/kpis."""
import pathlib
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest
import takt_h5_fixture as fx

import takt_h5

ROOT = pathlib.Path(__file__).resolve().parents[2]


PARAMETERS = ["current", "pressure", "weld_time", "gas_flow"]


@pytest.fixture(scope="module")
def welding(takt, tmp_path_factory):
    """`takt run scenarios/tab-welding.yaml --replications 1 --out welding.h5` (records everything by default)."""
    out = tmp_path_factory.mktemp("takt_quality") / "welding.h5"
    result = subprocess.run([str(takt), "run", "scenarios/tab-welding.yaml", "--replications", "1", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    return out


def kpi(run, name):
    values = run.kpis().set_index("kpi")["value"]
    return float(values[name])


def test_lookups_name_operations_parameters_and_defect_classes(welding):
    with takt_h5.open_run(welding) as run:
        assert run.names("operations") == ["cell/stack", "cell/weld", "cell/image", "cell/pack", "cell/audit"]
        operations = run.lookup("operations")
        assert operations["product"].tolist() == [0] * 5 and operations["step"].tolist() == [0, 1, 2, 3, 4]
        parameters = run.lookup("parameters")
        assert parameters["operation"].tolist() == [1, 1, 1, 1]
        assert parameters["parameter"].tolist() == [0, 1, 2, 3]
        assert parameters["name"].tolist() == PARAMETERS
        assert parameters["unit"].tolist() == ["A", "bar", "ms", "l/min"]
        assert parameters["minimum"].tolist() == [100, 2.0, 8, 10]
        assert parameters["maximum"].tolist() == [140, 3.0, 16, 20]
        classes = run.lookup("defect_classes")
        assert classes["value"].tolist() == [0, 1, 2] and classes["name"].tolist() == ["pass", "porosity", "crack"]
    with h5py.File(welding, "r") as f:
        assert "hidden truth" in f["runs/base/0/defect_truth"].attrs["description"]
        assert "(observable)" in f["runs/base/0/process"].attrs["description"]
        assert "(observable)" in f["runs/base/0/inspections"].attrs["description"]


def test_process_tidy_and_wide(welding):
    with takt_h5.open_run(welding) as run:
        tidy = run.process()
        wide = run.process(wide=True)
        gantt = run.operations()
    assert list(tidy.columns) == ["time", "job", "operation", "operation_name", "parameter", "parameter_name", "unit",
                                  "value"]
    assert len(tidy) > 100_000
    assert set(tidy["operation_name"]) == {"cell/weld"}
    assert list(tidy["parameter_name"].cat.categories) == PARAMETERS
    assert (tidy.groupby("parameter_name", observed=True)["unit"].first().astype(str).to_dict()
            == {"current": "A", "pressure": "bar", "weld_time": "ms", "gas_flow": "l/min"})
    assert tidy.attrs["units"]["time"] == "s"
    # Actual values scatter around the setpoints (118 A, 2.4 bar, 12 ms, 15 l/min).
    means = tidy.groupby("parameter_name", observed=True)["value"].mean()
    assert means["current"] == pytest.approx(118, abs=0.1) and means["pressure"] == pytest.approx(2.4, abs=0.01)

    assert list(wide.columns) == ["job", "operation", "operation_name", "execution", "time", *PARAMETERS]
    assert len(wide) * 4 == len(tidy) and not wide[PARAMETERS].isna().any().any()
    assert wide.attrs["units"] == {"time": "s", "current": "A", "pressure": "bar", "weld_time": "ms",
                                   "gas_flow": "l/min"}
    first = tidy.iloc[:4]
    assert wide.iloc[0][PARAMETERS].tolist() == first["value"].tolist()
    assert wide.iloc[0]["time"] == first["time"].iloc[0]
    # Executions are the weld's Gantt rows; a cell rejected by the camera is welded again (execution 1, 2, …).
    welds = gantt[gantt["operation"] == 1]
    assert len(wide) == len(welds)
    assert sorted(zip(wide["job"], wide["time"])) == sorted(zip(welds["job"], welds["end"]))
    assert (wide.groupby(["job", "operation"])["execution"].max() + 1).sum() == len(wide)
    assert wide["execution"].max() >= 1
    with takt_h5.open_run(welding) as run:
        assert run.process(operation="weld", wide=True).equals(wide)
        assert len(run.process(operation="cell/stack")) == 0
        with pytest.raises(KeyError):
            run.process(operation="paint")


def test_inspections_and_truth_decode_and_agree_with_the_kpis(welding):
    with takt_h5.open_run(welding) as run:
        warm_up = run.warm_up
        inspections = run.inspections()
        truth = run.defect_truth()
        process = run.process()
        gantt = run.operations()
        inspected, rejected, defects = kpi(run, "inspections"), kpi(run, "rejected"), kpi(run, "defects_made")
    assert warm_up == 86_400
    assert list(inspections.columns) == ["time", "job", "operation", "operation_name", "verdict", "verdict_name",
                                         "rejected"]
    assert set(inspections["operation_name"]) == {"cell/image", "cell/audit"}
    assert list(inspections["verdict_name"].cat.categories) == ["pass", "porosity", "crack"]
    assert (inspections["rejected"] == (inspections["verdict"] > 0)).all()
    names = np.array(["pass", "porosity", "crack"])
    assert (inspections["verdict_name"].astype(str) == names[inspections["verdict"]]).all()
    # The audit inspects one pack in 20.
    audit = inspections[inspections["operation_name"] == "cell/audit"]
    assert 0 < len(audit) < len(inspections) / 10

    # KPIs count from the end of the warm-up; the tables hold the whole run.
    measured = inspections[inspections["time"] >= warm_up]
    assert len(measured) == inspected
    assert int(measured["rejected"].sum()) == rejected
    assert measured["rejected"].mean() == pytest.approx(rejected / inspected, rel=1e-12)
    assert len(inspections) > len(measured)

    assert list(truth.columns) == ["time", "job", "defect_class", "defect_class_name"]
    assert truth.attrs["hidden_truth"] is True
    assert set(truth["defect_class_name"].astype(str)) == {"porosity", "crack"}
    assert int((truth["time"] >= warm_up).sum()) == defects
    # 70 % porosity, 30 % crack.
    assert (truth["defect_class_name"] == "porosity").mean() == pytest.approx(0.7, abs=0.05)
    # Four parameters per weld execution.
    welds = gantt[(gantt["operation"] == 1) & (gantt["end"] >= warm_up)]
    assert int((process["time"] >= warm_up).sum()) == 4 * len(welds)


def test_files_without_quality_tables_give_empty_frames(tmp_path):
    """Files written before the quality tables (the fixture follows layout 1.0) read as empty tables."""
    path = fx.write_result(tmp_path / "old.h5", replications=1)
    with takt_h5.open_run(path) as run:
        assert len(run.process()) == 0 and "parameter_name" in run.process().columns
        assert list(run.process(wide=True).columns) == ["job", "operation", "operation_name", "execution", "time"]
        assert len(run.inspections()) == 0 and "verdict_name" in run.inspections().columns
        truth = run.defect_truth()
        assert len(truth) == 0 and truth.attrs["hidden_truth"] is True
        assert isinstance(truth, pd.DataFrame)



def test_setpoint_events_name_their_parameter(takt, tmp_path):
    """Format 1.2: a setpoint change names the recipe parameter in `parameter` (a row of
    /lookup/parameters, shown as `parameter_name`), and `material` stays -1 for it."""
    out = tmp_path / "welding-ai.h5"
    result = subprocess.run([str(takt), "run", "scenarios/tab-welding.yaml", "--variant", "ai", "--replications", "1",
                             "--record", "all", "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    with takt_h5.open_run(out) as run:
        events = run.events()
        changes = events[events["kind"] == "setpoint_change"]
        assert len(changes) > 10
        assert (changes["material"] == -1).all()
        assert (changes["parameter"] >= 0).all()
        names = set(run.lookup("parameters")["name"].astype(str))
        assert set(changes["parameter_name"].astype(str)) <= names
        others = events[~events["kind"].isin(["setpoint_change", "shadow_setpoint_change"])]
        assert (others["parameter"] == -1).all()
