"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, over the built book.

The tests read ``_build/html`` (build it first: ``make book`` or ``make book-check``) and open
every page of the table of contents from disk (``file://``), as a reader without network would.

Each page is loaded once at 1280 px and once at 390 px per session (``site.desktop(page)``,
``site.phone(page)``): one ``page.evaluate`` gathers every fact the checks read (see
``DESKTOP_FACTS`` and ``PHONE_FACTS``), axe runs in the same desktop tab, the charts are measured
last in the phone tab; the facts are cached and shared. A new per-page check adds what it reads
to those scripts rather than loading the page again. Only checks that change a page (a click on a
code cell, a filter, a sort) open a tab of their own.
"""

import json
import os
import shutil

import pytest

from tools.paths import HTML, ROOT, pages
from tools.screenshots import ARGS as CHROMIUM_ARGS
from tools.screenshots import SMALLEST_TEXT

REPORT = ROOT / "_build" / "browser-report.json"

#: Every document in _toc.yml, in reading order.
toc_pages = pages

#: axe-core's WCAG 2.1 A and AA rules; only violations are serialised back (passes are not read).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

#: The hover titles of the chart drawing each figure shows (the one of non-zero width), by figure:
#: read at both widths, so the phone drawing must name what the desktop one names.
SHOWN_TITLES = """Object.fromEntries([...document.querySelectorAll('.mtc-chart')].map(chart => [
      chart.dataset.figure,
      [...chart.querySelectorAll('svg.mtc-svg')].filter(svg => svg.getBoundingClientRect().width > 0)
        .flatMap(svg => [...svg.querySelectorAll('title')].map(t => t.textContent))]))"""

#: What the desktop checks read, gathered in one call once the page and its fonts have loaded.
DESKTOP_FACTS = (
    """async () => {
  await document.fonts.ready;
  const nav = performance.getEntriesByType('navigation')[0];
  const article = document.querySelector('article');
  const text = el => (el || {}).textContent || '';
  const headers = document.querySelectorAll('.bd-header-article, header.bd-header');
  return {
    load_ms: nav.loadEventEnd - nav.startTime,
    images: [...document.images].map(i => ({src: i.src, alt: i.alt, width: i.naturalWidth})),
    figure_captions: [...document.querySelectorAll('article figure')]
        .map(f => text(f.querySelector('figcaption'))),
    table_captions: [...document.querySelectorAll('article table')]
        .map(t => text(t.querySelector('caption'))),
    article_text: article ? article.innerText : '',
    fixed_header: Math.max(0, ...[...headers]
        .filter(h => ['sticky', 'fixed'].includes(getComputedStyle(h).position))
        .map(h => h.getBoundingClientRect().height)),
    view_height: window.innerHeight,
    tables: [...document.querySelectorAll('article table')].map(t => {
      const wrap = t.parentElement;
      const after = (t.closest('.pst-scrollable-table-container') || t).nextElementSibling;
      const caption = t.querySelector('caption');
      return {id: t.id || text(caption) || '?',
              table: [t.scrollWidth, t.clientWidth, Math.round(t.getBoundingClientRect().width)],
              wrap: [wrap.scrollWidth, wrap.clientWidth],
              caption_top: caption ? caption.getBoundingClientRect().top : null,
              source_bottom: after && after.classList.contains('source-line')
                  ? after.getBoundingClientRect().bottom : null,
              rows: t.tBodies.length ? t.tBodies[0].rows.length : 0,
              columns: t.tHead ? [...t.tHead.rows[0].cells]
                  .map(c => Math.round(c.getBoundingClientRect().width)) : []};
    }),
    charts: ("""
    + SMALLEST_TEXT
    + """)(),
    chart_font_loaded: document.fonts.check('12px "DejaVu Sans"'),
    icon_fonts: [...document.fonts].filter(f => /awesome/i.test(f.family) && f.status !== 'unloaded')
        .map(f => `${f.family} (${f.status})`),
    shown_titles: """
    + SHOWN_TITLES
    + """,
    figures: [...document.querySelectorAll('article figure')].map(figure => ({
      id: figure.id,
      charts: figure.querySelectorAll('.mtc-chart').length,
      titles: [...figure.querySelectorAll('svg.mtc-desktop title')].map(t => t.textContent),
      visible_titles: [...figure.querySelectorAll('svg g > title')]
          .filter(t => t.parentNode.getBoundingClientRect().width > 0).map(t => t.textContent),
      links: Object.fromEntries([...figure.querySelectorAll('.mtc-figure-links a')]
          .map(a => [a.textContent.trim(), a.getAttribute('href')])),
    })),
  };
}"""
)

#: What the phone checks read at 390 px.
PHONE_FACTS = (
    """async () => {
  await document.fonts.ready;
  return {
    widths: {scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth},
    shown_titles: """
    + SHOWN_TITLES
    + """,
    empty_card_lines: [...document.querySelectorAll('table.mtc-table td[data-label]')]
        .filter(td => !td.textContent.trim() && td.getBoundingClientRect().height > 0)
        .map(td => td.dataset.label),
    filterable: [...document.querySelectorAll('table.mtc-filterable')].map(t => {
      const heads = [...t.querySelectorAll('thead th')].map(th => th.textContent.trim());
      const row = t.tBodies[0].rows[0];
      return heads.map((name, i) => {
        const cell = row.cells[i]; const b = cell.getBoundingClientRect();
        return {name, label: cell.dataset.label, left: b.left, right: b.right, width: b.width};
      });
    }),
  };
}"""
)

WIDTHS = "() => ({scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth})"


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium is not installed (Debian package 'chromium'; `make browser-deps` installs it)")
    if not (HTML / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (or `make book-check`) first")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def desktop(browser):
    """One browser context at desktop size, shared by the page tests (each opens its own tab)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone(browser):
    """One browser context at the width of a small phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    yield context
    context.close()


def url(page: str) -> str:
    return (HTML / f"{page}.html").as_uri()


def _open(context, page: str) -> tuple:
    """A tab on ``page`` that records requests leaving the build folder, console errors and the
    load's response."""
    tab = context.new_page()
    outside, errors = [], []
    local = (HTML.as_uri(), "data:", "blob:")
    tab.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    response = tab.goto(url(page), wait_until="load")
    return tab, {"load_ok": response is None or response.ok, "outside": outside, "console_errors": errors}


class Site:
    """Facts of each page at each width, gathered on first use and kept for the session."""

    def __init__(self, desktop, phone):
        self._contexts = {"desktop": desktop, "phone": phone}
        self._facts: dict[tuple[str, str], dict] = {}
        self._axe = None

    def _gather(self, width: str, page: str, script: str, more) -> dict:
        """The facts ``script`` reads from ``page`` at ``width``, and those ``more(tab)`` adds."""
        key = (width, page)
        if key not in self._facts:
            tab, facts = _open(self._contexts[width], page)
            facts |= tab.evaluate(script)
            facts["outside"], facts["console_errors"] = list(facts["outside"]), list(facts["console_errors"])
            facts |= more(tab)
            tab.close()
            self._facts[key] = facts
        return self._facts[key]

    def desktop(self, page: str) -> dict:
        return self._gather(
            "desktop",
            page,
            DESKTOP_FACTS,
            lambda tab: {"axe_violations": self.axe.run(tab, options=AXE_OPTIONS).response["violations"]},
        )

    def phone(self, page: str) -> dict:
        # the charts as they stand at this width (each drawn in its phone layout, no tap)
        return self._gather("phone", page, PHONE_FACTS, lambda tab: {"charts": tab.evaluate(SMALLEST_TEXT)})

    @property
    def axe(self):
        if self._axe is None:
            from axe_playwright_python.sync_playwright import Axe

            self._axe = Axe()
        return self._axe

    def load_times(self) -> dict[str, float]:
        return {page: f["load_ms"] for (width, page), f in self._facts.items() if width == "desktop"}


@pytest.fixture(scope="session")
def site(desktop, phone):
    """Every page's facts at 1280 and 390 px; the desktop load times go to _build/browser-report.json."""
    facts = Site(desktop, phone)
    yield facts
    measured = facts.load_times()
    if measured:
        slowest = max(measured, key=measured.get)
        REPORT.write_text(
            json.dumps({"load_ms": measured, "slowest": slowest, "slowest_ms": measured[slowest]}, indent=2)
            + "\n"
        )
