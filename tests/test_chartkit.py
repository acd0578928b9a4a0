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
