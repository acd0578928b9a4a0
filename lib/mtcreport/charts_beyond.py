"""Chapter 8's charts ("What the trade figures do not show"), in the house style of
:mod:`mtcreport.style`: one column wide, no type below ``style.MIN_PT``, no titles inside the
figure, axis labels with units, a source line, and every bar, point or span recorded with
:func:`mtcreport.figures.mark` (hover text and one row of the figure's CSV)."""

from __future__ import annotations

import pandas as pd

from mtcreport import beyond, chartkit, figures, style

#: Timeline rows, top to bottom: SIPRI's register first, then what it does not count.
KINDS = (
    "arms contract",
    "delivery",
    "joint development",
    "agreement",
    "exercise or patrol",
    "engine milestone",
    "dual-use trade",
    "sanctions",
    "statement",
)
KIND_COLORS = {
    "arms contract": style.RUSSIA,
    "delivery": style.OKABE_ITO["sky_blue"],
    "joint development": style.OKABE_ITO["purple"],
    "agreement": style.OKABE_ITO["purple"],
    "exercise or patrol": style.OKABE_ITO["green"],
    "engine milestone": style.CHINA,
    "dual-use trade": style.OKABE_ITO["orange"],
    "sanctions": style.BLACK,
    "statement": style.GREY_DARK,
}
#: Marker by how certain the source is: filled circle, diamond, hollow circle.
CERTAINTY_MARKERS = {
    "documented": {"marker": "o", "filled": True},
    "stated by a government": {"marker": "D", "filled": True},
    "reported": {"marker": "o", "filled": False},
}


@chartkit.chart
def development_timeline(marks: pd.DataFrame, first: int, last: int, source: str):
    """One row per kind of development, one mark per development (a line for a span), its shape
    telling how certain the source is. ``marks``: from :func:`mtcreport.beyond.timeline_marks`."""
    kinds = [k for k in KINDS if k in set(marks["kind"])]
    unknown = set(marks["kind"]) - set(KINDS)
    if unknown:
        raise ValueError(f"timeline: no row for kind(s) {', '.join(sorted(unknown))}")
    fig, ax = chartkit.figure(chartkit.rows_size(len(kinds), 1.9, 0.42))
    for row in marks.itertuples(index=False):
        y = kinds.index(row.kind)
        color = KIND_COLORS[row.kind]
        shape = CERTAINTY_MARKERS[row.certainty]
        if row.end - row.start > 0.25:  # a span of months or years; a few days is one point
            (artist,) = ax.plot([row.start, row.end], [y, y], color=color, lw=5, solid_capstyle="butt")
        else:
            (artist,) = ax.plot(
                [row.start],
                [y],
                shape["marker"],
                ms=7,
                color=color,
                mfc=color if shape["filled"] else style.WHITE,
                mec=color,
                mew=1.5,
                alpha=0.85,
            )
        figures.mark(
            artist,
            f"{row.label} ({row.certainty}; source: {row.source})",
            kind=row.kind,
            start=round(row.start, 2),  # decimal years, to the days a chart can show
            end=round(row.end, 2),
            certainty=row.certainty,
            source=row.source,
            what=row.label,
        )
    chartkit.row_axis(ax, kinds)
    ax.set_xlim(first, last + 1)
    ax.set_xticks(range(first, last + 2, 2))
    ax.grid(axis="x", visible=True)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("year\n(filled: documented; diamond: stated by a government; hollow: reported)")
    return chartkit.finish(fig, source)


