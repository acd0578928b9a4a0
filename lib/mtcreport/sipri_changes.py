"""What a new SIPRI edition changed: computed by the importer, shown in the data appendix.

``tools/sipri_update.py`` calls :func:`compare` on the SIPRI tables before and after an
import and stores the result as ``data/external/sipri_update_summary.json``; the appendix
page reads it back with :func:`load` and shows it with :func:`frames`. Until someone runs
the importer there is no summary, and :func:`load` returns ``None``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from mtcreport import fmt, sipri

SUMMARY_FILE = "sipri_update_summary.json"
#: Window length for Russia's share of China's imports (SIPRI reports five-year periods).
WINDOW = 5


def _num(series) -> pd.Series:
    return pd.to_numeric(series, errors="raise")


def _edition(label: str) -> int:
    return int(str(label)[:4])


def windows(first: int, last: int) -> list[tuple[int, int]]:
    """Five-year blocks from ``first`` that end by ``last``, plus the five years ending at ``last``."""
    out = [(start, start + WINDOW - 1) for start in range(first, last - WINDOW + 2, WINDOW)]
    if last - first + 1 >= WINDOW and (not out or out[-1][1] != last):
        out.append((last - WINDOW + 1, last))
    return out


def russia_share(imports: pd.DataFrame, first: int, last: int) -> tuple[float, int] | None:
    """Russia's (incl. USSR) percentage share of China's imports in [first, last]
    (:func:`mtcreport.sipri.russia_share`, as in the hindsight chapter), from the latest edition
    that covers every year of the window; ``None`` when no edition does. ``imports`` is the table
    as the importer reads it (text)."""
    if imports is None or not len(imports):
        return None
    frame = imports.assign(year=_num(imports["year"]), tiv_millions=_num(imports["tiv_millions"]))
    editions = frame["sipri_edition"].map(_edition)
    for edition in sorted(editions.unique(), reverse=True):
        years = set(frame.loc[editions == edition, "year"])
        if set(range(first, last + 1)) <= years:
            return sipri.russia_share(frame, first, last, f"{edition} update"), int(edition)
    return None


def compare(previous: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], threshold: float) -> dict:
    """The changes between two sets of SIPRI tables (text frames as read from the CSV files)."""
    old_tiv = previous.get("sipri_tiv")
    new_tiv = new["sipri_tiv"]
    old_values = (
        {}
        if old_tiv is None
        else dict(zip(_num(old_tiv["year"]), _num(old_tiv["tiv_millions"]), strict=True))
    )
    old_editions = (
        {} if old_tiv is None else dict(zip(_num(old_tiv["year"]), old_tiv["sipri_edition"], strict=True))
    )
    new_values = dict(zip(_num(new_tiv["year"]), _num(new_tiv["tiv_millions"]), strict=True))
    old_last = int(max(old_values)) if old_values else None
    new_last = int(max(new_values))

    revisions = []
    for year in sorted(set(old_values) & set(new_values)):
        change = new_values[year] - old_values[year]
        if abs(change) >= threshold:
            revisions.append(
                {
                    "year": int(year),
                    "old": float(old_values[year]),
                    "old_edition": _edition(old_editions[year]),
                    "new": float(new_values[year]),
                    "change": round(float(change), 6),
                }
            )
    new_years = [
        {"year": int(y), "tiv": float(v)} for y, v in sorted(new_values.items()) if y not in old_values
    ]

    old_reg = previous.get("sipri_register")
    new_reg = new["sipri_register"]
    old_ids = set() if old_reg is None else set(old_reg["id"])

    def deal(row) -> dict:
        return {
            "id": row["id"],
            "supplier": row["Supplier"],
            "year_of_order": int(row["Year of order"]),
            "designation": row["Weapon designation"],
            "description": row["Weapon description"],
            "number_ordered": row["Number ordered"],
        }

    added = [deal(r) for r in new_reg.to_dict("records") if r["id"] not in old_ids]
    removed = (
        []
        if old_reg is None
        else [deal(r) for r in old_reg.to_dict("records") if r["id"] not in set(new_reg["id"])]
    )

    dlv = new["sipri_deliveries"]
    later = dlv[_num(dlv["Delivery year"]) > (old_last or 0)]
    deliveries_added = [
        {
            "id": r["id"],
            "deal_id": int(r["SIPRI AT Database ID"]),
            "designation": r["Designation"],
            "year": int(r["Delivery year"]),
            "number": r["Numbers delivered"],
            "tiv": float(r["TIV delivery values"]),
        }
        for r in later.to_dict("records")
    ]

    shares = []
    first = int(min(new_values))
    for start, end in windows(first, new_last):
        before = russia_share(previous.get("sipri_china_imports"), start, end)
        after = russia_share(new["sipri_china_imports"], start, end)
        shares.append(
            {
                "first": start,
                "last": end,
                "old": None if before is None else round(before[0], 6),
                "old_edition": None if before is None else before[1],
                "new": None if after is None else round(after[0], 6),
            }
        )
    return {
        "threshold": threshold,
        "last_year": {"old": old_last, "new": new_last},
        "old_editions": sorted({_edition(e) for e in old_editions.values()}),
        "new_years": new_years,
        "tiv_revisions": revisions,
        "deals_added": added,
        "deals_removed": removed,
        "deliveries_added": deliveries_added,
        "russia_share": shares,
    }


def load(folder: Path | None = None) -> dict | None:
    """The stored summary of the last import, or ``None`` when no import has been run."""
    if folder is None:
        from mtcreport import data

        folder = data.data_dir()
    path = Path(folder) / "external" / SUMMARY_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _window(item) -> str:
    return sipri.window_label(item["first"], item["last"])


def _pct(value) -> str:
    return "–" if value is None else fmt.percent(value, 1)


def _tiv(value: float, digits: int = 0) -> str:
    """Millions of TIV as the book writes them: rounded half up, thousands commas, trailing
    zeros of the decimals dropped (``fmt.rounded``)."""
    text = fmt.rounded(value, digits)
    return text.rstrip("0").rstrip(".") if digits else text


def _signed(value: float) -> str:
    """A change with its sign, rounded half up away from zero: +12, -499."""
    return ("+" if value >= 0 else "-") + fmt.rounded(abs(value))


def frames(summary: dict) -> dict[str, pd.DataFrame]:
    """The summary as display tables: revisions, new deals, removed deals, new deliveries, shares."""
    return {
        "revisions": pd.DataFrame(
            {
                "Year": [str(r["year"]) for r in summary["tiv_revisions"]],
                "Before (TIV m)": [
                    f"{_tiv(r['old'])} ({r['old_edition']} update)" for r in summary["tiv_revisions"]
                ],
                f"{summary['edition']} update (TIV m)": [_tiv(r["new"]) for r in summary["tiv_revisions"]],
                "Change": [_signed(r["change"]) for r in summary["tiv_revisions"]],
            }
        ),
        "deals_added": _deals(summary["deals_added"]),
        "deals_removed": _deals(summary["deals_removed"]),
        "deliveries_added": pd.DataFrame(
            {
                "Year": [str(d["year"]) for d in summary["deliveries_added"]],
                "SIPRI deal id": [str(d["deal_id"]) for d in summary["deliveries_added"]],
                "Designation": [d["designation"] for d in summary["deliveries_added"]],
                "Number": [d["number"] for d in summary["deliveries_added"]],
                "TIV m": [_tiv(d["tiv"], 2) for d in summary["deliveries_added"]],
            }
        ),
        "russia_share": pd.DataFrame(
            {
                "Period": [_window(s) for s in summary["russia_share"]],
                "Before": [
                    _pct(s["old"]) + ("" if s["old"] is None else f" ({s['old_edition']} update)")
                    for s in summary["russia_share"]
                ],
                f"{summary['edition']} update": [_pct(s["new"]) for s in summary["russia_share"]],
            }
        ),
    }


def _deals(items) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ordered": [str(d["year_of_order"]) for d in items],
            "Supplier": [d["supplier"] for d in items],
            "Designation": [d["designation"] for d in items],
            "Description": [d["description"] for d in items],
            "Number ordered": [d["number_ordered"] for d in items],
        }
    )


def describe(summary: dict) -> list[str]:
    """The summary as plain lines for the terminal."""
    last = summary["last_year"]
    out = [
        f"What the {summary['edition']} update changed (data to {summary['data_to']}):",
        f"- last year of data: {last['old']} -> {last['new']}",
        f"- deals added: {len(summary['deals_added'])}; deals removed: {len(summary['deals_removed'])}",
    ]
    out += [
        f"    + {d['year_of_order']} {d['supplier']} {d['designation']} ({d['description']})"
        for d in summary["deals_added"]
    ]
    out += [
        f"    - {d['year_of_order']} {d['supplier']} {d['designation']} ({d['description']})"
        for d in summary["deals_removed"]
    ]
    out.append(f"- deliveries in new years: {len(summary['deliveries_added'])}")
    out += [
        f"    {d['year']} {d['designation']} x{d['number']}: {d['tiv']:g} TIV m"
        for d in summary["deliveries_added"]
    ]
    out.append(
        f"- yearly TIV revised by {summary['threshold']:g} million or more: {len(summary['tiv_revisions'])}"
    )
    out += [
        f"    {r['year']}: {r['old']:g} ({r['old_edition']} update) -> {r['new']:g} ({r['change']:+g})"
        for r in summary["tiv_revisions"]
    ]
    out.append("- Russia's share of China's arms imports (before -> after):")
    out += [f"    {_window(s)}: {_pct(s['old'])} -> {_pct(s['new'])}" for s in summary["russia_share"]]
    return out


def status(summary: dict | None, editions_held: list[str]) -> str:
    """One sentence on where the book's SIPRI tables come from (for the appendix page)."""
    if summary is None:
        years = [str(e).split()[0] for e in editions_held]
        held = f"{fmt.listing(years)} update{'s' if len(years) > 1 else ''}"
        return (
            "No SIPRI edition has been imported with the report's importer yet: the SIPRI tables of "
            f"this book are third-party copies of SIPRI exports from the {held}, "
            "described in the README of the data/external folder. The rest of this page fills in "
            "once someone imports SIPRI's own files."
        )
    generated = sorted({e["generated"] for e in summary["exports"] if e["generated"]})
    when = f", generated on {' and '.join(generated)}" if generated else ""
    return (
        f"The SIPRI tables of this book come from the {summary['edition']} update (data to "
        f"{summary['data_to']}), imported on {summary['imported']} from SIPRI's own exports{when}. "
        "The edition they replaced is compared below."
    )


