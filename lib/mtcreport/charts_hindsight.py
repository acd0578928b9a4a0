"""Chapter 7's charts: the paper's forecasts against SIPRI's data after 2012, and the story
chart of the findings page.

Each function takes tidy tables and returns a figure drawn with :mod:`mtcreport.chartkit`. No
chart draws a title (the notebook cell's caption carries it); every chart has axis labels with
units and a source line naming the work and the table. Words that must agree with a chapter's
prose (where "the paper" stands, when China's exports overtook Russia's) are the chapter's
arguments.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import chartkit, figures, fmt, style


@chartkit.chart
def tiv_editions(editions: pd.DataFrame, source: str):
    """The same yearly series as each SIPRI edition gives it; each edition's entry in the legend
    names the years it covers, so that a line that starts later reads as an edition that covers
    fewer years, not as one that disagrees."""
    fig, ax = chartkit.figure(style.FIGSIZE)
    markers = ["o", "s", "^", "D"]
    for (edition, rows), marker, color in zip(
        editions.groupby("edition", sort=True), markers, style.SERIES_COLORS, strict=False
    ):
        series = rows.set_index("year")["tiv_millions"].sort_index()
        covers = f"{edition}: {series.index.min()}–{series.index.max()}"
        chartkit.line(
            ax,
            series,
            f"SIPRI {edition}",
            "million TIV",
            color,
            marker,
            lw=style.LINE_THIN,
            label=covers,
            ms=style.MARK_SMALL,
        )
    ax.set_ylabel("deliveries (millions of SIPRI TIV)")
    ax.set_xlabel("year of delivery")
    # under the axes: a new edition adds an entry, and no corner stays clear of every edition's peaks
    chartkit.legend(ax, None, title="SIPRI edition: years it covers", columns_wanted=3)
    return chartkit.finish(fig, source)


@chartkit.chart
def scorecard(outcomes: pd.DataFrame, paper_date: float, source: str):
    """Predicted year (hollow circle) against what happened (bar from first to last year), by forecast.

    An outcome of a single year is drawn as a square marker, so that no outcome is invisible.
    The verdict is written at the right of each row.
    """
    years = pd.concat(
        [outcomes["predicted_year"], outcomes["outcome_year_low"], outcomes["outcome_year_high"]]
    )
    first, last = int(min(years.min(), paper_date)), int(years.max())
    fig, ax = chartkit.figure(chartkit.rows_size(len(outcomes), 1.5, 0.4))
    for y, row in enumerate(outcomes.itertuples(index=False)):
        color = style.VERDICT_COLORS[row.verdict]
        subject = chartkit.one_line(row.subject)
        if not pd.isna(row.outcome_year_low):
            high = row.outcome_year_high if not pd.isna(row.outcome_year_high) else row.outcome_year_low
            if high == row.outcome_year_low:
                (done,) = ax.plot([high], [y], "s", ms=9, color=color)
                when = f"{int(high)}"
            else:
                (done,) = ax.plot(
                    [row.outcome_year_low, high],
                    [y, y],
                    color=color,
                    lw=style.LINE_SPAN,
                    solid_capstyle="butt",
                )
                when = f"{int(row.outcome_year_low)}–{int(high)}"
            figures.mark(
                done,
                f"{subject}: happened {when} ({row.verdict})",
                forecast=subject,
                mark="what happened",
                year_low=row.outcome_year_low,
                year_high=high,
                verdict=row.verdict,
            )
        if not pd.isna(row.predicted_year):
            (named,) = ax.plot(
                [row.predicted_year],
                [y],
                "o",
                ms=style.MARK_LARGE,
                mfc=style.WHITE,
                mec=style.BLACK,
                mew=style.EDGE,
            )
            figures.mark(
                named,
                f"{subject}: the paper named {int(row.predicted_year)}",
                forecast=subject,
                mark="year the paper named",
                year_low=row.predicted_year,
                year_high=row.predicted_year,
                verdict=row.verdict,
            )
        ax.text(
            last + 1.3,
            y,
            row.verdict,
            va="center",
            fontsize=style.SMALL_PT,
            color=color if color not in (style.GREY_RULE, style.OKABE_ITO["orange"]) else style.GREY_DARK,
        )
    chartkit.paper_date(ax, paper_date)
    chartkit.row_axis(ax, [chartkit.label(s, 170) for s in outcomes["subject"]])
    ax.set_xlim(first - 0.5, last + 6)
    ax.set_xticks(range(first, last + 2, 3))
    ax.set_xlabel(
        "year (circle: year the paper named;\nbar or square: what happened; dashed line: the paper's date)"
    )
    ax.grid(axis="y", visible=False)
    return chartkit.finish(fig, source)


@chartkit.chart
def orders_deliveries(
    orders: pd.Series,
    deliveries: pd.Series,
    phases: pd.DataFrame,
    paper_date: float,
    source: str,
    *,
    paper_label: str,
):
    """New orders by year of order (top) above deliveries by year of delivery (bottom), both in TIV,
    with the paper's phases shaded (named above the top panel) and its date marked, labelled
    ``paper_label`` (the chapter's words). Both series: index = year."""
    fig, (top, bottom) = chartkit.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    chartkit.year_span(bottom, orders, deliveries)
    for ax, series, color, name, label in (
        (
            top,
            orders,
            style.OKABE_ITO["orange"],
            "new orders",
            "new orders\n(millions of TIV,\nby year of order)",
        ),
        (
            bottom,
            deliveries,
            style.RUSSIA,
            "deliveries",
            "deliveries\n(millions of TIV,\nby year of delivery)",
        ),
    ):
        chartkit.shade_phases(ax, phases, label=ax is top)
        chartkit.bars(ax, series, name, "million TIV", color, width=style.BAR_WIDTH)
        ax.set_ylabel(label)
    # head-room above the tallest order, where the label of the paper's date stands clear of the bars
    top.set_ylim(0, orders.max() * 1.3)
    chartkit.paper_date([top, bottom], paper_date, paper_label, lw=style.LINE_THIN, height=0.86)
    bottom.set_xlabel("year")
    return chartkit.finish(fig, source)


@chartkit.chart
def engine_share(frame: pd.DataFrame, source: str):
    """Deliveries per year split into engines and everything else (TIV). Engines' share of each
    year is in the hover text and the CSV, and drawn as a line in a lower panel.
    ``frame``: index = year; columns total, engines, share (per cent)."""
    fig, (top, bottom) = chartkit.figure(
        style.SIZE_TWO_PANELS, nrows=2, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]}
    )
    # a difference of data: rounded to the data's hundredths, so that no float noise reaches the CSV
    other = (frame["total"] - frame["engines"]).round(2)
    chartkit.bars(
        top,
        frame["engines"],
        "engines",
        "million TIV",
        style.OKABE_ITO["orange"],
        width=style.BAR_WIDTH,
        label="engines",
    )
    chartkit.bars(
        top,
        other,
        "all other weapons",
        "million TIV",
        style.RUSSIA,
        bottom=frame["engines"],
        width=style.BAR_WIDTH,
        label="all other weapons",
    )
    top.set_ylabel("deliveries\n(millions of SIPRI TIV)")
    chartkit.legend(top, "upper right")
    chartkit.line(
        bottom,
        frame["share"],
        "engines' share",
        "%",
        style.OKABE_ITO["orange"],
        "o",
        computed=True,
        lw=style.LINE_THIN,
        ms=style.MARK_SMALL,
    )
    bottom.set_ylim(0, 100)
    bottom.set_yticks([0, 50, 100])
    bottom.set_ylabel("engines' share\n(% of the year)")
    bottom.set_xlabel("year of delivery")
    return chartkit.finish(fig, source)


