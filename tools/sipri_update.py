"""Bring one edition of SIPRI's Arms Transfers Database into ``data/external/``.

Usage::

    make sipri-update SRC=<folder> [EDITION=YYYY]
    python -m tools.sipri_update <folder> [--edition YYYY] [--threshold 1] [--data data]

The folder holds one edition's CSV exports from SIPRI's website, in the layouts SIPRI's web
exports use (and the raw columns of the files in ``data/external/`` show):

- the **trade register** (one row per deal): ``Recipient, Supplier, Year of order, ?, Number
  ordered, ?, Weapon designation, ..., SIPRI TIV of delivered weapons``; recipient China;
- the **per-year delivery rows**: ``SIPRI AT Database ID, Supplier, Recipient, Designation,
  Order date, Delivery year, Numbers delivered, TIV delivery values`` (and SIPRI's other
  columns, which are not kept); recipient China, every supplier;
- the **TIV tables** of importers (first column ``Recipient`` or ``Imports by``) and of exporters
  (first column ``Exports by``, as SIPRI's own export heads it, or ``Supplier``), one column per year.

Files are recognised by their header, not by their name. SIPRI's preamble lines above the
header, its ``?`` columns, semicolon-separated delivery years, empty cells and "Soviet
Union"/"Russia" supplier names are read as SIPRI writes them.

The edition (the year of SIPRI's March release) is read from the files: a stated "NNNN update",
or else the "Data generated" stamp (an export made from April to December of a year belongs
to that year's edition, one made in January or February to the year before; March is
ambiguous). Otherwise ``--edition`` gives it; a file whose edition disagrees is an error.

Nothing is written unless everything passes: the new tables are written into a temporary copy
of ``data/``, validated with the data package's own schema (``mtcreport.data``), and only then
moved into place; the SIPRI entry of ``references.bib`` is then rewritten from the recorded
edition (``references_entry``). Any problem stops the import with one message naming file, line, column and
reason, and exit status 1.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from mtcreport import data as mtcdata
from mtcreport import sipri_changes
from tools import paths

REPO = paths.ROOT
#: The report's series start here (the register keeps Soviet deals with deliveries from then on).
FIRST_YEAR = 1990
RECIPIENT = "China"
#: SIPRI names the supplier "Soviet Union" to 1991 and "Russia" from 1992.
RUSSIA = ("Russia", "Soviet Union")
SUMMARY_FILE = "sipri_update_summary.json"
README_START = "<!-- sipri-update:start -->"
README_END = "<!-- sipri-update:end -->"

#: Register columns, with SIPRI's three unnamed "?" columns named after the column they qualify.
REGISTER_COLUMNS = [
    "Recipient",
    "Supplier",
    "Year of order",
    "Year of order uncertain (?)",
    "Number ordered",
    "Number ordered uncertain (?)",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    "Number delivered uncertain (?)",
    "Year(s) of delivery",
    "status",
    "Comments",
    "SIPRI TIV per unit",
    "SIPRI TIV for total order",
    "SIPRI TIV of delivered weapons",
]
#: Per-year columns the tables keep; SIPRI's other columns may be present and are ignored.
DELIVERY_COLUMNS = [
    "SIPRI AT Database ID",
    "Supplier",
    "Recipient",
    "Designation",
    "Order date",
    "Delivery year",
    "Numbers delivered",
    "TIV delivery values",
]
#: SIPRI's other per-year columns: allowed, not kept.
DELIVERY_EXTRA = [
    "Description",
    "Armament category",
    "Order date is estimate",
    "Numbers delivered is estimate",
    "Delivery year is estimate",
    "Status",
    "SIPRI estimate",
    "TIV deal unit",
    "Local production",
]
KIND_NAMES = {
    "register": "trade register",
    "deliveries": "per-year delivery rows",
    "importers": "TIV table of importers",
    "exporters": "TIV table of exporters",
}
#: SIPRI TIV table rows kept, as (kind, first-column value, series name).
TABLE_SERIES = [
    ("importers", "China", "China total arms imports"),
    ("exporters", "Soviet Union", "Soviet Union total arms exports"),
    ("exporters", "Russia", "Russia total arms exports"),
    ("exporters", "China", "China total arms exports"),
]
#: data package resources this importer writes, and their file names (``{e}`` = edition).
RESOURCES = {
    "sipri_tiv": "external/russia_china_tiv_by_year.csv",
    "sipri_tiv_editions": "external/russia_china_tiv_by_year_all_editions.csv",
    "sipri_china_imports": "external/china_arms_imports_by_supplier_tiv.csv",
    "sipri_register": "external/russia_china_trade_register_{e}ed.csv",
    "sipri_deliveries": "external/russia_china_delivery_rows_{e}ed.csv",
    "sipri_tiv_tables": "external/sipri_tiv_tables_{e}ed.csv",
}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class SipriImportError(Exception):
    """One problem in the input, named by file, line and column."""

    def __init__(self, path, line: int | None, column: str, reason: str):
        self.path, self.line, self.column, self.reason = str(path), line, column, reason
        where = [f"line {line}"] if line else []
        if column != "-":
            where.append(f'column "{column}"')
        super().__init__(f"{path}: {', '.join(where)}{': ' if where else ''}{reason}")


@dataclass
class Export:
    """One SIPRI export file: its kind, dates and rows (with their line numbers)."""

    path: Path
    kind: str
    header_line: int
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    generated: dt.date | None = None
    generated_line: int | None = None
    stated_edition: int | None = None
    stated_line: int | None = None

    def error(self, line, column, reason) -> SipriImportError:
        return SipriImportError(self.path, line, column, reason)


# --- reading -------------------------------------------------------------------------------


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # SIPRI's older exports are Windows-1252


def _name_columns(cells: list[str]) -> list[str]:
    """Strip names and name SIPRI's unnamed '?' columns after the column they qualify."""
    out = []
    for cell in cells:
        name = cell.strip()
        if name in ("", "?") and out and out[-1] in ("Year of order", "Number ordered", "Number delivered"):
            name = f"{out[-1]} uncertain (?)"
        out.append(name)
    return out


