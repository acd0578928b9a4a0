"""Every CSV file a source line names is one click away: a link to a copy, in the built site, of
exactly the repository's file. Reads the built HTML (no browser needed)."""

import re

import pytest

from mtcreport import data

from . import built
from .conftest import HTML, toc_pages

PAGES = toc_pages()
CSV_NAME = re.compile(r"[\w.-]+\.csv\b")


def _source_lines(page: str):
    return built.soup(page).select("article .source-line")


def test_the_book_has_source_lines_naming_data_files():
    named = sum(len(CSV_NAME.findall(line.get_text())) for page in PAGES for line in _source_lines(page))
    assert named >= 30


@pytest.mark.parametrize("page", PAGES)
def test_every_data_file_named_in_a_source_line_links_to_that_file(page):
    files = {t.path.name: t.path for t in data.tables().values()}
    for line in _source_lines(page):
        links = {a.get_text(): a["href"] for a in line.select("a[href]")}
        for name in CSV_NAME.findall(line.get_text()):
            assert name in files, (
                f"{page}: source line names {name}, which is not a table of the data package"
            )
            assert name in links, f"{page}: {name} in a source line is not a link"
            copy = ((HTML / page).parent / links[name]).resolve()
            assert copy.is_file(), f"{page}: the link to {name} is broken ({links[name]})"
            assert copy.read_bytes() == files[name].read_bytes(), f"{page}: {name} differs from data/"


@pytest.mark.parametrize("page", PAGES)
def test_a_source_line_sending_the_reader_to_the_data_appendix_links_to_it(page):
    from mtcreport.sources import DATA_APPENDIX

    appendix = (HTML / "chapters" / "appendix_data.html").resolve()
    for line in _source_lines(page):
        said = line.get_text().count(DATA_APPENDIX)
        links = [a["href"] for a in line.select("a[href]") if a.get_text() == DATA_APPENDIX]
        assert len(links) == said, f"{page}: '{DATA_APPENDIX}' in a source line is not a link"
        for href in links:
            assert ((HTML / page).parent / href.split("#")[0]).resolve() == appendix, f"{page}: {href}"


def test_some_source_lines_send_the_reader_to_the_data_appendix():
    from mtcreport.sources import DATA_APPENDIX

    assert sum(line.get_text().count(DATA_APPENDIX) for page in PAGES for line in _source_lines(page)) >= 5


#: The pages that end with the list of the data they read: the findings, the introduction and
#: every chapter.
CHAPTERS = [page for page in PAGES if re.fullmatch(r"chapters/(0\d_\w+|findings)", page)]


def _recorded_tables(page: str) -> list[str]:
    """The tables the page's notebook read when it last ran (its ``mtcreport`` metadata)."""
    import json

    notebook = json.loads((HTML.parents[1] / f"{page}.ipynb").read_text(encoding="utf-8"))
    return notebook["metadata"]["mtcreport"]["tables"]


def test_the_pages_that_list_their_data_are_the_findings_the_introduction_and_the_chapters():
    assert len(CHAPTERS) >= 10 and {"chapters/findings", "chapters/00_introduction"} <= set(CHAPTERS)


@pytest.mark.parametrize("page", CHAPTERS)
def test_the_data_a_page_read_are_listed_once_compactly_at_its_end(page):
    """One short paragraph, the article's last text, naming and linking every file the notebook
    read (as recorded when it ran), each exactly once, grouped by kind: no long vertical list, no
    second list elsewhere on the page."""
    from collections import Counter

    article = built.soup(page).select_one("article")
    lists = [p for p in article.find_all("p") if p.get_text(" ", strip=True).startswith("Data read by")]
    assert len(lists) == 1, f"{page}: {len(lists)} lists of the data read"
    (said,) = lists
    assert not said.find_all(["ul", "ol", "li", "br"])
    after = [
        s.strip()
        for s in said.find_all_next(string=True)
        if s.strip()
        and s.find_parent("article") is article
        and said not in s.parents
        and not s.find_parent(["script", "style"])
    ]
    assert after == [], f"{page}: text after the list of the data read: {after[:3]}"
    tables = data.tables()
    expected = Counter(tables[name].path.name for name in _recorded_tables(page))
    linked = Counter(a.get_text() for a in said.select("a.mtc-data-link"))
    assert linked == expected, f"{page}: linked {sorted(linked)}, read {sorted(expected)}"
    text = " ".join(said.get_text().split()).replace("\u2019", "'")  # the theme's curly quotes
    assert all(len(re.findall(rf"(?<![\w.]){re.escape(name)}", text)) == 1 for name in expected), text
    # grouped: each kind once, in order, with its own files ("The report's tables: a.csv and b.csv.")
    from mtcreport import sources

    groups = sources.files_by_kind(*_recorded_tables(page))
    pattern = r"\. ".join(rf"{re.escape(kind)}: ([^:]+?)" for kind, _ in groups) + r"\.$"
    found = re.search(rf"^Data read by this page[^:.]*\. {pattern}", text)
    assert found, f"{page}: not grouped as {[kind for kind, _ in groups]}: {text}"
    for (kind, files), listed in zip(groups, found.groups(), strict=True):
        assert sorted(re.findall(r"[\w.-]+\.csv", listed)) == files, (page, kind, listed)
