"""``takt report``: one self-contained HTML page for a result file — a run, a comparison
(``takt compare``) or a merged sweep (``takt sweep merge``).

The page inlines Plotly's own bundle and everything else it needs, so it opens offline in any
browser and fetches nothing. A run's page holds the scenario's name, provenance and description,
the KPI table with confidence intervals, utilisation by state per station, WIP and queues over
time, an interactive Gantt chart of replication 0 (every operation; machines named as in the file;
setups, downtime and maintenance drawn; a stated time window with a selector) and the
controllers' own figures beside the hidden truth where the file has it. A comparison's page adds
both sides, the paired difference, its interval and significance, and a before/after chart per
KPI group. A sweep's page charts any KPI against any parameter and the trade-off of two KPIs.

Example::

    from takt_h5.report import write_report
    write_report("results/line.h5")                       # → results/line.html
    write_report("results/cmp.h5", "results/cmp-report.html")

From a shell: ``python -m takt_h5.report results/line.h5 -o results/line.html`` (what
``takt report`` runs).
"""
from __future__ import annotations

from ._build import render_report
from ._write import default_output, write_report

__all__ = ["default_output", "render_report", "write_report"]
