"""The whole book as one PDF: the single-page HTML build printed by headless Chromium.

Usage: ``python -m tools.pdf`` after ``jupyter-book build . --builder singlehtml``;
writes ``_build/pdf/book.pdf``. Code cells stay folded, as on the web pages.
"""

from __future__ import annotations

import os
import shutil
import sys

from tools.paths import PDF as TARGET
from tools.paths import ROOT, SINGLEHTML, pages
from tools.screenshots import ARGS

# The single-page build writes the whole book to the root document's page, with links made
# for the top of the build folder, while Jupyter Book replaces index.html with a redirect.
# The page is therefore copied to the top as book.html before printing.
SINGLE = SINGLEHTML / f"{pages()[0]}.html"
PRINTED = SINGLEHTML / "book.html"


def main() -> int:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("pdf: Chromium is not installed (Debian package 'chromium')", file=sys.stderr)
        return 1
    if not SINGLE.exists():
        print(
            f"pdf: {SINGLE.relative_to(ROOT)} is missing; build it with the singlehtml builder",
            file=sys.stderr,
        )
        return 1
    from playwright.sync_api import sync_playwright

    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        tab = browser.new_page()
        shutil.copyfile(SINGLE, PRINTED)
        tab.goto(PRINTED.as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        tab.pdf(
            path=str(TARGET),
            format="A4",
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )
        browser.close()
    print(f"pdf: {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
