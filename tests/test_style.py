"""One house style: fixed fonts and sizes, country colours, a source line, no titles in charts."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from mtcreport import charts, data, style


def test_apply_style_sets_fonts_and_size():
    matplotlib.rcdefaults()
    style.apply_style()
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
    assert tuple(matplotlib.rcParams["figure.figsize"]) == style.FIGSIZE
    assert matplotlib.rcParams["svg.hashsalt"] == "mtcreport"


def test_country_colours_differ_and_are_fixed():
    assert style.COUNTRY_COLORS["Russia"] == style.RUSSIA != style.CHINA == style.COUNTRY_COLORS["China"]
    assert len(set(style.CATEGORY_COLORS.values())) == len(style.CATEGORY_COLORS)


def test_source_line_is_written_under_the_axes():
    fig, ax = style.figure()
    style.source_line(fig, "Source: test.")
    texts = [t for t in fig.texts if t.get_text() == "Source: test."]
    assert texts and texts[0].get_position()[1] < ax.get_position().y0
    plt.close(fig)


def test_transfers_chart_has_labels_source_and_no_title():
    transfers = data.transfers()
    fig = charts.transfers_by_category(transfers, source="Source: Kashin (2012); table transfers.")
    (ax,) = fig.axes
    assert ax.get_title() == ""
    assert ax.get_xlabel().startswith("year")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        c for c in style.CATEGORY_COLORS if c in set(transfers["category"])
    ]
    assert "undated" in [t.get_text() for t in ax.get_xticklabels()]
    assert any("table transfers" in t.get_text() for t in fig.texts)
    assert tuple(fig.get_size_inches()) == style.FIGSIZE_WIDE
    plt.close(fig)
