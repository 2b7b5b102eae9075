"""Student-t quantiles and confidence intervals for differences of KPI means, without SciPy.

The t quantile inverts the CDF, computed through the regularised incomplete beta function
(continued fraction, Lentz's method), by bisection to 1e-12: the method Takt's own
``StudentT.swift`` uses, so intervals computed here agree with the ones in result files to
about 10 significant digits.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np


def _beta_continued_fraction(x: float, a: float, b: float) -> float:
    """Continued fraction of the incomplete beta function (Numerical Recipes' ``betacf``)."""
    tiny = 1e-300
    c = 1.0
    d = 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) >= tiny else tiny)
    result = d
    for m in range(1, 301):
        even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1.0 + even * d
        d = 1.0 / (d if abs(d) >= tiny else tiny)
        c = 1.0 + even / c
        c = c if abs(c) >= tiny else tiny
        result *= d * c
        odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1.0 + odd * d
        d = 1.0 / (d if abs(d) >= tiny else tiny)
        c = 1.0 + odd / c
        c = c if abs(c) >= tiny else tiny
        step = d * c
        result *= step
        if abs(step - 1.0) < 1e-15:
            break
    return result


def _regularized_incomplete_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(1.0 - x, b, a) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` (> 0, not necessarily whole) degrees of freedom."""
    if not df > 0:
        raise ValueError(f"degrees of freedom must be positive, got {df}")
    x = df / (df + t * t)
    tail = 0.5 * _regularized_incomplete_beta(x, df / 2.0, 0.5)
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t with P(T ≤ t) = p, for 0 < p < 1 and ``df`` > 0 degrees of freedom (±1e-12)."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"quantile probability must be in (0, 1), got {p}")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        middle = 0.5 * (low + high)
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return 0.5 * (low + high)


@dataclass(frozen=True)
class Interval:
    """A difference of means (other − baseline) with its confidence interval.

    ``low``/``high`` are NaN when the interval is undefined (fewer than two values on a side);
    when every value is identical the interval collapses to the estimate.
    """

    estimate: float
    low: float
    high: float
    df: float


def _clean(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    return cast(np.ndarray, array[~np.isnan(array)])


def welch_interval(baseline: Sequence[float], other: Sequence[float], level: float = 0.95) -> Interval:
    """Welch's t interval for mean(other) − mean(baseline), independent samples, unequal variances.

    Degrees of freedom by Welch–Satterthwaite. NaN values are dropped.
    """
    a, b = _clean(baseline), _clean(other)
    if len(a) == 0 or len(b) == 0:
        return Interval(math.nan, math.nan, math.nan, math.nan)
    estimate = float(b.mean() - a.mean())
    if len(a) < 2 or len(b) < 2:
        return Interval(estimate, math.nan, math.nan, math.nan)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se2 = va + vb
    if se2 == 0.0:
        return Interval(estimate, estimate, estimate, math.inf)
    df = se2 * se2 / (va * va / (len(a) - 1) + vb * vb / (len(b) - 1))
    half = t_quantile(0.5 + level / 2.0, df) * math.sqrt(se2)
    return Interval(estimate, estimate - half, estimate + half, float(df))


def paired_interval(baseline: Sequence[float], other: Sequence[float], level: float = 0.95) -> Interval:
    """Paired t interval for mean(other − baseline), pairing values by position (replication).

    Valid with common random numbers: replication r of both variants draws from the same streams.
    A pair with a NaN on either side is dropped.
    """
    a, b = np.asarray(baseline, dtype=float), np.asarray(other, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"paired samples differ in length: {len(a)} and {len(b)}")
    d = b - a
    d = d[~np.isnan(d)]
    if len(d) == 0:
        return Interval(math.nan, math.nan, math.nan, math.nan)
    estimate = float(d.mean())
    if len(d) < 2:
        return Interval(estimate, math.nan, math.nan, math.nan)
    sd = float(d.std(ddof=1))
    if sd == 0.0:
        return Interval(estimate, estimate, estimate, len(d) - 1.0)
    half = t_quantile(0.5 + level / 2.0, len(d) - 1.0) * sd / math.sqrt(len(d))
    return Interval(estimate, estimate - half, estimate + half, len(d) - 1.0)
