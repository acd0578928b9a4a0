"""The charts of the findings page's evidence chapters 00-06: the paper's own facts and figures.

Each function takes tidy tables and returns a figure drawn with :mod:`mtcreport.chartkit`. No
chart draws a title (the notebook cell's caption carries it); every chart has axis labels with
units and a source line naming the work and the table. Words that must agree with a chapter's
prose (what the paper "expected", where "the paper" stands) are the chapter's arguments.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import chartkit, figures, style


def _when(low, high, approx) -> str:
    if pd.isna(low) and pd.isna(high):
        return "not dated in the paper"
    text = (
        f"by {int(high)}" if pd.isna(low) else (str(int(low)) if low == high else f"{int(low)}–{int(high)}")
    )
    return f"c. {text}" if approx else text


@chartkit.chart
def transfers_by_category(
    transfers: pd.DataFrame,
    source: str,
    *,
    vague: str,
    undated: str,
    first: int | None = None,
    last: int | None = None,
):
    """Each dated transfer on its own row, named, grouped by kind (colour), placed in time; the
    transfers the paper does not date listed under the chart in columns, each with a square of its
    kind's colour, under the heading ``undated`` (the chapter's words), so that they take no row
    of the time axis.

    A single year is a dot, a span is a bar between its ends, "by YEAR" is a left-pointing
    triangle at that year; a hollow marker or a dashed bar means the paper dates the row only
    vaguely (``vague`` says so under the axis).
    """

    def mark(artist, row, when: str) -> None:  # a dated mark, or an undated one's square
        title = f"{row.label} ({row.category}): {when}"
        figures.mark(artist, title, transfer=row.label, category=row.category, when=when)

    categories = [c for c in style.CATEGORY_COLORS if c in set(transfers["category"])]
    rows = transfers.assign(_order=transfers["category"].map(categories.index))
    rows = rows.sort_values(["_order", "year_high", "year_low", "id"], na_position="last")
    none = rows["year_low"].isna() & rows["year_high"].isna()
    dated, listed = rows[~none], rows[none]
    years = pd.concat([dated["year_low"], dated["year_high"]]).dropna()
    first = int(years.min()) - 1 if first is None else first
    last = int(years.max()) + 1 if last is None else last
    columns = 1 if chartkit.layout().narrow else 3  # on a phone, one column of unwrapped names
    lines = -(-len(listed) // columns)  # lines of the list of undated transfers
    if len(listed):
        fig, (ax, below) = chartkit.figure(
            chartkit.rows_size(len(dated) + 0.75 * (lines + 1.5), 1.5, 0.27),
            nrows=2,
            gridspec_kw={"height_ratios": [len(dated), 0.75 * (lines + 1.5)]},
        )
    else:
        fig, ax = chartkit.figure(chartkit.rows_size(len(dated), 1.5, 0.27))
    for y, row in enumerate(dated.itertuples(index=False)):
        color = style.CATEGORY_COLORS[row.category]
        face = style.WHITE if row.approx else color
        low, high = row.year_low, row.year_high
        when = _when(low, high, row.approx)
        if pd.isna(low):
            (artist,) = ax.plot([high], [y], "<", ms=style.MARK, mfc=face, mec=color, mew=style.EDGE)
        elif low == high:
            (artist,) = ax.plot([low], [y], "o", ms=style.MARK, mfc=face, mec=color, mew=style.EDGE)
        else:
            # a vague span is dashed, in the category's own colour (a pale tint would pass for another)
            (artist,) = ax.plot(
                [low, high],
                [y, y],
                "--" if row.approx else "-",
                color=color,
                lw=style.LINE_THICK if row.approx else style.LINE_BAR,
                solid_capstyle="butt",
                dash_capstyle="butt",
            )
        mark(artist, row, when)
    chartkit.row_axis(ax, dated["label"])
    ax.set_xlim(first - 0.5, last + 0.5)
    ticks = list(range(first + (5 - first % 5) % 5, last + 1, 5))
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.grid(axis="x", color=style.GREY_FAINT)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(f"year ({vague})")
    handles = [chartkit.patch(style.CATEGORY_COLORS[c], c) for c in categories]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.4, 1.0),
        ncol=chartkit.columns(3),
        fontsize=style.SMALL_PT,
    )
    if len(listed):
        below.axis("off")
        below.set_xlim(0, columns)
        below.set_ylim(lines - 0.5, -1.5)
        below.text(
            0, -1.2, undated, fontsize=style.SMALL_PT, style="italic", color=style.GREY_DARK, va="center"
        )
        when = _when(None, None, False)
        for index, row in enumerate(listed.itertuples(index=False)):
            x, y = index // lines, index % lines
            (square,) = below.plot(
                [x + 0.03], [y], "s", ms=style.MARK_SMALL + 2, color=style.CATEGORY_COLORS[row.category]
            )
            below.text(x + 0.08, y, row.label, va="center", fontsize=style.SMALL_PT)
            mark(square, row, when)
    chartkit.finish(fig, source)
    if len(listed):  # the list runs across the whole width, under the row labels too
        box = below.get_position()
        below.set_position([0.02, box.y0, 0.96, box.height])
    return fig


@chartkit.chart
def timeline(phases: pd.DataFrame, marks: pd.DataFrame, cutoff: float, source: str, *, cutoff_label: str):
    """The report's phases as bands over the years (top), and the paper's key moments below them,
    one row each, labelled at the left: no two labels can collide, however close the dates.

    ``marks`` has columns ``x`` (decimal year), ``label`` and ``kind`` ("agreement" or "contract").
    ``cutoff`` (decimal year) is drawn as the date of the paper's latest fact, labelled
    ``cutoff_label`` (the chapter's words). The axis runs
    from a year before the first phase to two years past the last phase.
    """
    first, last = int(phases["year_low"].min()) - 1, int(phases["year_high"].max()) + 2
    ordered = marks.sort_values(["x", "label"]).reset_index(drop=True)
    fig, (top, bottom) = chartkit.figure(
        chartkit.rows_size(len(ordered) + len(phases), 1.3, 0.3),
        nrows=2,
        sharex=True,
        gridspec_kw={"height_ratios": [len(phases), len(ordered)]},
    )
    for lane, row in enumerate(phases.itertuples(index=False)):
        color = style.PHASE_COLORS.get(row.id, style.BLACK)
        (bar,) = top.barh(lane, row.year_high + 1 - row.year_low, left=row.year_low, color=color, height=0.75)
        figures.mark(
            bar,
            f"{row.label}: {row.year_low}–{row.year_high} (the report's reading)",
            row="phase",
            label=row.label,
            year_low=row.year_low,
            year_high=row.year_high,
        )
    chartkit.row_axis(top, phases["label"])
    top.grid(False)
    styles = {"agreement": ("s", style.BLACK), "contract": ("o", style.RUSSIA)}
    for y, row in ordered.iterrows():
        marker, color = styles.get(row["kind"], ("o", style.BLACK))
        bottom.hlines(y, first, row["x"], color=style.GREY_FAINT, lw=style.LINE_HAIR)
        (point,) = bottom.plot([row["x"]], [y], marker, color=color, ms=7)
        year = int(row["x"])
        figures.mark(
            point, f"{row['label']} ({row['kind']}), {year}", row=row["kind"], label=row["label"], year=year
        )
    chartkit.row_axis(bottom, ordered["label"])
    bottom.grid(False)
    chartkit.paper_date([top, bottom], cutoff)
    # at the top of the lower panel, left of the line: the first rows are the earliest moments,
    # so no mark stands there
    bottom.text(
        cutoff - 0.15,
        -0.45,
        cutoff_label,
        color=style.CHINA,
        fontsize=style.SMALL_PT,
        ha="right",
        va="top",
    )
    bottom.set_xlim(first, last + 1)
    bottom.set_xlabel("year (squares: agreements and meetings; circles: contracts)")
    return chartkit.finish(fig, source)


#: How each kind of link is drawn: line style and colour both carry the meaning.
RELATION_STYLES = {
    "engine supply": ("solid", style.RUSSIA),
    "licence": ("solid", style.OKABE_ITO["orange"]),
    "copy beyond licence": ("dashed", style.OKABE_ITO["vermillion"]),
    "joint development": ("solid", style.OKABE_ITO["purple"]),
    "design documents": ("dotted", style.OKABE_ITO["green"]),
    "development assistance": ("dashdot", style.OKABE_ITO["sky_blue"]),
    "influence": ((0, (1, 3)), style.BLACK),
}


@chartkit.chart
def lineage_graph(
    lineage: pd.DataFrame, systems: pd.DataFrame, source: str, engines: pd.DataFrame | None = None
):
    """Russian designs and engines on the left, the Chinese systems they led to or power on the
    right; each arrow is styled by the kind of link, and a legend explains them.

    ``engines`` (the engines table) adds an "engine supply" arrow from each Russian engine to the
    Chinese aircraft that relies on it. The layout is fixed (left column in table order, each
    Chinese system level with the designs it comes from), so the drawing is the same on every run.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    labels = systems.set_index("id")["label"]
    edges = [(r.russian_system, r.chinese_system, r.relation) for r in lineage.itertuples(index=False)]
    if engines is not None:
        supplied = engines[engines["depends_on_russia"] & engines["engine"].notna()]
        edges += [(r.engine, r.aircraft, "engine supply") for r in supplied.itertuples(index=False)]
    unknown = sorted({r for _, _, r in edges} - set(RELATION_STYLES))
    if unknown:
        raise ValueError(f"lineage_graph: no drawing style for relation(s) {unknown}")
    left = list(dict.fromkeys(u for u, _, _ in edges))
    first_seen = {}
    for u, v, _ in edges:
        first_seen.setdefault(v, left.index(u))
    right = sorted(
        dict.fromkeys(v for _, v, _ in edges), key=lambda v: (first_seen[v], list(first_seen).index(v))
    )
    rows = max(len(left), len(right))
    y_left = {n: -i * (rows - 1) / max(len(left) - 1, 1) for i, n in enumerate(left)}
    y_right = {n: -i * (rows - 1) / max(len(right) - 1, 1) for i, n in enumerate(right)}
    fig, ax = chartkit.figure(chartkit.rows_size(rows, 1.9, 0.36))
    for u, v, relation in edges:
        line, color = RELATION_STYLES[relation]
        arrow = FancyArrowPatch(
            (0.0, y_left[u]),
            (1.0, y_right[v]),
            arrowstyle="-|>",
            mutation_scale=14,
            linestyle=line,
            color=color,
            lw=style.LINE,
            shrinkA=5,
            shrinkB=5,
        )
        ax.add_patch(arrow)
        figures.mark(
            arrow,
            f"{labels[u]} → {labels[v]}: {relation}",
            russian=labels[u],
            chinese=labels[v],
            relation=relation,
        )
    ax.plot([0.0] * len(left), list(y_left.values()), "o", color=style.RUSSIA, ms=6)
    ax.plot([1.0] * len(right), list(y_right.values()), "o", color=style.CHINA, ms=6)
    gap = 0.12 if chartkit.layout().narrow else 0.04  # between a dot and its label
    for node, y in y_left.items():
        ax.text(
            -gap,
            y,
            chartkit.label(labels[node], narrow_pt=90),
            ha="right",
            va="center",
            fontsize=style.SMALL_PT,
        )
    for node, y in y_right.items():
        ax.text(
            1 + gap,
            y,
            chartkit.label(labels[node], narrow_pt=90),
            ha="left",
            va="center",
            fontsize=style.SMALL_PT,
        )
    ax.text(
        -gap,
        0.9,
        chartkit.label("Russian design or engine", narrow_pt=90),
        ha="right",
        fontsize=style.TEXT_PT,
        color=style.RUSSIA,
        weight="bold",
    )
    ax.text(
        1 + gap,
        0.9,
        chartkit.label("Chinese system", narrow_pt=90),
        ha="left",
        fontsize=style.TEXT_PT,
        color=style.CHINA,
        weight="bold",
    )
    present = {r for _, _, r in edges}
    handles = [
        Line2D([0], [0], color=color, ls=line, lw=style.LINE, label=relation)
        for relation, (line, color) in RELATION_STYLES.items()
        if relation in present
    ]
    chartkit.legend(ax, None, handles=handles, columns_wanted=3, handlelength=3)
    ax.set_xlim(*((-2.4, 3.4) if chartkit.layout().narrow else (-1.15, 2.15)))
    ax.set_ylim(-(rows - 1) - 0.6, 1.4)
    ax.axis("off")
    return chartkit.finish(fig, source)


@chartkit.chart
def money_2011(amounts: pd.DataFrame, shares: pd.DataFrame, source: str, *, vague: str):
    """Left: money figures for 2011 as bars (hatched when the paper's figure is vague); a figure
    that is part of another (``within`` names it) is drawn inside that bar, so "of which" reads as
    part of its whole. Right: where Russian defence companies' income comes from, one stacked bar.

    ``amounts`` has ``label``, ``value`` (USD bn), ``vague``, ``text`` and optionally ``within``;
    ``shares`` has ``label`` and ``value`` (percent). ``vague`` (the chapter's words) explains the
    hatching under the axis.
    """
    if "within" not in amounts:
        amounts = amounts.assign(within=None)
    wholes = amounts[amounts["within"].isna()].reset_index(drop=True)
    unknown = set(amounts["within"].dropna()) - set(wholes["label"])
    if unknown:
        raise ValueError(f"money_2011: 'within' names no bar: {sorted(unknown)}")
    narrow = chartkit.layout().narrow
    if narrow:  # on a phone the shares go under the amounts, as one bar across
        fig, (left, right) = chartkit.figure(
            (style.COLUMN_IN, 4.2), nrows=2, gridspec_kw={"height_ratios": [2.2, 1]}
        )
    else:
        fig, (left, right) = chartkit.figure(style.SIZE_LOW, ncols=2, gridspec_kw={"width_ratios": [2.6, 1]})

    def amount(y, value, vague, color, title, **values):
        (bar,) = left.barh(
            y,
            value,
            color=color,
            alpha=0.6 if vague and color == style.RUSSIA else 1.0,
            hatch="//" if vague else None,
            edgecolor=style.WHITE,
            height=0.6,
        )
        figures.mark(bar, title, usd_billion=value, **values)

    for y, row in wholes.iterrows():
        amount(
            y,
            row.value,
            row.vague,
            style.RUSSIA,
            f"{row.label}: {row.text}",
            item=row.label,
            part_of="",
            as_stated=row.text,
        )
        left.text(row.value + 0.3, y, row.text, va="center", fontsize=style.SMALL_PT)
        for part in amounts[amounts["within"] == row.label].itertuples(index=False):
            amount(
                y,
                part.value,
                part.vague,
                style.CHINA,
                f"{part.label}, part of {row.label.lower()}: {part.text}",
                item=part.label,
                part_of=row.label,
                as_stated=part.text,
            )
            left.annotate(
                chartkit.label(f"{part.label}: {part.text}", narrow_pt=200),
                xy=(part.value, y - 0.3),
                xytext=(part.value + 0.3, y - (0.4 if narrow else 0.52)),
                fontsize=style.SMALL_PT,
                color=style.CHINA,
                va="bottom" if narrow else "center",
                arrowprops={"arrowstyle": "-", "color": style.CHINA, "lw": style.LINE_HAIR},
            )
    chartkit.row_axis(left, [chartkit.label(label, 80) for label in wholes["label"]])
    left.set_ylim(len(wholes) - 0.3, -1.5 if narrow else -0.8)
    left.set_xlim(0, wholes["value"].max() * 1.5)
    left.set_xlabel(f"billion US dollars\n({vague})")
    left.grid(axis="x", color=style.GREY_GRID)
    left.grid(axis="y", visible=False)
    colors = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.OKABE_ITO["yellow"]]
    bottom = 0.0
    for i, (row, color) in enumerate(zip(shares.itertuples(index=False), colors, strict=False)):
        if narrow:  # one row per share, its figure at the end of its bar
            (bar,) = right.barh(i, row.value, height=0.7, color=color, edgecolor=style.WHITE)
        else:
            (bar,) = right.bar(0, row.value, bottom=bottom, width=0.9, color=color, edgecolor=style.WHITE)
        figures.mark(
            bar,
            f"income from {row.label}: {row.value:g} %",
            item=f"income share: {row.label}",
            part_of="defence companies' income",
            percent=row.value,
        )
        if narrow:
            right.text(row.value + 1.5, i, f"{row.value:g} %", va="center", fontsize=style.SMALL_PT)
        else:
            right.text(
                0,
                bottom + row.value / 2,
                f"{row.label}\n{row.value:g} %",
                ha="center",
                va="center",
                fontsize=style.SMALL_PT,
                color=style.WHITE if color == style.RUSSIA else style.BLACK,
            )
        bottom += row.value
    if narrow:
        chartkit.row_axis(right, list(shares["label"]))
        right.set_xlim(0, 100)
        right.set_xlabel("share of Russian defence companies' income (%)")
        right.grid(axis="y", visible=False)
    else:
        right.set_xticks([])
        right.set_xlim(-0.5, 0.5)
        right.set_ylim(0, 100)
        right.set_ylabel("share of Russian defence\ncompanies' income (%)")
    return chartkit.finish(fig, source)


