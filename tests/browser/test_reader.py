"""Less machinery in the reader's way (issue 20), checked on the built HTML without a browser."""

import re

import pytest
from bs4 import BeautifulSoup

from .conftest import HTML, toc_pages

PAGES = toc_pages()


def _soup(page: str) -> BeautifulSoup:
    return BeautifulSoup((HTML / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", PAGES)
def test_no_code_cell_without_something_to_show(page):
    """A folded code cell is there because it shows an output; one that shows nothing is not on
    the page (its "Show code cell source" bar led nowhere)."""
    silent = [
        cell.get_text(" ", strip=True)[:60]
        for cell in _soup(page).select("div.cell")
        if not (cell.select_one(".cell_output") and cell.select_one(".cell_output").get_text(strip=True))
        and not (cell.select_one(".cell_output img, .cell_output svg"))
    ]
    assert silent == [], f"{page}: code cells with nothing to show: {silent}"


@pytest.mark.parametrize("page", PAGES)
def test_no_paragraph_inside_a_summary(page):
    """HTML allows phrasing content only in <summary> (the Nu HTML Checker's error)."""
    bad = [str(s)[:80] for s in _soup(page).select("summary") if s.find(re.compile("^(p|div)$"))]
    assert bad == [], f"{page}: block elements inside <summary>: {bad}"
