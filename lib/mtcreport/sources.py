"""Source lines: the work, the paper's sections and the data files a chart or table comes from.

Every source line of the book is built here, from table names checked against
``datapackage.json`` (a misspelt table is an error, not a dead link), so that the book can link
each data file it names (``tools/sphinx_data.py``).

- :func:`source` writes the common line: ``"Source: Kashin (2012), section Crisis; data: engines.csv."``
- :func:`line` and :func:`cite` write a line of several parts, each naming its own data files:
  ``line(cite("SIPRI, TIV tables", "sipri_tiv_tables"), "computed here")``.
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


def tables_phrase(*names: str) -> str:
    """``"data: transfers.csv"``, ``"data: lineage.csv and systems.csv"``: the files a reader can
    download (each linked in the book), from :func:`data_files`."""
    return "data: " + listing(data_files(*names))


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