@chartkit.chart
def russia_shares(rows: pd.DataFrame, source: str):
    """Russia's share of China's imports per window (horizontal bars), SIPRI's published figure as a
    diamond where there is one. ``rows``: label, russia (%), published (% or missing), group; each
    group (successive periods, published windows, latest window) gets its own shade."""
    fig, ax = chartkit.figure(chartkit.rows_size(len(rows), 2.2, 0.34))
    shades = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.GREY_OTHER]
    colors = dict(zip(rows["group"].unique(), shades, strict=False))
    for y, row in enumerate(rows.itertuples(index=False)):
        color = colors[row.group]
        share = fmt.rounded(row.russia)  # half up, as Table 7.3 and the prose round it
        (bar,) = ax.barh(y, row.russia, color=color, height=chartkit.ROW_BAR)
        text_color = style.WHITE if color == style.RUSSIA else style.BLACK
        ax.text(1.5, y, f"{share} %", ha="left", va="center", fontsize=style.SMALL_PT, color=text_color)
        drawn = [(bar, "computed here", float(share), f"Russia {share} % of China's imports (computed)")]
        if not pd.isna(row.published):
            (diamond,) = ax.plot(
                [row.published], [y], "D", ms=style.MARK, color=style.OKABE_ITO["orange"], mec=style.BLACK
            )
            drawn.append(
                (diamond, "published by SIPRI", row.published, f"SIPRI published {row.published:g} %")
            )
        for artist, figure, percent, said in drawn:
            figures.mark(
                artist,
                f"{row.label}: {said}",
                window=row.label,
                group=row.group,
                figure=figure,
                percent=percent,
            )
    chartkit.row_axis(ax, rows["label"])
    ax.set_xlim(0, 100)
    ax.set_xlabel(
        "Russia's (incl. USSR) share of China's arms imports\n"
        "(% of SIPRI TIV; diamond: the figure SIPRI published)"
    )
    ax.grid(axis="y", visible=False)
    chartkit.legend(ax, None, handles=[chartkit.patch(colors[g], g) for g in colors])
    return chartkit.finish(fig, source)


