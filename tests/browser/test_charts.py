"""Charts as a reader meets them in the built book: legible at desktop width and, after a tap, on a
phone; each bar and point names its value on hover; each figure's data and image one click away.

Run by `make test` after a fresh build; see tests/browser/conftest.py.
"""

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools.paths import CHAPTERS
from tools.sphinx_charts import notebook_figures

from .conftest import HTML, toc_pages

#: The smallest text a reader should meet in a chart, in CSS pixels.
MIN_PX = 11.0


def _chart_pages() -> dict[str, list[str]]:
    """Page -> labels of the figures its notebook draws (from the chapters, not from the site)."""
    found = {}
    for page in toc_pages():
        path = CHAPTERS.parent / f"{page}.ipynb"
        names = list(notebook_figures(path)) if path.exists() else []
        if names:
            found[page] = names
    return found


CHART_PAGES = _chart_pages()


def test_the_book_has_charts_on_the_chapters_that_draw_them():
    assert len(CHART_PAGES) >= 7 and sum(map(len, CHART_PAGES.values())) >= 15


@pytest.mark.parametrize("page", sorted(CHART_PAGES))
def test_every_chart_is_inline_with_no_text_below_11_px_at_1280(site, page):
    facts = site.desktop(page)
    charts = facts["charts"]
    assert [c["figure"] for c in charts] == CHART_PAGES[page]
    small = [c for c in charts if c["px"] < MIN_PX]
    assert small == [], f"{page}: chart text below {MIN_PX} px: {small}"
    # the page shows the charts in the fonts matplotlib measured them in
    assert facts["chart_font_loaded"]


@pytest.mark.parametrize("page", sorted(CHART_PAGES))
def test_on_a_phone_a_tap_shows_a_chart_at_full_size_without_widening_the_page(site, page):
    facts = site.phone(page)
    assert facts["tap_hint_visible"], f"{page}: no visible hint to tap a chart"
    tapped = facts["tapped"]
    assert [c["figure"] for c in tapped["charts"]] == CHART_PAGES[page]
    small = [c for c in tapped["charts"] if c["px"] < MIN_PX]
    assert small == [], f"{page}: after a tap, chart text below {MIN_PX} px: {small}"
    widths = tapped["widths"]
    assert widths["scroll"] <= widths["view"] + 1, f"{page}: the zoomed chart widens the page ({widths})"
    # a second tap fits it to the screen again
    assert tapped["first_zoomed_after_second_tap"] is False


@pytest.mark.parametrize("page", sorted(CHART_PAGES))
def test_every_figure_links_its_plotted_values_and_its_svg(site, page):
    figures = site.desktop(page)["figures"]
    assert [f["id"] for f in figures] == CHART_PAGES[page]
    for figure in figures:
        assert figure["charts"] == 1, f"{page}: {figure['id']} is not an inline chart"
        assert set(figure["links"]) == {"Data (CSV)", "SVG"}, (
            f"{page}: {figure['id']} links {figure['links']}"
        )
        base = (HTML / page).parent
        data = base / urlsplit(figure["links"]["Data (CSV)"]).path
        image = base / urlsplit(figure["links"]["SVG"]).path
        assert data.is_file() and image.is_file(), f"{page}: {figure['id']}: a linked file is missing"
        rows = list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8"))))
        # one row per value a reader can hover, in the same order
        assert len(rows) == len(figure["titles"]) > 0, (
            f"{page}: {figure['id']}: CSV rows and hover titles differ"
        )
        svg = image.read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<title>" in svg and "<text" in svg


def test_hovering_a_delivery_bar_names_the_year_and_sipris_figure(site):
    """A reader hovering any bar of deliveries in Fig. 7.1 reads that year's figure from the data,
    rounded half up to a whole million as everywhere in the book."""
    from mtcreport import data, fmt

    tiv = data.sipri_tiv().set_index("year")["tiv_millions"]
    (figure,) = [f for f in site.desktop("chapters/07_hindsight")["figures"] if f["id"] == "fig-orders"]
    shown = {}
    for title in figure["visible_titles"]:
        found = re.fullmatch(r"deliveries, (\d{4}): ([\d,.]+) million TIV", title)
        if found:
            shown[int(found.group(1))] = float(found.group(2).replace(",", ""))
    assert set(shown) == set(tiv.index)
    assert all(shown[year] == float(fmt.rounded(tiv[year]).replace(",", "")) for year in tiv.index)


def test_the_downloaded_data_of_fig_7_1_are_sipris_deliveries():
    from mtcreport import data

    tiv = data.sipri_tiv().set_index("year")["tiv_millions"]
    text = (HTML / "figures" / "fig-orders.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    delivered = {int(r["year"]): float(r["value"]) for r in rows if r["series"] == "deliveries"}
    assert delivered == {int(y): float(v) for y, v in tiv.items()}


def test_chart_files_are_only_those_of_the_book():
    names = {Path(p).stem for p in (HTML / "figures").iterdir()}
    assert names == {name for names in CHART_PAGES.values() for name in names}
