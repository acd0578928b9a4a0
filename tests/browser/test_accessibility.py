"""Every page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical violation
(axe-playwright-python ships axe-core; nothing is fetched). Desktop width only, run once per page
in the tab the other desktop checks read (``site.desktop``): the phone layout differs only in the
theme's navigation."""

import pytest

from .conftest import toc_pages

PAGES = toc_pages()


def serious(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violation(site, page):
    found = serious(site.desktop(page)["axe_violations"])
    assert found == [], f"{page}: {found}"
