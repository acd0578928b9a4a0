"""The data appendix, written from the schema: one section per table, with a download link."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from mtcreport import data
from mtcreport.tables import escape, markdown


def _constraints(field: dict) -> str:
    rules = field.get("constraints", {})
    parts = []
    if rules.get("required"):
        parts.append("required")
    if rules.get("unique"):
        parts.append("unique")
    if "enum" in rules:
        parts.append("one of: " + "; ".join(rules["enum"]))
    if "minimum" in rules or "maximum" in rules:
        parts.append(f"from {rules.get('minimum', '…')} to {rules.get('maximum', '…')}")
    if rules.get("pattern") == "^[^<>]*$":
        parts.append("no markup")
    elif "pattern" in rules:
        parts.append(f"pattern {rules['pattern']}")
    return ", ".join(parts)


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def provenance(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Which sources the rows cite, with counts; for outside files, their SIPRI editions."""
    titles = {
        row.id: f"{row.author.split()[-1]} ({row.year})" if row.kind == "paper" else row.title
        for row in sources.itertuples(index=False)
    }
    if "url" in frame.columns and "kind" in frame.columns:
        return "the list of sources itself"
    if "source" in frame.columns:
        counts = frame["source"].value_counts()
        return "; ".join(f"{titles.get(s, s)} ({_rows(n)})" for s, n in counts.items())
    if "sipri_edition" in frame.columns:
        counts = frame["sipri_edition"].value_counts()
        return "SIPRI Arms Transfers Database: " + "; ".join(f"{e} ({_rows(n)})" for e, n in counts.items())
    if "source_title" in frame.columns:
        reports = frame["source_title"].nunique()
        return f"news reports of official statements, named on each row ({reports} reports)"
    return "not recorded"


def section(name: str) -> str:
    """MyST for one table: title, description, size, provenance, download link and fields."""
    table = data.tables()[name]
    frame = data.load(name)
    relative = table.path.relative_to(data.data_dir()).as_posix()
    if not re.fullmatch(r"[A-Za-z0-9_./-]+", relative):
        raise ValueError(f"unexpected characters in the path of table {name}: {relative!r}")
    fields = pd.DataFrame(
        {
            "Column": [f["name"] for f in table.fields],
            "Type": [f.get("type", "string") for f in table.fields],
            "Unit": [f.get("unit", "") for f in table.fields],
            "Rules": [_constraints(f) for f in table.fields],
            "Meaning": [f.get("description", "") for f in table.fields],
        }
    )
    lines = [
        f"```{{rubric}} {escape(table.title)}",
        f":name: data-{name}",
        "```",
        "",
        f"{escape(table.description)}",
        "",
        f"- Table `{name}`: {len(frame):,} row{'' if len(frame) == 1 else 's'}, "
        f"{len(table.fields)} column{'' if len(table.fields) == 1 else 's'}.",
        f"- Provenance: {escape(provenance(frame, data.sources()))}.",
        f"- Download: {{download}}`{relative} <../data/{relative}>`",
        "",
        markdown(
            fields,
            caption=f"Columns of the table {name}",
            name=f"tbl-data-{name.replace('_', '-')}",
            source="Source: data/datapackage.json.",
        ),
    ]
    return "\n".join(lines)


def show(name: str) -> Markdown:
    return Markdown(section(name))
