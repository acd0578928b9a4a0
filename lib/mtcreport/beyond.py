"""What the trade figures do not show: the limits of SIPRI's TIV, measured on SIPRI's own rows, and
the outside facts of chapter 8 (``data/developments.csv``) set out by kind and date.

Conventions (those of :mod:`mtcreport.hindsight` apply too: Russia includes the Soviet Union, one
edition per window, rounding half up):

- **Built in China.** SIPRI books a weapon made in China under a Russian licence, or assembled in
  China from Russian kits, as a Russian delivery. Its register says so only in the free-text
  ``Comments``; :func:`local_production` reads them. A comment that says the item itself is
  produced under licence in China, assembled from kits, or is a Chinese-produced version counts
  as *built in China*; one that says so with "possibly" or "probably", or only for part of the
  deal, counts as *possibly built in China*. "For J-10 combat aircraft produced in China" is
  about the aircraft, not the engine, and does not count.
- **Windows.** A five-year window is first..first+4; a change between windows compares the sums
  of two windows of the same edition, as SIPRI's fact sheets do.
"""

from __future__ import annotations

import re

import pandas as pd

from mtcreport import sipri

BUILT = "built in China"
POSSIBLE = "possibly built in China"
IMPORTED = "delivered from Russia"
PRODUCTION_CLASSES = (BUILT, POSSIBLE, IMPORTED)

# Hedged or partial first: "possibly produced under licence in China" also contains the plain phrase.
_POSSIBLE = re.compile(
    r"possibly produced under licen[cs]e in China"
    r"|possibly assembled in China from kits"
    r"|possibly produced or copied in China"
    r"|(?:possibly|probably) incl(?:uding|\.)? production in China"
    r"|incl(?:uding|\.)? production of [^;]* in China",
    re.IGNORECASE,
)
_BUILT = re.compile(r"produced under licen[cs]e in China|assembled from kits|Chinese-produced", re.IGNORECASE)


# --- licence production booked as Russian deliveries --------------------------------------------
def local_production(comment) -> str:
    """Classify one register comment: :data:`BUILT`, :data:`POSSIBLE` or :data:`IMPORTED`."""
    if comment is None or pd.isna(comment):
        return IMPORTED
    if _POSSIBLE.search(comment):
        return POSSIBLE
    if _BUILT.search(comment):
        return BUILT
    return IMPORTED


def _register_key(register: pd.DataFrame, designation: str, order_year: int) -> list[int]:
    """Register rows (positions) that a per-year delivery row belongs to: same year of order and
    the same designation, or one designation the start of the other ('S-300PMU2' and
    'S-300PMU2 Favorit'; 'Ka-31 AEW' and 'Ka-31'). Engines lose their thrust class first."""
    name = sipri.engine_family(designation)
    same_year = register[register["Year of order"] == order_year]
    exact = same_year.index[same_year["Weapon designation"] == name]
    if len(exact):
        return list(exact)
    names = same_year["Weapon designation"]
    return list(same_year.index[[n.startswith(name) or name.startswith(n) for n in names]])


def delivery_production(deliveries: pd.DataFrame, register: pd.DataFrame) -> pd.Series:
    """For each per-year delivery row, the production class of its deal in the register.

    Raises ``ValueError`` naming the row when no register deal matches, or when the deals that
    match (two deals of one designation in one year) disagree.
    """
    register = register.reset_index(drop=True)
    classes = register["Comments"].map(local_production)
    out = []
    for _, row in deliveries.iterrows():
        designation, order_year = row["Designation"], int(row["Order date"])
        found = _register_key(register, designation, order_year)
        if not found:
            raise ValueError(
                f"sipri_deliveries row {row['id']}: no register deal for {designation!r} ordered in "
                f"{order_year}"
            )
        kinds = set(classes.iloc[found])
        if len(kinds) > 1:
            raise ValueError(
                f"sipri_deliveries row {row['id']}: the register deals for {designation!r} ordered in "
                f"{order_year} disagree on where they were built ({', '.join(sorted(kinds))})"
            )
        out.append(kinds.pop())
    return pd.Series(out, index=deliveries.index, name="production")


