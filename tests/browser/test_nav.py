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
