"""Chapter 8's charts: no title inside, labelled axes with units, the source line, every drawn
bar, point or span recorded as a mark, and no type below the house minimum."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from mtcreport import beyond, charts_beyond, data, figures, style
from tests.test_charts import UNIT, _is_numeric, _visible_ticklabels

SOURCE = "Source: a test; table transfers."


def _timeline():
    marks = beyond.timeline_marks(data.developments(), data.sipri_register(), since=2012)
    return charts_beyond.timeline(marks, 2012, 2025, SOURCE), len(marks)


def _licence_built():
    frame = beyond.licence_built_by_year(data.sipri_deliveries(), data.sipri_register())
    bars = sum(int((frame[k] > 0).sum()) for k in beyond.PRODUCTION_CLASSES)
    return charts_beyond.licence_built(frame, SOURCE), bars + 2 * len(frame)


def _windows_and_years():
    series = data.sipri_tiv().set_index("year")["tiv_millions"]
    windows = [(2011, 2015), (2016, 2020), (2021, 2025)]
    return charts_beyond.windows_and_years(series, windows, SOURCE), 15 + 3


def _china_position():
    frame = beyond.position(data.sipri_tiv_tables(), [(2009, 2013), (2014, 2018), (2019, 2023)])
    return charts_beyond.china_position(frame, SOURCE), 9


CASES = {
    "timeline": _timeline,
    "licence_built": _licence_built,
    "windows_and_years": _windows_and_years,
    "china_position": _china_position,
}


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
        charts_beyond.timeline(marks, 2012, 2025, SOURCE)