@chartkit.chart
def licence_built(frame: pd.DataFrame, source: str):
    """SIPRI's Russian deliveries per year split by where SIPRI's comments say they were built
    (stacked bars, TIV; top), and the share built in China (bottom: low and high reading).
    ``frame``: from :func:`mtcreport.beyond.licence_built_by_year`."""
    fig, (top, bottom) = chartkit.figure(
        style.SIZE_TWO_PANELS, nrows=2, sharex=True, gridspec_kw={"height_ratios": [2.0, 1.2]}
    )
    colors = {
        beyond.BUILT: style.CHINA,
        beyond.POSSIBLE: style.OKABE_ITO["orange"],
        beyond.IMPORTED: style.RUSSIA,
    }
    base = pd.Series(0.0, index=frame.index)
    for kind in beyond.PRODUCTION_CLASSES:
        values = frame[kind]
        shown = values[values > 0]
        chartkit.bars(
            top,
            shown,
            kind,
            "million TIV",
            colors[kind],
            bottom=base[shown.index],
            computed=True,
            width=style.BAR_WIDTH,
            label=kind,
        )
        base = base + values
    top.set_ylabel("Russian deliveries\n(millions of SIPRI TIV)")
    chartkit.legend(top, "upper right", title="where SIPRI's comments say it was built")
    for column, name, marker, color in (
        ("upper_share", "built or possibly built in China", "s", style.OKABE_ITO["orange"]),
        ("built_share", "built in China", "o", style.CHINA),
    ):
        chartkit.line(
            bottom,
            frame[column],
            name,
            "% of the year's TIV",
            color,
            marker,
            computed=True,
            lw=style.LINE_THIN,
        )
    bottom.set_ylim(0, 100)
    bottom.set_yticks([0, 25, 50, 75, 100])
    bottom.set_ylabel("share built in\nChina (% of TIV)")
    bottom.set_xlabel("year of delivery (circle: built in China; square: built or possibly built)")
    return chartkit.finish(fig, source)


@chartkit.chart
def windows_and_years(series: pd.Series, windows, source: str):
    """Yearly Russian deliveries (bars) with the mean per year of each five-year window (a
    horizontal segment across the window): how single years swing inside SIPRI's windows."""
    fig, ax = chartkit.figure(style.FIGSIZE)
    years = [y for first, last in windows for y in range(first, last + 1)]
    values = series.loc[years]
    drawn = ax.bar(
        values.index, values.values, width=0.75, color=style.OKABE_ITO["sky_blue"], label="single year"
    )
    for rect, (year, value) in zip(drawn, values.items(), strict=True):
        figures.mark(
            rect,
            f"{year}: {chartkit.hover_number(value)} million TIV",
            mark="single year",
            first=year,
            last=year,
            value=value,
        )
    for i, (first, last) in enumerate(windows):
        mean = beyond.window_total(series, first, last) / (last - first + 1)
        (segment,) = ax.plot(
            [first - 0.45, last + 0.45],
            [mean, mean],
            color=style.RUSSIA,
            lw=2.5,
            label="five-year mean" if i == 0 else None,
        )
        figures.mark(
            segment,
            f"{first}–{last}: {chartkit.hover_number(mean)} million TIV a year on average",
            mark="five-year mean",
            first=first,
            last=last,
            value=chartkit.shown(mean),
        )
    ax.set_ylabel("Russian deliveries to China\n(millions of SIPRI TIV a year)")
    ax.set_xlabel("year of delivery")
    chartkit.legend(ax, "upper right")
    return chartkit.finish(fig, source)


@chartkit.chart
def china_position(frame: pd.DataFrame, source: str):
    """China's arms imports and exports and Russia's exports per five-year window (grouped
    horizontal bars, TIV). ``frame``: from :func:`mtcreport.beyond.position`."""
    series = (
        ("china_imports", "China's imports", style.OKABE_ITO["orange"]),
        ("china_exports", "China's exports", style.CHINA),
        ("russia_exports", "Russia's exports", style.RUSSIA),
    )
    fig, ax = chartkit.figure(chartkit.rows_size(len(frame), 1.6, 0.75))
    height = 0.26
    for j, (column, name, color) in enumerate(series):
        ys = [i + (j - 1) * height for i in range(len(frame))]
        drawn = ax.barh(ys, frame[column], height=height, color=color, label=name)
        for rect, row in zip(drawn, frame.itertuples(index=False), strict=True):
            value = getattr(row, column)
            figures.mark(
                rect,
                f"{row.window}, {name}: {chartkit.hover_number(value)} million TIV",
                window=row.window,
                series=name,
                value=chartkit.shown(value),
            )
    chartkit.row_axis(ax, frame["window"])
    ax.set_xlabel("arms transfers over the five years (millions of SIPRI TIV)")
    ax.grid(axis="x", visible=True)
    ax.grid(axis="y", visible=False)
    chartkit.legend(ax, "lower right")
    return chartkit.finish(fig, source)
