"""The scorecard's verdicts that SIPRI's data decide, computed rather than typed.

Each function here states its test in its docstring (the same test the scorecard prints in the
``test`` column of ``data/outcomes.csv``), takes SIPRI's tables and returns a :class:`Verdict`:
the grade and the figures it rests on. :func:`computed` grades every outcome row whose ``basis``
is ``computed``; chapter 7 shows those grades, and ``make sipri-update`` lists any grade a new
edition changes (:func:`changes`). Rows graded on outside sources keep a typed verdict with their
sources and an as-of date.

Conventions (as in :mod:`mtcreport.hindsight`): Russia includes the Soviet Union; deliveries are
SIPRI's TIV by year of delivery, orders the TIV of each deal as ordered, by year of order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from mtcreport import sipri

#: The grades, best first.
GRADES = ("borne out", "partly", "not borne out")
#: The year the paper was written (its latest facts: September 2012).
PAPER_YEAR = 2012


@dataclass(frozen=True)
class Verdict:
    """A computed grade and the figures it rests on (plain numbers and years, for prose)."""

    grade: str
    facts: dict = field(default_factory=dict)


def _grade(passes: int, of: int) -> str:
    return "borne out" if passes == of else ("not borne out" if passes == 0 else "partly")


def mean_over(series: pd.Series, first: int, last: int) -> float:
    """Yearly average of ``series`` (index = year) over first..last; every year must be there."""
    part = series.loc[first:last]
    if len(part) != last - first + 1:
        raise ValueError(f"no value for every year of {sipri.window_label(first, last)}")
    return float(part.mean())


def first_year_above(series: pd.Series, level: float, after: int) -> int | None:
    """The first year after ``after`` in which ``series`` exceeds ``level`` (None if never)."""
    later = series[(series.index > after) & (series > level)]
    return int(later.index.min()) if len(later) else None


# --- the paper's account of the trade (c11, c01/c36) ----------------------------------------------
def decline(deliveries: pd.Series, orders: pd.Series, before=(1995, 1999), during=(2000, 2004), sharp=0.25):
    """c11, a steep fall of Russian arms exports to China in the early 2000s.

    Test: the paper's exports are deliveries (its own figures are actual transfers). Borne out
    if yearly deliveries in ``during`` averaged at least ``sharp`` (a quarter) below ``before``;
    partly if lower by less; not borne out if not lower. Orders are computed the same way and
    reported beside, not graded.
    """
    d0, d1 = mean_over(deliveries, *before), mean_over(deliveries, *during)
    o0, o1 = mean_over(orders, *before), mean_over(orders, *during)
    change = d1 / d0 - 1
    grade = "borne out" if change <= -sharp else ("partly" if change < 0 else "not borne out")
    return Verdict(
        grade,
        {
            "before": sipri.window_label(*before),
            "during": sipri.window_label(*during),
            "deliveries_before": d0,
            "deliveries_during": d1,
            "deliveries_change": 100 * change,
            "orders_before": o0,
            "orders_during": o1,
            "orders_change": 100 * (o1 / o0 - 1),
        },
    )


def recovery(deliveries: pd.Series, orders: pd.Series, strong=0.25, paper_year=PAPER_YEAR):
    """c01 and c36, a strong recovery already under way in 2012.

    Test: compare the five years after the paper with the five years up to it, in deliveries
    (what the paper's own figure measures) and in new orders. Borne out if both rose by at least
    ``strong`` (a quarter); partly if one did; not borne out if neither. Also reported: the first
    year after the paper whose deliveries passed the five-year average up to it.
    """
    before = (paper_year - 4, paper_year)
    after = (paper_year + 1, paper_year + 5)
    d0, d1 = mean_over(deliveries, *before), mean_over(deliveries, *after)
    o0, o1 = mean_over(orders, *before), mean_over(orders, *after)
    passes = int(d1 >= (1 + strong) * d0) + int(o1 >= (1 + strong) * o0)
    return Verdict(
        _grade(passes, 2),
        {
            "before": sipri.window_label(*before),
            "after": sipri.window_label(*after),
            "deliveries_change": 100 * (d1 / d0 - 1),
            "orders_change": 100 * (o1 / o0 - 1),
            "deliveries_first_above": first_year_above(deliveries, d0, paper_year),
        },
    )


# --- the next deals ---------------------------------------------------------------------------------
def _deal(register: pd.DataFrame, designation: str) -> pd.Series:
    rows = register[register["Weapon designation"] == designation]
    if len(rows) != 1:
        raise ValueError(f"sipri_register: {len(rows)} deals for {designation!r}, expected 1")
    return rows.iloc[0]


def s400_wait(register: pd.DataFrame, year: int = 2017, designation: str = "S-400 Triumf"):
    """c58 (with c33): Russia's stated position that no S-400 sale would take place before
    ``year`` and that the system would not be available to China before then.

    Test: the date given for availability held if the first S-400 delivery came in ``year`` or
    later; the refusal to sell held if the order came in ``year`` or later. Borne out if both
    held, partly if one did, not borne out if neither.
    """
    deal = _deal(register, designation)
    first = min(sipri.delivery_years(deal["Year(s) of delivery"]))
    ordered = int(deal["Year of order"])
    return Verdict(
        _grade(int(first >= year) + int(ordered >= year), 2),
        {"ordered": ordered, "first_delivery": first, "year": year},
    )


def no_deal(register: pd.DataFrame, names=("Il-76MD-90A", "Il-476"), after: int = PAPER_YEAR):
    """c46, the Il-476: the plant's delays the only visible obstacle to a deal.

    Test: borne out if SIPRI's register records an order for the aircraft after the paper; not
    borne out if it records none.
    """
    found = register[register["Weapon designation"].isin(names) & (register["Year of order"] > after)]
    return Verdict("borne out" if len(found) else "not borne out", {"deals": len(found)})


# --- the decade: the trade's level and growth ---------------------------------------------------------
def nineties_level(deliveries: pd.Series, bar=(1992, 1999), soon: int = 5, paper_year=PAPER_YEAR):
    """c59, trade soon close to its level of the 1990s.

    Test: the bar is the yearly average of Russia's deliveries in ``bar`` (from 1992, when SIPRI's
    supplier becomes Russia; the with-USSR average of 1990-99 was already passed before the paper
    and could not test it). Borne out if deliveries pass the bar within ``soon`` years of the
    paper; partly if later; not borne out if never. A bar already passed in the three years up to
    the paper makes the test uninformative, which is an error.
    """
    level = mean_over(deliveries, *bar)
    already = [int(y) for y in deliveries.loc[paper_year - 2 : paper_year].index if deliveries[y] > level]
    if already:
        raise ValueError(f"the bar was passed in {already}, before the paper: it tests nothing")
    first = first_year_above(deliveries, level, paper_year)
    grade = "not borne out" if first is None else ("borne out" if first <= paper_year + soon else "partly")
    above = [int(y) for y, v in deliveries.items() if y > paper_year and v > level]
    return Verdict(
        grade,
        {"bar": sipri.window_label(*bar), "level": level, "first": first, "years_above": above},
    )


_VALUE = re.compile(r"\$(\d+(?:\.\d+)?) ?([bm]) deal")


def stated_value(comment) -> float | None:
    """The contract value in billion dollars that SIPRI's comment gives ('$2 b deal'), else None."""
    found = _VALUE.search(str(comment)) if isinstance(comment, str) else None
    if not found:
        return None
    return float(found.group(1)) * (1.0 if found.group(2) == "b" else 0.001)


