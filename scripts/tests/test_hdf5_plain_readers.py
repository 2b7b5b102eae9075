"""docs/hdf5-layout.md, "Reading with plain h5py, pandas and xarray": every string in the files Takt writes is
UTF-8, and the plain-reader recipes of that section work on a real file."""
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def files(takt, tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    outputs = {"run": folder / "run.h5", "compare": folder / "compare.h5", "schedule": folder / "schedule.h5"}
    commands = [["run", "scenarios/flow-line.yaml", "--replications", "2", "--record", "all",
                 "--out", str(outputs["run"])],
                ["compare", "scenarios/job-shop.yaml", "--variants", "base,third_lathe", "--replications", "2",
                 "--out", str(outputs["compare"])],
                ["schedule", "Tests/TaktSchedulingTests/Fixtures/ft06.txt", "--iterations", "200",
                 "--out", str(outputs["schedule"])]]
    for command in commands:
        result = subprocess.run([str(takt), *command], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
    return outputs


def string_types(f):
    """(where, encoding) of every string type in the file: attributes, datasets, compound members."""
    found = []

    def of(dtype, where):
        info = h5py.check_string_dtype(dtype)
        if info is not None:
            found.append((where, info.encoding))
        for name in dtype.names or ():
            of(dtype[name], f"{where}.{name}")

    def visit(name, obj):
        for key in obj.attrs:
            of(obj.attrs.get_id(key).dtype, f"{name}@{key}")
        if isinstance(obj, h5py.Dataset):
            of(obj.dtype, name)
    visit("/", f)
    f.visititems(visit)
    return found


@pytest.mark.parametrize("kind", ["run", "compare", "schedule"])
def test_every_string_is_utf8(files, kind):
    with h5py.File(files[kind], "r") as f:
        found = string_types(f)
    assert len(found) > 10
    assert [where for where, encoding in found if encoding != "utf-8"] == []


def test_the_plain_reader_recipes(files):
    with h5py.File(files["run"], "r") as f:
        assert isinstance(f.attrs["scenario_name"], str)
        assert isinstance(f["scenario/source_yaml"].asstr()[()], str)
        names = [n.decode() for n in f["lookup/machines"]["name"]]
        assert all(isinstance(n, str) for n in names) and len(names) > 0
        jobs = pd.DataFrame(f["runs/base/0/jobs"][:])
        assert {"arrival", "finish", "outcome"} <= set(jobs.columns) and jobs["finish"].dtype == np.float64
        kpis = pd.DataFrame(f["runs/base/0/kpis"][:])
        assert kpis["name"].str.decode("utf-8").str.contains("throughput").any()


def test_xarray_h5netcdf_sees_compound_tables_as_opaque(files):
    xr = pytest.importorskip("xarray")
    pytest.importorskip("h5netcdf")
    with xr.open_dataset(files["run"], engine="h5netcdf", group="runs/base/0", phony_dims="sort") as ds:
        assert "events" in ds and ds["events"].dtype.names is not None      # one structured variable
        events = pd.DataFrame(ds["events"].values)
        assert "time" in events.columns and len(events) > 0
        assert ds["timeseries"].ndim == 2 and all(d.startswith("phony_dim") for d in ds["timeseries"].dims)
