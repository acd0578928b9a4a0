"""End to end: a synthetic next SIPRI edition is imported into a copy of the data, and the
hindsight chapter, executed on that copy, shows the new last year and the new total.

Slow (it runs a notebook): ``make sipri-e2e`` runs it, ``make test`` includes it, ``make unit``
leaves it out. The expected values come from the synthetic edition's definition
(tests/sipri_fixtures.py), not from the importer or the chapter.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
import sipri_fixtures as fx
from glued import glued_text
from nbclient import NotebookClient

from mtcreport import data as mtcdata
from mtcreport import fmt
from tools import sipri_update as su
from tools.paths import ROOT as REPO

CHAPTER = REPO / "chapters" / "07_hindsight.ipynb"
APPENDIX = REPO / "chapters" / "appendix_sipri_update.ipynb"


def mentions(glued: list[str], value: str) -> bool:
    """A glued text holds the value as a number of its own (not inside 35.2, 2035 or "2026 update")."""
    pattern = rf"(?<![\d.,]){re.escape(value)}(?![\d.,]| update)"
    return any(re.search(pattern, text) for text in glued)


def test_mentions_finds_values_not_parts_of_other_numbers():
    assert mentions(["2013–2026"], "2026") and mentions(["35"], "35") and mentions(["about 35 million"], "35")
    assert not mentions(["35.2 %", "1,035", "2026 update"], "35") and not mentions(["2026 update"], "2026")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A copy of data/ with the synthetic next edition imported."""
    root = tmp_path_factory.mktemp("e2e")
    shutil.copytree(REPO / "data", root / "data")
    fx.write_next_edition(REPO / "data", root / "src")
    su.run(root / "src", root / "data")
    return root


def execute(notebook: Path, root: Path, monkeypatch):
    """Run a copy of a chapter against the imported data; return the executed notebook."""
    chapters = root / "chapters"
    chapters.mkdir(exist_ok=True)
    shutil.copy(notebook, chapters / notebook.name)
    monkeypatch.setenv(mtcdata.DATA_DIR_ENV, str(root / "data"))
    monkeypatch.setenv("MTC_VALIDATED_DIR", str(root / "validated"))
    nb = nbformat.read(chapters / notebook.name, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(chapters)}}
    ).execute()
    return nb


@pytest.mark.slow
def test_hindsight_chapter_follows_an_imported_edition(imported, monkeypatch):
    new_last = str(fx.NEXT_EDITION - 1)
    new_total = fmt.number(fx.MORE["tiv"] + fx.NEW_DEAL["tiv"], 0)  # the new year's Russian deliveries
    nb = execute(CHAPTER, imported, monkeypatch)
    glued = list(glued_text(nb).values())
    assert mentions(glued, new_last), f"the new last year {new_last} is not glued in {CHAPTER.name}"
    assert mentions(glued, new_total), f"the new last year's total {new_total} is not glued in {CHAPTER.name}"
    # the words follow the data too: the new order is the latest, and in the new year engines
    # (the 15 TIV of D-30s) are not the majority, so no sentence may say they were every year
    text = glued_text(nb)
    assert text["last_order_year"] == new_last
    assert "every year" not in text["engines_majority"] and f"not in {new_last}" in text["engines_majority"]
    assert text["last_mix"].startswith(
        f"{fmt.percent(100 * fx.MORE['tiv'] / (fx.MORE['tiv'] + fx.NEW_DEAL['tiv']))}"
    )
    assert fx.SYNTHETIC in text["last_mix"]
    _key, _, new = fx.REDATED["verdict"]  # the computed verdict follows the redated S-400
    shown = "".join(
        o.get("data", {}).get("text/markdown", "") for c in nb.cells for o in c.get("outputs", [])
    )
    assert f"{new} (computed)" in shown


@pytest.mark.slow
def test_appendix_page_shows_what_the_edition_changed(imported, monkeypatch):
    nb = execute(APPENDIX, imported, monkeypatch)
    status = " ".join(glued_text(nb).values())
    assert f"{fx.NEXT_EDITION} update (data to {fx.NEXT_EDITION - 1})" in status
    shown = "".join(
        o.get("data", {}).get("text/markdown", "") for c in nb.cells for o in c.get("outputs", [])
    )
    assert ":name: tbl-sipri-update-revisions" in shown and fx.SYNTHETIC in shown
