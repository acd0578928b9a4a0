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


def _no_title_and_a_source(fig):
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert any(t.get_text().startswith("Source:") for t in fig.texts)


def test_lineage_graph_is_deterministic_and_labelled():
    lineage, systems = data.lineage(), data.systems()
    first = charts.lineage_graph(lineage, systems, source="Source: test.")
    second = charts.lineage_graph(lineage, systems, source="Source: test.")
    texts = [t.get_text() for t in first.axes[0].texts]
    assert [t.get_position() for t in first.axes[0].texts] == [t.get_position() for t in second.axes[0].texts]
    labels = systems.set_index("id")["label"]
    assert set(lineage["chinese_system"].map(labels)) <= set(texts)
    legend = [t.get_text() for t in first.axes[0].get_legend().get_texts()]
    assert sorted(legend) == sorted(set(lineage["relation"]))
    _no_title_and_a_source(first)
    plt.close("all")


def test_engine_matrix_marks_every_chinese_aircraft():
    fig = charts.engine_matrix(data.engines(), data.systems(), source="Source: test.")
    (ax,) = fig.axes
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert "JH-7A" in rows and len(ax.lines) == len(rows)
    assert ax.get_xlabel().startswith("engine") and ax.get_ylabel() == "Chinese aircraft"
    _no_title_and_a_source(fig)
    plt.close(fig)


def test_finish_writes_the_source_and_returns_the_figure():
    fig, ax = style.figure()
    assert style.finish(fig, "Source: finish test.") is fig
    assert [t.get_text() for t in fig.texts] == ["Source: finish test."]
    assert ax.get_position().y0 > 0.05
    plt.close(fig)
