"""Charts as the book ships them: SVG whose every marked element names its value on hover, the
plotted values as CSV (one row per marked element), type no smaller than the house minimum, one
column wide, and the same bytes on every run.

The chart cases are those of ``test_charts`` (every chart function the chapters call).
"""

import io
import re
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from test_charts import CASES, SCENARIO_WORDS

from mtcreport import chartkit, charts_hindsight, charts_paper, data, figures, hindsight, style

SVG = "{http://www.w3.org/2000/svg}"


def _draw(name):
    style.apply_style()
    return CASES[name]()


LAYOUTS = [(name, layout) for name in sorted(CASES) for layout in ("desktop", "phone")]


@pytest.fixture(params=LAYOUTS, ids=[f"{name}-{layout}" for name, layout in LAYOUTS])
def fig(request):
    """Each chart the chapters draw, in each layout, closed after the test."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    name, layout = request.param
    drawn = _draw(name)
    shown = drawn
    if layout != "desktop":
        shown = figures.twins_of(drawn)[layout]
        FigureCanvasAgg(shown)  # the twin is closed (not shown by a notebook): draw it with Agg
    yield shown
    plt.close(drawn)


def _titled_groups(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)
    return {
        g.get("id"): g.find(f"{SVG}title").text
        for g in root.iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None
    }


def test_every_plotted_value_is_titled_in_the_svg_and_is_one_csv_row(fig):
    svg, table = figures.svg(fig), pd.read_csv(io.StringIO(figures.csv(fig)))
    titled = _titled_groups(svg)
    marks = figures.marks_of(fig)
    assert len(marks) == len(table) == len(titled) > 0
    assert [titled[m.gid] for m in marks] == [m.title for m in marks]
    # each hover text names a value of its row: a number or the text of the row
    for mark, (_, row) in zip(marks, table.iterrows(), strict=True):
        shown = [str(v) for v in row.dropna()]
        assert any(re.sub(r"\.0$", "", s) in mark.title or s in mark.title for s in shown), mark.title


def test_chart_is_one_column_wide_with_no_type_below_the_minimum(fig):
    assert fig.get_figwidth() in (style.COLUMN_IN, style.PHONE_IN)
    fig.canvas.draw()
    small = [
        (t.get_text()[:30], t.get_fontsize())
        for t in fig.findobj(matplotlib.text.Text)
        if t.get_text().strip() and t.get_visible() and t.get_fontsize() < style.MIN_PT
    ]
    assert small == []


def test_no_text_falls_outside_the_figure(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    # tick labels exist for ticks outside the view too; only those in view are drawn
    hidden = set()
    for ax in fig.axes:
        for axis, (lo, hi) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                # an axes drawn without axes (a list under a chart) draws no tick labels
                if not ax.axison or not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    outside = []
    for t in fig.findobj(matplotlib.text.Text):
        if id(t) in hidden or not t.get_text().strip() or not t.get_visible():
            continue
        box = t.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            outside.append(t.get_text()[:40])
    assert outside == []


@pytest.mark.parametrize("name", ["orders_deliveries", "story", "lineage_graph"])
def test_svg_is_the_same_on_every_run(name):
    first, second = _draw(name), _draw(name)
    try:
        one, two = figures.svg(first), figures.svg(second)
        assert one == two
        assert "<dc:date>" not in one and "<text" in one  # text stays text
    finally:
        plt.close("all")


def test_orders_and_deliveries_csv_holds_exactly_sipris_yearly_deliveries():
    tiv = data.sipri_tiv().set_index("year")["tiv_millions"]
    orders = hindsight.orders_by_year(data.sipri_register(), years=tiv.index)
    fig = charts_hindsight.orders_deliveries(
        orders, tiv, data.phases(), 2012.7, source="Source: test.", paper_label="the paper"
    )
    table = figures.values(fig)
    delivered = table[table["series"] == "deliveries"].set_index("year")["value"]
    assert delivered.to_dict() == tiv.to_dict()
    plt.close(fig)


def test_scenarios_draw_no_ceiling_the_paper_never_gives():
    cases = pd.DataFrame({"label": ["two deals", "fewer deals"], "floor": [2.0, None]})
    fig = charts_paper.scenarios(
        1.9, "estimate", "about 1.9", 2.0, cases, source="Source: test.", **SCENARIO_WORDS
    )
    (ax,) = fig.axes
    # nothing filled above the floor: the only bar is the estimate
    assert [round(p.get_height(), 6) for p in ax.patches if type(p).__name__ == "Rectangle"] == [1.9]
    assert "no ceiling given" in " ".join(t.get_text() for t in ax.texts)
    plt.close(fig)


def test_waits_draw_no_line_for_a_request_with_no_date_offered():
    fig = _draw("waits")  # the second request has no date offered
    (ax,) = fig.axes

    def spans(row):
        return [line for line in ax.lines if set(line.get_ydata()) == {row} and len(line.get_xdata()) > 1]

    assert spans(0) and spans(1) == []  # a bar for the request with a date, none for the other
    plt.close(fig)


def test_a_mark_that_is_never_drawn_is_an_error():
    fig, ax = chartkit.figure()
    (line,) = ax.plot([1], [1], "o")
    figures.mark(line, "a point", x=1)
    line.set_visible(False)
    with pytest.raises(ValueError, match="not drawn once"):
        figures.svg(fig)
    plt.close(fig)


def test_a_figure_without_marks_has_no_csv():
    fig, _ = chartkit.figure()
    with pytest.raises(ValueError, match="no marked values"):
        figures.csv(fig)
    plt.close(fig)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_chart_carries_a_phone_layout_that_draws_the_same_marks(name):
    """The phone drawing is the same chart, narrower: the same hover titles and values (so the same
    CSV), stored in the desktop SVG and taken out of it again, and not in the file offered for
    download."""
    drawn = _draw(name)
    try:
        twin = figures.twins_of(drawn)["phone"]
        assert twin.get_figwidth() == style.PHONE_IN < style.COLUMN_IN
        assert [(m.title, m.values) for m in figures.marks_of(twin)] == [
            (m.title, m.values) for m in figures.marks_of(drawn)
        ]
        svg = figures.svg(drawn)
        stored = figures.twins_in(svg)
        assert list(stored) == ["phone"]
        assert list(_titled_groups(stored["phone"]).values()) == list(_titled_groups(svg).values())
        assert "mtcreport-layout" not in figures.without_values(svg)
    finally:
        plt.close("all")


def test_a_phone_layout_that_draws_other_marks_is_an_error():
    fig, ax = chartkit.figure()
    twin, other = chartkit.figure()
    figures.mark(ax.plot([1], [1], "o")[0], "2011: 1 bn", value=1)
    figures.mark(other.plot([1], [2], "o")[0], "2011: 2 bn", value=2)
    with pytest.raises(ValueError, match="phone layout of a chart draws other marks"):
        figures.attach(fig, twin, "phone")
    plt.close("all")


def _overlapping(fig, text) -> list[str]:
    """The marked elements of ``fig`` whose drawn extent meets that of ``text``."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = text.get_window_extent(renderer)
    found = []
    for ax in fig.axes:
        for artist in [*ax.patches, *ax.lines]:
            gid = artist.get_gid() or ""
            if gid.startswith("mtc-mark-") and artist.get_window_extent(renderer).overlaps(box):
                found.append(gid)
    return found


