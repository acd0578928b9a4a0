"""Every page of the book as a reader meets it: offline, complete, captioned, linked, readable.

Run by `make test` after a fresh build; see tests/browser/conftest.py.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import HTML, toc_pages

PAGES = toc_pages()
LEAKS = (
    "<Figure size",
    "<matplotlib",
    "Styler at 0x",
    "Traceback (most recent call last)",
    "<IPython.core.display",
)


def url(page: str) -> str:
    return (HTML / f"{page}.html").as_uri()


@pytest.mark.parametrize("page", PAGES)
def test_page_is_complete_offline(desktop, timings, page):
    tab = desktop.new_page()
    outside, console_errors = [], []
    base = HTML.as_uri()
    local = (base, "data:", "blob:")
    tab.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    tab.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: console_errors.append(str(e)))
    response = tab.goto(url(page), wait_until="load")
    assert response is None or response.ok, f"{page}: load failed"
    timings[page] = tab.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0];"
        " return t.loadEventEnd - t.startTime; }"
    )
    assert outside == [], f"{page}: requests outside the build folder: {outside}"
    assert console_errors == [], f"{page}: console errors: {console_errors}"
    images = tab.evaluate(
        "() => Array.from(document.images).map(i => ({src: i.src, alt: i.alt, width: i.naturalWidth}))"
    )
    for image in images:
        assert image["width"] > 0, f"{page}: image did not load: {image['src']}"
        assert image["alt"].strip(), f"{page}: image without alt text: {image['src']}"
    figures = tab.evaluate(
        "() => Array.from(document.querySelectorAll('article figure'))"
        ".map(f => (f.querySelector('figcaption') || {}).textContent || '')"
    )
    assert all(caption.strip() for caption in figures), f"{page}: a figure has no caption"
    tables = tab.evaluate(
        "() => Array.from(document.querySelectorAll('article table'))"
        ".map(t => (t.querySelector('caption') || {}).textContent || '')"
    )
    assert all(caption.strip() for caption in tables), f"{page}: a table has no caption"
    text = tab.inner_text("article")
    for leak in LEAKS:
        assert leak not in text, f"{page}: raw output on the page: {leak!r}"
    tab.close()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_and_anchors_resolve(page):
    source = HTML / f"{page}.html"
    broken = []
    for href in _parse(source).hrefs:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("mailto:"):
            continue
        target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
        if not target.is_file() or HTML.resolve() not in target.parents:
            broken.append(href)
            continue
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
            broken.append(href)
    assert broken == [], f"{page}: broken links: {broken}"


@pytest.mark.parametrize("page", PAGES)
def test_no_horizontal_scroll_on_a_phone(phone, page):
    tab = phone.new_page()
    tab.goto(url(page), wait_until="load")
    widths = tab.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["view"] + 1, f"{page}: scrolls sideways at 390 px ({widths})"
    tab.close()


def test_code_cells_are_collapsed_and_expand_on_click(browser):
    tab = browser.new_page()
    tab.goto(url("chapters/01_key_projects"), wait_until="load")
    cells = tab.locator("details.hide.above-input")
    assert cells.count() > 0
    assert tab.evaluate(
        "() => Array.from(document.querySelectorAll('details.hide.above-input')).every(d => !d.open)"
    )
    first = cells.first
    assert not first.locator("pre").first.is_visible()
    first.locator("summary").click()
    assert first.evaluate("d => d.open")
    assert first.locator("pre").first.is_visible()
    tab.close()


def test_filter_box_narrows_the_claims_ledger(browser):
    tab = browser.new_page()
    tab.goto(url("chapters/claims_ledger"), wait_until="load")
    rows = tab.locator("table.mtc-filterable tbody tr")
    total = rows.count()
    tab.select_option(".mtc-filter-bar select >> nth=2", "not borne out")
    visible = tab.evaluate(
        "() => Array.from(document.querySelectorAll('table.mtc-filterable tbody tr'))"
        ".filter(r => r.style.display !== 'none').length"
    )
    assert 0 < visible < total
    tab.close()


DESIGNATIONS = [
    "S-400",
    "Su-27SK",
    "RD-93",
    "J-11B",
    "Il-476",
    "AL-31F",
    "Mi-171E",
    "117S",
    "Su-35S",
    # chapter 8 (what the trade figures do not show)
    "WS-15",
    "CAATSA",
    "early warning",
    "machine tools",
]


class _Prose(HTMLParser):
    """The text of a page's main content, without folded code cells, scripts and styles."""

    SKIP = ("cell_input", "headerlink")

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: skipped?
        self.in_main = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        skipped = tag in ("script", "style") or any(c in classes for c in self.SKIP)
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self.stack.append(skipped or (bool(self.stack) and self.stack[-1]))
        if attrs.get("role") == "main" or self.in_main:
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "meta", "link", "hr") or not self.stack:
            return
        self.stack.pop()
        if self.in_main:
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def prose(page: str) -> str:
    parser = _Prose()
    parser.feed((HTML / f"{page}.html").read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def pages_mentioning(term: str) -> set[str]:
    # the words of a phrase may be joined by spaces, a line break or a hyphen (search splits at all three)
    words = r"[\s-]+".join(re.escape(word) for word in term.split())
    pattern = re.compile(rf"(?<![A-Za-z0-9-]){words}(?![A-Za-z0-9])", re.IGNORECASE)
    return {f"{page}.html" for page in PAGES if pattern.search(prose(page))}


def search(browser, query: str) -> tuple[list[str], list[str]]:
    tab = browser.new_page()
    tab.goto((HTML / "search.html").as_uri() + f"?q={query}", wait_until="load")
    tab.wait_for_function(
        "() => !document.querySelector('#search-progress')?.textContent.includes('Preparing')"
    )
    tab.wait_for_selector("#search-results .search-summary, #search-results p", timeout=15000)
    tab.wait_for_timeout(300)
    hrefs = tab.eval_on_selector_all("#search-results li > a", "els => els.map(e => e.getAttribute('href'))")
    snippets = tab.eval_on_selector_all("#search-results li p.context", "els => els.map(e => e.textContent)")
    tab.close()
    return hrefs, snippets


@pytest.mark.parametrize("term", DESIGNATIONS)
def test_search_finds_every_page_that_mentions_a_designation(browser, term):
    expected = pages_mentioning(term)
    assert expected, f"no page mentions {term}"
    for query in {term, term.replace("-", "")}:
        hrefs, snippets = search(browser, query)
        paths = [urlsplit(h).path for h in hrefs]
        found = set(paths)
        assert found == expected, f"search {query!r}: missing {expected - found}, extra {found - expected}"
        assert len(paths) == len(found), f"search {query!r}: a page is listed twice: {paths}"
        assert not any("glue(" in s or "import " in s for s in snippets), (
            f"search {query!r}: code in a snippet"
        )


def test_long_tables_sort_by_any_column(desktop):
    tab = desktop.new_page()
    tab.goto(url("chapters/claims_ledger"), wait_until="load")

    def column(name):
        return tab.evaluate(
            """name => { const t = document.querySelector('table.mtc-filterable');
            const heads = Array.from(t.querySelectorAll('thead th')).map(th => th.textContent.trim());
            const i = heads.indexOf(name);
            return Array.from(t.tBodies[0].rows).map(r => r.cells[i].textContent.trim()); }""",
            name,
        )

    before, ids = column("Verdict"), column("Claim")
    tab.get_by_role("button", name="Sort by Verdict").click()
    assert column("Verdict") == sorted(before, key=str.lower)
    tab.get_by_role("button", name="Sort by Verdict").click()
    assert column("Verdict") == sorted(before, key=str.lower, reverse=True)
    assert sorted(column("Claim")) == sorted(ids) and column("Claim") != ids  # rows moved whole
    tab.close()


def test_on_a_phone_the_ledger_shows_each_claim_and_its_verdict(phone):
    tab = phone.new_page()
    tab.goto(url("chapters/claims_ledger"), wait_until="load")
    cells = tab.evaluate(
        """() => { const t = document.querySelector('table.mtc-filterable');
        const heads = Array.from(t.querySelectorAll('thead th')).map(th => th.textContent.trim());
        const row = t.tBodies[0].rows[0];
        return ['What the paper says', 'Verdict'].map(name => {
            const cell = row.cells[heads.indexOf(name)]; const box = cell.getBoundingClientRect();
            return {name, label: cell.dataset.label, left: box.left, right: box.right,
                    width: box.width}; }); }"""
    )
    for cell in cells:
        assert cell["label"] == cell["name"], cell
        assert cell["width"] > 200 and cell["left"] >= 0 and cell["right"] <= 390, cell
    tab.close()
