"""Screenshots of every page of the built book, at desktop width and at 390 px, for review.

Usage: ``python -m tools.screenshots`` (after ``make book``); writes
``_build/screenshots/<page>-desktop.png`` and ``<page>-390.png``, and each chart on its own:
``charts/<figure>-desktop.png`` as shown at 1280 px and ``charts/<figure>-390.png`` as a phone
shows it where it stands (its phone layout). ``charts.json`` gives the smallest rendered text of
every chart in both views (CSS px), and the smallest per page. Not committed.
"""

from __future__ import annotations

import json
import os
import shutil
import sys

from tools.paths import HTML, ROOT, pages
from tools.paths import SCREENSHOTS as OUT

#: Flags for headless Chromium on a machine without network (see the tool library's notes).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: The smallest rendered text of each chart on a page (CSS px): font size times the scale at which
#: the SVG is drawn on screen; with the text it belongs to. The browser test uses it too.
SMALLEST_TEXT = """() => [...document.querySelectorAll('.mtc-chart')].map(chart => {
  let smallest = Infinity, which = '', layout = '';
  const shown = [...chart.querySelectorAll('svg.mtc-svg')]
    .filter(svg => svg.getBoundingClientRect().width > 0);
  for (const svg of shown) {
    layout = [...svg.classList].find(c => c !== 'mtc-svg').replace('mtc-', '');
    for (const text of svg.querySelectorAll('text')) {
      const m = text.getScreenCTM();
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      if (px < smallest) { smallest = px; which = text.textContent; }
    }
  }
  return {figure: chart.dataset.figure, px: smallest, text: which, layout: layout, shown: shown.length};
})"""


#: A full-page picture shows every chart: the book lays out a chart only as the reader nears it
#: (``content-visibility: auto`` in custom.css), which a screenshot of the whole page never does.
EVERY_CHART = ".mtc-chart { content-visibility: visible !important; }"


def _charts(tab, label: str, page: str, report: dict) -> None:
    """Screenshot each chart of the open page as it stands and record its smallest text."""
    charts = tab.locator(".mtc-chart")
    tab.evaluate("document.fonts.ready")
    (OUT / "charts").mkdir(exist_ok=True)
    for index, chart in enumerate(tab.evaluate(SMALLEST_TEXT)):
        name = f"{chart['figure']}-{label}.png"
        charts.nth(index).screenshot(path=str(OUT / "charts" / name))
        report.setdefault(page, {}).setdefault(chart["figure"], {})[label] = round(chart["px"], 1)


def main() -> int:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("screenshots: Chromium is not installed (Debian package 'chromium')", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for label, width in (("desktop", 1280), ("390", 390)):
            context = browser.new_context(viewport={"width": width, "height": 900})
            tab = context.new_page()
            for page in pages():
                tab.goto((HTML / f"{page}.html").as_uri(), wait_until="load")
                tab.add_style_tag(content=EVERY_CHART)
                target = OUT / f"{page.replace('/', '__')}-{label}.png"
                tab.screenshot(path=str(target), full_page=True)
                print(f"screenshots: {target.relative_to(ROOT)}")
                _charts(tab, label, page, report)
            context.close()
        browser.close()
    smallest = {
        page: {label: min(f[label] for f in figures.values()) for label in ("desktop", "390")}
        for page, figures in report.items()
    }
    (OUT / "charts.json").write_text(
        json.dumps({"smallest_per_page": smallest, "charts": report}, indent=2) + "\n"
    )
    for page, sizes in smallest.items():
        print(
            f"screenshots: smallest chart text on {page}: {sizes['desktop']} px at 1280,"
            f" {sizes['390']} px at 390"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
