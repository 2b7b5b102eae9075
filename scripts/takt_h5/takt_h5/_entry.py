"""The kit's module-level functions over :class:`Run`: open a file, compare two runs or the
variants of a ``takt compare`` file, read its comparison table."""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._run import PathLike, Run


def open_run(path: PathLike) -> Run:
    """Open a Takt result file read-only; use as ``with open_run(path) as run: …`` or close it.

    Warns (:class:`TaktResultWarning`) but still opens a ``.partial`` file or one whose
    ``completion_status`` is not ``"complete"``.
    """
    return Run(path)


def compare(baseline: Any, other: Any = None, *, level: float | None = None) -> pd.DataFrame:
    """:meth:`Run.compare` for two files (or ``(Run, variant)`` pairs), e.g. ``compare(base_run, variant_run)``;
    or, with one argument (a path or a :class:`Run` of a file written by ``takt compare``), its two
    variants: ``compare("results/cmp.h5")`` gives the numbers of ``takt compare --json``."""
    if other is None:
        if isinstance(baseline, Run):
            return baseline.compare(level=level)
        with Run(baseline) as run:
            return run.compare(level=level)
    anchor = baseline if isinstance(baseline, Run) else baseline[0]
    return anchor.compare(baseline, other, level=level)


def comparison(source: Any) -> pd.DataFrame:
    """The comparison table of a file written by ``takt compare`` (a path or a :class:`Run`), as
    :meth:`Run.comparison` returns it."""
    if isinstance(source, Run):
        return source.comparison()
    with Run(source) as run:
        return run.comparison()

