"""Every chart the chapters draw: no title inside, labelled axes with units, a source line.

One case per chart function in ``mtcreport.charts_paper`` and ``mtcreport.charts_hindsight``,
built from the committed data the way the chapters build it (or, where a chapter's preparation is
long, from a few rows of the same shape). A chart function that a chapter calls without a case
here fails the first test.
"""

import json
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from mtcreport import (
    beyond,
    chartkit,
    charts_beyond,
    charts_hindsight,
    charts_paper,
    data,
    hindsight,
    sipri,
    style,
)
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
            {"x": chartkit.decimal_year(r["year_low"], r["month"]), "label": r["label"], "kind": "agreement"}
            for _, r in events.dropna(subset=["year_low"]).head(4).iterrows()
        ]
    )
    return charts_paper.timeline(data.phases(), marks, cutoff=2012.7, source=SOURCE, cutoff_label="latest")


def _money():
    amounts = pd.DataFrame(
        {"label": ["exports", "budget"], "value": [13.2, 20.0], "vague": [False, True], "text": ["a", "b"]}
    )
    shares = pd.DataFrame({"label": ["exports", "home", "civil"], "value": [40.0, 30.0, 30.0]})
    return charts_paper.money_2011(amounts, shares, source=SOURCE, vague="hatched: vague")


def _waits():
    rows = pd.DataFrame(
        {
            "label": ["a", "b"],
            "asked": [2010, 2011],
            "until": [2015, None],
            "answer": ["not before 2015", "no"],
        }
    )
    return charts_paper.waits(rows, source=SOURCE)


def _range_check():
    rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [1.5, None], "stated": [1.2, None]})
    return charts_paper.range_check(rows, source=SOURCE, unit="billion US dollars", stated="stated")


def _scenarios():
    cases = pd.DataFrame({"label": ["two deals", "fewer deals"], "floor": [1.0, None]})
    return charts_paper.scenarios(
        1.5, "estimate for 2011", "about 1.5", 1.0, cases, source=SOURCE, **SCENARIO_WORDS
    )


#: The words a chapter gives :func:`charts_paper.scenarios` for what the paper expected.
SCENARIO_WORDS = {
    "floor_label": "expected: more than\n${floor:g} bn a year;\nno ceiling given",
    "floor_hover": "expected to be more than ${floor:g} bn a year",
    "unrated": "growth expected,\nrate not given",
}


def _tiv_editions():
    return charts_hindsight.tiv_editions(sipri.with_edition(data.sipri_tiv_editions()), source=SOURCE)


def _scorecard():
    return charts_hindsight.scorecard(data.outcomes(), 2012.7, source=SOURCE)


def _orders_deliveries():
    deliveries, _ = _sipri_series()
    orders = hindsight.orders_by_year(data.sipri_register(), years=deliveries.index)
    return charts_hindsight.orders_deliveries(
        orders, deliveries, data.phases(), 2012.7, source=SOURCE, paper_label="the paper"
    )


def _engine_share():
    frame = hindsight.engine_share_by_year(data.sipri_deliveries(), data.sipri_register())
    return charts_hindsight.engine_share(frame, source=SOURCE)


def _russia_shares():
    rows = pd.DataFrame(
        {"label": ["a", "b"], "russia": [60.0, 70.0], "published": [None, 71.0], "group": ["x", "y"]}
    )
    return charts_hindsight.russia_shares(rows, source=SOURCE)


def _exporters():
    _, tables = _sipri_series()
    china = hindsight.exporter_series(tables, "China total arms exports")
    to_china = hindsight.china_share_of_russia(tables, data.sipri_tiv_editions())
    russia = hindsight.exporter_series(tables, "Russia total arms exports")
    crossover = hindsight.crossover_year(tables)
    return charts_hindsight.exporters(
        china,
        russia,
        to_china["share"],
        crossover,
        source=SOURCE,
        crossover_label=f"China above ({crossover})",
    )


def _dollars_vs_tiv():
    _, tables = _sipri_series()
    official = hindsight.stated_exports(data.official_exports())
    russia = hindsight.exporter_series(tables, "Russia total arms exports")
    return charts_hindsight.dollars_vs_tiv(
        official, russia[russia.index >= official["year"].min()], source=SOURCE
    )


def _engine_deliveries():
    per_year = hindsight.engine_deliveries_by_year(data.sipri_deliveries(), data.sipri_register())
    return charts_hindsight.engine_deliveries(per_year, source=SOURCE)


def _story():
    deliveries, tables = _sipri_series()
    china = hindsight.exporter_series(tables, "China total arms exports")
    return charts_hindsight.story(
        deliveries, china, data.phases(), 2012.7, source=SOURCE, paper_label="the paper"
    )


def _development_timeline():
    marks = beyond.timeline_marks(data.developments(), data.sipri_register(), since=2012)
    return charts_beyond.development_timeline(marks, 2012, 2025, SOURCE), len(marks)


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


#: Chapter 8's charts: each builder returns the figure and the number of marks it must record.
BEYOND_CASES = {
    "development_timeline": _development_timeline,
    "licence_built": _licence_built,
    "windows_and_years": _windows_and_years,
    "china_position": _china_position,
}