def dollars_by_year(register: pd.DataFrame, rows: pd.DataFrame, after: int = PAPER_YEAR) -> pd.DataFrame:
    """A rough dollar value of deliveries per year, from the contract values SIPRI's comments give.

    Each deal with a stated value is spread over its years of delivery in proportion to the units
    delivered each year (SIPRI's per-year rows, matched to the deal by designation, year of order
    and number delivered); only deals with deliveries after ``after`` count. Deals without a
    stated value count nothing, so the result is a floor,
    not an estimate of the whole trade. Returns one row per (deal, year): designation,
    year, value (billion dollars).
    """
    out = []
    valued = register.assign(value=register["Comments"].map(stated_value)).dropna(subset=["value"])
    later = valued["Year(s) of delivery"].map(lambda y: max(sipri.delivery_years(y), default=0) > after)
    valued = valued[later]
    from mtcreport import structure

    names = set(valued["Weapon designation"])

    def name(designation: str) -> str | None:
        try:
            return structure.register_name(designation, names)
        except ValueError:  # not one of the valued deals
            return None

    deals = rows.assign(family=rows["Designation"].map(name))
    totals = deals.groupby(["SIPRI AT Database ID", "family", "Order date"])["Numbers delivered"].sum()
    for deal in valued.to_dict("records"):
        name, ordered, number = deal["Weapon designation"], deal["Year of order"], deal["Number delivered"]
        match = [key for key, n in totals.items() if key[1] == name and key[2] == ordered and n == number]
        if len(match) != 1:
            raise ValueError(
                f"sipri_deliveries: {len(match)} per-year deals match {name} ordered {ordered} "
                f"({number} delivered)"
            )
        years = deals[deals["SIPRI AT Database ID"] == match[0][0]]
        per_unit = deal["value"] / years["Numbers delivered"].sum()
        for year, n in years.groupby("Delivery year")["Numbers delivered"].sum().items():
            out.append({"designation": name, "year": int(year), "value": per_unit * n})
    return pd.DataFrame(out, columns=["designation", "year", "value"])


