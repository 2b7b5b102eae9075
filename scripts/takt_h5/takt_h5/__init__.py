"""Read Takt's HDF5 result files into pandas and xarray, without reading any Swift.

A result file (``takt run … --out results/run.h5``) holds one scenario run: its KPIs per
replication and with confidence intervals, and, when recorded, the event log, the operations
(Gantt), the jobs, the machine states, a sampled time series, and the quality tables (actual recipe
parameters, inspection verdicts and, apart, the hidden defect truth) of each replication. The layout
is specified in ``docs/hdf5-layout.md`` (format 1.1). A file written by ``takt compare`` holds
several variants and their paired comparison: ``takt_h5.comparison(path)``, ``takt_h5.compare(path)``.

Example::

    import takt_h5
    with takt_h5.open_run("results/run.h5") as run:
        print(run.attrs["scenario_name"], run.variants, run.replications())
        run.summary()                          # KPI means with 95 % confidence intervals
        ops = run.gantt(replication=0)         # operations by machine, with durations
        jobs = run.jobs(timedelta=True)        # one row per job, plus Timedelta columns
        shares = takt_h5.state_shares(run)     # machine × state time shares
        wip = run.timeseries()["wip"]          # xarray DataArray indexed by time (s)
        run.process(wide=True)                 # recipe parameters, one column each, per execution
        run.inspections()                      # verdicts with operation and defect-class names
        run.defect_truth()                     # hidden truth: only for scoring
        events = run.events(replications="all", times=True)  # every variant and replication, dates
        run.to_parquet("results/run-tables")   # one Parquet file per table (pyarrow)
        other = takt_h5.open_run("results/third_mill.h5")
        run.compare(run, other)                # per-KPI difference with a paired CI

A merged sweep (``takt sweep merge``) reads with ``takt_h5.open_sweep("…/sweep.h5")`` (one row
per run) and ``open_sweep(path, "points")`` (per point and KPI, with confidence intervals).

From a shell: ``python -m takt_h5 results/run.h5`` prints a short summary.
"""
from ._entry import compare, comparison, open_run
from ._run import Run
from ._shares import state_shares
from ._stats import paired_interval, t_quantile, welch_interval
from ._sweep import open_sweep, open_sweep_run, points_wide
from ._tidy import read_parquet
from ._warn import TaktResultWarning

#: Takt's release number: the kit and the `takt` tool always carry the same one (CHANGELOG.md).
__version__ = "1.3.0"
#: The result-file format that release writes; this package reads any file of the same major.
FORMAT_VERSION = "1.2"

__all__ = [
    "FORMAT_VERSION",
    "Run",
    "TaktResultWarning",
    "compare",
    "comparison",
    "open_run",
    "open_sweep",
    "open_sweep_run",
    "points_wide",
    "read_parquet",
    "paired_interval",
    "state_shares",
    "t_quantile",
    "welch_interval",
]