def report_markdown(summary: dict) -> str:
    """The change summary as MyST: short statements and numbered tables (only non-empty ones)."""
    from mtcreport import tables

    edition = summary["edition"]
    last = summary["last_year"]
    source = (
        f"Source: SIPRI Arms Transfers Database, {edition} update and the tables it replaced; compared by "
        "make sipri-update (data/external/sipri_update_summary.json)."
    )
    shown = frames(summary)
    before = "none" if last["old"] is None else str(last["old"])
    parts = [
        f"**Last year of data:** {last['new']} (before the import: {before}).",
        f"**Deals:** {len(summary['deals_added'])} added to SIPRI's register, "
        f"{len(summary['deals_removed'])} removed from it.",
        f"**Deliveries in new years:** {len(summary['deliveries_added'])} "
        f"row{'' if len(summary['deliveries_added']) == 1 else 's'} of SIPRI's per-year data.",
        f"**Yearly totals revised** by {summary['threshold']:g} million TIV or more: "
        f"{len(summary['tiv_revisions'])} year{'' if len(summary['tiv_revisions']) == 1 else 's'}.",
    ]
    specs = [
        (
            "revisions",
            "Yearly Russian deliveries to China revised by the new edition",
            "tbl-sipri-update-revisions",
        ),
        ("deals_added", "Deals new in SIPRI's register", "tbl-sipri-update-deals-added"),
        ("deals_removed", "Deals no longer in SIPRI's register", "tbl-sipri-update-deals-removed"),
        (
            "deliveries_added",
            "Deliveries in years the earlier data did not cover",
            "tbl-sipri-update-deliveries",
        ),
        (
            "russia_share",
            "Russia's share of China's arms imports, before and after",
            "tbl-sipri-update-shares",
        ),
    ]
    for key, caption, name in specs:
        if len(shown[key]):
            parts.append(tables.markdown(shown[key], caption=caption, name=name, source=source))
    return "\n\n".join(parts) + "\n"