@chartkit.chart
def waits(rows: pd.DataFrame, source: str):
    """What China asked for and how long Russia made it wait.

    ``rows``: ``label``, ``asked`` (year), ``until`` (earliest year offered, or missing when
    no date was offered) and ``answer`` (text shown after the mark). A request with a date
    offered is a bar from the request to that date; one without is the request alone, with its
    answer in words: no line is drawn to a date nobody gave.
    """
    dates = pd.concat([rows["asked"], rows["until"]]).dropna()
    first, last = int(dates.min()) - 1, int(dates.max()) + 1
    fig, ax = chartkit.figure(chartkit.rows_size(len(rows), 1.3, 0.4))
    for y, row in enumerate(rows.itertuples(index=False)):
        offered = not pd.isna(row.until)
        if offered:
            (bar,) = ax.plot(
                [row.asked, row.until],
                [y, y],
                color=style.OKABE_ITO["orange"],
                lw=style.LINE_THICK,
                solid_capstyle="butt",
            )
            ax.plot([row.until], [y], "|", color=style.OKABE_ITO["orange"], ms=16, mew=3)
        (dot,) = ax.plot([row.asked], [y], "o", color=style.CHINA, ms=style.MARK)
        figures.mark(
            bar if offered else dot,
            f"{row.label}: asked {row.asked}, {row.answer}",
            request=row.label,
            asked=row.asked,
            earliest_offered=row.until if offered else None,
            answer=row.answer,
        )
        ax.annotate(  # clear of the mark's end, the same distance in every layout
            row.answer,
            xy=(row.until if offered else row.asked, y),
            xytext=(style.MARK, 0),
            textcoords="offset points",
            va="center",
            fontsize=style.SMALL_PT,
        )
    chartkit.row_axis(ax, [chartkit.label(label, 105) for label in rows["label"]])
    ax.set_xlim(first, last + 3)
    ax.set_xticks(range(first + 1, last + 1))
    ax.set_xlabel("year (dot: China's request; bar: wait until the earliest date offered)")
    ax.grid(axis="x", color=style.GREY_FAINT)
    ax.grid(axis="y", visible=False)
    return chartkit.finish(fig, source)


