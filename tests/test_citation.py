"""The report's citation is complete and agrees with itself everywhere it appears."""

import re

import yaml

from mtcreport import citation

REQUIRED = ("cff-version", "message", "title", "authors")  # required by CFF 1.2.0


def test_citation_file_has_what_cff_requires():
    meta = citation.cff()
    for key in REQUIRED:
        assert meta.get(key), f"CITATION.cff: {key} is missing"
    assert meta["cff-version"] == "1.2.0"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date-released"]))


def test_versions_agree():
    assert str(citation.cff()["version"]) == citation.version()


def test_title_is_the_books_title():
    config = yaml.safe_load((citation.ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert citation.cff()["title"] == config["title"]


def test_bibtex_entry_carries_title_version_and_year():
    entry = citation.bibtex()
    meta = citation.cff()
    assert entry.startswith("@misc{mtcreport,")
    assert "{" + meta["title"] + "}" in entry
    assert f"version = {{{citation.version()}}}" in entry
    assert f"year    = {{{str(meta['date-released'])[:4]}}}" in entry
    assert entry.count("{") == entry.count("}")


def test_the_paper_reference_invents_no_venue_or_date():
    """The copy of Kashin (2012) names no venue or publication date; the citation must not either."""
    paper = next(r for r in citation.cff()["references"] if r["authors"][0].get("family-names") == "Kashin")
    for invented in ("journal", "publisher", "date-published", "conference", "doi", "url"):
        assert invented not in paper, f"Kashin (2012): {invented} is not in the paper's copy"
    assert "September 2012" in paper["notes"]
    assert paper["authors"][0]["affiliation"].startswith("Centre for Analysis of Strategies and Technologies")
    bib = (citation.ROOT / "references.bib").read_text(encoding="utf-8")
    entry = bib.split("@misc{kashin2012,")[1].split("\n}")[0]
    for invented in ("journal", "publisher", "howpublished", "url", "doi", "month"):
        found = re.search(rf"^\s*{invented}\s*=", entry, re.M)
        assert not found, f"references.bib: kashin2012 has {invented}"
