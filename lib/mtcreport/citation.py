"""How to cite the report: its version, and a BibTeX entry built from ``CITATION.cff``.

``CITATION.cff`` (top level) is the one place the report's citation is written; the front page
prints the BibTeX entry made here, and the book's footer shows the same version.
"""

from __future__ import annotations

import tomllib

import yaml

from mtcreport.data import ROOT


def version() -> str:
    """The report's version, as ``pyproject.toml`` states it."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def cff() -> dict:
    """``CITATION.cff``, parsed."""
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _author(person: dict) -> str:
    if "name" in person:
        return "{" + person["name"] + "}"
    return f"{person['family-names']}, {person['given-names']}"


def bibtex(key: str = "mtcreport") -> str:
    """A BibTeX ``@misc`` entry for the report, from ``CITATION.cff``."""
    meta = cff()
    year = str(meta["date-released"])[:4]
    fields = [
        ("author", " and ".join(_author(a) for a in meta["authors"])),
        ("title", "{" + meta["title"] + "}"),
        ("year", year),
        ("version", str(meta["version"])),
        ("note", "Executable research report on Kashin (2012)"),
    ]
    if meta.get("url"):
        fields.append(("url", meta["url"]))
    body = ",\n".join(f"  {name:<7} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"
