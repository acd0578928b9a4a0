"""The hindsight analyses: the paper's forecasts against SIPRI's data after 2012.

Every function here takes the tables of ``data/external/`` (as loaded by ``mtcreport.data``) and
returns plain numbers or small frames, so that chapter 7 and any summary page compute each
headline figure the same way. Conventions, stated once:

- **Russia includes the Soviet Union.** SIPRI names the supplier "Soviet Union" up to 1991 and
  "Russia" from 1992; deals ordered from the one were completed by the other. Every share and
  series here pools the two under :data:`mtcreport.sipri.RUSSIA` (:func:`mtcreport.sipri.merge_russia`;
  the window share itself is :func:`mtcreport.sipri.russia_share`).
- **One edition per window.** A five-year window is computed from one SIPRI edition only: the
  latest edition that covers it whole, or, for a window SIPRI published itself, the edition of
  that publication where we have it (else the earliest we have that covers it).
- **Orders are valued at SIPRI's TIV for the whole order.** Where SIPRI gives no order size (a
  total of 0 with deliveries recorded), the TIV of the weapons delivered so far stands in.
- **Rounding is half up** (586.5 -> 587), as readers expect, not Python's half-even.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import sipri


# --- editions and windows -----------------------------------------------------------------------
def _edition_years(frame: pd.DataFrame) -> dict[str, set[int]]:
    frame = sipri.with_edition(frame)
    return {ed: set(rows["year"]) for ed, rows in frame.groupby("edition")}


def _covers(years: set[int], first: int, last: int) -> bool:
    return set(range(first, last + 1)) <= years


def latest_covering(frame: pd.DataFrame, first: int, last: int) -> str:
    """The latest SIPRI edition in ``frame`` whose rows cover every year first..last."""
    found = [ed for ed, years in _edition_years(frame).items() if _covers(years, first, last)]
    if not found:
        raise ValueError(f"no edition covers {sipri.window_label(first, last)}")
    return max(found)


def publication_edition(frame: pd.DataFrame, first: int, last: int) -> str:
    """The edition SIPRI published a window in (the March after its last year) if present,
    else the earliest edition in ``frame`` that covers the window."""
    wanted = f"{last + 1} update"
    editions = _edition_years(frame)
    if wanted in editions and _covers(editions[wanted], first, last):
        return wanted
    found = [ed for ed, years in editions.items() if _covers(years, first, last)]
    if not found:
        raise ValueError(f"no edition covers {sipri.window_label(first, last)}")
    return min(found)


def successive_windows(imports: pd.DataFrame, width: int = 5) -> list[tuple[int, int, str]]:
    """Non-overlapping windows from the first year of the data, each with its latest covering edition.

    A window is kept only if one edition covers it whole; the last, partial window is dropped.
    """
    editions = _edition_years(imports)
    start, end = min(min(y) for y in editions.values()), max(max(y) for y in editions.values())
    windows = []
    for first in range(start, end - width + 2, width):
        last = first + width - 1
        if any(_covers(years, first, last) for years in editions.values()):
            windows.append((first, last, latest_covering(imports, first, last)))
    return windows


def latest_window(imports: pd.DataFrame, width: int = 5) -> tuple[int, int, str]:
    """The five years up to the last year of the data, in the edition that has that year."""
    last = int(imports["year"].max())
    first = last - width + 1
    return first, last, latest_covering(imports, first, last)


# --- shares of China's imports ------------------------------------------------------------------
def shares_table(imports: pd.DataFrame, windows, threshold: float = 5.0) -> pd.DataFrame:
    """One row per window: Russia's share, the other suppliers at or above ``threshold`` per cent
    (named, largest first), and the rest pooled.

    Columns: period, first, last, edition, russia (float, %), others (list of (name, %)),
    rest (float, %).
    """
    rows = []
    for first, last, edition in windows:
        totals = sipri.window_totals(imports, first, last, edition)
        share = 100 * totals / totals.sum()
        russia = sipri.russia_share(imports, first, last, edition)
        others = share.drop(sipri.RUSSIA, errors="ignore").sort_values(ascending=False)
        named = [(name, float(v)) for name, v in others.items() if v >= threshold]
        rows.append(
            {
                "period": sipri.window_label(first, last),
                "first": first,
                "last": last,
                "edition": edition,
                "russia": russia,
                "others": named,
                "rest": float(100 - russia - sum(v for _, v in named)),
            }
        )
    return pd.DataFrame(rows)


def published_windows(indicators: pd.DataFrame, prefix: str = "sipri_published_share_") -> pd.DataFrame:
    """SIPRI's own published Russia shares (indicator rows ``sipri_published_share_YYYY_YY``).

    Returns id, first, last, value (per cent), source.
    """
    rows = indicators[indicators["id"].str.startswith(prefix)]
    out = []
    for row in rows.itertuples(index=False):
        first, last2 = row.id[len(prefix) :].split("_")
        first = int(first)
        last = first // 100 * 100 + int(last2)
        last += 100 if last < first else 0
        out.append(
            {"id": row.id, "first": first, "last": last, "value": float(row.value_low), "source": row.source}
        )
    return pd.DataFrame(out).sort_values("first").reset_index(drop=True)


# --- orders against deliveries ------------------------------------------------------------------
def order_values(register: pd.DataFrame) -> pd.Series:
    """TIV of each deal as ordered; SIPRI's delivered TIV where it gives no order total."""
    total = register["SIPRI TIV for total order"].fillna(0.0)
    delivered = register["SIPRI TIV of delivered weapons"].fillna(0.0)
    return total.where(total > 0, delivered)


