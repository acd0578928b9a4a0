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