def fast_growth(
    register: pd.DataFrame, rows: pd.DataFrame, deliveries: pd.Series, bar=2.0, paper_year=PAPER_YEAR
):
    """c48, growth above two billion dollars a year if two of the four big projects went ahead.

    Test: the condition holds if SIPRI records orders after the paper for at least two of the
    four projects (Su-35S, S-400, Il-476, 117S engines). Then: borne out if the floor of
    :func:`dollars_by_year` passes ``bar`` billion dollars in two years or more; partly if in one
    year; not borne out if in none.
    """
    later = set(register.loc[register["Year of order"] > paper_year, "Weapon designation"])
    projects = {"Su-35S": "Su-35S", "S-400": "S-400 Triumf", "Il-476": "Il-76MD-90A", "117S": "AL-41F-1S"}
    went_ahead = [name for name, d in projects.items() if d in later]
    if len(went_ahead) < 2:
        raise ValueError("fewer than two of the four projects went ahead: the forecast's condition failed")
    by_year = dollars_by_year(register, rows).groupby("year")["value"].sum()
    over = [int(y) for y, v in by_year.items() if y > paper_year and v > bar]
    grade = "borne out" if len(over) >= 2 else ("partly" if over else "not borne out")
    peak = int(by_year.idxmax())
    return Verdict(
        grade,
        {
            "went_ahead": went_ahead,
            "years_over": over,
            "peak_year": peak,
            "peak_value": float(by_year[peak]),
            "tiv_growth": float(deliveries.loc[paper_year + 1 :].max() / deliveries[paper_year]),
        },
    )


def moderate_growth(deliveries: pd.Series, decade: int = 10, moderate=0.5, paper_year=PAPER_YEAR):
    """c51, cooperation likely to go on, with moderate growth of Russian exports to China.

    Test: over the ``decade`` years after the paper, borne out if deliveries continued every year
    and their yearly average rose above the five years up to the paper by no more than
    ``moderate`` (half); partly if they continued but fell or grew faster; not borne out if a year
    had none.
    """
    years = range(paper_year + 1, paper_year + decade + 1)
    continued = all(deliveries.get(y, 0) > 0 for y in years)
    change = (
        mean_over(deliveries, years[0], years[-1]) / mean_over(deliveries, paper_year - 4, paper_year) - 1
    )
    grade = "borne out" if 0 < change <= moderate else "partly"
    grade = grade if continued else "not borne out"
    return Verdict(
        grade,
        {
            "decade": sipri.window_label(years[0], years[-1]),
            "continued": continued,
            "change": 100 * change,
            "peak_year": int(deliveries.loc[years[0] : years[-1]].idxmax()),
        },
    )


# --- every computed row ------------------------------------------------------------------------------
def computed(register: pd.DataFrame, rows: pd.DataFrame, tiv: pd.DataFrame) -> dict[str, Verdict]:
    """The verdict of every computed outcome row, by outcome id (typed frames, as loaded by
    :mod:`mtcreport.data`, or text frames as the importer reads them)."""
    from mtcreport import hindsight, structure

    register, rows, tiv = _typed(register, rows, tiv)
    deliveries = tiv.set_index("year")["tiv_millions"].sort_index()
    orders = hindsight.orders_by_year(register, years=deliveries.index)
    last = int(rows["Delivery year"].max())
    periods = structure.periods(last)
    shares = structure.shares_by_period(structure.kinds_by_period(rows, register, periods))
    return {
        "decline": decline(deliveries, orders),
        "recovery": recovery(deliveries, orders),
        "s400": s400_wait(register),
        "il476": no_deal(register),
        "nineties_level": nineties_level(deliveries),
        "fast_growth": fast_growth(register, rows, deliveries),
        "cooperation_continues": moderate_growth(deliveries),
        "structure": Verdict(
            structure.thesis_verdict(shares, [sipri.window_label(*p) for p in periods[1:]]),
            {"shares": shares},
        ),
    }


