"""End to end: a synthetic next SIPRI edition is imported into a copy of the data, and the
hindsight chapter, executed on that copy, shows the new last year and the new total.

Slow (it runs a notebook): ``make sipri-e2e`` runs it, ``make test`` includes it, ``make unit``
leaves it out. The expected values come from the synthetic edition's definition
(tests/sipri_fixtures.py), not from the importer or the chapter.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import sipri_fixtures as fx
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from mtcreport import data as mtcdata
from mtcreport import fmt
from tools import sipri_update as su

REPO = Path(__file__).resolve().parents[1]
CHAPTER = REPO / "chapters" / "07_hindsight.ipynb"


def glued_text(nb) -> list[str]:
    """Every string the notebook glued (myst-nb stores glue as display data with 'scrapbook')."""
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            book = output.get("metadata", {}).get("scrapbook")
            if book and f"{book['mime_prefix']}text/plain" in output.get("data", {}):
                out.append(output["data"][f"{book['mime_prefix']}text/plain"].strip("'\""))
    return out


@pytest.mark.slow
def test_hindsight_chapter_follows_an_imported_edition(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    fx.write_next_edition(REPO / "data", tmp_path / "src")
    su.run(tmp_path / "src", data)

    new_last = str(fx.NEXT_EDITION - 1)
    new_total = fmt.number(fx.MORE["tiv"] + fx.NEW_DEAL["tiv"], 0)  # the new year's Russian deliveries

    chapters = tmp_path / "chapters"
    chapters.mkdir()
    shutil.copy(CHAPTER, chapters / CHAPTER.name)
    monkeypatch.setenv(mtcdata.DATA_DIR_ENV, str(data))
    monkeypatch.setenv("MTC_VALIDATED_DIR", str(tmp_path / "validated"))
    nb = nbformat.read(chapters / CHAPTER.name, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(chapters)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        if "does not cover" in str(exc):
            pytest.xfail(
                "chapter 7 still picks SIPRI editions by name (sipri.WINDOWS), so it cannot follow an "
                "imported edition yet (issue 13, item 4): " + str(exc).strip().splitlines()[-1]
            )
        raise
    glued = glued_text(nb)
    assert new_last in glued, f"the new last year {new_last} is not glued in {CHAPTER.name}"
    assert new_total in glued, f"the new last year's total {new_total} is not glued in {CHAPTER.name}"
