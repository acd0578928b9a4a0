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


def _print(body: str) -> list[dict]:
    """Lay out ``body`` with the book's print stylesheet and its table handling."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(f"<article>{body}</article>", "html.parser")
    for table in soup.select("table"):
        pdf._caption_above(table)
    document = HTML(string=str(soup)).render(
        stylesheets=[CSS(string=pdf.CSS % {"fonts": pdf.FONTS.as_uri()})]
    )
    return pdf._layout(document)


def _table(rows: int, name: str = "t") -> str:
    body = "".join(f"<tr><td>row {i}</td><td>{'words ' * 20}</td></tr>" for i in range(rows))
    return f'<table id="{name}"><caption>Table {name}</caption><tbody>{body}</tbody></table>'


def _fragments(pages: list[dict]) -> list[int]:
    return [table["rows"] for page in pages for table in page["tables"]]


def test_the_layout_sees_a_single_row_left_alone():
    # without the book's print rules, 43 one-line rows leave the last one alone on a second page
    rows = "".join(f"<tr><td>row {i}</td></tr>" for i in range(43))
    pages = _layout(f'<table id="t"><tbody>{rows}</tbody></table>', "td { font-size: 12pt }")
    assert _fragments(pages) == [42, 1]
    assert [page["tables"][0]["of"] for page in pages] == [43, 43]


def test_a_long_table_never_leaves_its_first_or_last_row_alone():
    for filler in range(0, 60, 4):
        pages = _print(f"<div style='height: {filler * 16}px'>x</div>{_table(40)}")
        counts = _fragments(pages)
        assert sum(counts) == 40 and min(counts) >= 2, (filler, counts)


def test_a_caption_is_printed_with_its_table():
    for filler in range(0, 60, 4):
        pages = _print(f"<div style='height: {filler * 16}px'>x</div>{_table(40)}")
        for page in pages:
            for caption in page["captions"]:
                assert caption in [t["id"] for t in page["tables"]], (filler, page)


def test_a_short_table_is_kept_on_one_page():
    for filler in range(20, 60, 4):
        counts = _fragments(_print(f"<div style='height: {filler * 16}px'>x</div>{_table(6)}"))
        assert counts == [6], (filler, counts)


def test_the_layout_measures_how_full_a_page_is():
    (page,) = _layout("<p>one line</p>")
    assert 0 < page["filled"] < 0.05
    pages = _layout("<p>line</p>" * 200)
    assert len(pages) > 1 and pages[0]["filled"] > 0.9