#: The first column of SIPRI's TIV tables, by kind. SIPRI's export of the exporters' table heads it
#: "Exports by" (the 2024 update's table in data/external/ was copied from such a file) and the
#: importers' table "Recipient" (or "Imports by"); some exports and copies use "Supplier".
TABLE_FIRST_COLUMNS = {
    "Recipient": "importers",
    "Imports by": "importers",
    "Supplier": "exporters",
    "Exports by": "exporters",
}


def _kind(header: list[str]) -> tuple[str | None, list[str]]:
    """The kind of export a header belongs to, and the expected columns missing from it."""
    years = [h for h in header if re.fullmatch(r"\d{4}", h)]
    if header and header[0] in TABLE_FIRST_COLUMNS and len(years) >= 5:
        return TABLE_FIRST_COLUMNS[header[0]], []
    best, best_missing, best_hits = None, [], 0
    for kind, expected in (("register", REGISTER_COLUMNS), ("deliveries", DELIVERY_COLUMNS)):
        hits = sum(1 for c in expected if c in header)
        if hits > best_hits:
            best, best_hits = kind, hits
            best_missing = [c for c in expected if c not in header]
    if best_hits < 4:
        return None, []
    return best, best_missing


def read_export(path: Path) -> Export:
    """Parse one export: skip SIPRI's preamble, find the header, keep the rows with line numbers."""
    reader = csv.reader(io.StringIO(_decode(path)))
    preamble: list[tuple[int, str]] = []
    export = None
    for cells in reader:
        line = reader.line_num
        if export is None:
            if sum(1 for c in cells if c.strip()) < 4:
                preamble.append((line, ",".join(cells)))
                continue
            header = _name_columns(cells)
            kind, missing = _kind(header)
            if kind is None:
                raise SipriImportError(
                    path,
                    line,
                    header[0] or "-",
                    "not a SIPRI export this importer reads: the header matches none of "
                    + "; ".join(KIND_NAMES.values()),
                )
            if missing:
                expected = REGISTER_COLUMNS if kind == "register" else DELIVERY_COLUMNS
                unknown = [h for h in header if h and h not in expected + DELIVERY_EXTRA]
                hint = f"; found instead: {', '.join(unknown)}" if unknown else ""
                raise SipriImportError(
                    path,
                    line,
                    missing[0],
                    f"column is missing from the header of this file ({KIND_NAMES[kind]}; "
                    f"renamed, or not exported){hint}",
                )
            export = Export(path=path, kind=kind, header_line=line, header=header)
            _read_preamble(export, preamble)
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(export.header) and any(c.strip() for c in cells[len(export.header) :]):
            raise export.error(line, "-", f"row has {len(cells)} cells, the header {len(export.header)}")
        cells = cells + [""] * (len(export.header) - len(cells))
        export.rows.append((line, {h: c.strip() for h, c in zip(export.header, cells, strict=False)}))
    if export is None:
        raise SipriImportError(path, None, "-", "no header row found: not a SIPRI export (or empty)")
    return export


