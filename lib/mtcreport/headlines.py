"""How far the report's headline sentences depend on one SIPRI edition, one entry or one year.

Each function returns the figures a headline needs *and* the figures that show its sensitivity,
so that the page states both: a ranking with and without an open-ended entry, a growth ratio in
every edition held, a share for one year beside the pooled share of a period, a single-year
crossover beside SIPRI's own five-year comparison.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import hindsight, sipri, structure


def open_ended(register: pd.DataFrame) -> pd.Series:
    """Deals with no order size in SIPRI's register (TIV for the whole order 0, deliveries recorded):
    their TIV as ordered is whatever has been delivered so far, booked to the year of order."""
    return register["SIPRI TIV for total order"].fillna(0.0).eq(0) & register[
        "SIPRI TIV of delivered weapons"
    ].fillna(0.0).gt(0)


def larger_before(orders: pd.Series, year: int) -> list[int]:
    """Years before ``year`` whose new orders were at least as large."""
    return [int(y) for y, v in orders.items() if y < year and v >= orders[year]]


def order_peak(register: pd.DataFrame, years, after: int) -> dict:
    """The year after ``after`` with the most new orders, how it ranks, and how it ranks with the
    open-ended entries left out (:func:`open_ended`)."""
    orders = hindsight.orders_by_year(register, years=years)
    peak = hindsight.largest_order_year_after(orders, after)
    closed = hindsight.orders_by_year(register[~open_ended(register)], years=years)
    entries = register[open_ended(register) & register["Year of order"].eq(peak)]
    return {
        "year": peak,
        "tiv": float(orders[peak]),
        "larger_before": larger_before(orders, peak),
        "open_entries": list(entries["Weapon designation"]),
        "open_tiv": float(hindsight.order_values(entries).sum()),
        "larger_before_closed": larger_before(closed, peak),
        "first_year": int(orders.index.min()),
    }


def growth_by_edition(editions: pd.DataFrame, first: int, peak: int) -> pd.Series:
    """Deliveries in ``peak`` divided by those in ``first``, in every edition that has both years."""
    frame = sipri.with_edition(editions).pivot(index="year", columns="edition", values="tiv_millions")
    both = frame.loc[[first, peak]].dropna(axis=1)
    if both.empty:
        raise ValueError(f"no edition has both {first} and {peak}")
    return (both.loc[peak] / both.loc[first]).rename("ratio")


def last_year_mix(deliveries: pd.DataFrame, register: pd.DataFrame, period: tuple[int, int]) -> dict:
    """The last year's deliveries by kind, what is not an engine in it (designation and SIPRI's
    comment), and the shares of engines and of all components pooled over ``period``."""
    last = int(deliveries["Delivery year"].max())
    year = structure.classify(deliveries[deliveries["Delivery year"] == last], register)
    total = float(year["TIV delivery values"].sum())
    engines = float(year.loc[year["kind"] == "engines", "TIV delivery values"].sum())
    names = set(register["Weapon designation"])
    descriptions = structure.descriptions(register)
    comments = {
        (name, int(year)): comment
        for name, year, comment in zip(
            register["Weapon designation"], register["Year of order"], register["Comments"], strict=True
        )
    }
    others = []
    for row in year[year["kind"] != "engines"].to_dict("records"):
        name = structure.register_name(row["Designation"], names)
        others.append(
            {
                "designation": name,
                "kind": row["kind"],
                "number": int(row["Numbers delivered"]),
                "tiv": float(row["TIV delivery values"]),
                "description": descriptions[name],
                "comment": ""
                if pd.isna(comment := comments.get((name, int(row["Order date"]))))
                else comment,
            }
        )
    pooled = structure.kinds_by_period(deliveries, register, [period])
    shares = structure.shares_by_period(pooled).iloc[0]
    return {
        "year": last,
        "total": total,
        "engines": engines,
        "others": others,
        "period": sipri.window_label(*period),
        "period_engines": float(shares["engines"]),
        "period_components": float(shares["engines"] + shares["other subsystems"]),
    }


def exporters_by_window(tables: pd.DataFrame, width: int = 5) -> pd.DataFrame:
    """China's and Russia's arms exports summed over SIPRI's five-year windows (non-overlapping,
    ending with the last year both series have), with the single years for comparison."""
    china = hindsight.exporter_series(tables, "China total arms exports")
    russia = hindsight.exporter_series(tables, "Russia total arms exports")
    both = pd.concat([china.rename("china"), russia.rename("russia")], axis=1, join="inner").sort_index()
    last = int(both.index.max())
    out = []
    end = last
    while end - width + 1 >= both.index.min():
        part = both.loc[end - width + 1 : end]
        out.append(
            {"period": sipri.window_label(end - width + 1, end), "first": end - width + 1, "last": end}
            | {k: float(part[k].sum()) for k in ("china", "russia")}
        )
        end -= width
    return pd.DataFrame(out[::-1])


def crossover(tables: pd.DataFrame) -> dict:
    """The single year China's exports first passed Russia's, and whether they did on SIPRI's
    five-year convention (the first window in which they did, else None, and the latest window)."""
    windows = exporters_by_window(tables)
    above = windows[windows["china"] > windows["russia"]]
    latest = windows.iloc[-1]
    return {
        "year": hindsight.crossover_year(tables),
        "window": None if above.empty else str(above.iloc[0]["period"]),
        "latest_window": str(latest["period"]),
        "latest_ratio": float(latest["china"] / latest["russia"]),
    }