def licence_built_by_year(deliveries: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Per delivery year: TIV of each production class, the total, and the share (%) built in
    China (``built_share``) and built or possibly built there (``upper_share``)."""
    rows = deliveries.assign(production=delivery_production(deliveries, register))
    table = rows.pivot_table(
        index="Delivery year",
        columns="production",
        values="TIV delivery values",
        aggfunc="sum",
        fill_value=0.0,
    )
    table = table.reindex(columns=list(PRODUCTION_CLASSES), fill_value=0.0).astype(float)
    table.index = table.index.astype(int)
    table.index.name = "year"
    total = table.sum(axis=1)
    return table.assign(
        total=total,
        built_share=100 * table[BUILT] / total,
        upper_share=100 * (table[BUILT] + table[POSSIBLE]) / total,
    )


def licence_built_window(by_year: pd.DataFrame, first: int, last: int) -> tuple[float, float]:
    """Shares (%) of a window's TIV built in China, and built or possibly built there."""
    part = by_year.loc[first:last]
    if len(part) != last - first + 1:
        raise ValueError(f"no deliveries data for every year of {sipri.window_label(first, last)}")
    total = part["total"].sum()
    return float(100 * part[BUILT].sum() / total), float(100 * (part[BUILT] + part[POSSIBLE]).sum() / total)


def licence_built_deals(register: pd.DataFrame) -> pd.DataFrame:
    """The register's deals that SIPRI's comments say were (possibly) built in China."""
    classes = register["Comments"].map(local_production)
    return register.assign(production=classes)[classes != IMPORTED]


# --- estimates ----------------------------------------------------------------------------------
#: The report's choice of recent deals whose counts :func:`estimated_counts` examines: those
#: ordered in this year or later (chapter 8 states it beside the count).
ESTIMATES_SINCE = 2009


def estimated_counts(register: pd.DataFrame, since: int = ESTIMATES_SINCE) -> dict:
    """Deals ordered in or after ``since`` and how many carry SIPRI's '?' on the number delivered.

    Returns deals, estimated (count), share (% of deals) and tiv_share (% of the TIV delivered in
    those deals that sits in deals with an estimated count).
    """
    rows = register[register["Year of order"] >= since]
    if rows.empty:
        raise ValueError(f"no deals ordered in or after {since}")
    flag = rows["Number delivered uncertain (?)"].fillna("").str.strip() == "?"
    tiv = rows["SIPRI TIV of delivered weapons"].astype(float)
    return {
        "deals": len(rows),
        "estimated": int(flag.sum()),
        "share": float(100 * flag.mean()),
        "tiv_share": float(100 * tiv[flag].sum() / tiv.sum()),
    }


# --- single years against five-year windows -----------------------------------------------------
def window_total(series: pd.Series, first: int, last: int) -> float:
    """Sum of ``series`` (indexed by year) over first..last; every year must be present."""
    part = series.loc[first:last]
    if len(part) != last - first + 1 or part.isna().any():
        raise ValueError(f"the series does not cover {sipri.window_label(first, last)}")
    return float(part.sum())


def change(new: float, old: float) -> float:
    """Percentage change from ``old`` to ``new``."""
    if old == 0:
        raise ValueError("change from zero is undefined")
    return float(100 * (new - old) / old)


def window_change(series: pd.Series, last: int, width: int = 5) -> float:
    """Change (%) of the window ending in ``last`` against the window before it."""
    new = window_total(series, last - width + 1, last)
    old = window_total(series, last - 2 * width + 1, last - width)
    return change(new, old)


def single_year_change(series: pd.Series, year: int, width: int = 5) -> float:
    """Change (%) of one year against the year ``width`` years earlier (the comparison a
    five-year window smooths)."""
    return change(float(series.loc[year]), float(series.loc[year - width]))


def windows_and_years(series: pd.Series, lasts, width: int = 5) -> pd.DataFrame:
    """For each window ending in one of ``lasts``: the window's change against the window before,
    the change of its last single year against the year ``width`` earlier, and the window's lowest
    and highest year."""
    out = []
    for last in lasts:
        first = last - width + 1
        part = series.loc[first:last]
        out.append(
            {
                "window": sipri.window_label(first, last),
                "first": first,
                "last": last,
                "window_change": window_change(series, last, width),
                "year_change": single_year_change(series, last, width),
                "low_year": int(part.idxmin()),
                "low": float(part.min()),
                "high_year": int(part.idxmax()),
                "high": float(part.max()),
            }
        )
    return pd.DataFrame(out)


# --- China's imports and exports ----------------------------------------------------------------
def imports_from_rows(imports: pd.DataFrame, edition: str) -> pd.Series:
    """China's total imports per year from one edition's supplier rows (all suppliers summed)."""
    rows = sipri.with_edition(imports)
    rows = rows[rows["edition"] == edition]
    if rows.empty:
        raise ValueError(f"no rows of the {edition} in sipri_china_imports")
    return rows.groupby("year")["tiv_millions"].sum().sort_index()


def _tables_series(tables: pd.DataFrame, series: str) -> pd.Series:
    rows = tables[tables["series"] == series]
    if rows.empty:
        raise ValueError(f"no series {series!r} in sipri_tiv_tables")
    return rows.set_index("year")["tiv_millions"].astype(float).sort_index()


SUBJECTS = {
    "china_imports": "China total arms imports",
    "china_exports": "China total arms exports",
    "russia_exports": "Russia total arms exports",
}


def published_changes(indicators: pd.DataFrame, prefix: str = "sipri_published_change_") -> pd.DataFrame:
    """SIPRI's published window-on-window changes (indicator rows
    ``sipri_published_change_<subject>_YYYY_YY``): id, subject, first, last, value (%), source."""
    rows = indicators[indicators["id"].str.startswith(prefix)]
    out = []
    for row in rows.itertuples(index=False):
        match = re.fullmatch(r"(\w+?)_(\d{4})_(\d{2})", row.id[len(prefix) :])
        if not match or match.group(1) not in SUBJECTS:
            raise ValueError(f"indicators row {row.id}: not <subject>_YYYY_YY with a known subject")
        subject, first = match.group(1), int(match.group(2))
        last = first // 100 * 100 + int(match.group(3))
        last += 100 if last < first else 0
        out.append(
            {
                "id": row.id,
                "subject": subject,
                "first": first,
                "last": last,
                "value": float(row.value_low),
                "source": row.source,
            }
        )
    return pd.DataFrame(out).sort_values(["subject", "last"]).reset_index(drop=True)


def series_for(subject: str, last: int, tables: pd.DataFrame, imports: pd.DataFrame):
    """The yearly series to reproduce a change SIPRI published for a window ending in ``last``:
    SIPRI's own table if its edition covers both windows, else (imports only) the supplier rows of
    the edition SIPRI published the window in. Returns (series, edition) or (None, None)."""
    table_edition = sipri.edition(tables["sipri_edition"].iloc[0])
    series = _tables_series(tables, SUBJECTS[subject])
    if series.index.max() >= last:
        return series, f"{table_edition}, SIPRI's table"
    if subject == "china_imports":
        wanted = f"{last + 1} update"
        editions = set(sipri.with_edition(imports)["edition"])
        if wanted in editions:
            rows = imports_from_rows(imports, wanted)
            if rows.index.min() <= last - 9:
                return rows, f"{wanted}, sum of supplier rows"
    return None, None


def reproduce_changes(published: pd.DataFrame, tables: pd.DataFrame, imports: pd.DataFrame) -> pd.DataFrame:
    """Each published change beside the same change computed from the rows (``computed`` is NaN
    where this report holds no edition that covers both windows)."""
    out = []
    for row in published.itertuples(index=False):
        series, edition = series_for(row.subject, row.last, tables, imports)
        computed = window_change(series, row.last) if series is not None else float("nan")
        out.append({**row._asdict(), "computed": computed, "edition": edition})
    return pd.DataFrame(out)


def position(tables: pd.DataFrame, windows) -> pd.DataFrame:
    """Per window (first, last): China's imports and exports and Russia's exports (TIV, SIPRI's
    tables), China's exports as a multiple of its imports and as a share (%) of Russia's."""
    imports = _tables_series(tables, SUBJECTS["china_imports"])
    exports = _tables_series(tables, SUBJECTS["china_exports"])
    russia = _tables_series(tables, SUBJECTS["russia_exports"])
    out = []
    for first, last in windows:
        ci, ce, re_ = (window_total(s, first, last) for s in (imports, exports, russia))
        out.append(
            {
                "window": sipri.window_label(first, last),
                "first": first,
                "last": last,
                "china_imports": ci,
                "china_exports": ce,
                "russia_exports": re_,
                "exports_per_import": ce / ci,
                "china_vs_russia": 100 * ce / re_,
            }
        )
    return pd.DataFrame(out)


def first_window_exports_exceed_imports(frame: pd.DataFrame) -> str | None:
    """Label of the first window in :func:`position` where China exported more than it imported."""
    above = frame[frame["china_exports"] > frame["china_imports"]]
    return str(above.iloc[0]["window"]) if len(above) else None


# --- the developments table ---------------------------------------------------------------------
def decimal_date(date: str) -> float:
    """'2019' -> 2019.5 (mid-year), '2019-10' -> mid-October, '2019-10-03' -> that day."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


def date_text(row) -> str:
    """A development's date as a reader sees it: '3 Oct 2019', 'Oct 2021', '2021-2023'."""
    from mtcreport import fmt

    def one(text: str) -> str:
        parts = [int(p) for p in text.split("-")]
        return fmt.date(*parts)

    start = one(row["date"])
    end = row.get("date_end")
    if end is None or pd.isna(end) or not str(end):
        return start
    return f"{start} to {one(end)}"


def timeline_marks(developments: pd.DataFrame, register: pd.DataFrame, since: int) -> pd.DataFrame:
    """One row per mark of the chapter's timeline: every development, and every deal SIPRI
    records as ordered in or after ``since`` (kind 'arms contract', placed at mid-year of the
    order) with its deliveries (kind 'delivery', one mark per delivery year).

    Columns: kind, start, end (decimal years; end = start for one date), label, source, certainty.
    """
    rows = []
    for r in developments.itertuples(index=False):
        start = decimal_date(r.date)
        end = decimal_date(r.date_end) if isinstance(r.date_end, str) and r.date_end else start
        rows.append(
            {
                "kind": r.kind,
                "start": start,
                "end": end,
                "label": f"{date_text(r._asdict())}: {r.what}",
                "source": r.source,
                "certainty": r.certainty,
            }
        )
    deals = register[register["Year of order"] >= since]
    for _, deal in deals.iterrows():
        name = f"{deal['Weapon designation']} ({deal['Weapon description']})"
        ordered = int(deal["Year of order"])
        count = deal["Number ordered"] if pd.notna(deal["Number ordered"]) else deal["Number delivered"]
        rows.append(
            {
                "kind": "arms contract",
                "start": ordered + 0.5,
                "end": ordered + 0.5,
                "label": f"{ordered}: order for {count} {name}, in SIPRI's register",
                "source": "sipri_register_2026",
                "certainty": "documented",
            }
        )
        for year in sipri.delivery_years(deal["Year(s) of delivery"]):
            rows.append(
                {
                    "kind": "delivery",
                    "start": year + 0.5,
                    "end": year + 0.5,
                    "label": f"{year}: deliveries of {name} ordered in {ordered}, in SIPRI's register",
                    "source": "sipri_register_2026",
                    "certainty": "documented",
                }
            )
    return pd.DataFrame(rows)
