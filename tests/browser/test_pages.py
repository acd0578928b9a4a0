"""Every page of the book as a reader meets it: offline, complete, captioned, linked, readable.

Run by `make test` after a fresh build; see tests/browser/conftest.py.
"""

import re
from urllib.parse import unquote, urlsplit

import pytest

from . import built
from .conftest import HTML, toc_pages, url

PAGES = toc_pages()
LEAKS = (
    "<Figure size",
    "<matplotlib",
    "Styler at 0x",
    "Traceback (most recent call last)",
    "<IPython.core.display",
)


@pytest.mark.parametrize("page", PAGES)
def test_page_is_complete_offline(site, page):
    for width, facts in (("1280 px", site.desktop(page)), ("390 px", site.phone(page))):
        assert facts["load_ok"], f"{page}: load failed at {width}"
        outside, errors = facts["outside"], facts["console_errors"]
        assert outside == [], f"{page}: requests outside the build folder at {width}: {outside}"
        assert errors == [], f"{page}: console errors at {width}: {errors}"
    facts = site.desktop(page)
    for image in facts["images"]:
        assert image["width"] > 0, f"{page}: image did not load: {image['src']}"
        assert image["alt"].strip(), f"{page}: image without alt text: {image['src']}"
    assert all(caption.strip() for caption in facts["figure_captions"]), f"{page}: a figure has no caption"
    assert all(caption.strip() for caption in facts["table_captions"]), f"{page}: a table has no caption"
    for leak in LEAKS:
        assert leak not in facts["article_text"], f"{page}: raw output on the page: {leak!r}"


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_and_anchors_resolve(page):
    source = built.page_path(page)
    root = HTML.resolve()
    broken = []
    for href in built.links(source).hrefs:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("mailto:"):
            continue
        target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
        if not target.is_file() or root not in target.parents:
            broken.append(href)
            continue
        anchor = unquote(parts.fragment)
        if anchor and target.suffix == ".html" and anchor not in built.links(target).ids:
            broken.append(href)
    assert broken == [], f"{page}: broken links: {broken}"


@pytest.mark.parametrize("page", PAGES)
def test_no_horizontal_scroll_on_a_phone(site, page):
    widths = site.phone(page)["widths"]
    assert widths["scroll"] <= widths["view"] + 1, f"{page}: scrolls sideways at 390 px ({widths})"


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
#: Searches run in the browser to prove that the search page lists what the index says (with and
#: without a designation's hyphen); the other queries are answered from searchindex.js in Python.
BROWSER_QUERIES = [("S-400", "S-400"), ("Su27SK", "Su-27SK")]


def prose(page: str) -> str:
    return built.prose(page)


def pages_mentioning(term: str) -> set[str]:
    # the words of a phrase may be joined by spaces, a line break or a hyphen (search splits at all three)
    words = r"[\s-]+".join(re.escape(word) for word in term.split())
    pattern = re.compile(rf"(?<![A-Za-z0-9-]){words}(?![A-Za-z0-9])", re.IGNORECASE)
    return {f"{page}.html" for page in PAGES if pattern.search(prose(page))}


def code_in(snippet: str) -> bool:
    return "glue(" in snippet or "import " in snippet


@pytest.mark.parametrize("term", DESIGNATIONS)
def test_search_finds_every_page_that_mentions_a_designation(term):
    """Sphinx's index (searchindex.js, queried as the search page does, see built.search) lists
    exactly the pages whose prose names the designation, typed with or without its hyphens, and
    no snippet of a result shows code."""
    expected = pages_mentioning(term)
    assert expected, f"no page mentions {term}"
    for query in {term, term.replace("-", "")}:
        found = built.search(query)
        assert found == expected, f"search {query!r}: missing {expected - found}, extra {found - expected}"
        snippets = {page: built.snippet(page, query) for page in found}
        assert not [p for p, s in snippets.items() if code_in(s)], f"search {query!r}: code in a snippet"


#: The search page has listed every result. (From disk, Chromium refuses the page fetches Sphinx
#: makes for snippets, so the page shows none: snippets are checked in Python, from the prose.)
SEARCH_DONE = """() => /finished|did not match/.test(
  (document.querySelector('#search-results .search-summary') || {}).textContent || '')"""


def search(browser, query: str) -> tuple[list[str], list[str]]:
    tab = browser.new_page()
    tab.goto((HTML / "search.html").as_uri() + f"?q={query}", wait_until="load")
    tab.wait_for_function(SEARCH_DONE, timeout=15000)
    hrefs = tab.eval_on_selector_all("#search-results li > a", "els => els.map(e => e.getAttribute('href'))")
    snippets = tab.eval_on_selector_all("#search-results li p.context", "els => els.map(e => e.textContent)")
    tab.close()
    return hrefs, snippets


@pytest.mark.parametrize(("query", "designation"), BROWSER_QUERIES)
def test_the_search_page_lists_each_page_once_with_prose_snippets(browser, query, designation):
    """The search page itself: it lists the pages that name the designation, which are the pages
    the Python reading of the index gives, each once (and no code in a snippet, had it any)."""
    hrefs, snippets = search(browser, query)
    paths = [urlsplit(h).path for h in hrefs]
    expected = pages_mentioning(designation)
    assert set(paths) == expected == built.search(query), f"search {query!r}: {paths}, expected {expected}"
    assert len(paths) == len(set(paths)), f"search {query!r}: a page is listed twice: {paths}"
    assert not any(code_in(s) for s in snippets), f"search {query!r}: code in a snippet"


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


def test_on_a_phone_the_ledger_shows_each_claim_and_its_verdict(site):
    (cells,) = site.phone("chapters/claims_ledger")["filterable"]
    shown = [c for c in cells if c["name"] in ("What the paper says", "Verdict")]
    assert len(shown) == 2, cells
    for cell in shown:
        assert cell["label"] == cell["name"], cell
        assert cell["width"] > 200 and cell["left"] >= 0 and cell["right"] <= 390, cell