def orders_by_year(register: pd.DataFrame, years=None) -> pd.Series:
    """TIV of new orders by year of order (Russia incl. USSR to China); missing years are 0."""
    values = order_values(register).groupby(register["Year of order"]).sum()
    if years is None:
        years = range(int(values.index.min()), int(values.index.max()) + 1)
    return values.reindex(years, fill_value=0.0).rename("orders")


def last_order_year(register: pd.DataFrame) -> int:
    """The latest year in which SIPRI records a new order."""
    return int(register["Year of order"].max())


def orders_after(register: pd.DataFrame, year: int) -> pd.DataFrame:
    """Deals ordered after ``year``, oldest first, with their TIV as ordered."""
    later = register[register["Year of order"] > year]
    return later.assign(order_tiv=order_values(later)).sort_values(["Year of order", "Weapon designation"])


def mean_per_year(series: pd.Series, first: int, last: int) -> float:
    """Average yearly value over first..last (all years must be present)."""
    part = series.loc[first:last]
    if len(part) != last - first + 1:
        raise ValueError(f"series does not cover {first}-{last}")
    return float(part.mean())


# --- what is still delivered --------------------------------------------------------------------
def engine_designations(register: pd.DataFrame) -> set[str]:
    """SIPRI designations of the engines (turbofans) in the register."""
    return set(register.loc[register["Weapon description"] == "turbofan", "Weapon designation"])


