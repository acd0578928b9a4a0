"""Charts shared by the chapters. Each function takes tidy tables and returns a figure.

No chart draws a title (the notebook cell's caption carries it); every chart has
axis labels with units and a source line naming the work and the table.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import style

#: Where undated rows are drawn on a time axis, right of the last year shown.
UNDATED_GAP = 2.5


def transfers_by_category(
    transfers: pd.DataFrame, source: str, first: int | None = None, last: int | None = None
):
    """Each transfer on a time axis, one row per category.

    A single year is a dot, a span is a bar between its ends, "by YEAR" is a
    left-pointing triangle at that year, and undated rows sit in a separate
    "undated" band. Hollow markers mean the paper dates the row only vaguely.
    """
    categories = [c for c in style.CATEGORY_COLORS if c in set(transfers["category"])]
    years = pd.concat([transfers["year_low"], transfers["year_high"]]).dropna()
    first = int(years.min()) - 2 if first is None else first
    last = int(years.max()) + 1 if last is None else last
    fig, ax = style.figure(style.FIGSIZE_WIDE)
    undated_x = last + UNDATED_GAP
    for y, category in enumerate(categories):
        rows = transfers[transfers["category"] == category].sort_values("id")
        color = style.CATEGORY_COLORS[category]
        undated = 0
        for row in rows.itertuples(index=False):
            face = style.WHITE if row.approx else color
            low, high = row.year_low, row.year_high
            if pd.isna(low) and pd.isna(high):
                x = undated_x + 0.35 * undated - 0.5
                undated += 1
                ax.plot([x], [y], "o", ms=7, mfc=face, mec=color, mew=1.5)
            elif pd.isna(low):
                ax.plot([high], [y], "<", ms=8, mfc=face, mec=color, mew=1.5)
            elif low == high:
                ax.plot([low], [y], "o", ms=8, mfc=face, mec=color, mew=1.5)
            else:
                ax.plot([low, high], [y, y], "-", color=color, lw=5, alpha=0.35, solid_capstyle="butt")
                ax.plot([low, high], [y, y], "|", ms=10, color=color, mew=2)
    ax.axvline(last + 1, color=style.GREY_RULE, lw=0.8, ls=":")
    ax.set_yticks(range(len(categories)), categories)
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.invert_yaxis()
    ticks = list(range(first + (5 - first % 5) % 5, last + 1, 5))
    ax.set_xticks([*ticks, undated_x], [*map(str, ticks), "undated"])
    ax.set_xlim(first - 0.5, undated_x + 2.5)
    ax.set_xlabel("year (hollow marker: the paper dates it only vaguely)")
    ax.grid(axis="x", color=style.GREY_FAINT)
    return style.finish(fig, source, 0.04)


def decimal_year(year, month=None) -> float:
    """Mid-month position on a year axis; mid-year when the month is unknown."""
    if month is None or pd.isna(month):
        return float(year) + 0.5
    return float(year) + (int(month) - 0.5) / 12


PHASE_COLORS = style.PHASE_COLORS


def timeline(phases: pd.DataFrame, marks: pd.DataFrame, cutoff: float, source: str):
    """The paper's phases as bands over the years, with key moments marked below them.

    ``marks`` has columns ``x`` (decimal year), ``label`` and ``kind`` ("agreement" or "contract").
    ``cutoff`` (decimal year) is drawn as the date of the paper's latest fact. The axis runs
    from a year before the first phase to two years past the last phase.
    """
    first, last = int(phases["year_low"].min()) - 1, int(phases["year_high"].max()) + 2
    fig, (top, bottom) = style.figure(
        style.SIZE_TALL, nrows=2, sharex=True, gridspec_kw={"height_ratios": [1, 2.2], "hspace": 0.05}
    )
    for lane, row in enumerate(phases.itertuples(index=False)):
        color = PHASE_COLORS.get(row.id, style.BLACK)
        top.barh(lane, row.year_high + 1 - row.year_low, left=row.year_low, color=color, height=0.7)
        top.text(
            row.year_low + 0.2,
            lane,
            row.label,
            va="center",
            ha="left",
            fontsize=9,
            color=style.BLACK,
        )
    top.set_yticks([])
    top.set_ylim(len(phases) - 0.4, -0.6)
    top.grid(False)
    top.spines["left"].set_visible(False)
    styles = {"agreement": ("s", style.BLACK), "contract": ("o", style.RUSSIA)}
    ordered = marks.sort_values("x").reset_index(drop=True)
    for i, row in ordered.iterrows():
        marker, color = styles.get(row["kind"], ("o", style.BLACK))
        height = 1 + (i % 4)
        bottom.vlines(row["x"], 0, height, color=style.GREY_TICK, lw=0.8)
        bottom.plot([row["x"]], [0], marker, color=color, ms=7)
        bottom.text(row["x"] + 0.15, height, row["label"], fontsize=8, va="center", ha="left")
    for axis in (top, bottom):
        axis.axvline(cutoff, color=style.CHINA, lw=1.2, ls="--")
    bottom.text(cutoff - 0.1, 4.6, "latest fact in the paper", color=style.CHINA, fontsize=8, ha="right")
    bottom.set_ylim(-0.4, 5)
    bottom.set_yticks([])
    bottom.spines["left"].set_visible(False)
    bottom.grid(False)
    bottom.set_xlim(first, last + 1)
    bottom.set_xlabel("year (squares: agreements and meetings; circles: contracts)")
    style.source_line(fig, source)
    fig.subplots_adjust(left=0.03, right=0.97, top=0.97, bottom=0.16)
    return fig


#: How each kind of lineage is drawn: line style and colour both carry the meaning.
RELATION_STYLES = {
    "licence": ("solid", style.OKABE_ITO["orange"]),
    "copy beyond licence": ("dashed", style.OKABE_ITO["vermillion"]),
    "joint development": ("solid", style.OKABE_ITO["purple"]),
    "design documents": ("dotted", style.OKABE_ITO["green"]),
    "development assistance": ("dashdot", style.OKABE_ITO["sky_blue"]),
    "influence": ((0, (1, 4)), style.BLACK),
}


def lineage_graph(lineage: pd.DataFrame, systems: pd.DataFrame, source: str):
    """Russian designs on the left, the Chinese systems they led to on the right.

    The layout is fixed (two columns in table order), so the drawing is the same on
    every run; edges are styled by relation and a legend explains them.
    """
    import networkx as nx
    from matplotlib.lines import Line2D

    labels = systems.set_index("id")["label"]
    graph = nx.DiGraph()
    for row in lineage.itertuples(index=False):
        graph.add_edge(row.russian_system, row.chinese_system, relation=row.relation)
    left = list(dict.fromkeys(lineage["russian_system"]))
    right = list(dict.fromkeys(lineage["chinese_system"]))
    pos = {node: (0.0, -i * len(right) / max(len(left), 1)) for i, node in enumerate(left)}
    pos.update({node: (1.0, -float(i)) for i, node in enumerate(right)})
    fig, ax = style.figure(style.SIZE_TALL)
    for relation, (line, color) in RELATION_STYLES.items():
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d["relation"] == relation]
        if edges:
            nx.draw_networkx_edges(
                graph,
                pos,
                edgelist=edges,
                ax=ax,
                style=line,
                edge_color=color,
                width=2,
                arrows=True,
                arrowstyle="-|>",
                arrowsize=12,
                node_size=1800,
            )
    nx.draw_networkx_nodes(graph, pos, nodelist=left, ax=ax, node_color=style.RUSSIA, node_size=60)
    nx.draw_networkx_nodes(graph, pos, nodelist=right, ax=ax, node_color=style.CHINA, node_size=60)
    for node in left:
        ax.text(pos[node][0] - 0.04, pos[node][1], labels[node], ha="right", va="center", fontsize=9)
    for node in right:
        ax.text(pos[node][0] + 0.04, pos[node][1], labels[node], ha="left", va="center", fontsize=9)
    handles = [
        Line2D([0], [0], color=color, ls=line, lw=2, label=relation)
        for relation, (line, color) in RELATION_STYLES.items()
        if relation in set(lineage["relation"])
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=8)
    ax.text(0.0, 0.6, "Russian design", ha="center", fontsize=10, color=style.RUSSIA, weight="bold")
    ax.text(1.0, 0.6, "Chinese system", ha="center", fontsize=10, color=style.CHINA, weight="bold")
    ax.set_xlim(-1.0, 2.0)
    ax.set_ylim(-len(right) + 0.4, 1.0)
    ax.axis("off")
    style.source_line(fig, source)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.98, bottom=0.2)
    return fig


def engine_matrix(engines: pd.DataFrame, systems: pd.DataFrame, source: str):
    """Chinese combat aircraft (rows) against the Russian engine each relies on (columns)."""
    labels = systems.set_index("id")["label"]
    origin = systems.set_index("id")["origin"]
    rows = engines[engines["aircraft"].map(origin) == "China"].reset_index(drop=True)
    columns = [*dict.fromkeys(rows["engine"].dropna()), None]
    names = [labels[e] if e is not None else "no Russian engine" for e in columns]
    fig, ax = style.figure(style.SIZE_SMALL)
    for y, row in rows.iterrows():
        x = columns.index(None if pd.isna(row["engine"]) else row["engine"])
        color = style.RUSSIA if row["depends_on_russia"] else style.CHINA
        ax.plot([x], [y], "s" if row["depends_on_russia"] else "D", ms=14, color=color)
    ax.set_xticks(range(len(columns)), names)
    ax.set_yticks(range(len(rows)), [labels[a] for a in rows["aircraft"]])
    ax.set_xlim(-0.6, len(columns) - 0.4)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel("engine (blue square: Russian engine; red diamond: none from Russia)")
    ax.set_ylabel("Chinese aircraft")
    ax.grid(True, axis="both", color=style.GREY_FAINT)
    return style.finish(fig, source)


def money_2011(amounts: pd.DataFrame, shares: pd.DataFrame, source: str):
    """Left: money figures for 2011 as bars (hatched when the paper's figure is vague).
    Right: where Russian defence companies' income comes from, as one stacked bar.

    ``amounts`` has ``label``, ``value`` (USD bn), ``vague`` and ``text``;
    ``shares`` has ``label`` and ``value`` (percent).
    """
    fig, (left, right) = style.figure(style.SIZE_WIDE_LOW, ncols=2, gridspec_kw={"width_ratios": [2.2, 1]})
    for y, row in enumerate(amounts.itertuples(index=False)):
        left.barh(
            y,
            row.value,
            color=style.RUSSIA,
            alpha=0.55 if row.vague else 1.0,
            hatch="//" if row.vague else None,
            edgecolor=style.RUSSIA,
            height=0.6,
        )
        left.text(row.value + 0.3, y, row.text, va="center", fontsize=9)
    style.row_axis(left, amounts["label"])
    left.set_xlim(0, amounts["value"].max() * 1.45)
    left.set_xlabel("billion US dollars (hatched: the paper's figure is approximate)")
    left.grid(axis="x", color=style.GREY_GRID)
    left.grid(axis="y", visible=False)
    colors = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.OKABE_ITO["yellow"]]
    bottom = 0.0
    for row, color in zip(shares.itertuples(index=False), colors, strict=False):
        right.bar(0, row.value, bottom=bottom, color=color, width=0.6, edgecolor=style.WHITE)
        right.text(
            0, bottom + row.value / 2, f"{row.label}\n{row.value:g} %", ha="center", va="center", fontsize=9
        )
        bottom += row.value
    right.set_xticks([])
    right.set_xlim(-0.6, 0.6)
    right.set_ylim(0, 100)
    right.set_ylabel("share of Russian defence companies' income (%)")
    return style.finish(fig, source)


def waits(rows: pd.DataFrame, source: str):
    """What China asked for and how long Russia made it wait.

    ``rows``: ``label``, ``asked`` (year), ``until`` (earliest year offered, or missing when
    no date was offered) and ``answer`` (text shown at the end of the bar). The axis runs
    from the year before the first request to two years past the last date offered; open
    requests run to its end.
    """
    first = int(rows["asked"].min()) - 1
    last = int(pd.concat([rows["asked"], rows["until"]]).max()) + 2
    fig, ax = style.figure(style.SIZE_STRIP)
    for y, row in enumerate(rows.itertuples(index=False)):
        end = row.until if not pd.isna(row.until) else last
        color = style.OKABE_ITO["orange"] if not pd.isna(row.until) else style.BLACK
        ax.plot([row.asked, end], [y, y], color=color, lw=3, ls="-" if not pd.isna(row.until) else ":")
        ax.plot([row.asked], [y], "o", color=style.CHINA, ms=8)
        if not pd.isna(row.until):
            ax.plot([end], [y], "|", color=color, ms=16, mew=3)
        ax.text(end + 0.15, y, row.answer, va="center", fontsize=9)
    style.row_axis(ax, rows["label"])
    ax.set_xlim(first, last + 4.5)
    ax.set_xticks(range(first + 1, last + 1, 2))
    ax.set_xlabel(
        "year (dot: China's request; bar: wait until the earliest date offered; dotted: no date offered)"
    )
    ax.grid(axis="x", color=style.GREY_FAINT)
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source, 0.06)


def range_check(rows: pd.DataFrame, source: str, unit: str):
    """Intervals against a stated figure: one row per quantity.

    ``rows``: ``label``, ``low``, ``high`` (missing for an open-ended "more than" figure)
    and ``stated`` (the paper's figure, or missing).
    """
    fig, ax = style.figure(style.rows_size(len(rows), 1.2, 0.8, width=8.0))
    right = float(pd.concat([rows["high"], rows["low"], rows["stated"]]).max()) * 1.25
    for y, row in enumerate(rows.itertuples(index=False)):
        high = right if pd.isna(row.high) else row.high
        ax.plot([row.low, high], [y, y], color=style.RUSSIA, lw=6, alpha=0.5, solid_capstyle="butt")
        ax.plot([row.low], [y], "|", color=style.RUSSIA, ms=14, mew=2)
        ax.plot(
            [high],
            [y],
            ">" if pd.isna(row.high) else "|",
            color=style.RUSSIA,
            ms=10 if pd.isna(row.high) else 14,
            mew=2,
        )
        if not pd.isna(row.stated):
            ax.plot([row.stated], [y], "D", color=style.CHINA, ms=9)
    style.row_axis(ax, rows["label"])
    ax.set_xlim(0, right * 1.02)
    ax.set_xlabel(f"{unit} (bar: range the inputs allow, arrow: open-ended; diamond: the paper's figure)")
    ax.grid(axis="x", color=style.GREY_GRID)
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source, 0.1)


def scenarios(
    base: float, base_label: str, base_text: str, threshold: float, cases: pd.DataFrame, source: str
):
    """The paper's two scenarios against its estimate of current deliveries.

    ``cases``: ``label`` and ``floor`` (USD bn a year, or missing when the paper gives no
    figure). A case with a floor is drawn as an open-ended band above it; a case without
    one as an arrow of unstated length above the base.
    """
    fig, ax = style.figure(style.SIZE_LOW)
    ax.bar(0, base, color=style.RUSSIA, alpha=0.55, hatch="//", edgecolor=style.RUSSIA, width=0.55)
    ax.text(0, base + 0.05, base_text, ha="center", va="bottom", fontsize=9)
    top = threshold * 1.6
    for x, row in enumerate(cases.itertuples(index=False), start=1):
        if not pd.isna(row.floor):
            ax.bar(
                x, top - row.floor, bottom=row.floor, color=style.OKABE_ITO["green"], alpha=0.35, width=0.55
            )
            ax.annotate("", xy=(x, top), xytext=(x, row.floor), arrowprops={"arrowstyle": "->", "lw": 2})
            ax.text(x + 0.32, row.floor, f"above ${row.floor:g} bn", va="center", fontsize=9)
        else:
            ax.annotate(
                "",
                xy=(x, base * 1.25),
                xytext=(x, base),
                arrowprops={"arrowstyle": "->", "lw": 2, "ls": "--"},
            )
            ax.text(x + 0.32, base * 1.12, "steady growth,\nrate not given", va="center", fontsize=9)
    ax.axhline(threshold, color=style.GREY_RULE, lw=0.8, ls=":")
    ax.set_xticks(range(len(cases) + 1), [base_label, *cases["label"]])
    ax.set_xlim(-0.6, len(cases) + 0.9)
    ax.set_ylim(0, top)
    ax.set_ylabel("Russian arms deliveries to China\n(billion US dollars a year)")
    ax.grid(axis="x", visible=False)
    return style.finish(fig, source)


def tiv_editions(editions: pd.DataFrame, source: str):
    """The same yearly series as each SIPRI edition gives it."""
    fig, ax = style.figure(style.SIZE_WIDE_40)
    markers = ["o", "s", "^", "D"]
    colors = style.SERIES_COLORS
    for (edition, rows), marker, color in zip(
        editions.groupby("edition", sort=True), markers, colors, strict=False
    ):
        rows = rows.sort_values("year")
        ax.plot(rows["year"], rows["tiv_millions"], marker=marker, ms=4, lw=1.5, color=color, label=edition)
    ax.set_ylabel("deliveries (millions of SIPRI TIV)")
    ax.set_xlabel("year of delivery")
    ax.legend(title="SIPRI edition")
    return style.finish(fig, source)


VERDICT_COLORS = style.VERDICT_COLORS


def scorecard(outcomes: pd.DataFrame, paper_date: float, source: str):
    """Predicted year (hollow circle) against what happened (bar from first to last year), by forecast.

    An outcome of a single year is drawn as a square marker, so that no outcome is invisible.
    """
    years = pd.concat(
        [outcomes["predicted_year"], outcomes["outcome_year_low"], outcomes["outcome_year_high"]]
    )
    first, last = int(min(years.min(), paper_date)), int(years.max())
    fig, ax = style.figure(style.rows_size(len(outcomes), 0.9, 0.45))
    for y, row in enumerate(outcomes.itertuples(index=False)):
        color = VERDICT_COLORS[row.verdict]
        if not pd.isna(row.outcome_year_low):
            high = row.outcome_year_high if not pd.isna(row.outcome_year_high) else row.outcome_year_low
            if high == row.outcome_year_low:
                ax.plot([high], [y], "s", ms=9, color=color)
            else:
                ax.plot([row.outcome_year_low, high], [y, y], color=color, lw=7, solid_capstyle="butt")
        if not pd.isna(row.predicted_year):
            ax.plot([row.predicted_year], [y], "o", ms=10, mfc=style.WHITE, mec=style.BLACK, mew=1.5)
        ax.text(
            last + 1.3,
            y,
            row.verdict,
            va="center",
            fontsize=8,
            color=color if color != style.GREY_RULE else style.GREY_DARK,
        )
    ax.axvline(paper_date, color=style.CHINA, lw=1.2, ls="--")
    style.row_axis(ax, outcomes["subject"])
    ax.set_xlim(first - 0.5, last + 5)
    ax.set_xticks(range(first, last + 2, 2))
    ax.set_xlabel(
        "year (circle: year the paper named; bar or square: what happened; dashed: the paper's date)"
    )
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source, 0.06)


def _shade_phases(ax, phases: pd.DataFrame, label: bool) -> None:
    labelled = set()
    for row in phases.itertuples(index=False):
        ax.axvspan(
            row.year_low - 0.5,
            row.year_high + 0.5,
            color=PHASE_COLORS.get(row.id, style.GREY_GRID),
            alpha=0.12,
            lw=0,
        )
        if label:
            key = (row.year_low, row.year_high)
            offset = 0.9 if key not in labelled else 0.8
            labelled.add(key)
            ax.annotate(
                row.label, xy=(row.year_low - 0.3, offset), xycoords=("data", "axes fraction"), fontsize=8
            )


def orders_deliveries(
    orders: pd.Series, deliveries: pd.Series, phases: pd.DataFrame, paper_date: float, source: str
):
    """New orders by year of order (top) above deliveries by year of delivery (bottom), both in TIV,
    with the paper's phases shaded and its date marked. Both series: index = year."""
    fig, (top, bottom) = style.figure(style.SIZE_TWO_PANELS_TALL, nrows=2, sharex=True)
    for ax, series, color, label in (
        (top, orders, style.OKABE_ITO["orange"], "new orders\n(millions of TIV, by year of order)"),
        (bottom, deliveries, style.RUSSIA, "deliveries\n(millions of TIV, by year of delivery)"),
    ):
        _shade_phases(ax, phases, label=ax is top)
        ax.bar(series.index, series.values, color=color, width=0.75)
        ax.axvline(paper_date, color=style.CHINA, lw=1.5, ls="--")
        ax.set_ylabel(label)
    top.annotate(
        "the paper",
        xy=(paper_date + 0.2, 0.6),
        xycoords=("data", "axes fraction"),
        color=style.CHINA,
        fontsize=8,
    )
    years = list(orders.index) + list(deliveries.index)
    bottom.set_xlim(min(years) - 0.8, max(years) + 0.8)
    bottom.set_xlabel("year")
    return style.finish(fig, source)


def engine_share(frame: pd.DataFrame, source: str):
    """Deliveries per year split into engines and everything else (TIV), with engines' share written
    above each bar. ``frame``: index = year; columns total, engines, share (per cent)."""
    fig, ax = style.figure(style.SIZE_WIDE_LOW)
    other = frame["total"] - frame["engines"]
    ax.bar(frame.index, frame["engines"], color=style.OKABE_ITO["orange"], width=0.75, label="engines")
    ax.bar(
        frame.index, other, bottom=frame["engines"], color=style.RUSSIA, width=0.75, label="all other weapons"
    )
    for year, row in frame.iterrows():
        ax.text(year, row["total"], f"{row['share']:.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_ylabel("deliveries (millions of SIPRI TIV)")
    ax.set_xlabel("year of delivery (figure above each bar: engines' share of the year, %)")
    ax.legend()
    return style.finish(fig, source)


def russia_shares(rows: pd.DataFrame, source: str):
    """Russia's share of China's imports per window (horizontal bars), SIPRI's published figure as a
    diamond where there is one. ``rows``: label, russia (%), published (% or missing), group; each
    group (successive periods, published windows, latest window) gets its own shade."""
    fig, ax = style.figure(style.rows_size(len(rows), 1.4, 0.42))
    shades = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.GREY_OTHER]
    colors = dict(zip(rows["group"].unique(), shades, strict=False))
    for y, row in enumerate(rows.itertuples(index=False)):
        color = colors[row.group]
        ax.barh(y, row.russia, color=color, height=0.65)
        text_color = style.WHITE if color == style.RUSSIA else style.BLACK
        ax.text(row.russia - 1, y, f"{row.russia:.0f}", ha="right", va="center", fontsize=8, color=text_color)
        if not pd.isna(row.published):
            ax.plot([row.published], [y], "D", ms=8, color=style.OKABE_ITO["orange"], mec=style.BLACK)
    style.row_axis(ax, rows["label"])
    ax.set_xlim(0, 100)
    ax.set_xlabel(
        "Russia's (incl. USSR) share of China's arms imports\n"
        "(% of SIPRI TIV; diamond: the figure SIPRI published)"
    )
    ax.grid(axis="y", visible=False)
    handles = [mpl_patch(colors[g], g) for g in colors]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=1, fontsize=8)
    return style.finish(fig, source)


def mpl_patch(color: str, label: str):
    from matplotlib.patches import Patch

    return Patch(color=color, label=label)


def exporters(china: pd.Series, russia: pd.Series, share: pd.Series, crossover: int | None, source: str):
    """China's and Russia's arms exports by year (top, TIV) and China's share of Russia's exports
    (bottom, per cent). All series: index = year."""
    fig, (top, bottom) = style.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    top.plot(russia.index, russia.values, color=style.RUSSIA, marker="o", ms=3, label="Russia's exports")
    top.plot(china.index, china.values, color=style.CHINA, marker="s", ms=3, label="China's exports")
    if crossover is not None:
        top.axvline(crossover, color=style.GREY_DARK, lw=1, ls=":")
        top.annotate(
            f"China above Russia ({crossover})",
            xy=(crossover - 0.3, 0.9),
            xycoords=("data", "axes fraction"),
            ha="right",
            fontsize=8,
        )
    top.set_ylabel("arms exports, all customers\n(millions of SIPRI TIV)")
    top.legend(loc="upper left")
    bottom.bar(share.index, share.values, color=style.RUSSIA, width=0.75)
    bottom.set_ylabel("China's share of\nRussia's exports (%)")
    bottom.set_xlabel("year of delivery")
    return style.finish(fig, source)


def dollars_vs_tiv(official: pd.DataFrame, tiv: pd.Series, source: str):
    """Russia's officially announced arms exports in US dollars (top; hollow marks: 'more than' or
    'about') above SIPRI's TIV for Russia's exports (bottom). ``official``: year, usd_billion, exact."""
    fig, (top, bottom) = style.figure(style.SIZE_TALL, nrows=2, sharex=True)
    exact = official[official["exact"]]
    vague = official[~official["exact"]]
    top.plot(exact["year"], exact["usd_billion"], "o", ms=7, color=style.RUSSIA, label="stated figure")
    top.plot(
        vague["year"],
        vague["usd_billion"],
        "o",
        ms=7,
        mfc=style.WHITE,
        mec=style.RUSSIA,
        label='"more than", "about"',
    )
    top.set_ylim(0, official["usd_billion"].max() * 1.2)
    top.set_ylabel("official arms exports\n(billion US dollars)")
    top.legend(loc="lower left", fontsize=8)
    bottom.bar(tiv.index, tiv.values, color=style.RUSSIA, width=0.75)
    bottom.set_ylabel("SIPRI's measure\n(millions of TIV)")
    bottom.set_xlabel("year")
    return style.finish(fig, source)


def engine_deliveries(per_year: pd.DataFrame, source: str):
    """Russian engines delivered to China per year, stacked by engine family.

    ``per_year``: index = year, columns = engine families, values = engines delivered.
    """
    fig, ax = style.figure(style.SIZE_WIDE_LOW)
    colors = [style.RUSSIA, *(c for c in style.SERIES_COLORS if c != style.RUSSIA)]
    bottom = pd.Series(0.0, index=per_year.index)
    for family, color in zip(per_year.columns, colors, strict=False):
        ax.bar(per_year.index, per_year[family], bottom=bottom, color=color, label=family, width=0.75)
        bottom = bottom + per_year[family]
    ax.set_ylabel("engines delivered")
    ax.set_xlabel("year of delivery")
    ax.legend(title="engine (SIPRI designation)")
    return style.finish(fig, source)


def story(
    deliveries: pd.Series, china_exports: pd.Series, phases: pd.DataFrame, paper_date: float, source: str
):
    """The whole story at a glance: Russia's deliveries to China (bars) and China's own arms exports
    to all customers (line), both in TIV, with the paper's phases shaded and its date marked.
    Both series: index = year. Used once, on the findings page."""
    fig, ax = style.figure(style.SIZE_WIDE_44)
    _shade_phases(ax, phases, label=True)
    ax.bar(deliveries.index, deliveries.values, color=style.RUSSIA, width=0.75)
    ax.plot(china_exports.index, china_exports.values, color=style.CHINA, lw=2, marker="s", ms=3)
    ax.axvline(paper_date, color=style.GREY_MARK, lw=1.2, ls="--")
    box = {"facecolor": style.WHITE, "edgecolor": "none", "alpha": 0.85, "pad": 1.5}
    ax.annotate(
        "the paper", xy=(paper_date + 0.3, 0.72), xycoords=("data", "axes fraction"), fontsize=8, bbox=box
    )
    last = china_exports.index.max()
    ax.annotate(
        "China's own arms exports\n(all customers)",
        xy=(last, china_exports[last]),
        xytext=(-8, 10),
        textcoords="offset points",
        ha="right",
        color=style.CHINA,
        fontsize=8,
        bbox=box,
    )
    peak = deliveries.idxmax()
    ax.annotate(
        "Russia's deliveries\nto China",
        xy=(peak, deliveries[peak]),
        xytext=(10, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        color=style.RUSSIA,
        fontsize=8,
        bbox=box,
    )
    years = list(deliveries.index) + list(china_exports.index)
    ax.set_xlim(min(years) - 0.8, max(years) + 0.8)
    ax.set_ylim(0, max(deliveries.max(), china_exports.max()) * 1.25)
    ax.set_ylabel("millions of SIPRI TIV a year")
    ax.set_xlabel("year")
    return style.finish(fig, source)


def marks(table: pd.DataFrame, ids: list[str], kind: str) -> pd.DataFrame:
    """Rows of a dated table (indexed by id) as marks for :func:`timeline`: x, label, kind."""
    rows = table.loc[ids]
    return pd.DataFrame(
        {
            "x": [decimal_year(y, m) for y, m in zip(rows["year_low"], rows["month"], strict=True)],
            "label": rows["label"].to_numpy(),
            "kind": kind,
        }
    )
