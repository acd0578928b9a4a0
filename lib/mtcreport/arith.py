"""Arithmetic on the paper's figures that keeps their vagueness.

A figure becomes an interval: exact figures are a point, ranges stay ranges, "close to X"
becomes [X * (1 - band), X] with the band taken from the ``assumptions`` table, and "more
than X" is open above. Products and quotients of intervals give the range the paper's
wording allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from mtcreport import data

#: Qualifiers that put the true value at or a little below the stated figure.
BELOW = {"close to", "could have approached", "approximately"}
#: Qualifiers that leave the value open above the stated figure.
OPEN_ABOVE = {"exceeding", "more than", "above", "at least"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float  # math.inf when open above

    def __mul__(self, other: Interval) -> Interval:
        return Interval(self.low * other.low, self.high * other.high)

    def __truediv__(self, other: Interval) -> Interval:
        return Interval(self.low / other.high, self.high / other.low)

    def scale(self, factor: float) -> Interval:
        return Interval(self.low * factor, self.high * factor)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    @property
    def open(self) -> bool:
        return math.isinf(self.high)


def close_to_band() -> float:
    """The report's reading of "close to", as a fraction (see the assumptions table)."""
    return float(data.assumptions().set_index("id").at["close_to_band", "value"]) / 100


def interval(row: pd.Series, band: float | None = None) -> Interval:
    """The interval that a row of the indicators table allows."""
    band = close_to_band() if band is None else band
    low = float(row["value_low"])
    high = low if pd.isna(row["value_high"]) else float(row["value_high"])
    qualifier = row["qualifier"]
    if qualifier in ("exact", "range"):
        return Interval(low, high)
    if qualifier in BELOW:
        return Interval(low * (1 - band), high)
    if qualifier in OPEN_ABOVE:
        return Interval(low, math.inf)
    raise ValueError(f"no interval rule for qualifier {qualifier!r} (indicator {row.name})")


def share_of(total: pd.Series, share_percent: pd.Series, band: float | None = None) -> Interval:
    """The part a percentage share takes of a total, both indicator rows, as an interval."""
    return interval(total, band) * interval(share_percent, band).scale(1 / 100)
