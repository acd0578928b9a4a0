"""Write the paper's figures in prose the same way everywhere.

Every function returns a ready string, which chapters hand to ``myst_nb.glue``
(glue pre-formatted strings only: NumPy 2 reprs break ``{glue:text}`` formats).
Vagueness survives formatting: a "close to" figure reads "close to 13", a range
reads "2.2–2.5".
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

_QUALIFIER_WORDS = {
    "exact": "",
    "approximately": "about ",
    "close to": "close to ",
    "could have approached": "possibly close to ",
    "exceeding": "more than ",
    "more than": "more than ",
    "above": "above ",
    "at least": "at least ",
    "range": "",
}


def number(value: float, digits: int | None = None) -> str:
    """``13`` -> "13", ``2.2`` -> "2.2"; with ``digits`` a fixed number of decimals and thousands
    commas, rounded half up (:func:`rounded`)."""
    if value is None or pd.isna(value):
        raise ValueError("cannot format a missing value")
    if digits is None:
        return f"{float(value):.6g}"
    return rounded(value, digits)


def span(low: float, high: float | None, digits: int | None = None) -> str:
    """A value or a range with an en dash: "2.2–2.5"; open-ended if ``high`` is missing."""
    if high is None or pd.isna(high) or float(high) == float(low):
        return number(low, digits)
    return f"{number(low, digits)}–{number(high, digits)}"


def qualified(
    low: float, high: float | None, qualifier: str, unit: str = "", digits: int | None = None
) -> str:
    """A figure with the paper's qualifier kept: "close to $13 bn", "$2.2–2.5 bn", "more than 20 years"."""
    if qualifier not in _QUALIFIER_WORDS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {sorted(_QUALIFIER_WORDS)}")
    body = span(low, high, digits)
    if unit in ("USD bn", "USD bn per year"):
        body = f"${body} bn" + (" a year" if unit.endswith("per year") else "")
    elif unit == "percent":
        body = f"{body} %"
    elif unit:
        body = f"{body} {unit}"
    return f"{_QUALIFIER_WORDS[qualifier]}{body}"


def indicator_text(row: pd.Series, digits: int | None = None) -> str:
    """Format one row of the indicators table with its unit and qualifier."""
    return qualified(row["value_low"], row["value_high"], row["qualifier"], row["unit"], digits)


def year_span(low, high, approx: bool = False) -> str:
    """A year or span for tables: 1996, c. 1990–2009, by 1999, undated ("c." marks vague dates)."""
    has_low, has_high = not pd.isna(low), not pd.isna(high)
    if not has_low and not has_high:
        return "undated"
    prefix = "c. " if approx else ""
    if has_low and has_high:
        return prefix + (f"{int(low)}" if int(low) == int(high) else f"{int(low)}–{int(high)}")
    return f"by {int(high)}" if has_high else f"from {int(low)}"


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date(year, month=None, day=None) -> str:
    """A date at the precision the data give: 24 November 1992, May 1990, 2006."""
    if pd.isna(year):
        raise ValueError("a date needs a year")
    parts = []
    if not pd.isna(day):
        parts.append(str(int(day)))
    if not pd.isna(month):
        parts.append(_MONTHS[int(month) - 1])
    parts.append(str(int(year)))
    return " ".join(parts)


def listing(items: list[str]) -> str:
    """Join words as prose: a; a and b; a, b and c."""
    items = [str(i) for i in items]
    if not items:
        raise ValueError("nothing to list")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def row_date(row: pd.Series) -> str:
    """The date of an events or transfers row (its first year, and month and day where given)."""
    return date(row["year_low"], row.get("month"), row.get("day"))


def rounded(value: float, digits: int = 0) -> str:
    """Round half up, as readers expect (586.5 -> "587"), with thousands commas."""
    if value is None or pd.isna(value):
        raise ValueError("cannot format a missing value")
    quantum = Decimal(1).scaleb(-digits)
    exact = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{exact:,.{digits}f}"


def percent(value: float, digits: int = 0) -> str:
    """A share as prose: '70 %' (half up)."""
    return f"{rounded(value, digits)} %"


def usd_bn_range(low: float, high: float, digits: int = 1) -> str:
    """A dollar range computed from vague inputs, at the precision they allow: "$1.6–2.0 bn".

    Inputs such as "close to 15 %" carry about two significant figures, so results are shown
    to one decimal of a billion; an open top (infinity) reads "more than $X bn".
    """
    if math.isinf(high):
        return f"more than ${rounded(low, digits)} bn"
    a, b = rounded(low, digits), rounded(high, digits)
    return f"${a} bn" if a == b else f"${a}–{b} bn"


def count(value, missing: str = "not given") -> str:
    """A whole count as a table cell: 24 -> '24'; a missing count -> ``missing``."""
    return missing if value is None or pd.isna(value) else str(int(value))


def glue(key: str, value) -> None:
    """Paste ``value`` into the prose under ``key`` (MyST's ``{glue}`` roles) without showing it
    in the cell: every chapter's ``glue`` call, written once."""
    from myst_nb import glue as myst_glue

    myst_glue(key, value, display=False)


def transfer_value(row: pd.Series) -> str:
    """A transfer's value in US dollars with the paper's qualifier ("$2.5 bn", "about $1 bn")."""
    return qualified(row["value_low_usd_bn"], row["value_high_usd_bn"], row["value_qualifier"], "USD bn")


#: Singular and plural of the things the prose counts: kinds of transfer and types of claim.
PLURALS = {
    "platform sale": ("platform sale", "platform sales"),
    "licence": ("licence", "licences"),
    "design documentation": ("transfer of design documents", "transfers of design documents"),
    "joint development": ("joint development", "joint developments"),
    "development assistance": ("case of development help", "cases of development help"),
    "subsystem": ("subsystem sale", "subsystem sales"),
    "estimate": ("estimate", "estimates"),
    "fact": ("fact", "facts"),
    "forecast": ("forecast", "forecasts"),
    "judgement": ("judgement", "judgements"),
    "reported": ("claim reported without endorsement", "claims reported without endorsement"),
}


def counted(counts) -> str:
    """``{"forecast": 8, "judgement": 1}`` -> "8 forecasts and 1 judgement", in the order given."""
    return listing([f"{n} {PLURALS[kind][int(n != 1)]}" for kind, n in counts.items()])
