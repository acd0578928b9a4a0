"""Chapter 7's charts: every outcome visible, labelled axes, a source line, no titles."""

import matplotlib.pyplot as plt
import pandas as pd

from mtcreport import charts_hindsight, data, hindsight


def test_a_one_year_outcome_gets_a_marker_not_an_invisible_bar():
    outcomes = data.outcomes()
    one_year = outcomes[outcomes["outcome_year_low"] == outcomes["outcome_year_high"]]
    assert not one_year.empty  # the data have such rows (Il-476, heavy helicopter, competitor)
    fig = charts_hindsight.scorecard(one_year, 2012.7, source="Source: test.")
    squares = [line for line in fig.axes[0].lines if line.get_marker() == "s"]
    assert len(squares) == len(one_year)
    plt.close(fig)


def test_orders_and_deliveries_chart_has_two_labelled_panels_and_a_source():
    register, tiv = data.sipri_register(), data.sipri_tiv()
    deliveries = tiv.set_index("year")["tiv_millions"]
    orders = hindsight.orders_by_year(register, years=deliveries.index)
    fig = charts_hindsight.orders_deliveries(
        orders, deliveries, data.phases(), 2012.7, source="Source: test.", paper_label="the paper"
    )
    top, bottom = fig.axes
    assert "orders" in top.get_ylabel() and "deliveries" in bottom.get_ylabel()
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert any(t.get_text() == "Source: test." for t in fig.texts)
    # one bar per year in each panel
    assert len(top.containers[0]) == len(orders) and len(bottom.containers[0]) == len(deliveries)
    plt.close(fig)


def test_russia_shares_chart_marks_each_published_figure():
    rows = pd.DataFrame(
        {
            "label": ["a", "b", "c"],
            "russia": [60.0, 70.0, 80.0],
            "published": [None, 71.0, None],
            "group": ["x", "y", "z"],
        }
    )
    fig = charts_hindsight.russia_shares(rows, source="Source: test.")
    diamonds = [line for line in fig.axes[0].lines if line.get_marker() == "D"]
    assert len(diamonds) == 1 and diamonds[0].get_xdata()[0] == 71.0
    plt.close(fig)


def test_the_story_chart_shows_every_year_of_deliveries_and_marks_the_paper():
    tiv, tables = data.sipri_tiv(), data.sipri_tiv_tables()
    deliveries = tiv.set_index("year")["tiv_millions"]
    china = hindsight.exporter_series(tables, "China total arms exports")
    fig = charts_hindsight.story(
        deliveries, china, data.phases(), 2012.7, source="Source: test.", paper_label="the paper"
    )
    (ax,) = fig.axes
    assert len(ax.containers[0]) == len(deliveries)
    assert ax.get_title() == "" and "TIV" in ax.get_ylabel() and ax.get_xlabel()
    assert any(line.get_xdata()[0] == 2012.7 for line in ax.lines if len(line.get_xdata()) == 2)
    # the tallest bar and the line both fit below the top of the axes
    assert ax.get_ylim()[1] > max(deliveries.max(), china.max())
    assert any(t.get_text() == "Source: test." for t in fig.texts)
    plt.close(fig)
