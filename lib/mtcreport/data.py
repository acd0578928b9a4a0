"""Load and validate the tables in ``data/``.

The tables are described by ``data/datapackage.json`` (a Frictionless Data
Package): field types, constraints, primary and foreign keys, and row checks
under the custom key ``x-checks``. Every loader validates the whole package
with the ``frictionless`` library before it returns anything, and a broken row
raises one :class:`DataError` that names the file, the row, the column and the
rule.

Loaders return pandas DataFrames typed from the schema (``Int64``, ``Float64``,
``boolean``, ``string``); empty cells are ``<NA>``. Results are cached until a
file in the data folder changes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

#: Environment variable that points the loaders at another data folder
#: (used by the tests and the benchmarks).
DATA_DIR_ENV = "MTC_DATA_DIR"
#: The repository root (the one place the package derives it).
ROOT = Path(__file__).resolve().parents[2]
#: The pattern the schema puts on free-text columns: no HTML or XML markup.
_NO_MARKUP = "^[^<>]*$"

_PANDAS_TYPES = {
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "string": "string",
}


class _SectionTitles(Mapping):
    """Section id -> the title the report uses for that part of the paper.

    Read from the ``sections`` table (``data/sections.csv``) on each use, so that the titles,
    like every other fact, live in the data; the table itself is cached by :func:`load`.
    """

    def _titles(self) -> dict[str, str]:
        frame = sections()
        return dict(zip(frame["id"], frame["title"], strict=True))

    def __getitem__(self, key: str) -> str:
        titles = self._titles()
        if key not in titles:
            raise KeyError(f"no section {key!r} in data/sections.csv; have {sorted(titles)}")
        return titles[key]

    def __iter__(self):
        return iter(self._titles())

    def __len__(self) -> int:
        return len(self._titles())


#: The paper's parts, keyed by the ``section`` column's values, titled from ``data/sections.csv``.
SECTION_TITLES: Mapping[str, str] = _SectionTitles()


class DataError(ValueError):
    """A data file breaks its schema. The message names file, row and column."""

    def __init__(
        self,
        path: str,
        row: int | None,
        column: str,
        reason: str,
        *,
        row_id: str | None = None,
        more: int = 0,
    ):
        self.path, self.row, self.column, self.reason = path, row, column, reason
        self.row_id, self.more = row_id, more
        where = f"line {row}" if row is not None else "line ?"
        if row is not None and row > 1:
            where = f"row {row - 1} (line {row}"
            where += f', id "{row_id}")' if row_id else ")"
        elif row == 1:
            where = "header (line 1)"
        msg = f'{path}: {where}, column "{column}": {reason}'
        if more:
            msg += f" (and {more} more problem{'s' if more > 1 else ''} in this file)"
        super().__init__(msg)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    path: Path
    fields: tuple[dict, ...]


def data_dir() -> Path:
    """The folder holding ``datapackage.json`` and the CSV files."""
    return Path(os.environ.get(DATA_DIR_ENV) or ROOT / "data").resolve()


def _display(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(_display(path), None, "-", "the data package descriptor is missing") from None
    except json.JSONDecodeError as exc:
        raise DataError(_display(path), exc.lineno, "-", f"not valid JSON: {exc.msg}") from None


def tables(folder: Path | None = None) -> dict[str, Table]:
    """The tables the data package declares, by name, in declaration order."""
    folder = folder or data_dir()
    out = {}
    for res in _descriptor(folder)["resources"]:
        out[res["name"]] = Table(
            name=res["name"],
            title=res.get("title", res["name"]),
            description=res.get("description", ""),
            path=folder / res["path"],
            fields=tuple(res["schema"]["fields"]),
        )
    return out


def _precheck(table: Table) -> None:
    """Catch what frictionless reports without a row or column: empty files, bad bytes."""
    shown = _display(table.path)
    header = ",".join(f["name"] for f in table.fields)
    try:
        raw = table.path.read_bytes()
    except FileNotFoundError:
        raise DataError(shown, None, "-", "file is missing") from None
    if not raw.strip():
        raise DataError(shown, 1, "(header)", f"file is empty; expected the header {header}")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        column_index = raw[line_start : exc.start].count(b",")
        names = [f["name"] for f in table.fields]
        column = names[column_index] if column_index < len(names) else f"#{column_index + 1}"
        raise DataError(
            shown,
            line,
            column,
            f"bytes {raw[exc.start : exc.end]!r} are not valid UTF-8; save the file as UTF-8",
        ) from None


def _check_for(error, checks: list[dict]) -> dict | None:
    for check in checks:
        if check["formula"] in (error.note or ""):
            return check
    return None


def _column_of(error, checks: list[dict]) -> str:
    """The column an error is about, as precisely as frictionless tells."""
    if getattr(error, "field_name", None):
        return error.field_name
    check = _check_for(error, checks)
    if check:
        return "/".join(check["fields"])
    if getattr(error, "field_names", None):
        return "/".join(error.field_names)
    return getattr(error, "label", None) or "-"


def _reason(error, checks: list[dict], fields: dict[str, dict]) -> str:
    """Say in plain words which rule the value breaks."""
    cell = getattr(error, "cell", None)
    field = fields.get(getattr(error, "field_name", None) or "", {})
    kind = error.type
    if kind == "type-error":
        text = f'value "{cell}" is not a valid {field.get("type", "value")}'
    elif kind == "constraint-error":
        constraints = field.get("constraints", {})
        if "required" in error.note and cell in (None, ""):
            text = "is blank, but the column is required"
        elif "enum" in error.note:
            text = f'value "{cell}" is not one of: ' + "; ".join(constraints.get("enum", []))
        elif "pattern" in error.note and constraints.get("pattern") == _NO_MARKUP:
            text = f'value "{cell}" contains < or >; text cells may not hold markup'
        elif "minimum" in error.note or "maximum" in error.note:
            low, high = constraints.get("minimum", "-inf"), constraints.get("maximum", "inf")
            text = f'value "{cell}" is out of range {low} to {high}'
        else:
            text = f'value "{cell}" breaks {error.note}'
    elif kind == "foreign-key":
        ref = error.reference_name or "this table"
        text = f'value "{"/".join(error.field_cells)}" is not an id in {ref}.csv'
    elif kind in ("primary-key", "unique-error"):
        text = f"duplicate id: {error.note}"
    elif kind == "row-constraint" and _check_for(error, checks):
        text = _check_for(error, checks)["reason"]
    elif kind == "extra-label":
        text = "column is not in the schema (data/datapackage.json)"
    elif kind in ("missing-label", "missing-cell"):
        text = "column is missing"
    elif kind == "extra-cell":
        text = "row has more cells than the header"
    else:
        text = error.note or error.title
    return f"{text} [{kind}]"


def _check_header(table: Table) -> None:
    """Name missing, extra or misplaced columns before frictionless matches them by position."""
    import csv

    with table.path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    expected = [f["name"] for f in table.fields]
    if header == expected:
        return
    shown = _display(table.path)
    missing = [n for n in expected if n not in header]
    extra = [n for n in header if n not in expected]
    if missing:
        raise DataError(shown, 1, missing[0], "column is missing from the header [missing-label]")
    if extra:
        raise DataError(
            shown, 1, extra[0], "column is not in the schema (data/datapackage.json) [extra-label]"
        )
    moved = next(a for a, b in zip(header, expected, strict=True) if a != b)
    raise DataError(
        shown, 1, moved, f"columns are out of order; expected {','.join(expected)} [incorrect-label]"
    )


def validate_folder(folder: Path) -> None:
    """Validate the data package in ``folder`` now; raise :class:`DataError` at the first problem.
    (Tooling calls it on a copy of ``data/``: ``tools.sipri_update`` before it moves tables in.)"""
    # frictionless is imported here so that importing mtcreport stays cheap.
    from frictionless import Checklist, Package, checks

    all_tables = tables(folder)
    for table in all_tables.values():
        _precheck(table)
        _check_header(table)
    descriptor = _descriptor(folder)
    package = Package(descriptor, basepath=str(folder))
    for res_descriptor in descriptor["resources"]:
        table = all_tables[res_descriptor["name"]]
        row_checks = res_descriptor.get("x-checks", [])
        checklist = Checklist(checks=[checks.row_constraint(formula=c["formula"]) for c in row_checks])
        report = package.get_resource(table.name).validate(checklist=checklist)
        if report.valid:
            continue
        errs = [e for task in report.tasks for e in task.errors] or list(report.errors)
        first = errs[0]
        row = getattr(first, "row_number", None)
        if row is None and hasattr(first, "row_numbers"):
            row = (first.row_numbers or [None])[0]
        if row is None and getattr(first, "label", None) is not None:
            row = 1
        cells = getattr(first, "cells", None) or []
        row_id = cells[0] if cells and row and row > 1 else None
        raise DataError(
            _display(table.path),
            row,
            _column_of(first, row_checks),
            _reason(first, row_checks, {f["name"]: f for f in table.fields}),
            row_id=row_id,
            more=len(errs) - 1,
        )
    _check_cited_urls(folder, descriptor, all_tables)


def _check_cited_urls(folder: Path, descriptor: dict, all_tables: dict[str, Table]) -> None:
    """A table whose descriptor lists ``x-sources-need-url`` columns may cite only sources that have a
    URL (an outside fact whose source cannot be opened is not a sourced fact)."""
    import csv

    with all_tables["sources"].path.open(encoding="utf-8", newline="") as handle:
        urls = {row["id"]: (row.get("url") or "").strip() for row in csv.DictReader(handle)}
    for res in descriptor["resources"]:
        columns = res.get("x-sources-need-url", [])
        if not columns:
            continue
        table = all_tables[res["name"]]
        with table.path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                for column in columns:
                    cited = (row.get(column) or "").strip()
                    if cited and not urls.get(cited):
                        raise DataError(
                            _display(table.path),
                            line,
                            column,
                            f'source "{cited}" has no url in sources.csv; an outside fact needs a source '
                            "a reader can open [source-without-url]",
                            row_id=row.get("id"),
                        )


def _typed(table: Table) -> pd.DataFrame:
    frame = pd.read_csv(table.path, dtype=str, keep_default_na=False, encoding="utf-8")
    out = {}
    for field in table.fields:
        col = frame[field["name"]].replace("", None)
        kind = field.get("type", "string")
        if kind == "boolean":
            col = col.map({"true": True, "false": False}, na_action="ignore")
        out[field["name"]] = col.astype(_PANDAS_TYPES.get(kind, "string"))
    return pd.DataFrame(out)


def _signature(folder: Path) -> tuple:
    """Name, time and size of every file under ``folder``, ``external/`` included: an edit to any
    table changes it, so the cache below never serves stale rows."""
    return tuple(
        (p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )


#: Where content hashes of data packages that passed validation are remembered, so that
#: each new kernel need not validate the same bytes again (``make clean`` empties it).
VALIDATED_DIR = Path(os.environ.get("MTC_VALIDATED_DIR") or ROOT / "_build" / ".validated")


def _content_hash(folder: Path) -> str:
    """SHA-256 of the descriptor, every table file, and the validating code and library."""
    from importlib.metadata import version

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(version("frictionless").encode())
    digest.update((folder / "datapackage.json").read_bytes())
    for table in tables(folder).values():
        digest.update(table.path.name.encode())
        digest.update(table.path.read_bytes() if table.path.exists() else b"<missing>")
    return digest.hexdigest()


def validate_once(folder: Path) -> None:
    """Validate unless these exact bytes have passed before (a content hash, never a date);
    ``make notebooks`` calls it before any kernel starts."""
    key = _content_hash(folder)
    stamp = VALIDATED_DIR / key
    if stamp.exists():
        return
    validate_folder(folder)
    try:
        VALIDATED_DIR.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        pass  # a read-only checkout validates every time


@functools.lru_cache(maxsize=8)
def _load_all(folder: Path, signature: tuple) -> dict[str, pd.DataFrame]:
    validate_once(folder)
    return {name: _typed(t) for name, t in tables(folder).items()}


#: The tables this process has read, by name. ``make notebooks`` records them in each chapter's
#: metadata, so that a chapter re-runs only when a table it reads changes (see ``mtcreport.execute``).
READ: set[str] = set()


def load_all() -> dict[str, pd.DataFrame]:
    """Validate the whole package once and return every table (copies)."""
    folder = data_dir()
    frames = _load_all(folder, _signature(folder))
    READ.update(frames)
    return {k: v.copy() for k, v in frames.items()}


def load(name: str) -> pd.DataFrame:
    """One validated, typed table by name."""
    folder = data_dir()
    frames = _load_all(folder, _signature(folder))
    if name not in frames:
        raise KeyError(f"no table {name!r} in {_display(folder / 'datapackage.json')}; have {sorted(frames)}")
    READ.add(name)
    return frames[name].copy()


def clear_cache() -> None:
    """Forget the tables this process has loaded (the next call reads and types them again)."""
    _load_all.cache_clear()


def validate() -> None:
    """Validate the package now (ignoring earlier results) and raise :class:`DataError` if broken."""
    validate_folder(data_dir())


# One loader per table, so that notebooks read as prose: ``data.transfers()``.
def sources() -> pd.DataFrame:
    """Sources cited by the rows: the paper and outside sources."""
    return load("sources")


def sections() -> pd.DataFrame:
    """The parts of the paper, in printed order, with their headings and paragraph counts."""
    return load("sections").sort_values("order", ignore_index=True)


def organisations() -> pd.DataFrame:
    """Organisations named in the paper."""
    return load("organisations")


def persons() -> pd.DataFrame:
    """People named in the paper."""
    return load("persons")


def systems() -> pd.DataFrame:
    """Weapon systems and designations, with the paper's slips flagged."""
    return load("systems")