def test_the_label_of_the_papers_date_in_fig_7_1_stands_clear_of_the_bars():
    fig = _draw("orders_deliveries")
    try:
        (label,) = [t for t in fig.axes[0].texts if t.get_text() == "the paper"]
        assert _overlapping(fig, label) == []
    finally:
        plt.close("all")


def test_the_label_of_the_latest_fact_in_the_timeline_stands_clear_of_the_marks():
    """With the introduction's marks, whose last rows are contracts of the paper's last year."""
    style.apply_style()
    marks = pd.concat(
        [
            charts_paper.marks(
                data.events().set_index("id"), ["normalisation_1989", "commission_2010"], "agreement"
            ),
            charts_paper.marks(
                data.transfers().set_index("id"), ["al31f_contract_2012", "mi171e_contract_2012"], "contract"
            ),
        ],
        ignore_index=True,
    )
    fig = charts_paper.timeline(
        data.phases(), marks, cutoff=2012.7, source="Source: test.", cutoff_label="latest"
    )
    try:
        (label,) = [t for ax in fig.axes for t in ax.texts if t.get_text() == "latest"]
        assert _overlapping(fig, label) == []
    finally:
        plt.close("all")


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_figures_csv_carries_no_float_noise(name):
    """Numbers as the data give them or as the page shows them: never 53.18181818181819."""
    drawn = _draw(name)
    try:
        noisy = re.findall(r"(?<![\w.])\d+\.\d{3,}(?![\w.])", figures.csv(drawn))
        assert noisy == [], f"{name}: {noisy[:5]}"
    finally:
        plt.close("all")


def test_the_money_chart_names_its_columns_for_what_they_hold():
    drawn = _draw("money_2011")
    try:
        columns = list(figures.values(drawn).columns)
        assert columns[:2] == ["usd_billion", "item"] and "amount" not in columns
    finally:
        plt.close("all")
