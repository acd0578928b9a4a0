"""Screenshots of every page of the built book, at desktop width and at 390 px, for review.

Usage: ``python -m tools.screenshots`` (after ``make book``); writes
``_build/screenshots/<page>-desktop.png`` and ``<page>-390.png``. Not committed.
"""

from __future__ import annotations

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


def main() -> int:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("screenshots: Chromium is not installed (Debian package 'chromium')", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for label, width in (("desktop", 1280), ("390", 390)):
            context = browser.new_context(viewport={"width": width, "height": 900})
            tab = context.new_page()
            for page in pages():
                tab.goto((HTML / f"{page}.html").as_uri(), wait_until="load")
                target = OUT / f"{page.replace('/', '__')}-{label}.png"
                tab.screenshot(path=str(target), full_page=True)
                print(f"screenshots: {target.relative_to(ROOT)}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
