"""Every page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical violation
(axe-playwright-python ships axe-core; nothing is fetched). Desktop width only: a run costs about
two seconds a page, and the phone layout differs only in the theme's navigation."""

import pytest

from .conftest import HTML, toc_pages

PAGES = toc_pages()
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violation(desktop, axe, page):
    tab = desktop.new_page()
    tab.goto((HTML / f"{page}.html").as_uri(), wait_until="load")
    violations = axe.run(tab, options=RULES).response["violations"]
    tab.close()
    serious = [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{page}: {serious}"