def terms() -> pd.DataFrame:
    """The terms of measure (TIV, SIPRI edition) the glossary defines."""
    return load("terms")


def transfers() -> pd.DataFrame:
    """Sales, licences, design documents and joint developments."""
    return load("transfers")


def lineage() -> pd.DataFrame:
    """Russian design to Chinese system, with the kind of relation."""
    return load("lineage")


def engines() -> pd.DataFrame:
    """Which aircraft depend on which Russian engine."""
    return load("engines")


def denials() -> pd.DataFrame:
    """What Russia refused, delayed or withheld."""
    return load("denials")


def negotiations() -> pd.DataFrame:
    """Deals under negotiation in 2012."""
    return load("negotiations")


def indicators() -> pd.DataFrame:
    """Scalar figures: money, shares, counts, calibres."""
    return load("indicators")


def markets() -> pd.DataFrame:
    """Russia's other arms markets."""
    return load("markets")


def events() -> pd.DataFrame:
    """Dated events that are not transfers."""
    return load("events")


def phases() -> pd.DataFrame:
    """The paper's four phases and the years they span."""
    return load("phases")


def assumptions() -> pd.DataFrame:
    """The report's own stated assumptions (never facts of the paper)."""
    return load("assumptions")


def claims() -> pd.DataFrame:
    """Every claim of the paper, typed."""
    return load("claims")


