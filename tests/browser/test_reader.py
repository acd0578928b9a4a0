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
    assert icon is not None and (HTML / page).parent.joinpath(icon["href"]).resolve().exists(), (
        f"{page}: no favicon"
    )
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
    drawn = set(re.findall(r"\.fa-([a-z0-9-]+)(?:, [^{]+)? \{ --mtc-icon", css))
    used = set()
    for page in PAGES:
        html = (HTML / f"{page}.html").read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, f"{page}: loads the icon-font script"
        for element in _soup(page).select(".fa-solid, .fas, .fa-regular, .far"):
            used |= {m for c in element["class"] for m in ICON.findall(c)}
    assert used, "no icons found on the pages"
    assert used <= drawn, f"icons without an outline in icons.css: {sorted(used - drawn)}"
    assert not list((HTML / "_static" / "scripts").glob("fontawesome.js")), "the script is still in the site"


@pytest.mark.parametrize("page", PAGES)
def test_no_page_downloads_an_icon_font(site, page):
    """Icons are drawn from icons.css; the theme's stylesheet still names the 156 kB icon font for
    a few glyphs (the download links of the data appendix drew it), which a page must not use."""
    assert site.desktop(page)["icon_fonts"] == []


def test_only_the_search_page_loads_the_search_scripts_and_index():
    """Searching happens on the search page (the box on every page sends the reader there): no
    other page loads the index or the scripts that read it. That search still finds its words is
    tested in test_search_words."""
    search = re.compile(r'<script[^>]*src="[^"]*(searchtools|language_data|searchindex)\.js')
    loading = [page for page in PAGES if search.search((HTML / f"{page}.html").read_text(encoding="utf-8"))]
    assert loading == []
    found = set(search.findall((HTML / "search.html").read_text(encoding="utf-8")))
    assert found == {"searchtools", "language_data", "searchindex"}


@pytest.mark.parametrize("page", PAGES)
def test_no_page_loads_the_assets_of_an_extension_it_does_not_use(page):
    """sphinx-design's stylesheet and script only where a page has its cards or tabs (``sd-``
    classes), sphinx-thebe's only where it has a live-code button (the book has none)."""
    html = (HTML / f"{page}.html").read_text(encoding="utf-8")
    for asset, used in (
        ("sphinx-design.min.css", 'class="sd-'),
        ("design-tabs.js", 'class="sd-'),
        ("sphinx-thebe.css", "thebe-launch-button"),
        ("sphinx-thebe.js", "thebe-launch-button"),
    ):
        assert asset not in html or used in html, f"{page} loads {asset} and does not use it"


def _prose_texts(soup):
    """The article's text nodes in reading order, outside headings, code, charts, scripts and
    links to anything but the glossary."""
    from bs4 import NavigableString

    skip = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "svg", "script", "style", "summary"}
    for text in soup.select_one("article").descendants:
        if isinstance(text, NavigableString) and text.strip():
            if any(
                parent.name in skip or "cell_input" in (parent.get("class") or []) for parent in text.parents
            ):
                continue
            link = text.find_parent("a")
            if link is not None and "glossary.html#term-" not in link.get("href", ""):
                continue  # inside another link (a source's title): not a place for a second link
            yield text


@pytest.mark.parametrize("page", [p for p in PAGES if p != "chapters/glossary"])
def test_terms_of_measure_link_to_the_glossary_at_first_use(page):
    from tools.sphinx_reader import term_patterns

    soup = _soup(page)
    texts = list(_prose_texts(soup))
    for term, pattern in term_patterns():
        first = next((t for t in texts if pattern.search(t)), None)
        if first is None:
            continue
        link = first.find_parent("a")
        anchor = "#term-" + term.replace(" ", "-")
        assert link is not None and link.get("href", "").endswith(f"glossary.html{anchor}"), (
            f"{page}: the first use of {term!r} ({first.strip()[:60]!r}) does not link to its glossary entry"
        )


def test_the_glossary_defines_the_terms_of_measure():
    soup = _soup("chapters/glossary")
    for term in ("TIV", "trend-indicator value", "SIPRI edition"):
        entry = soup.find(id="term-" + term.replace(" ", "-"))
        assert entry is not None, f"the glossary has no entry for {term}"


def _search_index() -> dict:
    import json

    text = (HTML / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def _indexed_text(page: str) -> str:
    """The text the search indexes: the article (with its headings and the text drawn in its
    charts) without code input or scripts."""
    soup = _soup(page)
    article = soup.select_one("article")
    for element in article.select(".cell_input, script, style, .headerlink"):
        element.decompose()
    return article.get_text(" ")


@pytest.mark.parametrize("family", ["WS-10", "AL-31", "Su-27", "Mi-17", "S-300", "S-400"])
def test_search_finds_every_page_naming_a_designation_or_its_variants(family):
    """Typing a designation finds every page that names it or one of its variants (WS-10 finds
    the WS-10A pages); read from the built search index."""
    index = _search_index()
    word = family.replace("-", "").lower()
    variants = re.compile(rf"(?<![\w-]){re.escape(family)}[A-Za-z]*(?![\w])")
    expected = {page for page in PAGES if variants.search(_indexed_text(page))}
    found = set()
    for kind in ("terms", "titleterms"):  # words of the text, words of the headings
        hits = index[kind].get(word, [])
        found |= {index["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits)}
    assert expected, f"no page names {family}"
    assert found == expected, (
        f"{family}: missing {sorted(expected - found)}, extra {sorted(found - expected)}"
    )


@pytest.mark.parametrize("term", ["TIV", "trend-indicator value", "SIPRI edition"])
def test_search_leads_to_the_definition_of_a_term(term):
    """A term of measure is an index entry of the glossary, which Sphinx's search lists first."""
    entries = _search_index()["indexentries"].get(term.lower(), [])
    docnames = _search_index()["docnames"]
    assert any(docnames[doc] == "chapters/glossary" for doc, *_ in entries), (
        f"{term}: not indexed to its definition"
    )


@pytest.mark.parametrize("page", PAGES)
def test_no_python_booleans_as_results(page):
    """A reader sees yes or no, not Python's True or False, as a printed result (a line of text
    output that ends in one, or a value shown alone)."""
    bare = [
        line.strip()[:80]
        for output in _soup(page).select(".cell_output pre, .cell_output .output.text_plain")
        for line in output.get_text().splitlines()
        if re.search(r"(^|[:=]\s*)(True|False)\s*$", line.strip())
    ]
    assert bare == [], f"{page}: outputs print Python booleans: {bare}"