def _typed(register, rows, tiv):
    num = pd.to_numeric
    register = register.assign(
        **{
            c: num(register[c].replace("", None))
            for c in [
                "Year of order",
                "Number delivered",
                "SIPRI TIV for total order",
                "SIPRI TIV of delivered weapons",
            ]
        }
    )
    register = register.assign(**{"Year of order": register["Year of order"].astype(int)})
    rows = rows.assign(
        **{
            c: num(rows[c])
            for c in ["Order date", "Delivery year", "Numbers delivered", "TIV delivery values"]
        }
    )
    tiv = tiv.assign(year=num(tiv["year"]).astype(int), tiv_millions=num(tiv["tiv_millions"]))
    return register, rows, tiv


def apply(outcomes: pd.DataFrame, grades: dict[str, Verdict]) -> pd.DataFrame:
    """The outcomes with each computed row's verdict replaced by the computed grade, and a column
    ``recorded`` keeping the verdict typed in the file (where the two differ, the row's reason
    was written for the recorded grade and needs review)."""
    computed_rows = outcomes["basis"] == "computed"
    missing = set(outcomes.loc[computed_rows, "id"]) - set(grades)
    if missing:
        raise ValueError(f"outcomes: no computation for the computed row(s) {sorted(missing)}")
    verdict = [
        grades[i].grade if c else v
        for i, c, v in zip(outcomes["id"], computed_rows, outcomes["verdict"], strict=True)
    ]
    return outcomes.assign(recorded=outcomes["verdict"], verdict=verdict)


def changes(before: dict[str, Verdict], after: dict[str, Verdict]) -> list[dict]:
    """The computed verdicts a new edition changed: id, old grade, new grade."""
    return [
        {"id": key, "old": before[key].grade if key in before else None, "new": after[key].grade}
        for key in sorted(after)
        if key not in before or before[key].grade != after[key].grade
    ]


# --- the figures behind each computed verdict, in words ------------------------------------------------
def _tiv(value: float) -> str:
    from mtcreport import fmt

    return f"{fmt.rounded(value)} million TIV"


def _change(value: float) -> str:
    from mtcreport import fmt

    return ("+" if value >= 0 else "−") + fmt.percent(abs(value))


def evidence(key: str, v: Verdict) -> str:
    """One sentence of the figures a computed verdict rests on (for the detailed scorecard)."""
    from mtcreport import fmt

    f = v.facts
    if key == "decline":
        return (
            f"Yearly deliveries {f['during']} against {f['before']}: {_tiv(f['deliveries_during'])} against "
            f"{_tiv(f['deliveries_before'])} ({_change(f['deliveries_change'])}); new orders "
            f"{_change(f['orders_change'])}."
        )
    if key == "recovery":
        first = f["deliveries_first_above"]
        return (
            f"Yearly averages, {f['after']} against {f['before']}: deliveries "
            f"{_change(f['deliveries_change'])}, new orders {_change(f['orders_change'])}; deliveries first "
            f"passed their {f['before']} average in {first if first else 'no year since'}."
        )
    if key == "s400":
        return f"SIPRI: ordered {f['ordered']}, first delivered {f['first_delivery']}."
    if key == "il476":
        return f"Il-476 (Il-76MD-90A) orders in SIPRI's register after the paper: {f['deals']}."
    if key == "nineties_level":
        above = f["years_above"]
        contiguous = above and max(above) - min(above) + 1 == len(above)
        when = (
            fmt.span(min(above), max(above))
            if contiguous
            else (fmt.listing([str(y) for y in above]) or "no year")
        )
        return f"The {f['bar']} average, {_tiv(f['level'])} a year, was passed in {when}."
    if key == "fast_growth":
        over = fmt.listing([str(y) for y in f["years_over"]]) or "no year"
        return (
            f"Projects that went ahead: {fmt.listing(f['went_ahead'])}. Dollar floor above 2 billion in "
            f"{over}; highest ${fmt.rounded(f['peak_value'], 1)} bn in {f['peak_year']}. Deliveries' peak "
            f"after the paper was {fmt.rounded(f['tiv_growth'], 1)} times those of {PAPER_YEAR} in TIV "
            "(latest edition for each year)."
        )
    if key == "cooperation_continues":
        return (
            f"Deliveries every year of {f['decade']}: {'yes' if f['continued'] else 'no'}; yearly average "
            f"{_change(f['change'])} against the five years up to the paper; peak in {f['peak_year']}."
        )
    if key == "structure":
        from mtcreport import structure

        shares = f["shares"]
        comp = structure.components_share(shares)
        return (
            "Components (engines and other subsystems) against platforms, share of TIV: "
            + "; ".join(
                f"{p} {fmt.percent(comp[p])} against {fmt.percent(shares.at[p, 'platforms'])}"
                for p in shares.index
            )
            + "."
        )
    raise ValueError(f"no evidence text for the computed verdict {key!r}")
