"""Chapter 8's charts: no title inside, labelled axes with units, the source line, every drawn
bar, point or span recorded as a mark, and no type below the house minimum."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from mtcreport import beyond, charts_beyond, data, figures, style
from tests.test_charts import BEYOND_CASES, SOURCE, UNIT, _is_numeric, _visible_ticklabels

CASES = BEYOND_CASES


def test_every_chart_function_has_a_case():
    public = {
        n
        for n, f in vars(charts_beyond).items()
        if callable(f) and not n.startswith("_") and getattr(f, "__module__", "") == charts_beyond.__name__
    }
    assert public == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_follows_the_house_style_and_marks_everything(name):
    style.apply_style()
    fig, expected_marks = CASES[name]()
    try:
        fig.canvas.draw()
        assert [t.get_text().replace("\n", " ") for t in fig.texts if t.get_text().startswith("Source")] == [
            SOURCE
        ]
        assert len(figures.marks_of(fig)) == expected_marks
        assert len(figures.values(fig)) == expected_marks
        for text in fig.findobj(matplotlib.text.Text):
            if text.get_text().strip() and text.get_visible():
                assert text.get_fontsize() >= style.MIN_PT, (name, text.get_text())
        for ax in fig.axes:
            assert ax.get_title() == ""
            for axis, label in ((ax.xaxis, ax.get_xlabel()), (ax.yaxis, ax.get_ylabel())):
                ticks = _visible_ticklabels(axis)
                if ticks and _is_numeric(ticks):
                    assert label and UNIT.search(label), (name, label)
        assert fig.get_figwidth() == style.COLUMN_IN
    finally:
        plt.close(fig)


def test_timeline_refuses_a_kind_it_has_no_row_for():
    marks = beyond.timeline_marks(data.developments(), data.sipri_register(), since=2012)
    marks.loc[0, "kind"] = "rumour"
    with pytest.raises(ValueError, match="no row for kind"):
        charts_beyond.development_timeline(marks, 2012, 2025, SOURCE)
