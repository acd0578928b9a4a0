"""Every chart the chapters draw: no title inside, labelled axes with units, a source line.

One case per chart function in ``mtcreport.charts``, built from the committed data the way the
chapters build it (or, where a chapter's preparation is long, from a few rows of the same shape).
A chart function that a chapter calls without a case here fails the first test.
"""

import json
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from mtcreport import charts, data, hindsight, sipri, style
from tools.paths import CHAPTERS

SOURCE = "Source: a test; table transfers."
#: A unit in an axis label: in brackets, a percentage, a calendar axis (years), or a count
#: whose unit is the thing counted ("engines delivered").
UNIT = re.compile(r"(?s)\(.+\)|%|\byears?\b|^(engines|aircraft|deals) (delivered|ordered)$")


def _sipri_series():
    tiv, tables = data.sipri_tiv(), data.sipri_tiv_tables()
    return tiv.set_index("year")["tiv_millions"], tables


def _timeline():
    events = data.events().set_index("id")
    marks = pd.DataFrame(
        [
            {"x": charts.decimal_year(r["year_low"], r["month"]), "label": r["label"], "kind": "agreement"}
            for _, r in events.dropna(subset=["year_low"]).head(4).iterrows()
        ]
    )
    return charts.timeline(data.phases(), marks, cutoff=2012.7, source=SOURCE)


def _money():
    amounts = pd.DataFrame(
        {"label": ["exports", "budget"], "value": [13.2, 20.0], "vague": [False, True], "text": ["a", "b"]}
    )
    shares = pd.DataFrame({"label": ["exports", "home", "civil"], "value": [40.0, 30.0, 30.0]})
    return charts.money_2011(amounts, shares, source=SOURCE)


def _waits():
    rows = pd.DataFrame(
        {
            "label": ["a", "b"],
            "asked": [2010, 2011],
            "until": [2015, None],
            "answer": ["not before 2015", "no"],
        }
    )
    return charts.waits(rows, source=SOURCE)


def _range_check():
    rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [1.5, None], "stated": [1.2, None]})
    return charts.range_check(rows, source=SOURCE, unit="billion US dollars")


def _scenarios():
    cases = pd.DataFrame({"label": ["two deals", "fewer deals"], "floor": [1.0, None]})
    return charts.scenarios(1.5, "estimate for 2011", "about 1.5", 1.0, cases, source=SOURCE)


def _tiv_editions():
    return charts.tiv_editions(sipri.with_edition(data.sipri_tiv_editions()), source=SOURCE)


def _scorecard():
    return charts.scorecard(data.outcomes(), 2012.7, source=SOURCE)


def _orders_deliveries():
    deliveries, _ = _sipri_series()
    orders = hindsight.orders_by_year(data.sipri_register(), years=deliveries.index)
    return charts.orders_deliveries(orders, deliveries, data.phases(), 2012.7, source=SOURCE)


def _engine_share():
    frame = hindsight.engine_share_by_year(data.sipri_deliveries(), data.sipri_register())
    return charts.engine_share(frame, source=SOURCE)


def _russia_shares():
    rows = pd.DataFrame(
        {"label": ["a", "b"], "russia": [60.0, 70.0], "published": [None, 71.0], "group": ["x", "y"]}
    )
    return charts.russia_shares(rows, source=SOURCE)


def _exporters():
    _, tables = _sipri_series()
    china = hindsight.exporter_series(tables, "China total arms exports")
    to_china = hindsight.china_share_of_russia(tables, data.sipri_tiv_editions())
    russia = hindsight.exporter_series(tables, "Russia total arms exports")
    return charts.exporters(china, russia, to_china["share"], None, source=SOURCE)


def _dollars_vs_tiv():
    _, tables = _sipri_series()
    official = hindsight.stated_exports(data.official_exports())
    russia = hindsight.exporter_series(tables, "Russia total arms exports")
    return charts.dollars_vs_tiv(official, russia[russia.index >= official["year"].min()], source=SOURCE)


def _engine_deliveries():
    per_year = pd.DataFrame({"AL-31F": [10, 0, 5], "RD-93": [0, 4, 2]}, index=[2010, 2011, 2012])
    return charts.engine_deliveries(per_year, source=SOURCE)


def _story():
    deliveries, tables = _sipri_series()
    china = hindsight.exporter_series(tables, "China total arms exports")
    return charts.story(deliveries, china, data.phases(), 2012.7, source=SOURCE)


CASES = {
    "transfers_by_category": lambda: charts.transfers_by_category(data.transfers(), source=SOURCE),
    "timeline": _timeline,
    "lineage_graph": lambda: charts.lineage_graph(
        data.lineage(), data.systems(), source=SOURCE, engines=data.engines()
    ),
    "money_2011": _money,
    "waits": _waits,
    "range_check": _range_check,
    "scenarios": _scenarios,
    "tiv_editions": _tiv_editions,
    "scorecard": _scorecard,
    "orders_deliveries": _orders_deliveries,
    "engine_share": _engine_share,
    "russia_shares": _russia_shares,
    "exporters": _exporters,
    "dollars_vs_tiv": _dollars_vs_tiv,
    "engine_deliveries": _engine_deliveries,
    "story": _story,
}
#: Functions of ``charts`` that draw nothing.
HELPERS = {"decimal_year", "mpl_patch", "marks"}


def _called_by_chapters() -> set[str]:
    names = set()
    for path in CHAPTERS.glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                names |= set(re.findall(r"\bcharts\.(\w+)\(", "".join(cell["source"])))
    return names - HELPERS


def test_every_chart_function_has_a_case_and_every_case_is_drawn_by_a_chapter():
    public = {
        n
        for n, f in vars(charts).items()
        if callable(f) and not n.startswith("_") and f.__module__ == charts.__name__
    }
    assert _called_by_chapters() <= set(CASES)
    assert public - HELPERS == set(CASES) == _called_by_chapters()


def _visible_ticklabels(axis) -> list[str]:
    return [t.get_text() for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]


def _is_numeric(labels: list[str]) -> bool:
    return all(re.fullmatch(r"[−\-–]?[\d.,\s%]+", text) for text in labels)


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_has_no_title_labelled_axes_with_units_and_a_source_line(name):
    style.apply_style()
    fig = CASES[name]()
    try:
        fig.canvas.draw()
        assert fig._suptitle is None or not fig._suptitle.get_text()
        assert [" ".join(t.get_text().split()) for t in fig.texts if t.get_text().startswith("Source: ")] == [
            SOURCE
        ]
        for ax in fig.axes:
            assert (ax.get_title("left"), ax.get_title("center"), ax.get_title("right")) == ("", "", "")
            if not ax.axison:
                continue
            for axis, label in ((ax.xaxis, ax.get_xlabel()), (ax.yaxis, ax.get_ylabel())):
                ticks = _visible_ticklabels(axis)
                if not ticks or not _is_numeric(ticks):
                    continue  # no scale shown, or a row axis whose ticks are the names themselves
                assert label, f"{name}: a numeric axis without a label"
                assert UNIT.search(label), f"{name}: the axis label {label!r} gives no unit"
    finally:
        plt.close(fig)
