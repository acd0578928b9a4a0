"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, over the built book.

The tests read ``_build/html`` (build it first: ``make book`` or ``make book-check``) and open
every page of the table of contents from disk (``file://``), as a reader without network would.
"""

import json
import os
import shutil

import pytest

from tools.paths import HTML, ROOT, pages
from tools.screenshots import ARGS as CHROMIUM_ARGS

REPORT = ROOT / "_build" / "browser-report.json"

#: Every document in _toc.yml, in reading order.
toc_pages = pages


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


@pytest.fixture(scope="session")
def timings():
    """Page load times collected by the tests, written to _build/browser-report.json."""
    measured: dict[str, float] = {}
    yield measured
    if measured:
        slowest = max(measured, key=measured.get)
        REPORT.write_text(
            json.dumps({"load_ms": measured, "slowest": slowest, "slowest_ms": measured[slowest]}, indent=2)
            + "\n"
        )