@chartkit.chart
def range_check(rows: pd.DataFrame, source: str, unit: str, *, stated: str):
    """Intervals against a stated figure: one row per quantity.

    ``rows``: ``label``, ``low``, ``high`` (missing for an open-ended "more than" figure)
    and ``stated`` (the paper's figure, or missing). An open-ended interval runs to the frame's
    edge and ends in an arrow. The keyword ``stated`` names the stated figure (the chapter's
    words, "the paper's figure").
    """
    fig, ax = chartkit.figure(chartkit.rows_size(len(rows), 1.3, 0.45))
    right = float(pd.concat([rows["high"], rows["low"], rows["stated"]]).max()) * 1.25
    for y, row in enumerate(rows.itertuples(index=False)):
        open_ended = pd.isna(row.high)
        high = right if open_ended else row.high
        (bar,) = ax.plot(
            [row.low, high], [y, y], color=style.RUSSIA, lw=style.LINE_SPAN, alpha=0.5, solid_capstyle="butt"
        )
        interval = (
            f"more than {row.low:.3g}"
            if open_ended
            else (f"{row.low:.3g}" if row.low == row.high else f"{row.low:.3g}–{row.high:.3g}")
        )
        figures.mark(
            bar,
            f"{chartkit.one_line(row.label)}: {interval} ({unit.split(' (')[0]})",
            quantity=chartkit.one_line(row.label),
            low=float(f"{row.low:.3g}"),  # at the precision shown
            high=None if open_ended else float(f"{row.high:.3g}"),
            unit=unit,
        )
        ax.plot([row.low], [y], "|", color=style.RUSSIA, ms=style.MARK_CAP, mew=2)
        ax.plot(
            [high],
            [y],
            ">" if open_ended else "|",
            color=style.RUSSIA,
            ms=style.MARK_LARGE if open_ended else 14,
            mew=2,
        )
        if not pd.isna(row.stated):
            (point,) = ax.plot([row.stated], [y], "D", color=style.CHINA, ms=9)
            figures.mark(
                point,
                f"{stated}: {row.stated:.3g}",
                quantity=f"{chartkit.one_line(row.label)}: {stated}",
                low=float(f"{row.stated:.3g}"),
                high=float(f"{row.stated:.3g}"),
                unit=unit,
            )
    chartkit.row_axis(ax, rows["label"])
    ax.set_xlim(0, right * 1.02)
    ax.set_xlabel(f"{unit}\n(bar: range the inputs allow; diamond: {stated})")
    ax.grid(axis="x", color=style.GREY_GRID)
    ax.grid(axis="y", visible=False)
    return chartkit.finish(fig, source)


