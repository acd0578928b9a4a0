"""The book's structure, in one place: which chapter takes up which part of the paper.

Chapter order and numbers come from ``_toc.yml`` and titles from each chapter's first heading;
the paper's parts come from the ``sections`` table. The one thing written here is the rule that
sends each part of the paper to a chapter (the paper's last section is shared by two chapters:
its paragraphs 1-3 to the recovery chapter, its list of negotiations and outlook to the next).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml

from mtcreport.data import ROOT

#: Each chapter that follows the paper, with the parts it takes up: (section, first ¶, last ¶).
PARTS: dict[str, list[tuple[str, int, int | None]]] = {
    "00_introduction": [("summary", 1, None), ("introduction", 1, None), ("author_note", 1, None)],
    "01_key_projects": [("key_projects", 1, None)],
    "02_crisis": [("crisis", 1, None)],
    "03_competition": [("competition", 1, None)],
    "04_recovery": [("recovery", 1, 3)],
    "05_prospects": [("recovery", 4, None)],
}


def paragraph(locator: str) -> int:
    """'¶4, bullet 2' -> 4."""
    match = re.match(r"¶(\d+)", str(locator))
    if not match:
        raise ValueError(f"not a paragraph locator: {locator!r}")
    return int(match.group(1))


def chapter_of(section: str, locator: str) -> str:
    """The chapter (a document name such as '04_recovery') that takes up this part of the paper."""
    number = paragraph(locator)
    for chapter, parts in PARTS.items():
        for part, first, last in parts:
            if part == section and first <= number and (last is None or number <= last):
                return chapter
    raise KeyError(f"no chapter takes up {section} {locator}")


def span(chapter: str) -> str:
    """The parts of the paper a chapter takes up, as the paper's headings: 'Recovery and ... ¶4–¶6'."""
    from mtcreport import data

    titles = data.SECTION_TITLES
    counts = data.sections().set_index("id")["paragraphs"]
    out = []
    for part, first, last in PARTS[chapter]:
        last = last or int(counts[part])
        whole = first == 1 and last == int(counts[part])
        out.append(titles[part] if whole else f"{titles[part]} ¶{first}–¶{last}")
    return "; ".join(out)


@functools.cache
def numbers() -> dict[str, int]:
    """Chapter numbers as the book prints them: numbered parts of ``_toc.yml``, counted in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    out, n = {}, 0
    for part in toc.get("parts", []):
        for entry in part["chapters"]:
            if part.get("numbered"):
                n += 1
                out[Path(entry["file"]).name] = n
    return out


def title_of(path: Path) -> str:
    """The title of a page of the book: the first level-one heading of its notebook or Markdown file."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        texts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    else:
        texts = [path.read_text(encoding="utf-8")]
    for text in texts:
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    raise ValueError(f"{path} has no title")


@functools.cache
def title(chapter: str) -> str:
    """A chapter's title: the first heading of its notebook."""
    return title_of(ROOT / "chapters" / f"{chapter}.ipynb")


def label(chapter: str) -> str:
    """'4 Recovery and the state of cooperation in 2012', or the title alone when unnumbered."""
    number = numbers().get(chapter)
    return f"{number} {title(chapter)}" if number else title(chapter)