def _read_preamble(export: Export, preamble: list[tuple[int, str]]) -> None:
    for line, text in preamble:
        stamp = re.search(r"Data generated:\s*(\d{1,2}) (\w{3})\w* (\d{4})", text)
        if stamp and stamp.group(2).title() in _MONTHS:
            day, month, year = int(stamp.group(1)), _MONTHS.index(stamp.group(2).title()) + 1, stamp.group(3)
            export.generated, export.generated_line = dt.date(int(year), month, day), line
        stated = re.search(r"\b(\d{4}) update\b", text, flags=re.IGNORECASE)
        if stated:
            export.stated_edition, export.stated_line = int(stated.group(1)), line


def read_folder(src: Path) -> dict[str, Export]:
    """Every CSV in the folder, one per kind; a kind missing or given twice is an error."""
    src = Path(src)
    if not src.is_dir():
        raise SipriImportError(src, None, "-", "not a folder")
    files = sorted(p for p in src.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    if not files:
        raise SipriImportError(src, None, "-", "no .csv files in this folder")
    found: dict[str, Export] = {}
    for path in files:
        export = read_export(path)
        if export.kind in found:
            raise export.error(
                export.header_line,
                export.header[0],
                f"a second {KIND_NAMES[export.kind]} in the folder "
                f"(the first is {found[export.kind].path.name})",
            )
        found[export.kind] = export
    for kind, name in KIND_NAMES.items():
        if kind not in found:
            raise SipriImportError(
                src, None, "-", f"no {name} among the files ({', '.join(p.name for p in files)})"
            )
    return found


# --- the edition -----------------------------------------------------------------------------


def _implied(export: Export) -> tuple[int | None, int | None, str]:
    """(edition, line, how) that a file states or implies; edition None when it cannot tell."""
    if export.stated_edition:
        return export.stated_edition, export.stated_line, f"states the {export.stated_edition} update"
    if export.generated:
        day = f"{export.generated.day} {_MONTHS[export.generated.month - 1]} {export.generated.year}"
        if export.generated.month == 3:
            return None, export.generated_line, f"was generated on {day}, in SIPRI's release month"
        year = export.generated.year if export.generated.month >= 4 else export.generated.year - 1
        return year, export.generated_line, f"was generated on {day}, so it is from the {year} update"
    return None, None, "states no edition and no generation date"


def resolve_edition(exports: dict[str, Export], given: int | None) -> int:
    """The one edition of the folder; mixed editions or a disagreeing ``given`` are errors."""
    first = None
    for export in exports.values():
        edition, line, how = _implied(export)
        if edition is None:
            if export.generated and given not in (export.generated.year - 1, export.generated.year):
                reason = f"{how}; give EDITION={export.generated.year - 1} or {export.generated.year}"
                if given:
                    reason = f"{how}, which cannot be the {given} update"
                raise export.error(line, "Data generated", reason)
            continue
        if given and edition != given:
            raise export.error(line, "Data generated", f"this file {how}, but EDITION={given}")
        if first and edition != first[1]:
            raise export.error(
                line,
                "Data generated",
                f"two editions mixed in one folder: this file {how}, "
                f"but {first[0].path.name} (line {first[2]}) is from the {first[1]} update",
            )
        first = first or (export, edition, line)
    if first:
        return first[1]
    if given:
        return given
    export = next(iter(exports.values()))
    raise SipriImportError(
        export.path.parent,
        None,
        "-",
        "the edition cannot be determined: no file states it or has a 'Data generated' line; "
        "give EDITION=YYYY (the year of SIPRI's March release)",
    )


# --- checking cells ----------------------------------------------------------------------------


def _int(export: Export, line: int, column: str, value: str, required: bool = True) -> int | None:
    if value == "" and not required:
        return None
    if not re.fullmatch(r"\d+", value):
        what = "is blank" if value == "" else f'value "{value}" is not a whole number'
        raise export.error(line, column, what)
    return int(value)


def _number(export: Export, line: int, column: str, value: str, required: bool = True) -> float | None:
    if value == "" and not required:
        return None
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if value == "" or number != number or number < 0:
        what = "is blank" if value == "" else f'TIV "{value}" is not a number'
        if number == number and number < 0:
            what = f'TIV "{value}" is negative'
        raise export.error(line, column, what)
    return number


def _year(export, line, column, value, edition, required=True):
    year = _int(export, line, column, value, required)
    if year is not None and not 1900 <= year <= edition - 1:
        raise export.error(
            line, column, f"year {year} is outside the {edition} update, whose data end in {edition - 1}"
        )
    return year


def _recipient(export: Export, line: int, row: dict) -> None:
    if row["Recipient"] != RECIPIENT:
        raise export.error(
            line,
            "Recipient",
            f'rows for other recipients mixed in ("{row["Recipient"]}"): export the deals with '
            f"recipient {RECIPIENT} only",
        )


def check(exports: dict[str, Export], edition: int) -> None:
    """Check every cell the tables use, before anything is written."""
    reg = exports["register"]
    for line, row in reg.rows:
        _recipient(reg, line, row)
        _year(reg, line, "Year of order", row["Year of order"], edition + 1)
        for col in ("Number ordered", "Number delivered"):
            _int(reg, line, col, row[col], required=False)
        for col in (
            "Year of order uncertain (?)",
            "Number ordered uncertain (?)",
            "Number delivered uncertain (?)",
        ):
            if row[col] not in ("", "?"):
                raise reg.error(line, col, f'value "{row[col]}" is not SIPRI\'s uncertainty marker "?"')
        for part in filter(None, (p.strip() for p in row["Year(s) of delivery"].split(";"))):
            _year(reg, line, "Year(s) of delivery", part, edition)
        for col in ("SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons"):
            _number(reg, line, col, row[col], required=False)
    dlv = exports["deliveries"]
    for line, row in dlv.rows:
        _recipient(dlv, line, row)
        _int(dlv, line, "SIPRI AT Database ID", row["SIPRI AT Database ID"])
        _year(dlv, line, "Order date", row["Order date"], edition + 1)
        _year(dlv, line, "Delivery year", row["Delivery year"], edition)
        _int(dlv, line, "Numbers delivered", row["Numbers delivered"], required=False)
        _number(dlv, line, "TIV delivery values", row["TIV delivery values"])
    for kind, name, _ in TABLE_SERIES:
        table = exports[kind]
        rows = [(line, row) for line, row in table.rows if row[table.header[0]] == name]
        if not rows:
            raise table.error(None, table.header[0], f'no row for "{name}" in this {KIND_NAMES[kind]}')
        line, row = rows[0]
        for col in table.header[1:]:
            if re.fullmatch(r"\d{4}", col) and row[col] != "":
                _number(table, line, col, row[col])
                if int(col) > edition - 1:
                    raise table.error(
                        line, col, f"a value for {col}, after the {edition} update's last data year"
                    )


# --- building the tables --------------------------------------------------------------------


def fmt_number(value: float) -> str:
    """A TIV sum as the files write it: 87, 266.25, 1007.5 (no float noise)."""
    text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def edition_label(export: Export, edition: int) -> str:
    """'2026 update (data to 2025); register generated 18 May 2026', as the files record it."""
    base = f"{edition} update (data to {edition - 1})"
    what = {"register": "register", "deliveries": "export"}.get(export.kind, "table")
    if export.generated:
        day = export.generated
        return f"{base}; {what} generated {day.day} {_MONTHS[day.month - 1]} {day.year}"
    if export.kind == "deliveries":
        years = [int(row["Delivery year"]) for _, row in export.rows]
        return f"{base}; per-year export, {min(years)}-{max(years)} rows"
    return f"{base}; {what}, generation date not stated"


def source_label(export: Export) -> str:
    return f"SIPRI Arms Transfers Database export:{export.path.name}"


def _register_key(row) -> tuple:
    """What identifies a deal in the register, which has no deal id."""
    return (row["Supplier"], str(row["Year of order"]), row["Weapon designation"], row["Weapon description"])


def _register_ids(frame: pd.DataFrame, previous: pd.DataFrame | None) -> list[str]:
    """Ids kept from the previous register for the same deal, new ones (r + number) otherwise.

    A deal is matched first on its key plus number ordered and comments (which tell apart two
    deals of one year for the same weapon), then on its key alone, in order.
    """
    rows = frame.to_dict("records")
    ids: list[str | None] = [None] * len(rows)
    old = [] if previous is None else previous.to_dict("records")
    free = list(range(len(old)))
    for exact in (True, False):
        for i, row in enumerate(rows):
            if ids[i] is not None:
                continue
            for j in free:
                same = _register_key(old[j]) == _register_key(row)
                if same and (
                    not exact
                    or (old[j]["Number ordered"], old[j]["Comments"])
                    == (
                        row["Number ordered"],
                        row["Comments"],
                    )
                ):
                    ids[i] = old[j]["id"]
                    free.remove(j)
                    break
    numbers = [int(m.group(1)) for m in (re.match(r"r(\d+)$", r["id"]) for r in old) if m]
    next_number = max(numbers, default=0) + 1
    for i, value in enumerate(ids):
        if value is None:
            ids[i] = f"r{next_number:03d}"
            next_number += 1
    return ids


def build_register(export: Export, edition: int, previous: pd.DataFrame | None, source: str) -> pd.DataFrame:
    """SIPRI's register rows for Russia (and Soviet deals delivering from 1990) to China.

    Rows are ordered by year of order, then by id, so that an edition that keeps a deal keeps
    its place in the file.
    """
    keep = []
    for line, row in export.rows:
        years = [int(p) for p in row["Year(s) of delivery"].split(";") if p.strip()]
        if row["Supplier"] == "Russia" or (
            row["Supplier"] == "Soviet Union" and any(y >= FIRST_YEAR for y in years)
        ):
            keep.append({**{c: row[c] for c in REGISTER_COLUMNS}, "_line": line})
    frame = pd.DataFrame(keep, columns=[*REGISTER_COLUMNS, "_line"])
    frame = frame.iloc[frame["Year of order"].astype(int).argsort(kind="stable")].reset_index(drop=True)
    frame.insert(0, "id", _register_ids(frame, previous))
    order = frame["Year of order"].astype(int) * 10**6 + frame["id"].str.extract(r"(\d+)$")[0].astype(int)
    frame = frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)
    return frame.assign(source_file=source, sipri_edition=edition_label(export, edition))


