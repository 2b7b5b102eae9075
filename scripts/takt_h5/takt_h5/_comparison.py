"""Result files written by ``takt compare``: several variants, one ``/summary/comparison`` table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._compare import compare_sides
from ._decode import decode_attrs, frame_from_records

#: The dataset holding the comparison table.
TABLE = "summary/comparison"

#: Its columns, in file order.
COLUMNS = ["kpi", "unit", "variant_a", "variant_b", "mean_a", "half_width_a", "mean_b", "half_width_b",
           "difference", "difference_half_width", "relative_change", "significant", "n", "level"]


def is_comparison(run: Any) -> bool:
    """True when the file was written by ``takt compare``."""
    return TABLE in run.file


def attributes(run: Any) -> dict[str, Any]:
    """The table's attributes: ``variants`` (reference first), ``streams`` (``common`` or
    ``independent``), ``warm_up`` (s)."""
    attrs = decode_attrs(run.file[TABLE].attrs)
    variants = attrs.get("variants", [])
    attrs["variants"] = [variants] if isinstance(variants, str) else list(variants)
    return attrs


def table(run: Any) -> pd.DataFrame:
    """``/summary/comparison`` as a DataFrame: the stored columns plus ``label`` after ``kpi``;
    ``significant`` as bool, ``n`` as int. ``df.attrs`` holds the dataset's attributes."""
    if not is_comparison(run):
        raise KeyError(f"{run.path} has no /{TABLE}: it was not written by `takt compare`")
    frame = frame_from_records(run.file[TABLE][()])
    frame = frame.reindex(columns=COLUMNS)
    frame["significant"] = frame["significant"].astype(bool)
    frame["n"] = frame["n"].astype(np.int64)
    labels = run._kpi_labels()
    frame.insert(1, "label", [labels.get((a, k), k) for a, k in zip(frame["variant_a"], frame["kpi"])])
    frame.attrs.update(attributes(run))
    return frame


def default_pair(run: Any) -> tuple[str, str]:
    """The two variants of a comparison file, reference first."""
    if not is_comparison(run):
        raise ValueError(f"{run.path} holds no comparison; name the two sides: run.compare('base', 'other')")
    variants = attributes(run)["variants"]
    if len(variants) != 2:
        raise ValueError(f"{run.path} compares {len(variants)} variants ({', '.join(variants)}); "
                         "name the two sides: run.compare(reference, other)")
    return variants[0], variants[1]


def stored_level(run: Any) -> float | None:
    """The confidence level of the stored comparison, if it has rows."""
    if not is_comparison(run) or run.file[TABLE].shape[0] == 0:
        return None
    return float(run.file[TABLE]["level"][0])


class Comparisons:
    """``compare`` and ``comparison`` of :class:`takt_h5.Run` (a mixin: it uses the run's
    ``_variant``)."""

    # What this mixin uses of Run, declared so that a type checker sees it (Run defines it).
    if TYPE_CHECKING:
        def _variant(self, variant: str | None) -> str: ...

    def compare(self, baseline: Any = None, other: Any = None, *, level: float | None = None) -> pd.DataFrame:
        """Per KPI, mean(other) − mean(baseline) with a confidence interval.

        In a file written by ``takt compare``, ``run.compare()`` compares its two variants at the
        stored confidence level and gives the numbers of ``/summary/comparison`` (``difference``,
        and ``ci_high - difference`` is ``difference_half_width``); two variants of such a file
        are always paired by replication (valid with common and with independent streams).
        Elsewhere ``level`` defaults to 0.95.

        ``baseline`` and ``other`` are each a variant name in this file, another :class:`Run` (its
        own variant; Takt writes one variant per file) or a ``(Run, variant)`` pair.

        Columns: kpi, unit, baseline, other, difference, ci_low, ci_high, paired, then label,
        welch_low, welch_high, n_baseline, n_other. When both sides have the same replications
        (and, where recorded, the same replication seeds), ``paired`` is True and ci_low/ci_high are
        the paired-t interval over replications — valid because Takt's variants share their random
        numbers replication by replication, and usually much narrower. Otherwise ci_low/ci_high are
        Welch's interval. welch_low/welch_high are always Welch's. KPIs present on one side only are
        left out; a unit mismatch warns.
        """
        if baseline is None and other is None:
            baseline, other = default_pair(self)
        base_run, base_variant = self._side(baseline)
        other_run, other_variant = self._side(other)
        same_comparison = base_run is other_run and is_comparison(self)
        if level is None:
            level = (stored_level(self) if same_comparison else None) or 0.95
        return compare_sides(base_run, base_variant, other_run, other_variant, level,
                             paired=True if same_comparison else None)

    def comparison(self) -> pd.DataFrame:
        """The table ``takt compare`` stored (``/summary/comparison``): per KPI and pair of
        variants, kpi, label, unit, variant_a, variant_b, mean_a, half_width_a, mean_b,
        half_width_b, difference (b − a), difference_half_width (paired t), relative_change
        (difference / |mean_a|), significant, n, level. ``df.attrs``: variants (reference
        first), streams (``common`` or ``independent``), warm_up (s)."""
        return table(self)

    def _side(self, side: Any) -> tuple[Comparisons, str]:
        if isinstance(side, Comparisons):
            return side, side._variant(None)
        if isinstance(side, tuple) and len(side) == 2 and isinstance(side[0], Comparisons):
            return side[0], side[0]._variant(side[1])
        if side is None or isinstance(side, str):
            return self, self._variant(side)
        raise TypeError(f"expected a variant name, a Run or a (Run, variant) pair, got {side!r}")
