"""Tables as a reader meets them: every column visible at desktop width, the scorecard in one
screen, claim ids that lead to the claim's row in the ledger, and key columns on a phone.

Run by `make test` after a fresh build; see tests/browser/conftest.py.
"""

import csv
import re
from functools import cache
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from mtcreport import data

from . import built
from .conftest import HTML, toc_pages

PAGES = toc_pages()
LEDGER = "chapters/claims_ledger"
CLAIM_ID = re.compile(r"\bc\d+\b")


@pytest.mark.parametrize("page", PAGES)
def test_no_table_is_wider_than_the_text_column_at_desktop_width(site, page):
    """No column clipped, nothing to scroll sideways: each table, and the scroll container the
    theme wraps it in, is no wider than the space it is given."""
    tables = site.desktop(page)["tables"]
    wide = [
        {k: t[k] for k in ("id", "table", "wrap")}
        for t in tables
        if t["table"][0] > t["table"][1] + 1
        or t["wrap"][0] > t["wrap"][1] + 1
        or t["table"][2] > t["wrap"][1] + 1
    ]
    assert wide == [], (
        f"{page}: tables wider than the text column at 1280 px ([scroll, client] widths): {wide}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_on_a_phone_no_table_card_shows_a_column_name_with_nothing_after_it(site, page):
    """On a phone each table row is a card of "column: value" lines; an empty cell (the paper
    gives no spelling of its own, say) gives no line rather than a bare "column:"."""
    assert site.phone(page)["empty_card_lines"] == [], page


def test_the_scorecard_reads_in_one_screen(site):
    """At 1280 x 900, from its caption to its source line, below the page's fixed header."""
    facts = site.desktop("chapters/07_hindsight")
    (box,) = [t for t in facts["tables"] if t["id"] == "tbl-scorecard"]
    with (data.data_dir() / "outcomes.csv").open(encoding="utf-8", newline="") as handle:
        forecasts = [r for r in csv.DictReader(handle) if r["horizon"] != "the paper's present"]
        assert box["rows"] == len(forecasts), box  # every forecast row, none left out (the paper's
        # reading of its own time has its own table, tbl-scorecard-present)
    assert box["source_bottom"] is not None, "the scorecard's source line does not follow it"
    height = box["source_bottom"] - box["caption_top"]
    header, view = facts["fixed_header"], facts["view_height"]
    assert height + header <= view, f"scorecard is {height:.0f} px tall, under a {header} px header: {box}"


def test_the_negotiations_table_reads_in_one_screen_with_columns_wide_enough_to_read(site):
    """Table 5.1 at 1280 x 900: from caption to source line in one screen below the fixed header,
    and no column so narrow that its text runs a word or two to a line (it had eight columns, the
    narrowest 62 px, and was 976 px tall without its caption)."""
    facts = site.desktop("chapters/05_prospects")
    (box,) = [t for t in facts["tables"] if t["id"] == "tbl-negotiations"]
    assert box["rows"] == 4, box
    assert box["columns"] and min(box["columns"]) >= 110, f"columns too narrow at 1280 px: {box['columns']}"
    assert box["source_bottom"] is not None, "Table 5.1's source line does not follow it"
    height = box["source_bottom"] - box["caption_top"]
    header, view = facts["fixed_header"], facts["view_height"]
    assert height + header <= view, f"Table 5.1 is {height:.0f} px tall, under a {header} px header: {box}"


class _Page(HTMLParser):
    """Ids, links, and the text of table cells (with the links and ids inside each cell)."""

    def __init__(self):
        super().__init__()
        self.ids: dict[str, str] = {}  # id -> tag
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.cells: list[dict] = []
        self._cell: dict | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] = tag
            if self._cell is not None:
                self._cell["ids"].append(attrs["id"])
        if tag in ("td", "th"):
            self._cell = {"text": "", "links": [], "ids": []}
        if tag == "a" and attrs.get("href"):
            self._link = [attrs["href"], ""]

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1].strip()))
            if self._cell is not None:
                self._cell["links"].append((self._link[0], self._link[1].strip()))
            self._link = None
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None

    def handle_data(self, text):
        if self._link is not None:
            self._link[1] += text
        if self._cell is not None:
            self._cell["text"] += text


@cache
def _read(page: str) -> _Page:
    parser = _Page()
    parser.feed(built.source(built.page_path(page)))
    return parser


def _claim_ids() -> list[str]:
    with (data.data_dir() / "claims.csv").open(encoding="utf-8", newline="") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


def test_the_ledger_has_one_anchor_per_claim():
    ledger = _read(LEDGER)
    anchors = sorted(i for i in ledger.ids if i.startswith("claim-"))
    assert anchors == sorted(f"claim-{c}" for c in _claim_ids())
    for claim in _claim_ids():  # the anchor is the claim id shown in its row
        cells = [c for c in ledger.cells if f"claim-{claim}" in c["ids"]]
        assert [c["text"].strip() for c in cells] == [claim], claim


@pytest.mark.parametrize("page", PAGES)
def test_claim_ids_in_tables_link_to_the_claim_in_the_ledger(page):
    parsed = _read(page)
    claims = set(_claim_ids())
    ledger_ids = _read(LEDGER).ids
    for href, text in parsed.links:
        parts = urlsplit(href)
        if not parts.fragment.startswith("claim-"):
            continue
        target = (HTML / page).parent / unquote(parts.path) if parts.path else HTML / f"{page}.html"
        assert target.resolve() == (HTML / f"{LEDGER}.html").resolve(), f"{page}: {href} leaves the ledger"
        assert parts.fragment in ledger_ids, f"{page}: {href} has no target in the ledger"
        assert parts.fragment == f"claim-{text}" and text in claims, f"{page}: link {text!r} -> {href}"
    # a claim id shown in a table cell is a link to the ledger (or, in the ledger, the anchor)
    for cell in parsed.cells:
        for word in CLAIM_ID.findall(cell["text"]):
            if word not in claims:
                continue
            linked = any(t == word and urlsplit(h).fragment == f"claim-{word}" for h, t in cell["links"])
            anchored = page == LEDGER and f"claim-{word}" in cell["ids"]
            assert linked or anchored, f"{page}: claim id {word} in a table is not a link: {cell['text']!r}"