def _delivery_frame(export: Export) -> pd.DataFrame:
    frame = pd.DataFrame([row for _, row in export.rows], columns=export.header, dtype=str)
    frame = frame[DELIVERY_COLUMNS].copy()
    frame["_line"] = [line for line, _ in export.rows]
    frame["_year"] = frame["Delivery year"].astype(int)
    frame["_tiv"] = frame["TIV delivery values"].astype(float)
    return frame


def build_deliveries(export, edition, previous, source) -> pd.DataFrame:
    """Russian (and Soviet) per-year rows to China from 1990, ids kept per (deal, year)."""
    frame = _delivery_frame(export)
    frame = frame[frame["Supplier"].isin(RUSSIA) & (frame["_year"] >= FIRST_YEAR)].copy()
    frame["_deal"] = frame["SIPRI AT Database ID"].astype(int)
    frame = frame.sort_values(["_year", "_deal"], kind="stable").reset_index(drop=True)
    old = {}
    if previous is not None and len(previous):
        old = dict(
            zip(
                zip(
                    previous["SIPRI AT Database ID"].astype(int),
                    previous["Delivery year"].astype(int),
                    strict=True,
                ),
                previous["id"],
                strict=True,
            )
        )
    ids, used = [], set()
    for deal, year in zip(frame["_deal"], frame["_year"], strict=True):
        new = old.get((deal, year)) or f"d{deal}_y{year}"
        n = 1
        while new in used:
            n += 1
            new = f"d{deal}_y{year}_{n}"
        used.add(new)
        ids.append(new)
    frame.insert(0, "id", ids)
    out = frame[["id", *DELIVERY_COLUMNS, "_line"]]
    return out.assign(source_file=source, sipri_edition=edition_label(export, edition))