def engine_share_by_year(deliveries: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Per delivery year: total TIV, engine TIV and engines' share (%) of that year's TIV."""
    family = deliveries["Designation"].map(sipri.engine_family)
    is_engine = family.isin(engine_designations(register))
    total = deliveries.groupby("Delivery year")["TIV delivery values"].sum()
    engines = deliveries[is_engine].groupby("Delivery year")["TIV delivery values"].sum()
    engines = engines.reindex(total.index, fill_value=0.0)
    return pd.DataFrame({"total": total, "engines": engines, "share": 100 * engines / total})


def engines_above_half_from(share: pd.DataFrame, after: int, level: float = 50.0) -> int:
    """The year from which engines have stayed above ``level`` % of yearly TIV, looking only at
    the years after ``after`` (the first such year if they never fell back)."""
    above = share["share"] > level
    later = above[above.index > after]
    return int(later[~later].index.max() + 1 if (~later).any() else later.index.min())


def engine_deliveries_by_year(deliveries: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Engines delivered per year and engine family (columns), every year of the deliveries
    table present (0 where none)."""
    rows = deliveries.assign(Engine=deliveries["Designation"].map(sipri.engine_family))
    engine_rows = rows[rows["Engine"].isin(engine_designations(register))]
    years = range(int(rows["Delivery year"].min()), int(rows["Delivery year"].max()) + 1)
    return (
        engine_rows.pivot_table(
            index="Delivery year", columns="Engine", values="Numbers delivered", aggfunc="sum"
        )
        .reindex(years)
        .fillna(0)
    )


def engine_deals(register: pd.DataFrame) -> pd.DataFrame:
    """The register's engine (turbofan) deals, each with its list of delivery years (``years``)."""
    engines = register[register["Weapon description"] == "turbofan"].copy()
    engines["years"] = engines["Year(s) of delivery"].map(sipri.delivery_years)
    return engines


def widest_revision(editions: pd.DataFrame) -> tuple[int, pd.Series]:
    """The delivery year whose TIV differs most between SIPRI's editions, and each edition's
    value for it (``editions`` as :func:`mtcreport.sipri.with_edition` returns it)."""
    spread = editions.groupby("year")["tiv_millions"].agg(["min", "max"])
    widest = int((spread["max"] - spread["min"]).idxmax())
    return widest, editions[editions["year"] == widest].set_index("edition")["tiv_millions"]


# --- the relationship reversed ------------------------------------------------------------------
def exporter_series(tables: pd.DataFrame, series: str) -> pd.Series:
    """One series of SIPRI's TIV tables ('China total arms exports', ...) indexed by year."""
    rows = tables[tables["series"] == series]
    if rows.empty:
        raise ValueError(f"no series {series!r} in sipri_tiv_tables")
    return rows.set_index("year")["tiv_millions"].sort_index()


def crossover_year(tables: pd.DataFrame) -> int | None:
    """First year in which China's arms exports exceed Russia's in SIPRI's tables (None if never).

    Only years present in both series count (Russia's series starts in 1992).
    """
    china = exporter_series(tables, "China total arms exports")
    russia = exporter_series(tables, "Russia total arms exports")
    both = pd.concat([china.rename("china"), russia.rename("russia")], axis=1, join="inner")
    above = both.index[both["china"] > both["russia"]]
    return int(above.min()) if len(above) else None


def china_share_of_russia(tables: pd.DataFrame, tiv_editions: pd.DataFrame) -> pd.DataFrame:
    """China's share of Russia's arms exports by year, both from the edition of the TIV tables."""
    ed = sipri.edition(tables["sipri_edition"].iloc[0])
    to_china = sipri.with_edition(tiv_editions)
    to_china = to_china[to_china["edition"] == ed].set_index("year")["tiv_millions"]
    russia = exporter_series(tables, "Russia total arms exports")
    both = pd.concat([to_china.rename("to_china"), russia.rename("russia")], axis=1, join="inner")
    return both.assign(share=100 * both["to_china"] / both["russia"], edition=ed)


def china_share_of_russia_window(shares: pd.DataFrame, first: int, last: int) -> float:
    """China's share of Russia's exports summed over a window (from :func:`china_share_of_russia`)."""
    part = shares.loc[first:last]
    if len(part) != last - first + 1:
        raise ValueError(f"no full data for {sipri.window_label(first, last)}")
    return float(100 * part["to_china"].sum() / part["russia"].sum())


# --- headline results (for a findings page) -----------------------------------------------------
def verdict_counts(outcomes: pd.DataFrame) -> dict[str, int]:
    """Number of scorecard rows per verdict, in the scale's order (every verdict listed)."""
    order = ["borne out", "partly", "not borne out", "open", "not testable"]
    unknown = set(outcomes["verdict"]) - set(order)
    if unknown:
        raise ValueError(f"outcomes: unknown verdict(s) {sorted(unknown)}")
    counts = outcomes["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in order}


def post_paper_peak(tiv: pd.DataFrame, paper_year: int) -> tuple[int, float]:
    """Year and TIV of the highest yearly deliveries after the paper's year."""
    after = tiv[tiv["year"] > paper_year]
    row = after.loc[after["tiv_millions"].idxmax()]
    return int(row["year"]), float(row["tiv_millions"])


def last_data_year(tiv: pd.DataFrame) -> tuple[int, float]:
    """The last year of the delivery series and its TIV."""
    row = tiv.loc[tiv["year"].idxmax()]
    return int(row["year"]), float(row["tiv_millions"])


def latest_russia_share(imports: pd.DataFrame) -> tuple[str, float, str]:
    """Russia's share of China's imports in the latest five-year window: (label, %, edition)."""
    first, last, edition = latest_window(imports)
    return sipri.window_label(first, last), sipri.russia_share(imports, first, last, edition), edition


# --- the paper's "levels of the 1990s" ------------------------------------------------------------
#: The paper's "1990s": the calendar decade (its words, not a choice of this report).
NINETIES = (1990, 1999)


def first_russian_year(tiv: pd.DataFrame) -> int:
    """First year whose deliveries SIPRI books under 'Russia' rather than 'Soviet Union'."""
    return int(tiv.loc[tiv["supplier_in_sipri"] == "Russia", "year"].min())


def years_above(series: pd.Series, level: float, after: int) -> list[int]:
    """Years after ``after`` in which ``series`` (index = year) exceeds ``level``."""
    return [int(y) for y, v in series.items() if y > after and v > level]


def largest_order_year_after(orders: pd.Series, year: int) -> int:
    """The year after ``year`` with the largest TIV of new orders."""
    return int(orders[orders.index > year].idxmax())


def tiv_share_in(to_china: pd.DataFrame, year: int) -> tuple[float, float]:
    """China's deliveries (million TIV) and their share (%) of Russia's arms exports in ``year``,
    both from one edition (``to_china`` as :func:`china_share_of_russia` returns it)."""
    row = to_china.loc[year]
    return float(row["to_china"]), float(100 * row["to_china"] / row["russia"])


def last_year_below(series: pd.Series, level: float, before: int) -> int:
    """The last year before ``before`` in which the series was lower than ``level``."""
    return int(series[(series.index < before) & (series < level)].index.max())


def order_peak_rank(orders: pd.Series, peak: int) -> str:
    """How a year's orders rank: the most since the register begins, or since an earlier year
    with at least as much."""
    larger_before = orders[(orders.index < peak) & (orders >= orders[peak])]
    if larger_before.empty:
        return f"the most of any year since {int(orders.index.min())}, when the register begins"
    return f"the most since {int(larger_before.index.max())}"


def stated_exports(official: pd.DataFrame) -> pd.DataFrame:
    """Official export figures, one per year: a final figure replaces a preliminary one; ``exact``
    marks the figures reported or final (the others are approximate)."""
    stated = official[official["qualifier"] != "preliminary"]
    return stated.assign(exact=stated["qualifier"].isin(["reported", "final"]))