@chartkit.chart
def exporters(
    china: pd.Series,
    russia: pd.Series,
    share: pd.Series,
    crossover: int | None,
    source: str,
    *,
    crossover_label: str | None = None,
):
    """China's and Russia's arms exports by year (top, TIV) and China's share of Russia's exports
    (bottom, per cent). All series: index = year. The first year China's exports were above
    Russia's (``crossover``, or None) is marked and labelled ``crossover_label``, the chapter's
    words, which must agree with its prose."""
    if crossover is not None and not crossover_label:
        raise ValueError("exporters: a crossover year needs its label (crossover_label)")
    fig, (top, bottom) = chartkit.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    chartkit.line(
        top,
        russia,
        "Russia's exports",
        "million TIV",
        style.RUSSIA,
        "o",
        ms=style.MARK_TINY,
        label="Russia's exports",
    )
    chartkit.line(
        top,
        china,
        "China's exports",
        "million TIV",
        style.CHINA,
        "s",
        ms=style.MARK_TINY,
        label="China's exports",
    )
    if crossover is not None:
        top.axvline(crossover, color=style.GREY_DARK, lw=1, ls=":")
        top.annotate(  # above the panel, ending at the line: no data or legend up there
            crossover_label,
            xy=(crossover, 1.01),
            xycoords=("data", "axes fraction"),
            ha="right",
            va="bottom",
            fontsize=style.SMALL_PT,
        )
    top.set_ylabel("arms exports,\nall customers\n(millions of TIV)")
    chartkit.legend(top, "upper left")
    chartkit.bars(
        bottom,
        share,
        "China's share of Russia's exports",
        "%",
        style.RUSSIA,
        computed=True,
        width=style.BAR_WIDTH,
    )
    bottom.set_ylabel("China's share\nof Russia's\nexports (%)")
    bottom.set_xlabel("year of delivery")
    return chartkit.finish(fig, source)