def build_tiv_by_year(export, edition, source) -> pd.DataFrame:
    """Russia (USSR) to China per year, FIRST_YEAR to the edition's last data year."""
    frame = _delivery_frame(export)
    frame = frame[frame["Supplier"].isin(RUSSIA)]
    rows = []
    for year in range(FIRST_YEAR, edition):
        part = frame[frame["_year"] == year]
        names = set(part["Supplier"])
        supplier = "Russia" if "Russia" in names or (not names and year >= 1992) else "Soviet Union"
        rows.append(
            {
                "id": f"y{year}",
                "year": str(year),
                "tiv_millions": fmt_number(part["_tiv"].sum()),
                "source_file": source,
                "sipri_edition": edition_label(export, edition),
                "supplier_in_sipri": supplier,
                "note": "sum of per-delivery-year TIV rows",
            }
        )
    return pd.DataFrame(rows)


def build_editions(tiv: pd.DataFrame, edition: int, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Earlier editions' rows kept, this edition's rows added (or replaced)."""
    new = tiv[["year", "tiv_millions", "source_file", "sipri_edition"]].copy()
    new.insert(0, "id", [f"e{edition}_y{y}" for y in new["year"]])
    if previous is None:
        return new
    older = previous[~previous["sipri_edition"].str.startswith(f"{edition} update")]
    out = pd.concat([older, new], ignore_index=True)
    key = out["sipri_edition"].str[:4].astype(int) * 10000 + out["year"].astype(int)
    return out.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def build_china_imports(export, edition, source) -> pd.DataFrame:
    """China's imports per year and supplier, this edition, from 1990."""
    frame = _delivery_frame(export)
    frame = frame[frame["_year"] >= FIRST_YEAR]
    sums = frame.groupby(["_year", "Supplier"], sort=True)["_tiv"].sum()
    label = edition_label(export, edition)
    rows = [
        {
            "id": f"e{edition}_y{year}_{slug(supplier)}",
            "year": str(year),
            "supplier": supplier,
            "tiv_millions": fmt_number(value),
            "source_file": source,
            "sipri_edition": label,
        }
        for (year, supplier), value in sums.items()
    ]
    return pd.DataFrame(
        rows, columns=["id", "year", "supplier", "tiv_millions", "source_file", "sipri_edition"]
    )


def build_tiv_tables(exports: dict[str, Export], edition: int, sources: dict[str, str]) -> pd.DataFrame:
    """SIPRI's own rounded totals for the series the report uses."""
    rows = []
    for kind, name, series in TABLE_SERIES:
        table = exports[kind]
        row = next(r for _, r in table.rows if r[table.header[0]] == name)
        for col in table.header[1:]:
            if re.fullmatch(r"\d{4}", col) and row[col] != "":
                rows.append(
                    {
                        "id": f"{slug(series)}_y{col}",
                        "series": series,
                        "year": col,
                        "tiv_millions": row[col],
                        "source_file": sources[kind],
                        "sipri_edition": edition_label(table, edition),
                    }
                )
    return pd.DataFrame(rows)


def build_all(exports, edition, previous: dict[str, pd.DataFrame], sources=None) -> dict[str, pd.DataFrame]:
    """Every table this importer writes, by data package resource name."""
    sources = sources or {kind: source_label(e) for kind, e in exports.items()}
    tiv = build_tiv_by_year(exports["deliveries"], edition, sources["deliveries"])
    return {
        "sipri_tiv": tiv,
        "sipri_tiv_editions": build_editions(tiv, edition, previous.get("sipri_tiv_editions")),
        "sipri_china_imports": build_china_imports(exports["deliveries"], edition, sources["deliveries"]),
        "sipri_register": build_register(
            exports["register"], edition, previous.get("sipri_register"), sources["register"]
        ),
        "sipri_deliveries": build_deliveries(
            exports["deliveries"], edition, previous.get("sipri_deliveries"), sources["deliveries"]
        ),
        "sipri_tiv_tables": build_tiv_tables(exports, edition, sources),
    }


def to_csv(frame: pd.DataFrame) -> str:
    """The table as the files write it (working columns, named with a leading _, left out)."""
    frame = frame[[c for c in frame.columns if not c.startswith("_")]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.astype(str).itertuples(index=False))
    return out.getvalue()


# --- the data package, the README and the change summary -------------------------------------


def read_previous(folder: Path) -> dict[str, pd.DataFrame]:
    """The SIPRI tables as they stand, as text (no typing), by resource name."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in descriptor["resources"]:
        if res["name"] in RESOURCES and (folder / res["path"]).exists():
            out[res["name"]] = pd.read_csv(folder / res["path"], dtype=str, keep_default_na=False)
    return out


def _describe_resources(descriptor: dict, edition: int, tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Point each SIPRI resource at its file for this edition and say which edition it holds.

    Returns {old path: new path} for the files that are renamed.
    """
    last = edition - 1
    editions = sorted({int(e[:4]) for e in tables["sipri_tiv_editions"]["sipri_edition"]})
    deliveries = tables["sipri_deliveries"]["Delivery year"].astype(int)
    texts = {
        "sipri_tiv": (
            None,
            f"Russian (Soviet to 1991) deliveries of major arms to China per year in SIPRI "
            f"trend-indicator values, {FIRST_YEAR}-{last}, {edition} update.",
        ),
        "sipri_tiv_editions": (
            None,
            "The same series computed separately from each SIPRI edition held so far ("
            + ", ".join(map(str, editions))
            + " updates), to show SIPRI's revisions.",
        ),
        "sipri_china_imports": (
            None,
            f"China's imports of major arms per year and supplier, in TIV, {edition} update.",
        ),
        "sipri_register": (
            None,
            f"SIPRI's register of deals, one row per deal, {edition} edition: orders, deliveries, "
            "TIV and SIPRI's comments.",
        ),
        "sipri_deliveries": (
            f"SIPRI: Russia to China deliveries by deal and year, {deliveries.min()}-{deliveries.max()}",
            f"Per-delivery-year rows of the {edition} edition, from SIPRI's export "
            "(see data/external/README.md).",
        ),
        "sipri_tiv_tables": (
            f"SIPRI TIV tables ({edition} edition)",
            "SIPRI's own rounded totals: China's arms imports and exports, Soviet and Russian arms "
            "exports, by year.",
        ),
    }
    renamed = {}
    for res in descriptor["resources"]:
        if res["name"] not in RESOURCES:
            continue
        new_path = RESOURCES[res["name"]].format(e=edition)
        if res["path"] != new_path:
            renamed[res["path"]] = new_path
            res["path"] = new_path
        title, description = texts[res["name"]]
        if title:
            res["title"] = title
        res["description"] = description
        for fld in res["schema"]["fields"]:
            if fld["name"] == "source_file":
                fld["description"] = "File the SIPRI export was read from (where it came from, if a copy)."
    return renamed


def _readme_section(summary: dict) -> str:
    lines = [
        README_START,
        f"## SIPRI edition in this folder: the {summary['edition']} update",
        "",
        f"The SIPRI files in this folder were written by `make sipri-update` from SIPRI's own exports "
        f"of the **{summary['edition']} update** (data to {summary['data_to']}), imported on "
        f"{summary['imported']}. They replace the third-party copies described above; the "
        "table of editions (`russia_china_tiv_by_year_all_editions.csv`) keeps the earlier editions' "
        "rows to show SIPRI's revisions. What the edition changed is summarised in "
        f"`{SUMMARY_FILE}` and on the book's page on SIPRI's new edition.",
        "",
        "| export file | kind | generated |",
        "|---|---|---|",
    ]
    for item in summary["exports"]:
        lines.append(f"| `{item['file']}` | {item['kind']} | {item['generated'] or 'not stated'} |")
    lines += ["", README_END]
    return "\n".join(lines)


def update_readme(text: str, summary: dict) -> str:
    section = _readme_section(summary)
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        return head + section + rest.split(README_END, 1)[1]
    return text.rstrip("\n") + "\n\n" + section + "\n"


#: The bibliography's key for SIPRI's database (kept across editions: the chapters cite it).
SIPRI_BIB_KEY = "sipri2026"


def references_entry(record: dict) -> str:
    """The References entry for SIPRI's database, derived from the edition recorded under
    ``x-sipri-edition`` in datapackage.json by an import."""
    dates = sorted({e["generated"] for e in record["exports"] if e.get("generated")})
    generated = f", exports generated {' and '.join(dates)}" if dates else ""
    return (
        f"@misc{{{SIPRI_BIB_KEY},\n"
        "  author = {{Stockholm International Peace Research Institute}},\n"
        "  title  = {{SIPRI} Arms Transfers Database},\n"
        f"  year   = {{{record['edition']}}},\n"
        f"  note   = {{{record['edition']} update (data to {record['data_to']}){generated}, imported "
        f"{record['imported']}; earlier updates' yearly totals are kept only to show SIPRI's revisions; "
        "see data/external/README.md},\n"
        "  url    = {https://www.sipri.org/databases/armstransfers}\n"
        "}\n"
    )


def update_references(text: str, record: dict) -> str:
    """``references.bib`` with its SIPRI entry replaced by the one the recorded edition gives."""
    found = re.search(rf"^@misc\{{{SIPRI_BIB_KEY},.*?^\}}\n?", text, re.M | re.S)
    if found is None:
        return text.rstrip("\n") + "\n\n" + references_entry(record)
    return text[: found.start()] + references_entry(record) + text[found.end() :]


# --- running ------------------------------------------------------------------------------------


def run(
    src: Path,
    data_folder: Path,
    edition: int | None = None,
    threshold: float = 1.0,
    today: dt.date | None = None,
    sources: dict[str, str] | None = None,
) -> dict:
    """Import one edition from ``src`` into ``data_folder``; return the change summary."""
    exports = read_folder(Path(src))
    edition = resolve_edition(exports, edition)
    check(exports, edition)
    data_folder = Path(data_folder).resolve()
    previous = read_previous(data_folder)
    tables = build_all(exports, edition, previous, sources)
    summary = sipri_changes.compare(previous, tables, threshold)
    summary.update(
        edition=edition,
        data_to=edition - 1,
        imported=(today or dt.datetime.now(dt.UTC).date()).isoformat(),
        exports=[
            {
                "file": e.path.name,
                "kind": KIND_NAMES[kind],
                "generated": e.generated.isoformat() if e.generated else None,
            }
            for kind, e in exports.items()
        ],
    )
    _write(data_folder, edition, tables, summary, exports)
    return summary


def _write(data_folder: Path, edition: int, tables: dict[str, pd.DataFrame], summary: dict, exports) -> None:
    """Write into a temporary copy, validate it with the package's schema, then move files in."""
    work = Path(tempfile.mkdtemp(prefix=".sipri-update-", dir=data_folder.parent))
    try:
        copy = work / data_folder.name
        shutil.copytree(data_folder, copy)
        descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
        renamed = _describe_resources(descriptor, edition, tables)
        descriptor["x-sipri-edition"] = {
            "edition": edition,
            "data_to": edition - 1,
            "imported": summary["imported"],
            "exports": summary["exports"],
            "summary": f"external/{SUMMARY_FILE}",
        }
        for old in renamed:
            (copy / old).unlink()
        paths = {res["name"]: res["path"] for res in descriptor["resources"]}
        changed = ["datapackage.json", "external/README.md", f"external/{SUMMARY_FILE}"]
        for name, frame in tables.items():
            (copy / paths[name]).write_text(to_csv(frame), encoding="utf-8")
            changed.append(paths[name])
        (copy / "datapackage.json").write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        readme = copy / "external" / "README.md"
        readme.write_text(update_readme(readme.read_text(encoding="utf-8"), summary), encoding="utf-8")
        (copy / "external" / SUMMARY_FILE).write_text(
            json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        try:
            mtcdata.validate_folder(copy)
        except mtcdata.DataError as exc:
            raise _schema_error(exc, copy, data_folder, paths, tables, exports) from None
        for rel in changed:
            os.replace(copy / rel, data_folder / rel)
        for old in renamed:
            (data_folder / old).unlink(missing_ok=True)
        references = data_folder.parent / "references.bib"
        if references.is_file():
            text = references.read_text(encoding="utf-8")
            references.write_text(update_references(text, descriptor["x-sipri-edition"]), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _schema_error(exc, copy, data_folder, paths, tables, exports) -> SipriImportError:
    """Name the input file and line behind a row the schema refuses, where there is one."""
    written = exc.path.replace(str(copy), _shown(data_folder))
    reason = f"the data package's schema refuses it: {exc.reason}"
    origin = {"sipri_register": "register", "sipri_deliveries": "deliveries"}
    for name, kind in origin.items():
        frame = tables[name]
        if exc.path.endswith(paths[name]) and exc.row and 1 < exc.row <= len(frame) + 1:
            line = int(frame["_line"].iloc[exc.row - 2])
            return SipriImportError(exports[kind].path, line, exc.column, f"{reason} (it would be {written})")
    return SipriImportError(written, exc.row, exc.column, reason)


def _shown(folder: Path) -> str:
    try:
        return folder.relative_to(REPO).as_posix()
    except ValueError:
        return str(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sipri-update", description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="folder with one edition's SIPRI export files")
    parser.add_argument(
        "--edition", type=int, help="year of SIPRI's March release, when the files do not say"
    )
    parser.add_argument(
        "--threshold", type=float, default=1.0, help="smallest TIV revision listed (millions)"
    )
    parser.add_argument("--data", type=Path, default=REPO / "data", help="the data package folder")
    args = parser.parse_args(argv)
    start = dt.datetime.now()
    try:
        summary = run(args.src, args.data, args.edition, args.threshold)
    except SipriImportError as exc:
        print(f"sipri-update: {exc}", file=sys.stderr)
        print(
            f"sipri-update: nothing was written; {_shown(args.data.resolve())}/ is unchanged.",
            file=sys.stderr,
        )
        return 1
    print("\n".join(sipri_changes.describe(summary)))
    seconds = (dt.datetime.now() - start).total_seconds()
    print(f"\nsipri-update: wrote data/external/ for the {summary['edition']} update in {seconds:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