def outcomes() -> pd.DataFrame:
    """What happened to the paper's forecasts after 2012, with verdicts."""
    return load("outcomes")


def developments() -> pd.DataFrame:
    """Dated developments after 2012 beyond SIPRI's register, one outside fact a row, with sources."""
    return load("developments")


# Outside data: SIPRI Arms Transfers Database and official Russian figures (data/external/).
def sipri_tiv() -> pd.DataFrame:
    """Russia (USSR) to China, TIV by year, latest edition for each year."""
    return load("sipri_tiv")


def sipri_tiv_editions() -> pd.DataFrame:
    """Russia to China, TIV by year, one series per SIPRI edition."""
    return load("sipri_tiv_editions")


def sipri_china_imports() -> pd.DataFrame:
    """China's arms imports by supplier and year, TIV, three editions."""
    return load("sipri_china_imports")


def sipri_register() -> pd.DataFrame:
    """SIPRI's register of Russian (and Soviet) deals with China, 2026 edition."""
    return load("sipri_register")


def sipri_deliveries() -> pd.DataFrame:
    """Per-deal, per-year deliveries from Russia to China, 2004-2025, 2026 edition."""
    return load("sipri_deliveries")


def sipri_tiv_tables() -> pd.DataFrame:
    """SIPRI's rounded TIV totals by year (2024 edition)."""
    return load("sipri_tiv_tables")


