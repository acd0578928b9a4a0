"""The shared chart kit: the source line under a chart, the layout above it."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from mtcreport import chartkit


def test_source_line_is_written_under_the_axes():
    fig, ax = chartkit.figure()
    chartkit.source_line(fig, "Source: test.")
    texts = [t for t in fig.texts if t.get_text() == "Source: test."]
    assert texts and texts[0].get_position()[1] < ax.get_position().y0
    plt.close(fig)


def test_finish_writes_the_source_and_returns_the_figure():
    fig, ax = chartkit.figure()
    assert chartkit.finish(fig, "Source: finish test.") is fig
    assert [t.get_text() for t in fig.texts] == ["Source: finish test."]
    assert ax.get_position().y0 > 0.05
    plt.close(fig)


# --- texts a reader cannot read: the check every chart passes in both layouts -------------------
import pytest  # noqa: E402

from mtcreport import figures  # noqa: E402


def _clashes(draw) -> list[str]:
    fig, ax = chartkit.figure()
    draw(fig, ax)
    chartkit.finish(fig, "Source: test.")
    found = [str(c) for c in chartkit.clashes(fig)]
    plt.close(fig)
    return found


def test_two_texts_drawn_over_each_other_clash():
    def draw(fig, ax):
        ax.set_xlim(0, 10)
        ax.text(5, 0.5, "the paper")
        ax.text(5.1, 0.5, "China above")

    assert _clashes(draw) == ["'the paper' over 'China above'"]


def test_texts_side_by_side_a_bar_label_inside_its_bar_and_a_clear_legend_do_not_clash():
    def draw(fig, ax):
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.text(1, 5, "left")
        ax.text(6, 5, "right")
        (bar,) = ax.bar(8, 8, width=2, label="bars")
        figures.mark(bar, "a bar")
        ax.text(8, 4, "8", ha="center")  # inside its bar: the bar's label
        ax.legend(loc="upper left")

    assert _clashes(draw) == []


def test_a_text_over_part_of_a_bar_or_a_point_clashes_and_so_does_a_legend_over_data():
    def draw(fig, ax):
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        (bar,) = ax.bar(2, 9, width=1)
        figures.mark(bar, "a bar")
        ax.text(1.8, 5, "wider than the bar it stands on")
        (point,) = ax.plot([9.5], [9.5], "o", ms=10, label="a point")
        figures.mark(point, "a point")
        ax.legend(loc="upper right")

    found = _clashes(draw)
    assert "'wider than the bar it stands on' over the mark 'a bar'" in found
    assert "(a legend) over the mark 'a point'" in found


def test_a_text_cut_off_by_the_edge_of_the_chart_clashes():
    def draw(fig, ax):
        ax.set_xlim(0, 10)
        fig.text(0.8, 0.5, "a label that runs off the right edge of the chart")

    assert _clashes(draw) == [
        "'a label that runs off the right edge of the chart' over (the edge of the chart)"
    ]


def test_a_chart_drawing_a_clash_in_either_layout_is_refused_naming_the_texts():
    @chartkit.chart
    def crowded(source):
        fig, ax = chartkit.figure()
        ax.set_xlim(0, 10)
        # a long label that fits a desktop column but runs over its neighbour on a phone
        ax.text(0.5, 0.5, "a long label of several words")
        ax.text(6, 0.5, "next")
        return chartkit.finish(fig, source)

    with pytest.raises(
        chartkit.ChartTextError, match=r"the phone layout .*'a long label of several words' over 'next'"
    ):
        crowded("Source: test.")
    plt.close("all")


def test_on_a_phone_the_legend_goes_under_the_axes_above_the_source_line():
    @chartkit.chart
    def with_legend(source):
        fig, ax = chartkit.figure()
        ax.plot([0, 1], [0, 1], label="a series")
        chartkit.legend(ax, "upper left")
        return chartkit.finish(fig, source)

    desktop = with_legend("Source: test.")
    phone = figures.twins_of(desktop)["phone"]
    assert desktop.axes[0].get_legend() is not None and not desktop.legends
    (under,) = phone.legends
    renderer = chartkit._renderer(phone)
    box = under.get_window_extent(renderer)
    axes = phone.axes[0].get_tightbbox(renderer)
    (source,) = [t for t in phone.texts if t.get_text().startswith("Source:")]
    assert source.get_window_extent(renderer).y1 <= box.y0 + 1 and box.y1 <= axes.y0 + 1
    plt.close("all")
