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
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import yaml
from bs4 import BeautifulSoup

from mtcreport import citation
from tools.paths import HTML, ROOT, pages
from tools.paths import PDF as TARGET

LAYOUT = TARGET.parent / "layout.json"
#: Tables of at most this many rows (header included) and this much text are kept on one page; a
#: longer one breaks between rows (WeasyPrint leaves a page blank when it tries to keep a table
#: taller than a page).
KEEP_ROWS, KEEP_CHARS = 12, 1500
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
    "svg.mtc-phone",  # a chart's phone drawing: print shows the desktop one
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
/* Each part starts on a new page; its chapters then follow one another. */
.chapter.flow { page-break-before: auto; margin-top: 12mm; }
.mtc-keep-title { break-inside: avoid; }
.chapter h1 { font-size: 17pt; string-set: chapter content(text); margin-top: 0; page-break-after: avoid; }
h2 { font-size: 12.5pt; margin-top: 6mm; page-break-after: avoid; }
h3 { font-size: 10.5pt; page-break-after: avoid; }
a { color: #0b4f8a; text-decoration: none; }
img, svg.mtc-svg { max-width: 100%%; height: auto; }
figure { margin: 4mm 0; page-break-inside: avoid; }
figcaption, caption, .mtc-caption { font-size: 8.5pt; font-style: italic; color: #333; margin: 1.5mm 0; }
table { width: 100%%; table-layout: auto; border-collapse: collapse; font-size: 7.2pt;
        overflow-wrap: break-word; margin: 2mm 0; }
th, td { border-bottom: 0.4pt solid #bbb; padding: 1pt 2.5pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
/* A short table (class set by _article) moves whole to the next page rather than leave its
   caption, or one row, behind; a longer one breaks between rows as usual. */
.mtc-table-block.mtc-keep { break-inside: avoid; }
.mtc-caption { break-after: avoid; }
/* A table that breaks never leaves its first or its last row alone on a page. */
tbody tr:first-child { break-after: avoid; }
tbody tr:last-child { break-before: avoid; }
pre, code { font-family: "DejaVu Sans Mono"; font-size: 7.5pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 2mm;
      break-inside: avoid; }
.source-line { font-size: 7.5pt; color: #444; margin: 0 0 4mm 0; break-before: avoid; }
.admonition { border-left: 2pt solid #999; padding-left: 3mm; }
dl.glossary dt { font-weight: bold; margin-top: 2mm; }
"""


def _article(page: str):
    """The article of one built page, cleaned for print, with ids and links made book-wide."""
    path = HTML / f"{page}.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one('[role="main"]')
    if article is None:
        raise ValueError(f"{path}: no article found")
    for selector in DROP:
        for element in article.select(selector):
            element.decompose()
    _keep_title_with_text(article)
    prefix = _anchor(page)
    for element in article.select("[id]:not(svg *)"):  # ids inside a chart are unique already
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.select("a[href]"):
        target = _link(page, link["href"])
        if target is None:
            link.unwrap()  # a file of the web build (a CSV, an SVG): named, not linked, in print
        else:
            link["href"] = target
    for table in article.select("table"):
        _caption_above(table)
    _check_chart_references(page, article)
    for image in article.select("img[src]"):
        if "://" not in image["src"]:
            image["src"] = (path.parent / image["src"]).resolve().as_uri()
    return article


#: The id a chapter's title gets in print (prefixed with the chapter's anchor, like every id).
TITLE_ID = "chapter-title"


def _keep_title_with_text(article) -> None:
    """Print a chapter's title, its first heading and the block after it together, so that a
    chapter that follows on in its part never leaves its title alone at the foot of a page (a
    break after a heading is avoided, but WeasyPrint does not carry that into a nested section)."""
    title = article.find("h1")
    if title is not None:
        title["id"] = TITLE_ID  # the contents give the page of the title, not of the section's start
    section = title.find_next_sibling() if title is not None else None
    heading = (
        section.find("h2", recursive=False) if section is not None and section.name == "section" else None
    )
    if heading is None:
        return
    first = heading.find_next_sibling()
    block = BeautifulSoup("", "html.parser").new_tag("div", attrs={"class": "mtc-keep-title"})
    heading.insert_before(block)
    block.append(title.extract())
    block.append(heading.extract())
    if first is not None:
        block.append(first.extract())


def _caption_above(table) -> None:
    """Print a table's caption as a paragraph above it, both in one block: WeasyPrint lays a
    ``<caption>`` out apart from its table and can leave it alone at the foot of a page. The block
    of a short table is kept on one page (no caption or single row left behind); a long one
    breaks between rows, its caption kept with its first rows."""
    block = table.wrap(BeautifulSoup("", "html.parser").new_tag("div", attrs={"class": "mtc-table-block"}))
    caption = table.find("caption")
    if caption is not None:
        caption.name = "p"
        caption["class"] = ["mtc-caption"]
        caption["data-table"] = table.get("id", "")
        table.insert_before(caption.extract())
    if len(table.select("tr")) <= KEEP_ROWS and len(table.get_text(" ", strip=True)) <= KEEP_CHARS:
        block["class"] = [*block["class"], "mtc-keep"]


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


def _link(page: str, href: str) -> str | None:
    """Links to other pages of the book point inside the PDF, links to the web stay as they are,
    and links to other files of the build (data files, chart files) are dropped (None): in a PDF
    they would point into the folder of the machine that built it."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    target, _, fragment = href.partition("#")
    if not target:
        return f"#{_anchor(page)}--{fragment}"
    resolved = (HTML / page).parent.joinpath(target).resolve()
    try:
        other = resolved.relative_to(HTML.resolve()).with_suffix("").as_posix()
    except ValueError:
        return None
    if other not in pages():
        return None
    return f"#{_anchor(other)}--{fragment}" if fragment else f"#{_anchor(other)}"


def _flowing() -> set[str]:
    """The chapters that do not start a page: each part of _toc.yml starts on a new page, and its
    chapters after the first follow on (a chapter's last page is seldom full, and the short ones
    would otherwise leave near-empty pages)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    flowing = set()
    for part in toc.get("parts", []):
        flowing |= {chapter["file"] for chapter in part["chapters"][1:]}
    return flowing


def document_html() -> str:
    """The whole book as one HTML document for print."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    built = datetime.now(UTC).date().isoformat()
    if os.environ.get("SOURCE_DATE_EPOCH"):
        built = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).date().isoformat()
    chapters, entries = [], []
    flowing = _flowing()
    for page in pages():
        article = _article(page)
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True) if heading else page
        target = (
            f"{_anchor(page)}--{TITLE_ID}"
            if article.find(id=f"{_anchor(page)}--{TITLE_ID}")
            else _anchor(page)
        )
        entries.append(f'<li><a href="#{target}">{html.escape(title)}</a></li>')
        chapters.append(
            f'<section class="chapter{" flow" if page in flowing else ""}" id="{_anchor(page)}">'
            f"{article.decode_contents()}</section>"
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
    """Per page, from WeasyPrint's layout: the text block's width and the widest table and image (a
    picture or a chart's inline SVG) on it (CSS px); ``filled``, the share of the text block's height
    that the page's content takes (0 blank, about 1 full); ``captions``, the tables whose caption is
    printed on the page; and ``tables``, each table (or part of one) on the page with the number of
    its body rows printed there and in all."""
    out = []
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        body = box.children[0] if box.children else None  # the html box; margin boxes follow
        top = box.margin_top
        height = box.height  # the page area, inside the margins
        widest = {"table": 0.0, "img": 0.0}
        bottom, captions, tables = top, [], []
        for child in body.descendants() if body else []:
            tag = getattr(child, "element_tag", None)
            tag = "img" if tag in ("img", "svg", "{http://www.w3.org/2000/svg}svg") else tag
            if tag in widest:
                widest[tag] = max(widest[tag], child.margin_width())
            if tag == "img" or (getattr(child, "text", "") or "").strip():
                bottom = max(bottom, child.position_y + child.height)
            element = getattr(child, "element", None)
            table_id = element.get("data-table") if tag == "p" and element is not None else None
            if table_id is not None and table_id not in captions:
                captions.append(table_id)
            if tag == "table" and type(child).__name__ == "TableBox":
                printed = sum(len(group.children) for group in child.children if not group.is_header)
                tables.append({"id": element.get("id", ""), "rows": printed, "of": _body_rows(element)})
        out.append(
            {
                "page": number,
                "text_width": body.width if body else 0,
                "table": widest["table"],
                "img": widest["img"],
                "filled": round((bottom - top) / height, 3) if height else 0.0,
                "captions": captions,
                "tables": tables,
            }
        )
    return out


def _body_rows(table) -> int:
    """The rows of a table element outside its header."""
    rows = 0
    for group in table:
        if group.tag == "thead":
            continue
        rows += sum(1 for row in group if row.tag == "tr") if group.tag != "tr" else 1
    return rows


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
    # The site offers the book's PDF for download (the download menu and the front page link it).
    shutil.copyfile(TARGET, HTML / TARGET.name)
    print(
        f"pdf: {TARGET.relative_to(ROOT)} ({len(document.pages)} pages, {TARGET.stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
