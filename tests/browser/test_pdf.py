"""The PDF of the whole book (`make pdf`) is a document to hand to a reader: A4 pages, a title
page, a contents list with page numbers that are right, every chapter and figure, no web
controls, and nothing wider than the text block."""

import json
import re
from pathlib import Path

import pytest

from tools.paths import PDF

from .conftest import ROOT, toc_pages

LAYOUT = PDF.parent / "layout.json"
A4 = (595.3, 841.9)  # points
#: Text of the web pages' controls, which a printed book must not carry.
WEB_CONTROLS = [
    "Show code cell source",
    "Filter rows",
    "Ctrl + K",
    "Skip to main content",
    "Toggle navigation",
]


def chapter_titles() -> list[str]:
    from mtcreport import book

    pages = [ROOT / f"{page}.ipynb" for page in toc_pages()]
    return [book.title_of(p if p.exists() else p.with_suffix(".md")) for p in pages]


def chart_sources() -> list[str]:
    """The source line drawn inside each chart of the chapters (text in the chart's SVG)."""
    import xml.etree.ElementTree as ET

    from tools.sphinx_charts import notebook_figures

    found = []
    for notebook in sorted(Path(ROOT / "chapters").glob("*.ipynb")):
        for chart in notebook_figures(notebook).values():
            texts = [
                t.text or "" for t in ET.fromstring(chart["svg"]).iter("{http://www.w3.org/2000/svg}text")
            ]
            found += [" ".join(t for t in texts if t.startswith("Source:"))[:60]]
    return found


@pytest.fixture(scope="module")
def reader():
    if not PDF.exists():
        pytest.fail("the PDF is not built: run `make pdf` first")
    from pypdf import PdfReader

    return PdfReader(str(PDF))


@pytest.fixture(scope="module")
def texts(reader):
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    """Compare text without whitespace or typographic quotes (lines break inside titles)."""
    return "".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def test_pages_are_a4_and_not_too_many(reader):
    sizes = {(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in reader.pages}
    assert sizes == {A4}
    # one page per chapter at least; the web build printed as-is took 143
    assert len(toc_pages()) < len(reader.pages) <= 110


def test_title_page_names_the_report_and_its_version(texts):
    first = _flat(texts[0])
    assert _flat("Russia and China: military-technical cooperation, checked") in first
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    assert _flat(f"Version {version}") in first


def test_contents_give_every_chapter_with_the_page_it_starts_on(texts):
    contents = texts[1].replace("\u2019", "'")
    assert "Contents" in contents
    for title in chapter_titles():
        match = re.search(re.escape(title.replace("\u2019", "'")[:30]) + r".*?(\d+)\s*$", contents, re.M)
        assert match, f"contents: no entry with a page number for {title!r}"
        page = int(match.group(1))
        assert _flat(title) in _flat(texts[page - 1]), f"{title!r} is not on page {page}"


def test_pdf_has_every_chapter_and_every_figure_as_vectors(reader, texts):
    text = _flat(" ".join(texts))
    missing = [title for title in chapter_titles() if _flat(title) not in text]
    assert missing == [], f"chapter titles missing from the PDF: {missing}"
    # each chart is drawn as vectors with its text kept as text: its source line can be read
    sources = chart_sources()
    assert len(sources) >= 15
    unread = [source for source in sources if _flat(source) not in text]
    assert unread == [], f"charts whose text is not in the PDF: {unread}"
    assert sum(len(page.images) for page in reader.pages) == 0, "a chart was printed as a bitmap"


def test_no_web_controls_in_print(texts):
    text = " ".join(texts)
    found = [control for control in WEB_CONTROLS if control in text]
    assert found == [], f"web controls printed: {found}"


def test_no_table_or_image_is_wider_than_the_text_block():
    layout = json.loads(LAYOUT.read_text(encoding="utf-8"))
    assert layout and all(page["text_width"] > 600 for page in layout)  # A4 less the margins, in px
    too_wide = [p for p in layout if max(p["table"], p["img"]) > p["text_width"] + 0.5]
    assert too_wide == [], f"pages with a table or image wider than the text: {too_wide}"
    assert any(p["table"] > 0 for p in layout) and any(p["img"] > 0 for p in layout)


def _layout_pages() -> list[dict]:
    return json.loads(LAYOUT.read_text(encoding="utf-8"))


def test_every_link_is_to_the_web_or_inside_the_pdf(reader):
    """No link into the folder of the machine that built the PDF (file://, or a relative path):
    data and chart files are named in print, not linked."""
    bad = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri and not uri.startswith(("https://", "http://")):
                bad.append((number, uri))
    assert bad == [], f"links that leave the PDF for a local file: {bad[:5]} ({len(bad)} in all)"


def test_captions_stay_with_their_tables():
    pages = _layout_pages()
    apart = [
        (page["page"], caption)
        for page in pages
        for caption in page["captions"]
        if caption not in {table["id"] for table in page["tables"]}
    ]
    assert any(page["captions"] for page in pages)
    assert apart == [], f"table captions printed on a page without their table: {apart}"


def test_no_table_leaves_a_single_row_on_a_page():
    alone = [
        (page["page"], table["id"])
        for page in _layout_pages()
        for table in page["tables"]
        if table["rows"] == 1 and table["of"] > 1
    ]
    assert alone == [], f"pages holding one row of a longer table: {alone}"


def test_at_most_one_near_empty_page():
    """A page less than a third full is a near-empty page; the back matter's short chapters follow
    one another, so only a chapter's natural end can leave one. The book's last page ends where the
    text ends and is not counted."""
    pages = _layout_pages()[:-1]
    near_empty = [page["page"] for page in pages if page["filled"] < 1 / 3]
    assert len(near_empty) <= 1, f"near-empty pages: {near_empty}"


def test_the_bibtex_entry_is_printed_whole(texts):
    holding = [number for number, text in enumerate(texts, start=1) if "@misc{mtcreport" in text]
    assert len(holding) == 1
    assert "note = {" in texts[holding[0] - 1], "the BibTeX entry is split across pages"