@chartkit.chart
def scenarios(
    base: float,
    base_label: str,
    base_text: str,
    threshold: float,
    cases: pd.DataFrame,
    source: str,
    *,
    floor_label: str,
    floor_hover: str,
    unrated: str,
):
    """The paper's two scenarios against its estimate of current deliveries.

    ``cases``: ``label`` and ``floor`` (USD bn a year, or missing when the paper gives no
    figure). A case with a floor is a line at the floor with an arrow up: the paper gives no
    ceiling, so none is drawn. A case without one is a dashed arrow of no stated length above
    the base.

    What the paper expected is the chapter's wording, next to its prose: ``floor_label`` (on the
    chart) and ``floor_hover`` (the hover text) are formats of ``{floor}`` (USD bn a year);
    ``unrated`` is written beside a case without a floor (its line breaks as given).
    """
    from matplotlib.patches import FancyArrowPatch

    narrow = chartkit.layout().narrow  # on a phone, each text stands above its mark, wrapped
    column_pt = 62  # the width of one case's column on a phone

    def words(text: str) -> str:
        return chartkit.label(text, narrow_pt=column_pt) if narrow else text

    fig, ax = chartkit.figure(style.SIZE_LOW)
    (bar,) = ax.bar(0, base, color=style.RUSSIA, alpha=0.6, hatch="//", edgecolor=style.WHITE, width=0.5)
    figures.mark(bar, f"{base_label}: {base_text}", case=base_label, usd_bn_floor=base, as_stated=base_text)
    ax.text(
        0,
        base + 0.05,
        chartkit.label(base_text, 85, narrow_pt=column_pt),
        ha="center",
        va="bottom",
        fontsize=style.SMALL_PT,
    )
    top = threshold * (2.1 if narrow else 1.5)
    step = threshold * 0.3

    def say(x: float, y_mark: float, y_top: float, text: str) -> None:
        if narrow:
            ax.text(x, y_top + 0.05, words(text), ha="center", va="bottom", fontsize=style.SMALL_PT)
        else:
            ax.text(x + 0.12, y_mark, text, va="center", fontsize=style.SMALL_PT)

    for x, row in enumerate(cases.itertuples(index=False), start=1):
        if not pd.isna(row.floor):
            (floor,) = ax.plot(
                [x - 0.25, x + 0.25], [row.floor] * 2, color=style.OKABE_ITO["green"], lw=style.LINE_THICK
            )
            ax.annotate(
                "",
                xy=(x, row.floor + step),
                xytext=(x, row.floor),
                arrowprops={"arrowstyle": "-|>", "lw": 2, "color": style.OKABE_ITO["green"]},
            )
            text = floor_label.format(floor=row.floor)
            figures.mark(
                floor,
                f"{row.label}: {floor_hover.format(floor=row.floor)}",
                case=row.label,
                usd_bn_floor=row.floor,
                as_stated=f"more than ${row.floor:g} bn",
            )
            say(x, row.floor + step / 2, row.floor + step, text)
        else:
            arrow = FancyArrowPatch(
                (x, base),
                (x, base + step),
                arrowstyle="-|>",
                mutation_scale=16,
                lw=style.LINE,
                ls="--",
                color=style.GREY_DARK,
            )
            ax.add_patch(arrow)
            figures.mark(
                arrow,
                f"{row.label}: {chartkit.one_line(unrated)}",
                case=row.label,
                usd_bn_floor=None,
                as_stated=chartkit.one_line(unrated),
            )
            say(x, base + step / 2, base + step, unrated)
    ax.set_xticks(
        range(len(cases) + 1),
        [chartkit.label(text, narrow_pt=column_pt) for text in [base_label, *cases["label"]]],
    )
    ax.set_xlim(-0.5, len(cases) + (0.5 if narrow else 1.2))
    ax.set_ylim(0, top)
    ax.set_ylabel("Russian arms deliveries to China\n(billion US dollars a year)")
    ax.grid(axis="x", visible=False)
    return chartkit.finish(fig, source)


def marks(table: pd.DataFrame, ids: list[str], kind: str) -> pd.DataFrame:
    """Rows of a dated table (indexed by id) as marks for :func:`timeline`: x, label, kind."""
    rows = table.loc[ids]
    return pd.DataFrame(
        {
            "x": [chartkit.decimal_year(y, m) for y, m in zip(rows["year_low"], rows["month"], strict=True)],
            "label": rows["label"].to_numpy(),
            "kind": kind,
        }
    )
