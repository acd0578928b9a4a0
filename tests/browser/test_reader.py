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


@pytest.mark.parametrize("page", PAGES)
def test_page_has_a_favicon_and_a_description_from_its_own_text(page):
    soup = _soup(page)
    icon = soup.select_one('link[rel="icon"]')
    assert icon is not None and (HTML / page).parent.joinpath(icon["href"]).resolve().exists(), f"{page}: no favicon"
    meta = soup.select_one('meta[name="description"]')
    assert meta is not None, f"{page}: no meta description"
    text = meta["content"]
    assert 60 <= len(text) <= 160, f"{page}: description of {len(text)} characters"
    article = "".join(soup.select_one("article").get_text().split())
    opening = "".join(text.rstrip("…").split()[:6])
    assert opening in article, f"{page}: the description is not the page's own text: {text!r}"


ICON = re.compile(r"\bfa-(?!solid\b|regular\b|brands\b|lg\b|xl\b|fw\b)([a-z0-9-]+)")


def test_icons_without_the_icon_font_script():
    """No page loads Font Awesome's 1.5 MB script, and every icon a page shows has its outline in
    the site's small icons.css."""
    css = (HTML / "_static" / "icons.css").read_text(encoding="utf-8")
    drawn = set(re.findall(r"\.fa-([a-z0-9-]+) \{ --mtc-icon", css))
    used = set()
    for page in PAGES:
        html = (HTML / f"{page}.html").read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, f"{page}: loads the icon-font script"
        for element in _soup(page).select(".fa-solid, .fas, .fa-regular, .far"):
            used |= {m for c in element["class"] for m in ICON.findall(c)}
    assert used, "no icons found on the pages"
    assert used <= drawn, f"icons without an outline in icons.css: {sorted(used - drawn)}"
    assert not list((HTML / "_static" / "scripts").glob("fontawesome.js")), "the script is still in the site"
