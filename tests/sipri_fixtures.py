"""Write SIPRI export files (in SIPRI's web-export layouts) for the importer's tests.

Two uses: rebuild the raw exports behind the committed files in ``data/external/`` from their
raw columns (the round trip), and make a synthetic next edition (one more year of deliveries,
one revised TIV, one new deal). Nothing here is SIPRI data except what is read from
``data/external/``; the synthetic rows are labelled as such.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from tools.paths import ROOT


def _committed_columns(name: str) -> list[str]:
    """A committed SIPRI file's columns, without the ones this project adds."""
    header = (ROOT / "data" / "external" / name).read_text(encoding="utf-8").splitlines()[0]
    return [c for c in header.split(",") if c not in ("id", "source_file", "sipri_edition")]


#: The register's columns as the committed copy names them (SIPRI's three "?" columns named),
#: read from that file's header rather than typed again.
REGISTER_NAMED = _committed_columns("russia_china_trade_register_2026ed.csv")
#: The register's header as SIPRI exports it: its three "?" columns have no name (a blank).
REGISTER_RAW = [" " if c.endswith("uncertain (?)") else c for c in REGISTER_NAMED]
#: The per-year columns SIPRI exports, as the committed 2026 rows carry them.
DELIVERY_RAW = _committed_columns("russia_china_delivery_rows_2026ed.csv")
SYNTHETIC = "Synthetic test item"
#: The files of a synthetic edition.
FILES = ("trade-register.csv", "deliveries.csv", "importers.csv", "exporters.csv")


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(Path(folder) / "external" / name, dtype=str, keep_default_na=False)


def preamble(title: str, generated: str | None) -> list[list[str]]:
    """A few preamble lines like SIPRI's (SIPRI's lines hold no commas), then the stamp."""
    lines = [
        [title],
        ["A '?' in a column marks uncertain data."],
        [""],
        ["Source: SIPRI Arms Transfers Database"],
    ]
    if generated:
        lines.append([f"Data generated: {generated} 2:29:20 PM"])
    return lines


def _text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def register_text(frame: pd.DataFrame, generated: str | None) -> str:
    rows = [*preamble("Transfers of major conventional arms to China", generated), REGISTER_RAW]
    rows += frame[REGISTER_NAMED].astype(str).values.tolist()
    return _text(rows)


def deliveries_text(frame: pd.DataFrame, generated: str | None, extra_columns: bool = True) -> str:
    """Per-year rows; with ``extra_columns`` SIPRI's other columns are added (blank here)."""
    header = list(DELIVERY_RAW)
    body = frame[DELIVERY_RAW].astype(str).values.tolist()
    if extra_columns:
        header += ["Description", "Status", "Local production"]
        body = [[*row, "", "New", "No"] for row in body]
    head = preamble("Transfers of major conventional arms to China", generated) if generated else []
    return _text([*head, header, *body])


#: The columns after the years in SIPRI's own TIV-table exports (as in the file the 2024 update's
#: table was copied from).
SIPRI_TAIL = ["Percentage", "Sum total years", "Percentage of total"]


def table_text(
    first: str, values: dict[str, dict[int, str]], years: range, generated: str | None, tail: list[str] = ()
) -> str:
    """A wide TIV table: first column Recipient or Supplier (or SIPRI's "Exports by"), one column
    per year, totals after (and any ``tail`` columns)."""
    header = [first, *map(str, years), f"{years[0]}-{years[-1]}", *tail]
    rows = [header]
    for name, by_year in values.items():
        rows.append([name, *(by_year.get(y, "") for y in years), "", *("" for _ in tail)])
    return _text([*preamble("Volume of transfers of major arms", generated), [""], *rows])


def committed_tables(folder: Path) -> tuple[dict, dict]:
    """The committed TIV tables as {kind: {name: {year: value}}}."""
    frame = read(folder, "sipri_tiv_tables_2024ed.csv")
    out = {"importers": {}, "exporters": {}}
    names = {
        "China total arms imports": ("importers", "China"),
        "Soviet Union total arms exports": ("exporters", "Soviet Union"),
        "Russia total arms exports": ("exporters", "Russia"),
        "China total arms exports": ("exporters", "China"),
    }
    sources = {}
    for series, part in frame.groupby("series", sort=False):
        kind, name = names[series]
        out[kind][name] = dict(zip(part["year"].astype(int), part["tiv_millions"], strict=True))
        sources[kind] = part["source_file"].iloc[0]
    return out, sources


def write_committed_exports(folder: Path, target: Path) -> None:
    """The committed files' raw columns, back in SIPRI's layouts (one file per kind).

    The register (2026 update) and the per-year rows (2026 update, no stamp: its copy lost
    SIPRI's header) form one edition; the TIV tables are of the 2024 update.
    """
    target.mkdir(parents=True, exist_ok=True)
    register = read(folder, "russia_china_trade_register_2026ed.csv")
    (target / "register.csv").write_text(register_text(register, "18 May 2026"), encoding="utf-8")
    deliveries = read(folder, "russia_china_delivery_rows_2026ed.csv")
    (target / "deliveries.csv").write_text(deliveries_text(deliveries, None), encoding="utf-8")
    tables, _ = committed_tables(folder)
    years = range(1950, 2025)
    (target / "importers.csv").write_text(
        table_text("Recipient", tables["importers"], years, "13 Oct 2024"), encoding="utf-8"
    )
    (target / "exporters.csv").write_text(
        table_text("Supplier", tables["exporters"], years, "13 Oct 2024"), encoding="utf-8"
    )


