"""The front page's findings: 5 to 8 of them, each pointing at the evidence that carries it.

Reads the built HTML (``make book`` or ``make book-check`` first); no browser needed.
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from . import built
from .conftest import HTML

FINDINGS = HTML / "chapters" / "findings.html"


class _Findings(HTMLParser):
    """Collects the items of the first ordered list inside the section ``what-the-report-finds``."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # depth inside the section, 0 when outside
        self.in_list = False
        self.done = False
        self.items: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif attrs.get("id") == "what-the-report-finds":
            self.depth = 1
        if not self.depth or self.done:
            return
        if tag == "ol" and not self.in_list:
            self.in_list = True
        elif tag == "li" and self.in_list:
            self.items.append({"text": "", "hrefs": []})
        elif tag == "a" and self.items and attrs.get("href"):
            self.items[-1]["hrefs"].append(attrs["href"])

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if tag == "ol" and self.in_list:
            self.in_list, self.done = False, True

    def handle_data(self, data):
        if self.in_list and self.items:
            self.items[-1]["text"] += data


def ids_of(path: Path) -> set[str]:
    return built.links(path.resolve()).ids


def findings() -> list[dict]:
    if not FINDINGS.exists():
        pytest.fail("the book is not built: run `make book` (or `make book-check`) first")
    parser = _Findings()
    parser.feed(FINDINGS.read_text(encoding="utf-8"))
    return parser.items


def test_the_front_page_is_the_findings_page():
    index = (HTML / "index.html").read_text(encoding="utf-8")
    assert "chapters/findings.html" in index


def test_five_to_eight_findings():
    assert 5 <= len(findings()) <= 8, [f["text"][:60] for f in findings()]


def test_every_finding_links_to_evidence_that_exists():
    for finding in findings():
        evidence = []
        for href in finding["hrefs"]:
            parts = urlsplit(href)
            if parts.scheme or not parts.fragment:
                continue
            target = (FINDINGS.parent / unquote(parts.path)).resolve() if parts.path else FINDINGS
            assert target.is_file(), f"finding {finding['text'][:60]!r}: {href} points at no page"
            assert unquote(parts.fragment) in ids_of(target), (
                f"finding {finding['text'][:60]!r}: no #{parts.fragment}"
            )
            evidence.append(href)
        assert evidence, f"finding without a link to its evidence: {finding['text'][:80]!r}"
