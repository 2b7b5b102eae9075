"""A small Takt result file written with h5py, following docs/hdf5-layout.md (format 1.0) to the letter.

Used by test_takt_h5.py until (and besides) the real writer: `takt run … --out FILE.h5`. The
content is tiny and hand-made so tests can assert exact values:

- lookups: stations saw (1 machine) and mill (2) → machines saw/0, mill/0, mill/1; products
  housing, bracket; material steel; the enum tables.
- replication 0 of each variant: 7 operations, 4 jobs, 12 events, 10 state intervals over
  [0, 3600] s, 7 time-series samples; later replications are the same rows shifted by 10 s per
  replication (enough for readers; KPI values are separate).
- KPIs per variant and replication from `KPI_VALUES` (or the caller's), with /summary/kpis and
  /summary/intervals computed from them.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
import time
from collections.abc import Iterable, Mapping, Sequence

import h5py
import numpy as np

TABLE_CHUNK = 32_768
TIMESERIES_CHUNK = 4_096

EVENT_KINDS = ["order_arrival", "order_lost", "release", "queue_enter", "setup_start", "process_start",
               "process_end", "job_finished", "job_scrapped", "rework", "blocked", "failure", "repair_start",
               "repair_end", "maintenance_start", "maintenance_end", "material_ordered", "material_received",
               "stockout"]
MACHINE_STATES = ["idle", "setup", "busy", "blocked", "starved", "down", "maintenance", "off_shift"]
GANTT_OUTCOMES = ["next", "finished", "scrapped", "rework"]
JOB_OUTCOMES = ["finished", "scrapped"]

EVENT_KIND = h5py.enum_dtype({name: value for value, name in enumerate(EVENT_KINDS)}, basetype="u1")
MACHINE_STATE = h5py.enum_dtype({name: value for value, name in enumerate(MACHINE_STATES)}, basetype="u1")
GANTT_OUTCOME = h5py.enum_dtype({name: value for value, name in enumerate(GANTT_OUTCOMES)}, basetype="u1")
JOB_OUTCOME = h5py.enum_dtype({name: value for value, name in enumerate(JOB_OUTCOMES)}, basetype="u1")
STR = h5py.string_dtype()  # variable-length UTF-8

# Packed compound row types, exactly as in the spec.
EVENT = np.dtype([("time", "<f8"), ("kind", EVENT_KIND), ("job", "<i8"), ("product", "<i4"), ("machine", "<i4"),
                  ("station", "<i4"), ("worker", "<i4"), ("material", "<i4"), ("value", "<f8")])
OPERATION = np.dtype([("job", "<i8"), ("product", "<i4"), ("operation", "<i4"), ("station", "<i4"),
                      ("machine", "<i4"), ("worker", "<i4"), ("setup_start", "<f8"), ("start", "<f8"),
                      ("end", "<f8"), ("outcome", GANTT_OUTCOME)])
JOB = np.dtype([("job", "<i8"), ("product", "<i4"), ("quantity", "<i4"), ("parent", "<i8"), ("is_order", "u1"),
                ("outcome", JOB_OUTCOME), ("priority", "<i4"), ("reworks", "<i4"), ("arrival", "<f8"),
                ("release", "<f8"), ("start", "<f8"), ("finish", "<f8"), ("due", "<f8"), ("tardiness", "<f8")])
STATE = np.dtype([("machine", "<i4"), ("station", "<i4"), ("state", MACHINE_STATE), ("start", "<f8"), ("end", "<f8")])
RUN_KPI = np.dtype([("name", STR), ("label", STR), ("unit", STR), ("value", "<f8")])
SUMMARY_KPI = np.dtype([("variant", STR), ("replication", "<i4"), ("kpi", STR), ("unit", STR), ("value", "<f8")])
INTERVAL = np.dtype([("variant", STR), ("kpi", STR), ("unit", STR), ("mean", "<f8"), ("half_width", "<f8"),
                     ("lower", "<f8"), ("upper", "<f8"), ("level", "<f8"), ("n", "<i4")])
LOOKUP_ENUM = np.dtype([("value", "u1"), ("name", STR)])

STATIONS = [("saw", 1), ("mill", 2)]
MACHINES = [("saw/0", 0), ("mill/0", 1), ("mill/1", 1)]
PRODUCTS = ["housing", "bracket"]
MATERIALS = ["steel"]

NAN = math.nan
INF = math.inf
K = {name: value for value, name in enumerate(EVENT_KINDS)}
S = {name: value for value, name in enumerate(MACHINE_STATES)}

# Replication 0. Operations in the order a writer logs them (when they end), not sorted.
OPERATIONS_0 = [
    # job, product, operation, station, machine, worker, setup_start, start, end, outcome
    (0, 0, 0, 0, 0, -1, NAN, 0.0, 480.0, 0),
    (1, 1, 0, 0, 0, -1, NAN, 480.0, 900.0, 0),
    (2, 0, 0, 0, 0, -1, NAN, 900.0, 1400.0, 0),
    (0, 0, 1, 1, 2, -1, 480.0, 600.0, 1680.0, 1),
    (1, 1, 1, 1, 1, -1, NAN, 900.0, 1900.0, 2),
    (2, 0, 1, 1, 2, -1, NAN, 1680.0, 2700.0, 3),
    (2, 0, 1, 1, 2, -1, NAN, 2700.0, 3600.0, 1),
]
JOBS_0 = [
    # job, product, quantity, parent, is_order, outcome, priority, reworks, arrival, release, start, finish, due,
    # tardiness
    (0, 0, 1, -1, 1, 0, 0, 0, 0.0, 0.0, 0.0, 1680.0, 86400.0, 0.0),
    (1, 1, 2, -1, 1, 1, 1, 0, 100.0, 480.0, 480.0, 1900.0, INF, 0.0),
    (3, 1, 1, 2, 0, 0, 0, 0, 200.0, 200.0, 1000.0, 2500.0, INF, 0.0),
    (2, 0, 1, -1, 1, 0, 0, 1, 200.0, 900.0, 900.0, 3600.0, 3000.0, 600.0),
]
EVENTS_0 = [
    # time, kind, job, product, machine, station, worker, material, value
    (0.0, K["order_arrival"], 0, 0, -1, -1, -1, -1, 1.0),
    (0.0, K["release"], 0, 0, -1, -1, -1, -1, 0.0),
    (0.0, K["queue_enter"], 0, 0, -1, 0, -1, -1, 0.0),
    (0.0, K["process_start"], 0, 0, 0, 0, -1, -1, 480.0),
    (100.0, K["order_arrival"], 1, 1, -1, -1, -1, -1, 2.0),
    (480.0, K["process_end"], 0, 0, 0, 0, -1, -1, 0.0),
    (500.0, K["material_ordered"], -1, -1, -1, -1, -1, 0, 50.0),
    (1200.0, K["failure"], -1, -1, 1, 1, -1, -1, 0.0),
    (1680.0, K["job_finished"], 0, 0, -1, -1, -1, -1, 0.0),
    (1900.0, K["job_scrapped"], 1, 1, -1, -1, -1, -1, 0.0),
    (2000.0, K["stockout"], -1, -1, -1, -1, -1, 0, 0.0),
    (3600.0, K["job_finished"], 2, 0, -1, -1, -1, -1, 0.0),
]
STATES_0 = [
    # machine, station, state, start, end
    (0, 0, S["busy"], 0.0, 1400.0),
    (0, 0, S["idle"], 1400.0, 3600.0),
    (1, 1, S["starved"], 0.0, 900.0),
    (1, 1, S["busy"], 900.0, 1200.0),
    (1, 1, S["down"], 1200.0, 1500.0),
    (1, 1, S["busy"], 1500.0, 1900.0),
    (1, 1, S["idle"], 1900.0, 3600.0),
    (2, 1, S["starved"], 0.0, 480.0),
    (2, 1, S["setup"], 480.0, 600.0),
    (2, 1, S["busy"], 600.0, 3600.0),
]
TIMESERIES_COLUMNS = ["time", "wip", "queue.saw", "queue.mill", "busy.saw", "busy.mill", "inventory.steel"]
TIMESERIES_UNITS = ["s", "jobs", "jobs", "jobs", "machines", "machines", "units"]
TIMESERIES_0 = [
    [0.0, 1, 0, 0, 1, 0, 50],
    [600.0, 2, 1, 0, 1, 1, 40],
    [1200.0, 3, 0, 1, 1, 1, 30],
    [1800.0, 2, 0, 0, 0, 2, 0],
    [2400.0, 1, 0, 0, 0, 1, 0],
    [3000.0, 1, 0, 0, 0, 1, 50],
    [3600.0, 0, 0, 0, 0, 0, 50],
]

KPIS = [  # name, label, unit
    ("throughput", "Throughput (jobs)", "1/h"),
    ("flow_time_mean", "Flow time, mean", "min"),
    ("wip_mean", "Work in process, mean", "jobs"),
    ("utilisation.mill", "mill: utilisation", "%"),
    ("lost_orders", "Orders lost (buffer full)", ""),
]
KPI_VALUES = {
    "base": {"throughput": [4.8, 5.0, 4.9], "flow_time_mean": [90.0, 95.0, 85.0], "wip_mean": [7.5, 8.0, 7.0],
             "utilisation.mill": [80.0, 82.0, 78.0], "lost_orders": [0.0, 0.0, 0.0]},
    "third_mill": {"throughput": [5.1, 5.4, 5.0], "flow_time_mean": [70.0, 74.0, 69.0], "wip_mean": [5.5, 6.0, 5.2],
                   "utilisation.mill": [55.0, 56.0, 52.0], "lost_orders": [0.0, 0.0, 0.0]},
}
# Student-t 0.975 quantiles by degrees of freedom (tables), for /summary/intervals.
T975 = {1: 12.706204736174694, 2: 4.302652729749462, 3: 3.1824463052837078, 4: 2.7764451051977934,
        5: 2.5705818356363146, 9: 2.262157162798205}

SOURCE_YAML = """\
# A two-station fixture line (not a real scenario file).
name: Fixture line — two stations
run: {seed: 1, replications: 3, duration: 1 h, warm_up: 0 s}
stations:
  saw: {buffer: 5}
  mill: {machines: 2, buffer: 5}
