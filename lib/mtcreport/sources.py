"""Source lines: the work, the paper's sections and the data files a chart or table comes from.

Every source line of the book is built here, from table names checked against
``datapackage.json`` (a misspelt table is an error, not a dead link), so that the book can link
each data file it names (``tools/sphinx_data.py``).

- :func:`source` writes the common line: ``"Source: Kashin (2012), section Crisis; data: engines.csv."``
- :func:`line` and :func:`cite` write a line of several parts, each naming its own data files:
  ``line(cite("SIPRI, TIV tables", "sipri_tiv_tables"), "computed here")``.

A part that names a SIPRI table also says, from the table's own ``sipri_edition`` and
``source_file`` columns, which SIPRI edition(s) it holds (and, for a series that joins editions,
which years come from which) and that the file is a copy of SIPRI's export published by a third
party (:func:`provenance`).
"""

from __future__ import annotations

from mtcreport import data
from mtcreport.fmt import listing


def data_files(*names: str) -> list[str]:
    """The file names of the tables ``names``, as a reader downloads them, from the tables in
    ``datapackage.json`` (a table it does not describe is an error)."""
    if not names:
        raise ValueError("a source line needs at least one table name")
    known = data.tables()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(
            f"source line: {', '.join(map(repr, unknown))} not described in "
            f"{data._display(data.data_dir() / 'datapackage.json')}; tables: {', '.join(sorted(known))}"
        )
    return [known[n].path.name for n in names]


#: The kinds of data file a page can read, in the order a page lists them (:func:`files_by_kind`).
KINDS = ("The report's tables", "Copies of SIPRI's data", "Other outside data")


def files_by_kind(*names: str) -> list[tuple[str, list[str]]]:
    """The file names of the tables ``names`` (as :func:`data_files`), grouped by kind and sorted
    within each kind, each file once: the report's own tables (the paper's facts and the report's
    outcomes, in ``data/``), the copies of SIPRI's data (tables in ``data/external/`` with a
    ``sipri_edition`` column) and other outside data (the rest of ``data/external/``). Kinds with
    no file are left out."""
    data_files(*names)  # checks the names
    known = data.tables()
    groups: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for name in names:
        table = known[name]
        if table.path.parent == data.data_dir():
            kind = KINDS[0]
        elif any(field["name"] == "sipri_edition" for field in table.fields):
            kind = KINDS[1]
        else:
            kind = KINDS[2]
        groups[kind].add(table.path.name)
    return [(kind, sorted(files)) for kind, files in groups.items() if files]


def tables_phrase(*names: str) -> str:
    """``"data: transfers.csv"``, ``"data: lineage.csv and systems.csv"``: the files a reader can
    download (each linked in the book), from :func:`data_files`; followed by the
    :func:`provenance` of the SIPRI tables among them."""
    files = data_files(*names)  # checks the names
    said = provenance(*names)
    return "data: " + listing(files) + (f" ({said})" if said else "")


#: Where the book documents each outside file (its title, as the reader finds it in the contents).
DATA_APPENDIX = "Appendix: the data"


def _edition(text: str) -> str:
    """``"2024 update"`` from ``"2024 update (data to 2023); export generated 13 Apr 2024"``."""
    return str(text).split(" (")[0].split(";")[0].strip()


def provenance(*names: str) -> str:
    """What a reader must know of the SIPRI tables among ``names``, from their own rows: the
    edition(s), with the years each gives where a table joins editions by year, and who published
    the copy of SIPRI's export it was taken from (the GitHub account in ``source_file``).

    ``"SIPRI's 2024 update for 1990-1994, 2025 update for 1995-2003, 2026 update for 2004-2025;
    copies of SIPRI exports published on GitHub by A and B; see Appendix: the data"``; empty when
    no table named is a SIPRI copy.
    """
    import pandas as pd

    known = data.tables()
    parts, owners, copies = [], [], 0
    for name in names:
        path = known[name].path
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        if not {"sipri_edition", "source_file"} <= set(frame.columns):
            continue
        editions = list(dict.fromkeys(_edition(e) for e in frame["sipri_edition"]))
        by_year = "year" in frame.columns and len(editions) > 1 and "edition" not in frame.columns
        if by_year:
            years = frame.assign(_e=frame["sipri_edition"].map(_edition), _y=frame["year"].astype(int))
            spans = [
                f"{e} for {years.loc[years['_e'] == e, '_y'].min()}–{years.loc[years['_e'] == e, '_y'].max()}"
                for e in editions
            ]
            parts.append(f"{path.name}: SIPRI's " + ", ".join(spans))
        else:
            parts.append(f"{path.name}: SIPRI's " + listing(editions))
        for owner in frame["source_file"].map(lambda f: f.split("/")[0]):
            if owner not in owners:
                owners.append(owner)
        copies += frame["source_file"].nunique()
    if not parts:
        return ""
    said = list(dict.fromkeys(part.split(": ", 1)[1] for part in parts))
    if len(said) == 1:  # one table, or tables of the same edition(s): said once
        parts = said
    copied = "copies of SIPRI exports" if copies > 1 else "a copy of SIPRI's export"
    return f"{'; '.join(parts)}; {copied} published on GitHub by {listing(owners)}; see {DATA_APPENDIX}"


def cite(text: str, *tables: str, sep: str = ", ") -> str:
    """One part of a source line: ``text`` followed by the data files of ``tables``
    (``cite("SIPRI, TIV tables", "sipri_tiv_tables")`` gives
    ``"SIPRI, TIV tables, data: sipri_tiv_tables_2024ed.csv"``); ``sep`` joins the two."""
    return f"{text}{sep}{tables_phrase(*tables)}"


def line(*parts: str, note: str = "") -> str:
    """A source line of several parts: ``"Source: part; part."``, then ``note`` after the full stop."""
    if not parts:
        raise ValueError("a source line needs at least one part")
    text = "Source: " + "; ".join(parts) + "."
    return f"{text} {note}" if note else text


def source(
    tables: tuple[str, ...] | list[str] = (),
    *,
    by: str = "Kashin (2012)",
    sections: tuple[str, ...] | list[str] = (),
    detail: str = "",
    note: str = "",
) -> str:
    """A chart's or table's source line, built from the work, the paper's sections (ids of the
    ``sections`` table, written with their titles) and the data tables (checked names).

    ``source(["lineage", "systems"], sections=["key_projects", "crisis"])`` gives
    ``"Source: Kashin (2012), sections Key cooperative projects and Crisis; data: lineage.csv and
    systems.csv."``; ``detail`` follows the sections as written, ``note`` follows the full stop.
    """
    work = by
    if sections:
        titles = [data.SECTION_TITLES[s] for s in sections]
        work += (", section " if len(titles) == 1 else ", sections ") + listing(titles)
    work += detail
    return line(work, *([tables_phrase(*tables)] if tables else []), note=note)
