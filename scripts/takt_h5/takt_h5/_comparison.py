"""Result files written by ``takt compare``: several variants, one ``/summary/comparison`` table."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

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
