"""The PDF's layout check sees a table that runs past the text block (so its test can fail)."""

from weasyprint import CSS, HTML

from tools import pdf


def _layout(body: str, style: str = "") -> list[dict]:
    document = HTML(string=f"<html><body>{body}</body></html>").render(
        stylesheets=[CSS(string="@page { size: A4; margin: 20mm } " + style)]
    )
    return pdf._layout(document)


def test_a_table_that_fits_is_within_the_text_block():
    (page,) = _layout("<table><tr><td>short</td><td>cells</td></tr></table>")
    assert 0 < page["table"] <= page["text_width"]


def test_a_table_with_an_unbreakable_cell_is_reported_wider():
    cell = "x" * 400
    (page,) = _layout(f"<table><tr><td>{cell}</td></tr></table>", "td { overflow-wrap: normal }")
    assert page["table"] > page["text_width"]
