"""The menus a phone or tablet reader taps: ☰ opens the chapter list, ☷ this page's headings, and a
link in either panel takes the reader there (issue 20; _static/nav.js)."""

import pytest

from .conftest import HTML

WIDTHS = (390, 800)
PAGE = "chapters/07_hindsight"


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def tab(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 844})
    tab = context.new_page()
    tab.goto((HTML / f"{PAGE}.html").as_uri(), wait_until="load")
    yield tab
    context.close()


def _visible_toggle(tab, kind: str):
    buttons = tab.locator(f"button.{kind}-toggle")
    visible = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(visible) == 1, f"expected one visible {kind} menu button, found {len(visible)}"
    return visible[0]


def test_chapter_menu_opens_and_navigates(tab):
    _visible_toggle(tab, "primary").click()
    dialog = tab.locator("#pst-primary-sidebar-modal")
    assert dialog.evaluate("d => d.open"), "tapping ☰ did not open the chapter list"
    link = dialog.locator("a.reference.internal", has_text="Competition").first
    assert link.is_visible(), "the chapter list has no visible link to chapter 3"
    link.click()
    tab.wait_for_url("**/03_competition.html*")


def test_page_menu_opens_and_navigates(tab):
    _visible_toggle(tab, "secondary").click()
    dialog = tab.locator("#pst-secondary-sidebar-modal")
    assert dialog.evaluate("d => d.open"), "tapping ☷ did not open this page's headings"
    links = dialog.locator("a.nav-link[href^='#']")
    assert links.count() >= 5, "the page's headings are not listed"
    target = links.nth(2)
    href = target.get_attribute("href")
    target.click()
    tab.wait_for_function("h => location.hash === h", arg=href)


def test_download_menu_offers_the_books_pdf(browser):
    """The download menu links the whole book's PDF (copied to the site's root by `make pdf`), on
    a page at the root and on a chapter page, instead of printing the page."""
    from pathlib import Path
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    for page in ("chapters/findings", "chapters/03_competition"):
        tab = context.new_page()
        tab.goto((HTML / f"{page}.html").as_uri(), wait_until="load")
        menu = tab.locator(".dropdown-download-buttons")
        menu.locator("button.dropdown-toggle").click()
        link = menu.locator("a", has_text="book .pdf")
        assert link.is_visible(), f"{page}: the download menu does not offer the book's PDF"
        target = Path(url2pathname(urlsplit(link.evaluate("a => a.href")).path))
        assert target == HTML / "book.pdf" and target.exists(), f"{page}: {target} is not the book's PDF"
        assert menu.locator("button", has_text=".pdf").count() == 0, f"{page}: the menu still prints the page"
        tab.close()
    context.close()


@pytest.mark.parametrize("width", (1280, 390))
def test_one_search_box_and_visible_icons(browser, width):
    """One search control at each width (the theme also put one in the chapter list), and the
    header's icons are drawn (from icons.css, without the icon-font script)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto((HTML / f"{PAGE}.html").as_uri(), wait_until="load")
    boxes = tab.evaluate(
        "() => Array.from(document.querySelectorAll('.search-button__button'))"
        ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length"
    )
    assert boxes == 1, f"{width}px: {boxes} search controls visible"
    icons = tab.evaluate(
        "() => Array.from(document.querySelectorAll('.bd-header-article :is(.fa-solid, .fas)'))"
        ".filter(i => i.getBoundingClientRect().width > 0)"
        ".map(i => ({name: i.className, w: i.getBoundingClientRect().width,"
        " mask: getComputedStyle(i).webkitMaskImage || getComputedStyle(i).maskImage}))"
    )
    assert icons, f"{width}px: no icons in the article header"
    blank = [i["name"] for i in icons if i["w"] < 8 or not i["mask"].startswith("url(")]
    assert blank == [], f"{width}px: icons not drawn: {blank}"
    context.close()


@pytest.mark.parametrize("width", (1280, 390))
def test_unfolded_code_is_not_clipped(browser, width):
    """Code a reader unfolds wraps at the column: no line runs out of sight."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto((HTML / "chapters/06_arithmetic.html").as_uri(), wait_until="load")
    tab.evaluate("() => document.querySelectorAll('details.above-input').forEach(d => d.open = true)")
    clipped = tab.evaluate(
        "() => Array.from(document.querySelectorAll('.cell_input pre'))"
        ".filter(p => p.scrollWidth > p.clientWidth + 1).length"
    )
    assert clipped == 0, f"{width}px: {clipped} code blocks run past their box"
    context.close()


def test_a_code_fold_shows_one_label(browser):
    """A folded code cell reads "Show code cell source"; opened, "Hide code cell source" (the labels
    are spans, so the theme's rules for them are restated in custom.css)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto((HTML / "chapters/08_beyond_trade.html").as_uri(), wait_until="load")
    fold = tab.locator("div.cell details.hide").first
    assert fold.locator("summary").inner_text().strip() == "Show code cell source"
    fold.locator("summary").click()
    assert fold.locator("summary").inner_text().strip() == "Hide code cell source"
    context.close()