CASES = {
    "transfers_by_category": lambda: charts_paper.transfers_by_category(
        data.transfers(), source=SOURCE, vague="hollow: vague", undated="not dated"
    ),
    "timeline": _timeline,
    "lineage_graph": lambda: charts_paper.lineage_graph(
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
    **{name: (lambda build=build: build()[0]) for name, build in BEYOND_CASES.items()},
}
#: Functions of the chart modules that draw nothing.
HELPERS = {"marks"}
#: The chart modules, each with the chapters that may draw its charts.
MODULES = {
    charts_paper: None,
    charts_hindsight: {"07_hindsight.ipynb", "findings.ipynb"},
    charts_beyond: {"08_beyond_trade.ipynb"},
}


def _called_by_chapters(module) -> dict[str, set[str]]:
    """The chart functions of ``module`` the chapters call, each with the chapters calling it."""
    name = module.__name__.rsplit(".", 1)[1]
    calls: dict[str, set[str]] = {}
    for path in CHAPTERS.glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                for function in re.findall(rf"\b{name}\.(\w+)\(", "".join(cell["source"])):
                    calls.setdefault(function, set()).add(path.name)
    return {f: chapters for f, chapters in calls.items() if f not in HELPERS}


def _public(module) -> set[str]:
    return {
        n
        for n, f in vars(module).items()
        if callable(f) and not n.startswith("_") and f.__module__ == module.__name__
    }


def test_every_chart_function_has_a_case_and_every_case_is_drawn_by_a_chapter():
    called = {}
    for module, readers in MODULES.items():
        by_module = _called_by_chapters(module)
        assert _public(module) - HELPERS == set(by_module), module.__name__
        if readers is not None:  # chapter 7's charts are drawn by chapter 7 (and the findings page) only
            assert set().union(*by_module.values()) <= readers, module.__name__
        called |= by_module
    assert set(CASES) == set(called)


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


def test_transfers_chart_names_every_transfer_and_lists_the_undated_ones_off_the_time_axis():
    transfers = data.transfers()
    fig = charts_paper.transfers_by_category(
        transfers, source="Source: Kashin (2012); data: transfers.csv.", vague="vague", undated="not dated"
    )
    ax, below = fig.axes
    assert ax.get_title() == ""
    assert ax.get_xlabel().startswith("year")
    undated = transfers["year_low"].isna() & transfers["year_high"].isna()
    # the time axis has a row for each dated transfer only; the undated ones are listed under it
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == sorted(transfers.loc[~undated, "label"])
    listed = [t.get_text() for t in below.texts]
    assert listed[0] == "not dated" and sorted(listed[1:]) == sorted(transfers.loc[undated, "label"])
    assert int(undated.sum()) > 0 and not below.axison
    assert fig.get_size_inches()[0] == style.COLUMN_IN
    plt.close(fig)


def test_the_editions_chart_names_the_years_each_edition_covers():
    editions = sipri.with_edition(data.sipri_tiv_editions())
    fig = charts_hindsight.tiv_editions(editions, source=SOURCE)
    (under,) = fig.legends  # under the axes, where a new edition's entry always fits
    legend = [t.get_text() for t in under.get_texts()]
    expected = [
        f"{edition}: {rows['year'].min()}–{rows['year'].max()}"
        for edition, rows in editions.groupby("edition", sort=True)
    ]
    assert legend == expected and len(set(e.split(": ")[1] for e in expected)) > 1
    plt.close(fig)


def _no_title_and_a_source(fig):
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert any(t.get_text().startswith("Source:") for t in fig.texts)


def test_lineage_graph_is_deterministic_and_labelled():
    lineage, systems = data.lineage(), data.systems()
    first = charts_paper.lineage_graph(lineage, systems, source="Source: test.")
    second = charts_paper.lineage_graph(lineage, systems, source="Source: test.")
    texts = [t.get_text() for t in first.axes[0].texts]
    assert [t.get_position() for t in first.axes[0].texts] == [t.get_position() for t in second.axes[0].texts]
    labels = systems.set_index("id")["label"]
    assert set(lineage["chinese_system"].map(labels)) <= set(texts)
    legend = [t.get_text() for t in first.legends[0].get_texts()]
    assert sorted(legend) == sorted(set(lineage["relation"]))
    _no_title_and_a_source(first)
    plt.close("all")


def test_lineage_graph_draws_every_russian_engine_to_the_aircraft_that_relies_on_it():
    from mtcreport import figures

    engines, systems = data.engines(), data.systems()
    fig = charts_paper.lineage_graph(data.lineage(), systems, source="Source: test.", engines=engines)
    labels = systems.set_index("id")["label"]
    drawn = figures.values(fig)
    supply = drawn[drawn["relation"] == "engine supply"]
    expected = engines[engines["depends_on_russia"] & engines["engine"].notna()]
    assert sorted(zip(supply["russian"], supply["chinese"], strict=True)) == sorted(
        zip(expected["engine"].map(labels), expected["aircraft"].map(labels), strict=True)
    )
    assert ("RD-93", "FC-1") in set(zip(supply["russian"], supply["chinese"], strict=True))
    assert "engine supply" in [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)


def test_timeline_marks_sit_mid_month_or_mid_year():
    events = pd.DataFrame(
        {"year_low": [1992, 2010], "month": [12, None], "label": ["a", "b"]}, index=["x", "y"]
    )
    marks = charts_paper.marks(events, ["y", "x"], "agreement")
    assert list(marks["label"]) == ["b", "a"] and set(marks["kind"]) == {"agreement"}
    assert list(marks["x"]) == [2010.5, 1992 + 11.5 / 12]
