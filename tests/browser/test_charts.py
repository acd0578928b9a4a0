"""Charts as a reader meets them in the built book: legible where they stand at desktop width and
on a phone (no tap needed); each bar and point names its value on hover, in either drawing; each
figure's data and image one click away.

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
    assert {(c["shown"], c["layout"]) for c in charts} == {(1, "desktop")}, f"{page}: {charts}"
    small = [c for c in charts if c["px"] < MIN_PX]
    assert small == [], f"{page}: chart text below {MIN_PX} px: {small}"
    # the page shows the charts in the fonts matplotlib measured them in
    assert facts["chart_font_loaded"]


@pytest.mark.parametrize("page", sorted(CHART_PAGES))
def test_on_a_phone_every_chart_shows_its_phone_drawing_with_no_text_below_11_px(site, page):
    """At 390 px, without a tap: each chart shows one drawing, its phone layout, whose smallest
    text is at least 11 CSS px, and nothing widens the page."""
    facts = site.phone(page)
    charts = facts["charts"]
    assert [c["figure"] for c in charts] == CHART_PAGES[page]
    assert {(c["shown"], c["layout"]) for c in charts} == {(1, "phone")}, f"{page}: {charts}"
    small = [c for c in charts if c["px"] < MIN_PX]
    assert small == [], f"{page}: at 390 px, chart text below {MIN_PX} px: {small}"
    widths = facts["widths"]
    assert widths["scroll"] <= widths["view"] + 1, f"{page}: a chart widens the page ({widths})"


@pytest.mark.parametrize("page", sorted(CHART_PAGES))
def test_the_phone_drawing_names_the_same_values_on_hover_as_the_desktop_one(site, page):
    desktop, phone = site.desktop(page)["shown_titles"], site.phone(page)["shown_titles"]
    assert set(desktop) == set(CHART_PAGES[page]) and all(desktop.values())
    assert phone == desktop


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
    names = {Path(p).stem for p in (HTML / "figures").iterdir() if p.name != "datapackage.json"}
    assert names == {name for names in CHART_PAGES.values() for name in names}


def test_the_figure_files_are_described_by_a_valid_frictionless_package():
    """figures/datapackage.json describes every figure's CSV: its title (number and caption), its
    source line (naming SIPRI's edition wherever it names SIPRI), a licence, how to cite it,
    its columns; and frictionless finds the package valid against the files."""
    import json

    from frictionless import Package

    path = HTML / "figures" / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    names = {name for names in CHART_PAGES.values() for name in names}
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == names
    for name, resource in resources.items():
        assert re.fullmatch(r"Fig\. [\d.]+: .+", resource["title"]), name
        assert resource["description"].startswith("Source: ") and resource["sources"], name
        assert resource["licenses"] and resource["x-citation"].endswith(f"({name}).")
        if "SIPRI" in resource["description"]:  # SIPRI's data drawn or graded on: the edition named
            assert re.search(r"20\d\d update", resource["description"]), f"{name}: no SIPRI edition"
        if re.search(r"\b(russia_china_|china_arms_|sipri_)\w*\.csv", resource["description"]):
            # drawn from a copy of SIPRI's data: the copy is named too
            assert re.search(r"20\d\d update", resource["description"]), f"{name}: no SIPRI edition"
            assert "published on GitHub by" in resource["description"], name
        header = (path.parent / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header.split(",")
    report = Package(str(path)).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_every_figure_svg_carries_its_title_and_a_credit_and_every_caption_how_to_cite():
    from bs4 import BeautifulSoup

    for page, names in CHART_PAGES.items():
        for name in names:
            svg = (HTML / "figures" / f"{name}.svg").read_text(encoding="utf-8")
            assert re.search(r"<svg\b[^>]*>\s*<title>Fig\. [\d.]+: [^<]+</title>", svg), name
            assert re.search(r"<text [^>]*>From \S.* version [\d.]+, Fig\. [\d.]+\.</text>", svg), name
            assert "mtcreport-layout" not in svg  # the phone drawing stays on the page
        soup = BeautifulSoup((HTML / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        cites = [
            (figure.select_one(".mtc-cite") or figure).get_text(" ", strip=True)
            for figure in soup.select("article figure")
            if figure.select_one(".mtc-chart")
        ]
        assert len(cites) == len(names), page
        assert all(
            re.match(r"Cite this figure: .+, version [\d.]+, Fig\. [\d.]+ \(fig-", c) for c in cites
        ), f"{page}: {cites}"


def test_no_figure_csv_carries_float_noise_or_an_unnamed_column():
    for names in CHART_PAGES.values():
        for name in names:
            text = (HTML / "figures" / f"{name}.csv").read_text(encoding="utf-8")
            header = text.splitlines()[0].split(",")
            assert all(re.fullmatch(r"[a-z_]+", column) for column in header), f"{name}: {header}"
            assert re.findall(r"(?<![\w.])\d+\.\d{3,}(?![\w.])", text) == [], name
    money = (HTML / "figures" / "fig-money-2011.csv").read_text(encoding="utf-8")
    assert money.splitlines()[0].startswith("usd_billion,item,")
