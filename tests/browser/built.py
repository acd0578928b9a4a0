"""The built pages read as files, each parsed once per test session (no browser needed).

Every parse is cached by page: the link test follows every anchor of a page into its target page,
and the claim-id test reads the ledger once per page; without the cache each re-parses whole
pages again and again. A helper that needs another view of a page adds a cached function here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from tools.paths import HTML

VOID = ("br", "img", "input", "meta", "link", "hr")


@cache
def source(path: Path) -> str:
    """The HTML of a built file (an absolute, resolved path)."""
    return path.read_text(encoding="utf-8")


def page_path(page: str) -> Path:
    return (HTML / f"{page}.html").resolve()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


@cache
def links(path: Path) -> _Links:
    """The hrefs of a file's links and every id in it (``path`` resolved)."""
    parser = _Links()
    parser.feed(source(path))
    return parser


class _Prose(HTMLParser):
    """The text of a page's main content, without folded code cells, scripts and styles."""

    SKIP = ("cell_input", "headerlink")

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: skipped?
        self.in_main = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        skipped = tag in ("script", "style") or any(c in classes for c in self.SKIP)
        if tag in VOID:
            return
        self.stack.append(skipped or (bool(self.stack) and self.stack[-1]))
        if attrs.get("role") == "main" or self.in_main:
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.stack.pop()
        if self.in_main:
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main and not (self.stack and self.stack[-1]):
            self.parts.append(data)


@cache
def prose(page: str) -> str:
    """The words a reader (and the search page's snippets) see in a page's main content."""
    parser = _Prose()
    parser.feed(source(page_path(page)))
    return " ".join(parser.parts)


@cache
def soup(page: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(source(page_path(page)), "html.parser")


# --- Sphinx's search, as searchtools.js and _static/designations.js run it ------------------------


@cache
def search_index() -> dict:
    text = (HTML / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def split_query(query: str) -> list[str]:
    """``splitQuery`` of _static/designations.js: hyphenated designations with a digit are joined."""
    joined = re.sub(
        r"[^\W_]+(?:-[^\W_]+)+", lambda m: m[0].replace("-", "") if re.search(r"\d", m[0]) else m[0], query
    )
    return [term for term in re.split(r"[\W]+", joined) if term]


def search(query: str) -> set[str]:
    """The pages (``chapters/x.html``) Sphinx's search page lists for ``query``: titles, index
    entries (the glossary's terms) and full-text terms, stemmed by the Porter stemmer as in the
    browser; every term required. Objects are not searched (the book documents none)."""
    import snowballstemmer

    index = search_index()
    assert not index["objects"], "the book documents objects: extend tests/browser/built.search"
    stem = snowballstemmer.stemmer("porter").stemWord
    lower = query.lower().strip()
    found: set[int] = set()
    for title, places in index["alltitles"].items():
        if lower in title.lower().strip() and len(lower) >= len(title) / 2:
            found |= {file for file, _ in places}
    for entry, places in index["indexentries"].items():
        if lower in entry and len(lower) >= len(entry) / 2:
            found |= {file for file, *_ in places}
    words = {
        stem(term.lower())
        for term in split_query(query.strip())
        if not re.fullmatch(r"\d+", term) and term.lower() not in STOPWORDS
    }
    has: dict[int, int] = {}  # file -> how many of the words it holds
    for word in words:
        files: set[int] = set()
        for table in (index["terms"], index["titleterms"]):
            keys = [word] if word in table or len(word) <= 2 else [k for k in table if word in k]
            for key in keys:
                value = table.get(key, [])
                files |= set(value if isinstance(value, list) else [value])
        for file in files:
            has[file] = has.get(file, 0) + 1
    # every word is required (words of one or two letters may be missing, as in searchtools.js)
    needed = {len(words), len([w for w in words if len(w) > 2])}
    found |= {file for file, count in has.items() if count in needed}
    return {index["filenames"][file].rsplit(".", 1)[0] + ".html" for file in found}


def snippet(page: str, query: str) -> str:
    """The snippet the search page shows for ``page``: 240 characters of its prose from 120 before
    the first place a query word occurs (``Search.makeSearchSummary``)."""
    text = prose(page.removesuffix(".html"))
    lower = text.lower()
    starts = [lower.find(term.lower()) for term in split_query(query)]
    starts = [s for s in starts if s > -1]
    start = max(starts[-1] - 120, 0) if starts else 0
    return text[start : start + 240]


#: English stopwords of Sphinx's language_data.js (a query word among them is ignored).
STOPWORDS = frozenset(
    [
        "a",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "near",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
