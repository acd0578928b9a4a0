"""The whole book as one PDF worth printing, typeset by WeasyPrint (CSS paged media).

Usage: ``python -m tools.pdf`` after the HTML build (``make book`` or ``make book-check``);
writes ``_build/pdf/book.pdf`` and ``_build/pdf/layout.json``.

The pages of the table of contents are read from ``_build/html``; only their article is kept
(no navigation, no search, no folded code, no buttons), links between pages become links inside
the PDF, and a print stylesheet adds a title page, a contents list with page numbers, the
chapter's title as running header, page numbers, and tables and figures that fit the text block.
``layout.json`` records, from WeasyPrint's own layout, the widest table and image on each page
against the width of the text block, so the tests can check that nothing overflows.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import yaml

from mtcreport import citation
from tools.paths import HTML, ROOT, pages
from tools.paths import PDF as TARGET

LAYOUT = TARGET.parent / "layout.json"
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
#: Web controls and navigation that a printed page has no use for.
DROP = [
    "details.above-input",  # folded code cells ("Show code cell source")
    ".headerlink",
    "button",
    "script",
    "style:not(svg *)",  # a chart's own style stays
    ".prev-next-area",
    "nav",
    ".mtc-filter-bar",
    ".toggle-details",
    ".mtc-figure-links",  # links to the chart's files in the web book; the printed chart is the vector
]

CSS = """
@font-face { font-family: "DejaVu Sans"; src: url("%(fonts)s/DejaVuSans.ttf"); }
@font-face { font-family: "DejaVu Sans"; font-weight: bold; src: url("%(fonts)s/DejaVuSans-Bold.ttf"); }
@font-face { font-family: "DejaVu Sans"; font-style: italic; src: url("%(fonts)s/DejaVuSans-Oblique.ttf"); }
@font-face { font-family: "DejaVu Sans Mono"; src: url("%(fonts)s/DejaVuSansMono.ttf"); }
@page {
  size: A4;
  margin: 20mm 18mm 20mm 18mm;
  @top-center { content: string(chapter); font: 8pt "DejaVu Sans"; color: #555; }
  @bottom-center { content: counter(page); font: 8pt "DejaVu Sans"; color: #555; }
}
@page :first { @top-center { content: none; } @bottom-center { content: none; } }
@page contents { @top-center { content: "Contents"; } }
html { font: 9.5pt/1.4 "DejaVu Sans"; color: #111; }
.title-page { page: first; text-align: center; padding-top: 55mm; page-break-after: always; }
.title-page h1 { font-size: 22pt; line-height: 1.25; margin-bottom: 10mm; string-set: none; }
.title-page p { font-size: 11pt; margin: 3mm 0; }
.contents { page: contents; page-break-after: always; }
.contents h1 { string-set: none; }
.contents ol { list-style: none; padding: 0; }
.contents li { margin: 1.5mm 0; }
.contents a { color: #111; text-decoration: none; }
.contents a::after { content: leader(".") target-counter(attr(href), page); }
.chapter { page-break-before: always; }
.chapter h1 { font-size: 17pt; string-set: chapter content(text); margin-top: 0; }
h2 { font-size: 12.5pt; margin-top: 6mm; page-break-after: avoid; }
h3 { font-size: 10.5pt; page-break-after: avoid; }
a { color: #0b4f8a; text-decoration: none; }
img, svg.mtc-svg { max-width: 100%%; height: auto; }
figure { margin: 4mm 0; page-break-inside: avoid; }
figcaption, caption { font-size: 8.5pt; font-style: italic; color: #333; margin: 1.5mm 0; }
table { width: 100%%; table-layout: auto; border-collapse: collapse; font-size: 7.2pt;
        overflow-wrap: break-word; margin: 2mm 0; }
th, td { border-bottom: 0.4pt solid #bbb; padding: 1pt 2.5pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
pre, code { font-family: "DejaVu Sans Mono"; font-size: 7.5pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 2mm; }
.source-line { font-size: 7.5pt; color: #444; margin: 0 0 4mm 0; }
.admonition { border-left: 2pt solid #999; padding-left: 3mm; }
dl.glossary dt { font-weight: bold; margin-top: 2mm; }
"""


def _article(page: str):
    """The article of one built page, cleaned for print, with ids and links made book-wide."""
    from bs4 import BeautifulSoup

    path = HTML / f"{page}.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one('[role="main"]')
    if article is None:
        raise ValueError(f"{path}: no article found")
    for selector in DROP:
        for element in article.select(selector):
            element.decompose()
    prefix = _anchor(page)
    for element in article.select("[id]:not(svg *)"):  # ids inside a chart are unique already
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.select("a[href]"):
        link["href"] = _link(page, link["href"])
    _check_chart_references(page, article)
    for image in article.select("img[src]"):
        if "://" not in image["src"]:
            image["src"] = (path.parent / image["src"]).resolve().as_uri()
    return article


def _check_chart_references(page: str, article) -> None:
    """Every marker, clip path or pattern a chart refers to (``href="#..."``, ``url(#...)``) is in
    the article: a broken reference prints a chart without its points, silently."""
    ids = {element["id"] for element in article.select("[id]")}
    for svg in article.select("svg"):
        wanted = set(re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', str(svg)))
        missing = sorted({a or b for a, b in wanted} - ids)
        if missing:
            raise ValueError(f"{page}: a chart refers to ids it does not contain: {missing[:5]}")


def _anchor(page: str) -> str:
    return page.replace("/", "-")


def _link(page: str, href: str) -> str:
    """Links to other pages of the book point inside the PDF; other links stay as they are."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    target, _, fragment = href.partition("#")
    if not target:
        return f"#{_anchor(page)}--{fragment}"
    resolved = (HTML / page).parent.joinpath(target).resolve()
    try:
        other = resolved.relative_to(HTML.resolve()).with_suffix("").as_posix()
    except ValueError:
        return href
    if other not in pages():
        return resolved.as_uri()
    return f"#{_anchor(other)}--{fragment}" if fragment else f"#{_anchor(other)}"


def document_html() -> str:
    """The whole book as one HTML document for print."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    built = datetime.now(UTC).date().isoformat()
    if os.environ.get("SOURCE_DATE_EPOCH"):
        built = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).date().isoformat()
    chapters, entries = [], []
    for page in pages():
        article = _article(page)
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True) if heading else page
        entries.append(f'<li><a href="#{_anchor(page)}">{html.escape(title)}</a></li>')
        chapters.append(
            f'<section class="chapter" id="{_anchor(page)}">{article.decode_contents()}</section>'
        )
    title_page = (
        '<div class="title-page">'
        f"<h1>{html.escape(config['title'])}</h1>"
        f"<p>{html.escape(config['author'])}</p>"
        f"<p>Version {html.escape(citation.version())}, printed {built}</p>"
        "</div>"
    )
    contents = f'<div class="contents"><h1>Contents</h1><ol>{"".join(entries)}</ol></div>'
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(config['title'])}</title></head><body>"
        + title_page
        + contents
        + "".join(chapters)
        + "</body></html>"
    )


def _layout(document) -> list[dict]:
    """Per page: the text block's width and the widest table and image (a picture or a chart's
    inline SVG) on it (CSS px)."""
    out = []
    for number, page in enumerate(document.pages, start=1):
        text_width = page._page_box.children[0].width if page._page_box.children else 0  # the html box
        widest = {"table": 0.0, "img": 0.0}
        stack = list(page._page_box.descendants())
        for box in stack:
            tag = getattr(box, "element_tag", None)
            tag = "img" if tag in ("img", "svg", "{http://www.w3.org/2000/svg}svg") else tag
            if tag in widest:
                widest[tag] = max(widest[tag], box.margin_width())
        out.append({"page": number, "text_width": text_width, "table": widest["table"], "img": widest["img"]})
    return out


def main() -> int:
    from weasyprint import CSS as WeasyCSS
    from weasyprint import HTML as WeasyHTML

    if not (HTML / f"{pages()[0]}.html").exists():
        print("pdf: the book is not built; run `make book` first", file=sys.stderr)
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    stylesheet = WeasyCSS(string=CSS % {"fonts": FONTS.as_uri()})
    document = WeasyHTML(string=document_html(), base_url=str(HTML)).render(stylesheets=[stylesheet])
    document.write_pdf(TARGET)
    LAYOUT.write_text(json.dumps(_layout(document), indent=1) + "\n", encoding="utf-8")
    print(
        f"pdf: {TARGET.relative_to(ROOT)} ({len(document.pages)} pages, {TARGET.stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