def official_exports() -> pd.DataFrame:
    """Russia's officially announced arms exports in US dollars."""
    return load("official_exports")


def paper_date() -> pd.Series:
    """The latest dated fact the paper reports (planned events excluded): its year and month."""
    frame = events()
    past = frame[(frame["source"] == "kashin2012") & (frame["kind"] != "planned")].dropna(
        subset=["year_high"]
    )
    latest = past.sort_values(["year_high", "month"]).iloc[-1]
    return pd.Series({"year": latest["year_high"], "month": latest["month"]})


def indicator(id_: str) -> pd.Series:
    """One row of the indicators table by id."""
    frame = indicators().set_index("id")
    if id_ not in frame.index:
        raise KeyError(f"no indicator {id_!r} in data/indicators.csv")
    return frame.loc[id_]


def provenance_counts() -> tuple[int, int]:
    """Rows that come from the paper and rows that come from outside sources, over every table.

    A row with a ``source`` column counts for the paper when its source is ``kashin2012``; tables
    without that column count whole as outside data when they live in ``data/external/`` (SIPRI
    and official figures), and not at all otherwise (the catalogue tables: sources, sections).
    """
    catalogue = tables()
    paper = outside = 0
    for name, frame in load_all().items():
        if "source" in frame.columns:
            from_paper = int((frame["source"] == "kashin2012").sum())
            paper += from_paper
            outside += len(frame) - from_paper
        elif catalogue[name].path.parent.name == "external":
            outside += len(frame)
    return paper, outside