products:
  housing:
    routing: [{station: saw, time: 8 min}, {station: mill, time: 18 min}]
  bracket:
    routing: [{station: saw, time: 7 min}, {station: mill, time: 17 min}]
materials:
  steel: {initial: 50}
orders:
  - {name: customers, rate: 5 /h, product: housing, due: 1 d}
"""


def _units(mapping: Mapping[str, str]) -> str:
    return json.dumps(dict(mapping), ensure_ascii=False)


def _table(group: h5py.Group, name: str, dtype: np.dtype, rows: Sequence[tuple], description: str,
           units: Mapping[str, str]) -> h5py.Dataset:
    """An extendible chunked compound table (shuffle + deflate 1), as the streaming writer makes it."""
    data = np.array(list(rows), dtype=dtype)
    dataset = group.create_dataset(name, shape=(len(data),), maxshape=(None,), dtype=dtype,
                                   chunks=(TABLE_CHUNK,), shuffle=True, compression="gzip", compression_opts=1)
    if len(data):
        dataset[:] = data
    dataset.attrs["description"] = description
    dataset.attrs["units"] = _units(units)
    return dataset


def _small(group: h5py.Group, name: str, dtype: np.dtype, rows: Sequence[tuple], description: str,
           units: Mapping[str, str]) -> h5py.Dataset:
    """A fixed-size compound table (lookups, KPIs, summary)."""
    dataset = group.create_dataset(name, data=np.array(list(rows), dtype=dtype))
    dataset.attrs["description"] = description
    dataset.attrs["units"] = _units(units)
    return dataset


def _shift(rows: Iterable[tuple], columns: Sequence[int], offset: float) -> list[tuple]:
    out = []
    for row in rows:
        row = list(row)
        for index in columns:
            row[index] = row[index] + offset
        out.append(tuple(row))
    return out


def kpi_values(variant: str, replications: int, values: Mapping | None = None) -> dict[str, list[float]]:
    """KPI values of a variant for `replications` replications (the table above, extended by +0.1 per
    replication past the third)."""
    table = (values or KPI_VALUES).get(variant) or KPI_VALUES["base"]
    out = {}
    for name, _, _ in KPIS:
        given = list(table[name])
        while len(given) < replications:
            given.append(given[len(given) % 3] + 0.1 * len(given))
        out[name] = [float(v) for v in given[:replications]]
    return out


def write_result(path: str | pathlib.Path, *, variants: Sequence[str] = ("base",), replications: int = 3,
                 seed: int = 1, status: str = "complete", partial: bool = False,
                 empty_run: tuple[str, int] | None = None, values: Mapping | None = None,
                 with_summary: bool = True) -> pathlib.Path:
    """Write a result file; returns the path written (``path + ".partial"`` when ``partial``).

    ``empty_run``: a (variant, replication) whose event, operation, job, state and time-series
    tables have 0 rows (recorded nothing). ``with_summary=False`` leaves out /summary (as a crashed
    run would).
    """
    path = pathlib.Path(path)
    if partial:
        path = pathlib.Path(str(path) + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    with h5py.File(path, "w", libver=("earliest", "v110")) as f:
        a = f.attrs
        a["format_version"] = "1.0"
        a["takt_version"] = "0.1.0-fixture"
        a["git_commit"] = "unknown"
        a["scenario_name"] = "Fixture line — two stations"
        a["scenario_file"] = "scenarios/fixture.yaml"
        a["seed"] = np.uint64(seed)
        a["replications"] = np.int64(replications)
        a["variant"] = variants[0] if len(variants) == 1 else "base"
        a["created"] = "2025-01-01T00:00:00Z"
        a["wall_seconds"] = np.float64(0.25)
        a["host"] = "fixture-host"
        a["completion_status"] = status
        a["simulated_time_reached"] = np.float64(3600.0 + 10.0 * (replications - 1))

        scenario = f.create_group("scenario")
        source = scenario.create_dataset("source_yaml", data=SOURCE_YAML, dtype=STR)
        source.attrs["description"] = "The scenario file as given"
        source.attrs["units"] = ""
        resolved = {"name": a["scenario_name"],
                    "run": {"seed": seed, "replications": replications, "duration": 3600.0, "warm_up": 0.0,
                            "confidence": 0.95},
                    "stations": [{"name": n, "machines": m} for n, m in STATIONS],
                    "products": [{"name": p} for p in PRODUCTS]}
        resolved_ds = scenario.create_dataset("resolved_json", data=json.dumps(resolved), dtype=STR)
        resolved_ds.attrs["description"] = "The resolved configuration (JSON)"
        resolved_ds.attrs["units"] = ""

        lookup = f.create_group("lookup")
        _small(lookup, "stations", np.dtype([("name", STR), ("machines", "<i4")]), STATIONS,
               "Stations by id", {"name": "", "machines": "machines"})
        _small(lookup, "machines", np.dtype([("name", STR), ("station", "<i4")]), MACHINES,
               "Machines by id (station/index)", {"name": "", "station": "id"})
        _small(lookup, "products", np.dtype([("name", STR)]), [(p,) for p in PRODUCTS], "Products by id", {"name": ""})
        _small(lookup, "materials", np.dtype([("name", STR)]), [(m,) for m in MATERIALS], "Materials by id",
               {"name": ""})
        for name, names in (("event_kinds", EVENT_KINDS), ("machine_states", MACHINE_STATES),
                            ("gantt_outcomes", GANTT_OUTCOMES), ("job_outcomes", JOB_OUTCOMES)):
            _small(lookup, name, LOOKUP_ENUM, list(enumerate(names)), f"Enum {name}: value → name",
                   {"value": "", "name": ""})

        summary_rows, interval_rows = [], []
        for variant in variants:
            values_by_kpi = kpi_values(variant, replications, values)
            for r in range(replications):
                group = f.create_group(f"runs/{variant}/{r}")
                group.attrs["seed"] = np.uint64(seed * 1_000_003 + r)  # same per replication across variants (CRN)
                group.attrs["events_processed"] = np.int64(1000 + r)
                group.attrs["simulated_seconds"] = np.float64(3600.0 + 10.0 * r)
                group.attrs["wall_seconds"] = np.float64(0.01)
                group.attrs["status"] = status
                empty = empty_run == (variant, r)
                offset = 10.0 * r
                _table(group, "events", EVENT, [] if empty else _shift(EVENTS_0, [0], offset),
                       "Logged events", {"time": "s", "kind": "", "job": "id", "product": "id", "machine": "id",
                                         "station": "id", "worker": "id", "material": "id",
                                         "value": "depends on kind"})
                _table(group, "operations", OPERATION, [] if empty else _shift(OPERATIONS_0, [6, 7, 8], offset),
                       "One row per operation (Gantt)", {"job": "id", "product": "id", "operation": "index",
                                                         "station": "id", "machine": "id", "worker": "id",
                                                         "setup_start": "s", "start": "s", "end": "s", "outcome": ""})
                _table(group, "jobs", JOB, [] if empty else _shift(JOBS_0, [8, 9, 10, 11], offset),
                       "One row per job leaving the shop",
                       {"job": "id", "product": "id", "quantity": "units", "parent": "id", "is_order": "",
                        "outcome": "", "priority": "", "reworks": "loops", "arrival": "s", "release": "s",
                        "start": "s", "finish": "s", "due": "s", "tardiness": "s"})
                _table(group, "states", STATE, [] if empty else _shift(STATES_0, [3, 4], offset),
                       "Machine state intervals", {"machine": "id", "station": "id", "state": "", "start": "s",
                                                   "end": "s"})
                samples = np.zeros((0, len(TIMESERIES_COLUMNS))) if empty else np.array(TIMESERIES_0, dtype=float)
                if len(samples):
                    samples[:, 0] += offset
                ts = group.create_dataset("timeseries", shape=samples.shape, maxshape=(None, len(TIMESERIES_COLUMNS)),
                                          dtype="<f8", chunks=(TIMESERIES_CHUNK, len(TIMESERIES_COLUMNS)),
                                          shuffle=True, compression="gzip", compression_opts=1)
                if len(samples):
                    ts[...] = samples
                ts.attrs.create("columns", TIMESERIES_COLUMNS, dtype=STR)
                ts.attrs["units"] = json.dumps(TIMESERIES_UNITS)
                ts.attrs["description"] = "Sampled WIP, queues, busy machines, inventories"
                rows = [(n, label, unit, values_by_kpi[n][r]) for n, label, unit in KPIS]
                _small(group, "kpis", RUN_KPI, rows, "KPIs of this replication", {"value": "see unit column"})
                summary_rows += [(variant, r, n, unit, values_by_kpi[n][r]) for n, _, unit in KPIS]
            for n, _, unit in KPIS:
                v = np.array(values_by_kpi[n])
                mean = float(v.mean())
                half = T975[len(v) - 1] * float(v.std(ddof=1)) / math.sqrt(len(v)) if len(v) > 1 else NAN
                interval_rows.append((variant, n, unit, mean, half, mean - half, mean + half, 0.95, len(v)))
        if with_summary:
            summary = f.create_group("summary")
            _small(summary, "kpis", SUMMARY_KPI, summary_rows, "KPI values per variant and replication",
                   {"value": "see unit column"})
            _small(summary, "intervals", INTERVAL, interval_rows, "Student-t confidence intervals over replications",
                   {"mean": "see unit column", "half_width": "see unit column", "lower": "see unit column",
                    "upper": "see unit column", "level": "", "n": "replications"})
    return path


if __name__ == "__main__":  # write one for a quick look: python3 scripts/tests/takt_h5_fixture.py /tmp/f.h5
    import sys
    print(write_result(sys.argv[1] if len(sys.argv) > 1 else "fixture.h5", variants=("base", "third_mill")))


NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "analysis.ipynb"


def inline_images(notebook) -> int:
    """How many figures an executed notebook shows inline (image/png outputs of its code cells)."""
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs)


def execute_notebook(result: pathlib.Path, figures: pathlib.Path, timeout: int = 120):
    """Runs analysis.ipynb against `result`; returns (notebook, seconds)."""
    import nbclient
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    saved = {k: os.environ.get(k) for k in ("TAKT_RESULT", "TAKT_FIGURES", "MPLBACKEND")}
    os.environ.update(TAKT_RESULT=str(result), TAKT_FIGURES=str(figures))
    os.environ.pop("MPLBACKEND", None)  # the kernel's own inline backend: figures as outputs, no display needed
    try:
        started = time.monotonic()
        nbclient.NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
        return notebook, time.monotonic() - started
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
