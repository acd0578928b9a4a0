"""Helpers for the SIPRI tables in ``data/external/``.

SIPRI's trend-indicator value (TIV) measures the *volume* of major arms delivered, priced
at notional unit values; it is not money and is never converted into dollars here.
SIPRI revises its whole database every year, so every calculation picks one edition per
series (or per window) and says which.
"""

from __future__ import annotations

import re

import pandas as pd

#: The supplier label of the Soviet Union and Russia together. SIPRI names the supplier "Soviet
#: Union" up to 1991 and "Russia" from 1992; deals ordered from the one were completed by the other,
#: so every share and series of the book pools the two.
RUSSIA = "Russia (incl. USSR)"
#: SIPRI's names for the two.
RUSSIAN_NAMES = ("Russia", "Soviet Union")


def edition(text: str) -> str:
    """'2026 update (data to 2025); ...' -> '2026 update'."""
    match = re.match(r"(\d{4}) update", text)
    if not match:
        raise ValueError(f"not a SIPRI edition: {text!r}")
    return f"{match.group(1)} update"


def with_edition(frame: pd.DataFrame) -> pd.DataFrame:
    """Add a short ``edition`` column ('2025 update') from ``sipri_edition``."""
    return frame.assign(edition=frame["sipri_edition"].map(edition))


def window_label(first: int, last: int) -> str:
    return f"{first}–{str(last)[-2:]}"


def merge_russia(frame: pd.DataFrame, column: str = "supplier") -> pd.DataFrame:
    """``frame`` with SIPRI's 'Soviet Union' and 'Russia' in ``column`` relabelled :data:`RUSSIA`."""
    return frame.assign(**{column: frame[column].where(~frame[column].isin(RUSSIAN_NAMES), RUSSIA)})


def window_totals(imports: pd.DataFrame, first: int, last: int, edition: str) -> pd.Series:
    """TIV of China's imports by supplier in first..last from one edition ('2025 update'), Russia
    including the Soviet Union (:func:`merge_russia`); an edition that lacks a year of the window
    is an error."""
    rows = merge_russia(with_edition(imports))
    rows = rows[(rows["edition"] == edition) & rows["year"].between(first, last)]
    if set(rows["year"]) != set(range(first, last + 1)):
        raise ValueError(f"the {edition} does not cover {window_label(first, last)}")
    return rows.groupby("supplier")["tiv_millions"].sum()


def russia_share(imports: pd.DataFrame, first: int, last: int, edition: str) -> float:
    """Russia's (incl. USSR) percentage share of China's imports in first..last, from one edition:
    the one window share of the book (the hindsight chapter, the findings page and the importer's
    change summary all call it). Unrounded; prose rounds it half up through :mod:`mtcreport.fmt`."""
    totals = window_totals(imports, first, last, edition)
    return float(100 * totals.get(RUSSIA, 0.0) / totals.sum())


def delivery_years(text) -> list[int]:
    """'2016; 2017; 2018' -> [2016, 2017, 2018]; empty for a missing value."""
    if text is None or pd.isna(text):
        return []
    return [int(part) for part in str(text).split(";") if part.strip()]


def engine_family(designation: str) -> str:
    """'AL-31 (13500)' -> 'AL-31': the per-year rows carry a thrust class after the name."""
    return designation.split(" (")[0]


def editions_phrase(*frames: pd.DataFrame) -> str:
    """'2024, 2025 and 2026 updates' (or '2026 update') from the ``sipri_edition`` column of one
    table, or of several read together (a result drawn from more than one SIPRI table)."""
    from mtcreport import fmt

    if not frames:
        raise ValueError("editions_phrase: no table given")
    years = sorted({edition(e).split()[0] for frame in frames for e in frame["sipri_edition"]})
    return fmt.listing(years) + (" updates" if len(years) > 1 else " update")


def _with_mark(value, uncertain) -> str:
    """A register number as SIPRI prints it: '24', '24 ?' when uncertain, '?' when unknown."""
    mark = not pd.isna(uncertain)
    if pd.isna(value):
        return "?" if mark else ""
    return f"{int(value)}{' ?' if mark else ''}"


def year_runs(text) -> str:
    """SIPRI's delivery years with runs of consecutive years joined: '1993; 1994; 1995; 1997' ->
    '1993–1995, 1997' (empty for a missing value)."""
    years = sorted(set(delivery_years(text)))
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def register_table(register: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's trade register, one row per deal, as the register appendix shows it.

    Seven columns, so that it fits the text column: the supplier is named only where it is not
    Russia (the Soviet Union's deals of 1990-91), after the year of order; the weapon carries
    SIPRI's description in brackets; delivery years are given as runs ('1993–1997').
    """
    return pd.DataFrame(
        {
            "Ordered": [
                f"{y}{' ?' if not pd.isna(u) else ''}{'' if s == 'Russia' else f' ({s})'}"
                for y, u, s in zip(
                    register["Year of order"],
                    register["Year of order uncertain (?)"],
                    register["Supplier"],
                    strict=True,
                )
            ],
            "Weapon (SIPRI's description)": [
                f"{w} ({d})"
                for w, d in zip(register["Weapon designation"], register["Weapon description"], strict=True)
            ],
            "Number ordered": list(
                map(_with_mark, register["Number ordered"], register["Number ordered uncertain (?)"])
            ),
            "Number delivered": list(
                map(_with_mark, register["Number delivered"], register["Number delivered uncertain (?)"])
            ),
            "Delivered in": register["Year(s) of delivery"].map(year_runs),
            "TIV delivered (m)": register["SIPRI TIV of delivered weapons"].map(
                lambda v: "" if pd.isna(v) else f"{v:g}"
            ),
            "SIPRI's comment": register["Comments"].fillna(""),
        }
    )
