"""Tables are numbered, sourced, and show data as text: markup in a cell never becomes HTML."""

import pandas as pd
import pytest
from docutils.core import publish_string
from myst_parser.docutils_ import Parser

from mtcreport import tables

HOSTILE = pd.DataFrame(
    {"Item": ["<script>alert('x')</script>", "a | b", "*not bold*", "$5 and $6"], "N": [1, 2, 3, 4]}
)


def render(source: str) -> str:
    return publish_string(
        source, parser=Parser(), writer_name="html5", settings_overrides={"report_level": 4}
    ).decode()


def test_markdown_is_a_numbered_table_with_a_source_line():
    text = tables.markdown(HOSTILE, caption="A caption", name="tbl-x", source="Source: somewhere.")
    assert text.startswith("````{table} A caption\n:name: tbl-x\n")
    assert "```{container} source-line\nSource: somewhere.\n```" in text


def test_markup_in_cells_renders_as_text():
    html = render(tables.markdown(HOSTILE, caption="Hostile", name="tbl-hostile", source="Source: test."))
    assert "<script>" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<td><p>a | b</p></td>" in html
    assert "*not bold*" in html and "<em>not bold</em>" not in html
    assert "$5 and $6" in html
    assert html.count("<tr>") == len(HOSTILE) + 1
    assert (
        '<table class="mtc-table' in html and "Hostile" in html.split("<caption>")[1].split("</caption>")[0]
    )


def test_escape_handles_missing_values():
    assert tables.escape(pd.NA) == ""
    assert tables.escape(None) == ""
    assert tables.escape("two\nlines") == "two lines"


def test_names_and_sources_are_required():
    with pytest.raises(ValueError, match="start with 'tbl-'"):
        tables.markdown(HOSTILE, caption="c", name="x", source="Source: s.")
    with pytest.raises(ValueError, match="needs a source line"):
        tables.markdown(HOSTILE, caption="c", name="tbl-x", source=" ")


def test_show_returns_markdown_for_the_notebook():
    shown = tables.show(HOSTILE, caption="c", name="tbl-x", source="Source: s.")
    assert shown._repr_markdown_() == tables.markdown(HOSTILE, caption="c", name="tbl-x", source="Source: s.")


def test_links_and_cross_references_pass_through_unescaped():
    link = tables.link("A [title] *x*", "https://example.org/a b(c)")
    assert link == "[A \\[title\\] \\*x\\*](https://example.org/a%20b%28c%29)"
    assert tables.escape(link) == str(link)
    assert tables.doc("02_crisis", "Crisis") == "{doc}`Crisis <02_crisis>`"
    with pytest.raises(ValueError, match="not a web address"):
        tables.link("x", "javascript:alert(1)")
    html = render(
        tables.markdown(pd.DataFrame({"Source": [link]}), caption="c", name="tbl-l", source="Source: s.")
    )
    assert '<a class="reference external" href="https://example.org/a%20b%28c%29">' in html


def test_filterable_tables_carry_the_class():
    assert ":class: mtc-table mtc-filterable" in tables.markdown(
        HOSTILE, caption="c", name="tbl-x", source="Source: s.", filterable=True
    )


def test_source_link_uses_the_sources_table():
    assert tables.source_link("sott_s400") == (
        "[Russia starts delivering S-400 missile system to China]"
        "(https://www.sott.net/article/374463-Russia-starts-delivering-S-400-missile-system-to-China)"
    )
    assert tables.source_link("sott_s400", "author").startswith("[TASS (copy on SOTT)](")


def test_data_used_names_each_file_read_once_in_one_short_paragraph_grouped_by_kind():
    import json

    from mtcreport import data

    descriptor = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    files = {r["name"]: r["path"].rsplit("/", 1)[-1] for r in descriptor["resources"]}
    saved = set(data.READ)
    try:
        data.READ.clear()
        with pytest.raises(ValueError, match="read no table"):
            tables.data_used()
        data.transfers()
        data.load("sipri_tiv")
        data.load("sipri_register")
        data.official_exports()
        data.transfers()  # read twice, listed once
        text = tables.data_used().data.replace("\\_", "_")
        fence, body, end = text.strip().split("\n")
        assert fence == "```{container} source-line mtc-data-used" and end == "```"  # one paragraph
        sipri = " and ".join(sorted([files["sipri_register"], files["sipri_tiv"]]))
        assert body == (
            f"Data read by this page. **The report's tables:** {files['transfers']}. "
            f"**Copies of SIPRI's data:** {sipri}. "
            f"**Other outside data:** {files['official_exports']}."
        )
        data.READ.update(files)  # every table of the package: said so, each file still once
        body = tables.data_used().data.replace("\\_", "_").split("\n")[1]
        assert body.startswith(f"Data read by this page, all {len(files)} tables of the data package. ")
        assert all(body.count(f" {name}") == 1 for name in files.values()), body
    finally:
        data.READ.clear()
        data.READ.update(saved)
