"""The glossary of designations, written from the systems table.

The glossary page prints :func:`markdown` as a MyST ``{glossary}`` directive, so every
designation becomes a term that chapters link with ``{term}`Su-27SK```.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from mtcreport.tables import escape


def definition(row: pd.Series, source_titles: dict[str, str]) -> str:
    """One entry in prose: what it is, where from, and how the paper spells it."""
    kind = escape(row["kind"])
    parts = [f"{kind[:1].upper()}{kind[1:]}, {escape(row['origin'])}."]
    if not pd.isna(row["nickname"]):
        parts.append(f"Name given in the paper: {escape(row['nickname'])}.")
    if not pd.isna(row["class_name"]):
        parts.append(f"Class: {escape(row['class_name'])}.")
    if not pd.isna(row["note"]):
        parts.append(escape(row["note"]))
    if row["slip"]:
        correction = escape(source_titles[row["standard_source"]])
        parts.append(
            f"**The paper writes {escape(row['paper_designation'])}**; the standard form is "
            f"{escape(row['standard_designation'])} (source: {correction})."
        )
    elif pd.isna(row["paper_designation"]):
        parts.append("The paper gives no designation.")
    return " ".join(parts)


def markdown(systems: pd.DataFrame, sources: pd.DataFrame) -> str:
    """A MyST glossary with one term per system, sorted alphabetically."""
    titles = dict(zip(sources["id"], sources["title"], strict=True))
    ordered = systems.sort_values("label", key=lambda s: s.str.lower())
    lines = ["```{glossary}"]
    for _, row in ordered.iterrows():
        lines += [row["label"], f"  {definition(row, titles)}", ""]
    lines.append("```")
    return "\n".join(lines) + "\n"


def terms_markdown(terms: pd.DataFrame, sources: pd.DataFrame) -> str:
    """A MyST glossary of the terms of measure: the term and its other forms as terms of one
    entry, the definition, and its source."""
    titles = dict(zip(sources["id"], sources["title"], strict=True))
    lines = ["```{glossary}"]
    for _, row in terms.sort_values("term", key=lambda s: s.str.lower()).iterrows():
        lines.append(row["term"])
        if not pd.isna(row["also"]):
            lines += [alias.strip() for alias in row["also"].split(";") if alias.strip()]
        lines += [f"  {escape(row['definition'])} (Source: {escape(titles[row['source']])}.)", ""]
    lines.append("```")
    return "\n".join(lines) + "\n"


def show_terms(terms: pd.DataFrame, sources: pd.DataFrame) -> Markdown:
    return Markdown(terms_markdown(terms, sources))


def show(systems: pd.DataFrame, sources: pd.DataFrame) -> Markdown:
    return Markdown(markdown(systems, sources))
