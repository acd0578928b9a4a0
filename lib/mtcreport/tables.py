"""Numbered, escaped tables for the book.

A chapter ends a code cell with ``tables.show(frame, caption=..., name="tbl-...",
source=...)``. The cell's output is MyST Markdown (the book renders Markdown
outputs as MyST) holding a ``{table}`` directive, so Sphinx numbers the table
and ``{numref}`` can point at it; a source line follows the table.

Every cell is escaped: HTML-significant characters become entities and Markdown
punctuation is backslash-escaped, so a ``<script>`` in a data file shows as text.
"""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#$~^])")


class Raw(str):
    """A cell that is already MyST (a link or a role made by this module): not escaped again."""


def link(text: str, url: str) -> Raw:
    """A Markdown link with escaped text; spaces and parentheses in the URL are percent-encoded."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"not a web address: {url!r}")
    safe = (
        url.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )
    return Raw(f"[{escape(text)}]({safe})")


def doc(name: str, text: str) -> Raw:
    """A cross-reference to another page of the book."""
    return Raw(f"{{doc}}`{escape(text)} <{name}>`")


def escape(value) -> str:
    """Make a cell value safe to place in a MyST Markdown table, as literal text."""
    if isinstance(value, Raw):
        return str(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown(frame: pd.DataFrame, caption: str, name: str, source: str, filterable: bool = False) -> str:
    """The MyST source of a numbered table with a caption and a source line."""
    if not name.startswith("tbl-"):
        raise ValueError(f"table names start with 'tbl-' (got {name!r})")
    if not source.strip():
        raise ValueError("every table needs a source line")
    header = "| " + " | ".join(escape(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(escape(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    fence = "````"
    lines = [
        f"{fence}{{table}} {escape(caption)}",
        f":name: {name}",
        ":class: mtc-table" + (" mtc-filterable" if filterable else ""),
        "",
        header,
        rule,
        *body,
        "",
        fence,
    ]
    lines += ["", "```{container} source-line", escape(source), "```"]
    return "\n".join(lines) + "\n"


def show(frame: pd.DataFrame, caption: str, name: str, source: str, filterable: bool = False) -> Markdown:
    """Display ``frame`` as a numbered table (see :func:`markdown`).

    ``filterable`` adds a search box (and a menu for the Chapter, Type and Verdict columns)
    in the HTML book, through ``_static/filter.js``.
    """
    return Markdown(markdown(frame, caption, name, source, filterable))


def claims(chapter: str, name: str) -> Markdown:
    """The paper's claims that a chapter takes up (see :mod:`mtcreport.book`), as a numbered table."""
    from mtcreport import book, data, sources

    rows = data.claims()
    rows = rows[
        [book.chapter_of(s, loc) == chapter for s, loc in zip(rows["section"], rows["locator"], strict=True)]
    ]
    listing = pd.DataFrame(
        {
            "Where": [
                f"{data.SECTION_TITLES[s]} {loc}"
                for s, loc in zip(rows["section"], rows["locator"], strict=True)
            ],
            "Type": rows["type"],
            "Claim (in this report's words)": rows["claim"],
        }
    )
    parts = book.span(chapter)
    return show(
        listing,
        caption=f"The paper's claims taken up here ({parts})",
        name=name,
        source=sources.line(f"Kashin (2012), {parts}", sources.tables_phrase("claims")),
    )


def source_link(source_id: str, label: str = "title") -> Raw:
    """A link to a row of the sources table, labelled by its ``title`` or ``author``."""
    from mtcreport import data

    row = data.sources().set_index("id").loc[source_id]
    text = row[label] if not pd.isna(row[label]) else row["title"]
    return link(str(text), str(row["url"]))


def data_used() -> Markdown:
    """One short paragraph naming, once each, every data file the page has read so far (the
    tables it loaded, in ``data.READ``), grouped by kind and sorted (:func:`sources.files_by_kind`):
    "Data read by this page. **The report's tables:** a.csv and b.csv. **Copies of SIPRI's data:**
    c.csv." (each kind in bold). The book links each file. Call it last, in the page's last cell."""
    from mtcreport import data, fmt, sources

    if not data.READ:
        raise ValueError("data_used: this page has read no table yet")
    read = sorted(data.READ)
    scope = f", all {len(read)} tables of the data package" if set(read) == set(data.tables()) else ""
    text = escape(f"Data read by this page{scope}.") + "".join(
        f" **{escape(kind)}:** {escape(fmt.listing(files))}." for kind, files in sources.files_by_kind(*read)
    )
    return Markdown(f"```{{container}} source-line mtc-data-used\n{text}\n```\n")