@chartkit.chart
def dollars_vs_tiv(official: pd.DataFrame, tiv: pd.Series, source: str):
    """Russia's officially announced arms exports in US dollars (top; hollow marks: 'more than' or
    'about') above SIPRI's TIV for Russia's exports (bottom). ``official``: year, usd_billion, exact."""
    fig, (top, bottom) = chartkit.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    for row in official.itertuples(index=False):
        (point,) = top.plot(
            [row.year],
            [row.usd_billion],
            "o",
            ms=7,
            color=style.RUSSIA,
            mfc=style.RUSSIA if row.exact else style.WHITE,
            mec=style.RUSSIA,
        )
        said = "" if row.exact else " (approximate: 'more than' or 'about')"
        figures.mark(
            point,
            f"officially announced, {row.year}: ${row.usd_billion:g} bn{said}",
            series="officially announced",
            year=row.year,
            value=row.usd_billion,
            unit="USD bn",
            exact=bool(row.exact),
        )
    from matplotlib.lines import Line2D

    chartkit.legend(
        top,
        "lower left",
        handles=[
            Line2D([], [], marker="o", ls="", color=style.RUSSIA, label="stated figure"),
            Line2D(
                [], [], marker="o", ls="", mfc=style.WHITE, mec=style.RUSSIA, label='"more than", "about"'
            ),
        ],
    )
    top.set_ylim(0, official["usd_billion"].max() * 1.2)
    top.set_ylabel("official arms\nexports (billion\nUS dollars)")
    chartkit.bars(bottom, tiv, "SIPRI's measure", "million TIV", style.RUSSIA, width=style.BAR_WIDTH)
    bottom.set_ylabel("SIPRI's measure\n(millions of TIV)")
    bottom.set_xlabel("year")
    from matplotlib.ticker import MaxNLocator

    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole years on a narrow axis too
    return chartkit.finish(fig, source)


@chartkit.chart
def engine_deliveries(per_year: pd.DataFrame, source: str):
    """Russian engines delivered to China per year, stacked by engine family.

    ``per_year``: index = year, columns = engine families, values = engines delivered.
    """
    fig, ax = chartkit.figure(style.FIGSIZE)
    colors = [style.RUSSIA, *(c for c in style.SERIES_COLORS if c != style.RUSSIA)]
    bottom = pd.Series(0.0, index=per_year.index)
    for family, color in zip(per_year.columns, colors, strict=False):
        counts = per_year[family]
        drawn = ax.bar(
            per_year.index, counts, bottom=bottom, color=color, label=family, width=style.BAR_WIDTH
        )
        for rect, (year, value) in zip(drawn, counts.items(), strict=True):
            if value:
                figures.mark(
                    rect, f"{family}, {year}: {value:g} engines", engine=family, year=year, engines=value
                )
        bottom = bottom + counts
    ax.set_ylabel("engines delivered")
    ax.set_xlabel("year of delivery")
    chartkit.legend(ax, "upper left", title="engine (SIPRI designation)")
    return chartkit.finish(fig, source)


@chartkit.chart
def story(
    deliveries: pd.Series,
    china_exports: pd.Series,
    phases: pd.DataFrame,
    paper_date: float,
    source: str,
    *,
    paper_label: str,
):
    """The whole story at a glance: Russia's deliveries to China (bars) and China's own arms exports
    to all customers (line), both in TIV, with the paper's phases shaded and its date marked,
    labelled ``paper_label`` (the page's words). Both series: index = year. Used once, on the
    findings page."""
    fig, ax = chartkit.figure(style.FIGSIZE)
    chartkit.year_span(ax, deliveries, china_exports)
    chartkit.shade_phases(ax, phases, label=True)
    chartkit.bars(
        ax, deliveries, "Russia's deliveries to China", "million TIV", style.RUSSIA, width=style.BAR_WIDTH
    )
    chartkit.line(
        ax,
        china_exports,
        "China's own arms exports (all customers)",
        "million TIV",
        style.CHINA,
        "s",
        lw=style.LINE,
        ms=style.MARK_TINY,
    )
    chartkit.paper_date(ax, paper_date, paper_label, color=style.GREY_MARK, height=0.8, boxed=True)
    chartkit.legend(
        ax,
        None,
        handles=[
            chartkit.patch(style.RUSSIA, "Russia's deliveries to China"),
            chartkit.line_entry(
                "China's own arms exports (all customers)",
                style.CHINA,
                marker="s",
                ms=style.MARK_TINY,
                lw=style.LINE,
            ),
        ],
        columns_wanted=2,
    )
    ax.set_ylim(0, max(deliveries.max(), china_exports.max()) * 1.2)
    ax.set_ylabel("millions of SIPRI TIV a year")
    ax.set_xlabel("year")
    return chartkit.finish(fig, source)