#: The synthetic next edition: what it adds and revises (all values made up for the test).
NEXT_EDITION = 2027
NEW_DEAL = {"id": 99001, "designation": SYNTHETIC, "number": 10, "tiv": 20.0}
REVISED = {"deal": 63580, "year": 2025, "tiv": 18.0}  # was 15 in the 2026 update
MORE = {"deal": 63580, "year": 2026, "number": 5, "tiv": 15.0}
#: A redating that flips a computed verdict: S-400 deliveries from 2016, before Russia's stated 2017.
REDATED = {
    "designation": "S-400 Triumf",
    "years": "2016; 2019",
    "verdict": ("s400", "partly", "not borne out"),
}


def write_next_edition(folder: Path, target: Path) -> None:
    """A complete synthetic 2027 edition built from the committed 2026 data."""
    target.mkdir(parents=True, exist_ok=True)
    register = read(folder, "russia_china_trade_register_2026ed.csv")
    new_deal = dict.fromkeys(REGISTER_NAMED, "")
    new_deal.update(
        {
            "Recipient": "China",
            "Supplier": "Russia",
            "Year of order": "2026",
            "Number ordered": str(NEW_DEAL["number"]),
            "Weapon designation": SYNTHETIC,
            "Weapon description": "air-search radar",  # not an engine: the new year is mostly not engines
            "Number delivered": str(NEW_DEAL["number"]),
            "Year(s) of delivery": "2026",
            "status": "New",
            "SIPRI TIV per unit": "2",
            "SIPRI TIV for total order": "20",
            "SIPRI TIV of delivered weapons": "20",
        }
    )
    register = pd.concat([register, pd.DataFrame([new_deal])], ignore_index=True)
    redated = register["Weapon designation"] == REDATED["designation"]
    register.loc[redated, "Year(s) of delivery"] = REDATED["years"]
    (target / "trade-register.csv").write_text(register_text(register, "20 Apr 2027"), encoding="utf-8")

    rows = []
    tiv = read(folder, "russia_china_tiv_by_year.csv")
    for _, r in tiv[tiv["year"].astype(int) < 2004].iterrows():
        rows.append(
            [
                str(90000 + int(r["year"])),
                r["supplier_in_sipri"],
                "China",
                "Earlier deliveries",
                "1989",
                r["year"],
                "1",
                r["tiv_millions"],
            ]
        )
    deliveries = read(folder, "russia_china_delivery_rows_2026ed.csv")
    for _, r in deliveries.iterrows():
        value = r["TIV delivery values"]
        if (int(r["SIPRI AT Database ID"]), int(r["Delivery year"])) == (REVISED["deal"], REVISED["year"]):
            value = f"{REVISED['tiv']:g}"
        rows.append([r[c] if c != "TIV delivery values" else value for c in DELIVERY_RAW])
    rows.append(
        [
            str(MORE["deal"]),
            "Russia",
            "China",
            "D-30 (12000)",
            "2015",
            "2026",
            str(MORE["number"]),
            f"{MORE['tiv']:g}",
        ]
    )
    rows.append(
        [
            str(NEW_DEAL["id"]),
            "Russia",
            "China",
            SYNTHETIC,
            "2026",
            "2026",
            str(NEW_DEAL["number"]),
            f"{NEW_DEAL['tiv']:g}",
        ]
    )
    imports = read(folder, "china_arms_imports_by_supplier_tiv.csv")
    imports = imports[~imports["supplier"].isin(["Russia", "Soviet Union"])]
    latest = (
        imports.assign(ed=imports["sipri_edition"].str[:4])
        .sort_values("ed")
        .groupby(["year", "supplier"])
        .tail(1)
    )
    for n, (_, r) in enumerate(latest.sort_values(["year", "supplier"]).iterrows()):
        rows.append(
            [
                str(80000 + n),
                r["supplier"],
                "China",
                "Other supplier total",
                "1989",
                r["year"],
                "1",
                r["tiv_millions"],
            ]
        )
    rows.append(["89999", "France", "China", "Other supplier total", "2025", "2026", "1", "30"])
    frame = pd.DataFrame(rows, columns=DELIVERY_RAW)
    (target / "deliveries.csv").write_text(deliveries_text(frame, "20 Apr 2027"), encoding="utf-8")

    tables, _ = committed_tables(folder)
    for kind, name in (("importers", "China"), ("exporters", "Russia"), ("exporters", "China")):
        for year in (2024, 2025, 2026):
            tables[kind][name][year] = "100"
    years = range(1950, 2028)
    (target / "importers.csv").write_text(
        table_text("Recipient", tables["importers"], years, "20 Apr 2027"), encoding="utf-8"
    )
    (target / "exporters.csv").write_text(
        table_text("Supplier", tables["exporters"], years, "20 Apr 2027"), encoding="utf-8"
    )
