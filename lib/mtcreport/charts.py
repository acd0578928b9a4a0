"""Charts shared by the chapters. Each function takes tidy tables and returns a figure.

No chart draws a title (the notebook cell's caption carries it); every chart has
axis labels with units and a source line naming the work and the table.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import figures, fmt, style

#: Where undated rows are drawn on a time axis, right of the last year shown.
UNDATED_GAP = 2.5


def _when(low, high, approx) -> str:
    if pd.isna(low) and pd.isna(high):
        return "not dated in the paper"
    text = (
        f"by {int(high)}" if pd.isna(low) else (str(int(low)) if low == high else f"{int(low)}–{int(high)}")
    )
    return f"c. {text}" if approx else text


def transfers_by_category(
    transfers: pd.DataFrame, source: str, first: int | None = None, last: int | None = None
):
    """Each transfer on its own row, named, grouped by kind (colour), placed in time.

    A single year is a dot, a span is a bar between its ends, "by YEAR" is a left-pointing
    triangle at that year; a hollow marker means the paper dates the row only vaguely. A row
    the paper does not date says so in words at the right edge instead of sitting on the axis.
    """
    categories = [c for c in style.CATEGORY_COLORS if c in set(transfers["category"])]
    rows = transfers.assign(_order=transfers["category"].map(categories.index))
    rows = rows.sort_values(["_order", "year_high", "year_low", "id"], na_position="last")
    years = pd.concat([rows["year_low"], rows["year_high"]]).dropna()
    first = int(years.min()) - 1 if first is None else first
    last = int(years.max()) + 1 if last is None else last
    fig, ax = style.figure(style.rows_size(len(rows), 1.5, 0.27))
    for y, row in enumerate(rows.itertuples(index=False)):
        color = style.CATEGORY_COLORS[row.category]
        face = style.WHITE if row.approx else color
        low, high = row.year_low, row.year_high
        when = _when(low, high, row.approx)
        values = {"transfer": row.label, "category": row.category, "when": when}
        title = f"{row.label} ({row.category}): {when}"
        if pd.isna(low) and pd.isna(high):
            artist = ax.text(
                last + 0.2,
                y,
                "not dated",
                va="center",
                ha="left",
                fontsize=style.SMALL_PT,
                color=style.GREY_DARK,
                style="italic",
            )
        elif pd.isna(low):
            (artist,) = ax.plot([high], [y], "<", ms=8, mfc=face, mec=color, mew=1.5)
        elif low == high:
            (artist,) = ax.plot([low], [y], "o", ms=8, mfc=face, mec=color, mew=1.5)
        else:
            # a vague span is dashed, in the category's own colour (a pale tint would pass for another)
            (artist,) = ax.plot(
                [low, high],
                [y, y],
                "--" if row.approx else "-",
                color=color,
                lw=4 if row.approx else 6,
                solid_capstyle="butt",
                dash_capstyle="butt",
            )
        figures.mark(artist, title, **values)
    style.row_axis(ax, rows["label"])
    ax.set_xlim(first - 0.5, last + 3.2)
    ticks = list(range(first + (5 - first % 5) % 5, last + 1, 5))
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.grid(axis="x", color=style.GREY_FAINT)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("year (hollow or dashed: the paper dates it only vaguely)")
    handles = [mpl_patch(style.CATEGORY_COLORS[c], c) for c in categories]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.4, 1.0), ncol=3, fontsize=style.SMALL_PT)
    return style.finish(fig, source)


def decimal_year(year, month=None) -> float:
    """Mid-month position on a year axis; mid-year when the month is unknown."""
    if month is None or pd.isna(month):
        return float(year) + 0.5
    return float(year) + (int(month) - 0.5) / 12


PHASE_COLORS = style.PHASE_COLORS


def timeline(phases: pd.DataFrame, marks: pd.DataFrame, cutoff: float, source: str):
    """The report's phases as bands over the years (top), and the paper's key moments below them,
    one row each, labelled at the left: no two labels can collide, however close the dates.

    ``marks`` has columns ``x`` (decimal year), ``label`` and ``kind`` ("agreement" or "contract").
    ``cutoff`` (decimal year) is drawn as the date of the paper's latest fact. The axis runs
    from a year before the first phase to two years past the last phase.
    """
    first, last = int(phases["year_low"].min()) - 1, int(phases["year_high"].max()) + 2
    ordered = marks.sort_values(["x", "label"]).reset_index(drop=True)
    fig, (top, bottom) = style.figure(
        style.rows_size(len(ordered) + len(phases), 1.3, 0.3),
        nrows=2,
        sharex=True,
        gridspec_kw={"height_ratios": [len(phases), len(ordered)]},
    )
    for lane, row in enumerate(phases.itertuples(index=False)):
        color = PHASE_COLORS.get(row.id, style.BLACK)
        (bar,) = top.barh(lane, row.year_high + 1 - row.year_low, left=row.year_low, color=color, height=0.75)
        figures.mark(
            bar,
            f"{row.label}: {row.year_low}–{row.year_high} (the report's reading)",
            row="phase",
            label=row.label,
            year_low=row.year_low,
            year_high=row.year_high,
        )
    style.row_axis(top, phases["label"])
    top.grid(False)
    styles = {"agreement": ("s", style.BLACK), "contract": ("o", style.RUSSIA)}
    for y, row in ordered.iterrows():
        marker, color = styles.get(row["kind"], ("o", style.BLACK))
        bottom.hlines(y, first, row["x"], color=style.GREY_FAINT, lw=0.8)
        (point,) = bottom.plot([row["x"]], [y], marker, color=color, ms=7)
        year = int(row["x"])
        figures.mark(
            point, f"{row['label']} ({row['kind']}), {year}", row=row["kind"], label=row["label"], year=year
        )
    style.row_axis(bottom, ordered["label"])
    bottom.grid(False)
    for axis in (top, bottom):
        axis.axvline(cutoff, color=style.CHINA, lw=1.2, ls="--")
    bottom.text(
        cutoff - 0.15,
        len(ordered) - 0.6,
        "latest fact\nin the paper",
        color=style.CHINA,
        fontsize=style.SMALL_PT,
        ha="right",
        va="bottom",
    )
    bottom.set_xlim(first, last + 1)
    bottom.set_xlabel("year (squares: agreements and meetings; circles: contracts)")
    return style.finish(fig, source)


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
    fig, ax = style.figure(style.rows_size(rows, 1.9, 0.36))
    for u, v, relation in edges:
        line, color = RELATION_STYLES[relation]
        arrow = FancyArrowPatch(
            (0.0, y_left[u]),
            (1.0, y_right[v]),
            arrowstyle="-|>",
            mutation_scale=14,
            linestyle=line,
            color=color,
            lw=2,
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
    for node, y in y_left.items():
        ax.text(-0.04, y, labels[node], ha="right", va="center", fontsize=style.SMALL_PT)
    for node, y in y_right.items():
        ax.text(1.04, y, labels[node], ha="left", va="center", fontsize=style.SMALL_PT)
    ax.text(
        -0.04,
        0.9,
        "Russian design or engine",
        ha="right",
        fontsize=style.TEXT_PT,
        color=style.RUSSIA,
        weight="bold",
    )
    ax.text(1.04, 0.9, "Chinese system", ha="left", fontsize=style.TEXT_PT, color=style.CHINA, weight="bold")
    present = {r for _, _, r in edges}
    handles = [
        Line2D([0], [0], color=color, ls=line, lw=2, label=relation)
        for relation, (line, color) in RELATION_STYLES.items()
        if relation in present
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, handlelength=3)
    ax.set_xlim(-1.15, 2.15)
    ax.set_ylim(-(rows - 1) - 0.6, 1.4)
    ax.axis("off")
    return style.finish(fig, source)


def money_2011(amounts: pd.DataFrame, shares: pd.DataFrame, source: str):
    """Left: money figures for 2011 as bars (hatched when the paper's figure is vague); a figure
    that is part of another (``within`` names it) is drawn inside that bar, so "of which" reads as
    part of its whole. Right: where Russian defence companies' income comes from, one stacked bar.

    ``amounts`` has ``label``, ``value`` (USD bn), ``vague``, ``text`` and optionally ``within``;
    ``shares`` has ``label`` and ``value`` (percent).
    """
    if "within" not in amounts:
        amounts = amounts.assign(within=None)
    wholes = amounts[amounts["within"].isna()].reset_index(drop=True)
    unknown = set(amounts["within"].dropna()) - set(wholes["label"])
    if unknown:
        raise ValueError(f"money_2011: 'within' names no bar: {sorted(unknown)}")
    fig, (left, right) = style.figure(style.SIZE_LOW, ncols=2, gridspec_kw={"width_ratios": [2.6, 1]})

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
        figures.mark(bar, title, usd_bn=value, **values)

    for y, row in wholes.iterrows():
        amount(
            y,
            row.value,
            row.vague,
            style.RUSSIA,
            f"{row.label}: {row.text}",
            amount=row.label,
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
                amount=part.label,
                part_of=row.label,
                as_stated=part.text,
            )
            left.annotate(
                f"{part.label}: {part.text}",
                xy=(part.value, y - 0.3),
                xytext=(part.value + 0.3, y - 0.52),
                fontsize=style.SMALL_PT,
                color=style.CHINA,
                va="center",
                arrowprops={"arrowstyle": "-", "color": style.CHINA, "lw": 0.8},
            )
    style.row_axis(left, [style.wrap(label, 80) for label in wholes["label"]])
    left.set_ylim(len(wholes) - 0.3, -0.8)
    left.set_xlim(0, wholes["value"].max() * 1.5)
    left.set_xlabel("billion US dollars\n(hatched: the paper's figure is approximate)")
    left.grid(axis="x", color=style.GREY_GRID)
    left.grid(axis="y", visible=False)
    colors = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.OKABE_ITO["yellow"]]
    bottom = 0.0
    for row, color in zip(shares.itertuples(index=False), colors, strict=False):
        (bar,) = right.bar(0, row.value, bottom=bottom, color=color, width=0.6, edgecolor=style.WHITE)
        figures.mark(
            bar,
            f"income from {row.label}: {row.value:g} %",
            amount=f"income share: {row.label}",
            part_of="defence companies' income",
            percent=row.value,
        )
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
    right.set_xticks([])
    right.set_xlim(-0.6, 0.6)
    right.set_ylim(0, 100)
    right.set_ylabel("share of Russian defence\ncompanies' income (%)")
    return style.finish(fig, source)


def waits(rows: pd.DataFrame, source: str):
    """What China asked for and how long Russia made it wait.

    ``rows``: ``label``, ``asked`` (year), ``until`` (earliest year offered, or missing when
    no date was offered) and ``answer`` (text shown after the mark). A request with a date
    offered is a bar from the request to that date; one without is the request alone, with its
    answer in words: no line is drawn to a date nobody gave.
    """
    dates = pd.concat([rows["asked"], rows["until"]]).dropna()
    first, last = int(dates.min()) - 1, int(dates.max()) + 1
    fig, ax = style.figure(style.rows_size(len(rows), 1.6, 0.55))
    for y, row in enumerate(rows.itertuples(index=False)):
        offered = not pd.isna(row.until)
        if offered:
            (bar,) = ax.plot(
                [row.asked, row.until], [y, y], color=style.OKABE_ITO["orange"], lw=4, solid_capstyle="butt"
            )
            ax.plot([row.until], [y], "|", color=style.OKABE_ITO["orange"], ms=16, mew=3)
        (dot,) = ax.plot([row.asked], [y], "o", color=style.CHINA, ms=8)
        figures.mark(
            bar if offered else dot,
            f"{row.label}: asked {row.asked}, {row.answer}",
            request=row.label,
            asked=row.asked,
            earliest_offered=row.until if offered else None,
            answer=row.answer,
        )
        ax.text(
            (row.until if offered else row.asked) + 0.25, y, row.answer, va="center", fontsize=style.SMALL_PT
        )
    style.row_axis(ax, [style.wrap(label, 105) for label in rows["label"]])
    ax.set_xlim(first, last + 3)
    ax.set_xticks(range(first + 1, last + 1))
    ax.set_xlabel("year (dot: China's request; bar: wait until the earliest date offered)")
    ax.grid(axis="x", color=style.GREY_FAINT)
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source)


def range_check(rows: pd.DataFrame, source: str, unit: str):
    """Intervals against a stated figure: one row per quantity.

    ``rows``: ``label``, ``low``, ``high`` (missing for an open-ended "more than" figure)
    and ``stated`` (the paper's figure, or missing). An open-ended interval runs to the frame's
    edge and ends in an arrow.
    """
    fig, ax = style.figure(style.rows_size(len(rows), 1.6, 0.7))
    right = float(pd.concat([rows["high"], rows["low"], rows["stated"]]).max()) * 1.25
    for y, row in enumerate(rows.itertuples(index=False)):
        open_ended = pd.isna(row.high)
        high = right if open_ended else row.high
        (bar,) = ax.plot([row.low, high], [y, y], color=style.RUSSIA, lw=7, alpha=0.5, solid_capstyle="butt")
        interval = (
            f"more than {row.low:.3g}"
            if open_ended
            else (f"{row.low:.3g}" if row.low == row.high else f"{row.low:.3g}–{row.high:.3g}")
        )
        figures.mark(
            bar,
            f"{_one_line(row.label)}: {interval} ({unit.split(' (')[0]})",
            quantity=_one_line(row.label),
            low=row.low,
            high=None if open_ended else row.high,
        )
        ax.plot([row.low], [y], "|", color=style.RUSSIA, ms=14, mew=2)
        ax.plot(
            [high], [y], ">" if open_ended else "|", color=style.RUSSIA, ms=10 if open_ended else 14, mew=2
        )
        if not pd.isna(row.stated):
            (point,) = ax.plot([row.stated], [y], "D", color=style.CHINA, ms=9)
            figures.mark(
                point,
                f"the paper's figure: {row.stated:.3g}",
                quantity=f"{_one_line(row.label)}: the paper's figure",
                low=row.stated,
                high=row.stated,
            )
    style.row_axis(ax, rows["label"])
    ax.set_xlim(0, right * 1.02)
    ax.set_xlabel(f"{unit}\n(bar: range the inputs allow; diamond: the paper's figure)")
    ax.grid(axis="x", color=style.GREY_GRID)
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def scenarios(
    base: float, base_label: str, base_text: str, threshold: float, cases: pd.DataFrame, source: str
):
    """The paper's two scenarios against its estimate of current deliveries.

    ``cases``: ``label`` and ``floor`` (USD bn a year, or missing when the paper gives no
    figure). A case with a floor is a line at the floor with an arrow up: the paper gives no
    ceiling, so none is drawn. A case without one is a dashed arrow of no stated length above
    the base.
    """
    from matplotlib.patches import FancyArrowPatch

    fig, ax = style.figure(style.SIZE_LOW)
    (bar,) = ax.bar(0, base, color=style.RUSSIA, alpha=0.6, hatch="//", edgecolor=style.WHITE, width=0.5)
    figures.mark(bar, f"{base_label}: {base_text}", case=base_label, usd_bn_floor=base, as_stated=base_text)
    ax.text(0, base + 0.05, style.wrap(base_text, 85), ha="center", va="bottom", fontsize=style.SMALL_PT)
    top = threshold * 1.5
    step = threshold * 0.3
    for x, row in enumerate(cases.itertuples(index=False), start=1):
        if not pd.isna(row.floor):
            (floor,) = ax.plot([x - 0.25, x + 0.25], [row.floor] * 2, color=style.OKABE_ITO["green"], lw=4)
            ax.annotate(
                "",
                xy=(x, row.floor + step),
                xytext=(x, row.floor),
                arrowprops={"arrowstyle": "-|>", "lw": 2, "color": style.OKABE_ITO["green"]},
            )
            text = f"expected: more than\n${row.floor:g} bn a year;\nno ceiling given"
            figures.mark(
                floor,
                f"{row.label}: expected to be more than ${row.floor:g} bn a year (no ceiling given)",
                case=row.label,
                usd_bn_floor=row.floor,
                as_stated=f"more than ${row.floor:g} bn",
            )
            ax.text(x + 0.12, row.floor + step / 2, text, va="center", fontsize=style.SMALL_PT)
        else:
            arrow = FancyArrowPatch(
                (x, base),
                (x, base + step),
                arrowstyle="-|>",
                mutation_scale=16,
                lw=2,
                ls="--",
                color=style.GREY_DARK,
            )
            ax.add_patch(arrow)
            figures.mark(
                arrow,
                f"{row.label}: steady growth expected, rate not given",
                case=row.label,
                usd_bn_floor=None,
                as_stated="steady growth expected, rate not given",
            )
            ax.text(
                x + 0.12,
                base + step / 2,
                "steady growth\nexpected,\nrate not given",
                va="center",
                fontsize=style.SMALL_PT,
            )
    ax.set_xticks(range(len(cases) + 1), [base_label, *cases["label"]])
    ax.set_xlim(-0.5, len(cases) + 1.2)
    ax.set_ylim(0, top)
    ax.set_ylabel("Russian arms deliveries to China\n(billion US dollars a year)")
    ax.grid(axis="x", visible=False)
    return style.finish(fig, source)


def _number(value: float) -> str:
    """A value for a hover text: whole numbers with commas, rounded half up as in the prose."""
    return fmt.rounded(value) if abs(value) >= 10 else f"{value:.3g}"


def _line(ax, series: pd.Series, name: str, unit: str, color: str, marker: str = "o", **line):
    """A series drawn as a line through its points, each point a marked element (hover: year and
    value; CSV: series, year, value)."""
    ax.plot(series.index, series.values, color=color, **line)
    for year, value in series.items():
        (point,) = ax.plot([year], [value], marker, color=color, ms=line.get("ms", 4))
        figures.mark(
            point, f"{name}, {year}: {_number(value)} {unit}", series=name, year=year, value=value, unit=unit
        )


def _bars(ax, series: pd.Series, name: str, unit: str, color: str, bottom=None, **bar):
    """Bars by year, each a marked element (hover: year and value; CSV: series, year, value)."""
    drawn = ax.bar(series.index, series.values, bottom=bottom, color=color, **bar)
    for rect, (year, value) in zip(drawn, series.items(), strict=True):
        figures.mark(
            rect, f"{name}, {year}: {_number(value)} {unit}", series=name, year=year, value=value, unit=unit
        )
    return drawn


def tiv_editions(editions: pd.DataFrame, source: str):
    """The same yearly series as each SIPRI edition gives it."""
    fig, ax = style.figure(style.FIGSIZE)
    markers = ["o", "s", "^", "D"]
    for (edition, rows), marker, color in zip(
        editions.groupby("edition", sort=True), markers, style.SERIES_COLORS, strict=False
    ):
        series = rows.set_index("year")["tiv_millions"].sort_index()
        _line(ax, series, f"SIPRI {edition}", "million TIV", color, marker, lw=1.5, label=edition, ms=4)
    ax.set_ylabel("deliveries (millions of SIPRI TIV)")
    ax.set_xlabel("year of delivery")
    ax.legend(title="SIPRI edition")
    return style.finish(fig, source)


VERDICT_COLORS = style.VERDICT_COLORS


def scorecard(outcomes: pd.DataFrame, paper_date: float, source: str):
    """Predicted year (hollow circle) against what happened (bar from first to last year), by forecast.

    An outcome of a single year is drawn as a square marker, so that no outcome is invisible.
    The verdict is written at the right of each row.
    """
    years = pd.concat(
        [outcomes["predicted_year"], outcomes["outcome_year_low"], outcomes["outcome_year_high"]]
    )
    first, last = int(min(years.min(), paper_date)), int(years.max())
    fig, ax = style.figure(style.rows_size(len(outcomes), 1.5, 0.4))
    for y, row in enumerate(outcomes.itertuples(index=False)):
        color = VERDICT_COLORS[row.verdict]
        subject = _one_line(row.subject)
        if not pd.isna(row.outcome_year_low):
            high = row.outcome_year_high if not pd.isna(row.outcome_year_high) else row.outcome_year_low
            if high == row.outcome_year_low:
                (done,) = ax.plot([high], [y], "s", ms=9, color=color)
                when = f"{int(high)}"
            else:
                (done,) = ax.plot(
                    [row.outcome_year_low, high], [y, y], color=color, lw=7, solid_capstyle="butt"
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
                [row.predicted_year], [y], "o", ms=10, mfc=style.WHITE, mec=style.BLACK, mew=1.5
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
    ax.axvline(paper_date, color=style.CHINA, lw=1.2, ls="--")
    style.row_axis(ax, [style.wrap(s, 170) for s in outcomes["subject"]])
    ax.set_xlim(first - 0.5, last + 6)
    ax.set_xticks(range(first, last + 2, 3))
    ax.set_xlabel(
        "year (circle: year the paper named;\nbar or square: what happened; dashed line: the paper's date)"
    )
    ax.grid(axis="y", visible=False)
    return style.finish(fig, source)


def _shade_phases(ax, phases: pd.DataFrame, label: bool) -> None:
    """The report's phases as pale bands; with ``label``, their names in a strip above the axes,
    one name per span (phases with the same years share it), never left of the axis."""
    left = ax.get_xlim()[0]
    spans: dict[tuple[int, int], list[str]] = {}
    for row in phases.itertuples(index=False):
        ax.axvspan(
            row.year_low - 0.5,
            row.year_high + 0.5,
            color=PHASE_COLORS.get(row.id, style.GREY_GRID),
            alpha=0.14,
            lw=0,
        )
        spans.setdefault((row.year_low, row.year_high), []).append(row.label)
    if label:
        for (low, _high), names in spans.items():
            ax.annotate(
                ",\n".join(names),
                xy=(max(low - 0.5, left), 1.02),
                xycoords=("data", "axes fraction"),
                fontsize=style.SMALL_PT,
                va="bottom",
                ha="left",
                color=style.GREY_MARK,
            )


def orders_deliveries(
    orders: pd.Series, deliveries: pd.Series, phases: pd.DataFrame, paper_date: float, source: str
):
    """New orders by year of order (top) above deliveries by year of delivery (bottom), both in TIV,
    with the paper's phases shaded (named above the top panel) and its date marked.
    Both series: index = year."""
    fig, (top, bottom) = style.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    years = list(orders.index) + list(deliveries.index)
    bottom.set_xlim(min(years) - 0.8, max(years) + 0.8)
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
        _shade_phases(ax, phases, label=ax is top)
        _bars(ax, series, name, "million TIV", color, width=0.75)
        ax.axvline(paper_date, color=style.CHINA, lw=1.5, ls="--")
        ax.set_ylabel(label)
    top.annotate(
        "the paper",
        xy=(paper_date + 0.3, 0.7),
        xycoords=("data", "axes fraction"),
        color=style.CHINA,
        fontsize=style.SMALL_PT,
    )
    bottom.set_xlabel("year")
    return style.finish(fig, source)


def engine_share(frame: pd.DataFrame, source: str):
    """Deliveries per year split into engines and everything else (TIV). Engines' share of each
    year is in the hover text and the CSV, and drawn as a line in a lower panel.
    ``frame``: index = year; columns total, engines, share (per cent)."""
    fig, (top, bottom) = style.figure(
        style.SIZE_TWO_PANELS, nrows=2, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]}
    )
    other = frame["total"] - frame["engines"]
    _bars(
        top,
        frame["engines"],
        "engines",
        "million TIV",
        style.OKABE_ITO["orange"],
        width=0.75,
        label="engines",
    )
    _bars(
        top,
        other,
        "all other weapons",
        "million TIV",
        style.RUSSIA,
        bottom=frame["engines"],
        width=0.75,
        label="all other weapons",
    )
    top.set_ylabel("deliveries\n(millions of SIPRI TIV)")
    top.legend(loc="upper right")
    _line(bottom, frame["share"], "engines' share", "%", style.OKABE_ITO["orange"], "o", lw=1.5, ms=4)
    bottom.set_ylim(0, 100)
    bottom.set_yticks([0, 50, 100])
    bottom.set_ylabel("engines' share\n(% of the year)")
    bottom.set_xlabel("year of delivery")
    return style.finish(fig, source)


def russia_shares(rows: pd.DataFrame, source: str):
    """Russia's share of China's imports per window (horizontal bars), SIPRI's published figure as a
    diamond where there is one. ``rows``: label, russia (%), published (% or missing), group; each
    group (successive periods, published windows, latest window) gets its own shade."""
    fig, ax = style.figure(style.rows_size(len(rows), 2.2, 0.34))
    shades = [style.RUSSIA, style.OKABE_ITO["sky_blue"], style.GREY_OTHER]
    colors = dict(zip(rows["group"].unique(), shades, strict=False))
    for y, row in enumerate(rows.itertuples(index=False)):
        color = colors[row.group]
        share = fmt.rounded(row.russia)  # half up, as Table 7.3 and the prose round it
        (bar,) = ax.barh(y, row.russia, color=color, height=0.65)
        text_color = style.WHITE if color == style.RUSSIA else style.BLACK
        ax.text(1.5, y, f"{share} %", ha="left", va="center", fontsize=style.SMALL_PT, color=text_color)
        drawn = [(bar, "computed here", row.russia, f"Russia {share} % of China's imports (computed)")]
        if not pd.isna(row.published):
            (diamond,) = ax.plot(
                [row.published], [y], "D", ms=8, color=style.OKABE_ITO["orange"], mec=style.BLACK
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
    style.row_axis(ax, rows["label"])
    ax.set_xlim(0, 100)
    ax.set_xlabel(
        "Russia's (incl. USSR) share of China's arms imports\n"
        "(% of SIPRI TIV; diamond: the figure SIPRI published)"
    )
    ax.grid(axis="y", visible=False)
    handles = [mpl_patch(colors[g], g) for g in colors]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.2), ncol=1)
    return style.finish(fig, source)


def mpl_patch(color: str, label: str):
    from matplotlib.patches import Patch

    return Patch(color=color, label=label)


def exporters(china: pd.Series, russia: pd.Series, share: pd.Series, crossover: int | None, source: str):
    """China's and Russia's arms exports by year (top, TIV) and China's share of Russia's exports
    (bottom, per cent). All series: index = year."""
    fig, (top, bottom) = style.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
    _line(top, russia, "Russia's exports", "million TIV", style.RUSSIA, "o", ms=3, label="Russia's exports")
    _line(top, china, "China's exports", "million TIV", style.CHINA, "s", ms=3, label="China's exports")
    if crossover is not None:
        top.axvline(crossover, color=style.GREY_DARK, lw=1, ls=":")
        top.annotate(
            f"China above\nRussia ({crossover})",
            xy=(crossover - 0.4, 0.95),
            xycoords=("data", "axes fraction"),
            ha="right",
            va="top",
            fontsize=style.SMALL_PT,
        )
    top.set_ylabel("arms exports,\nall customers\n(millions of TIV)")
    top.legend(loc="upper left")
    _bars(bottom, share, "China's share of Russia's exports", "%", style.RUSSIA, width=0.75)
    bottom.set_ylabel("China's share\nof Russia's\nexports (%)")
    bottom.set_xlabel("year of delivery")
    return style.finish(fig, source)


def dollars_vs_tiv(official: pd.DataFrame, tiv: pd.Series, source: str):
    """Russia's officially announced arms exports in US dollars (top; hollow marks: 'more than' or
    'about') above SIPRI's TIV for Russia's exports (bottom). ``official``: year, usd_billion, exact."""
    fig, (top, bottom) = style.figure(style.SIZE_TWO_PANELS, nrows=2, sharex=True)
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

    top.legend(
        handles=[
            Line2D([], [], marker="o", ls="", color=style.RUSSIA, label="stated figure"),
            Line2D(
                [], [], marker="o", ls="", mfc=style.WHITE, mec=style.RUSSIA, label='"more than", "about"'
            ),
        ],
        loc="lower left",
    )
    top.set_ylim(0, official["usd_billion"].max() * 1.2)
    top.set_ylabel("official arms\nexports (billion\nUS dollars)")
    _bars(bottom, tiv, "SIPRI's measure", "million TIV", style.RUSSIA, width=0.75)
    bottom.set_ylabel("SIPRI's measure\n(millions of TIV)")
    bottom.set_xlabel("year")
    return style.finish(fig, source)


def engine_deliveries(per_year: pd.DataFrame, source: str):
    """Russian engines delivered to China per year, stacked by engine family.

    ``per_year``: index = year, columns = engine families, values = engines delivered.
    """
    fig, ax = style.figure(style.FIGSIZE)
    colors = [style.RUSSIA, *(c for c in style.SERIES_COLORS if c != style.RUSSIA)]
    bottom = pd.Series(0.0, index=per_year.index)
    for family, color in zip(per_year.columns, colors, strict=False):
        counts = per_year[family]
        drawn = ax.bar(per_year.index, counts, bottom=bottom, color=color, label=family, width=0.75)
        for rect, (year, value) in zip(drawn, counts.items(), strict=True):
            if value:
                figures.mark(
                    rect, f"{family}, {year}: {value:g} engines", engine=family, year=year, engines=value
                )
        bottom = bottom + counts
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
    fig, ax = style.figure(style.FIGSIZE)
    years = list(deliveries.index) + list(china_exports.index)
    ax.set_xlim(min(years) - 0.8, max(years) + 0.8)
    _shade_phases(ax, phases, label=True)
    _bars(ax, deliveries, "Russia's deliveries to China", "million TIV", style.RUSSIA, width=0.75)
    _line(
        ax,
        china_exports,
        "China's own arms exports (all customers)",
        "million TIV",
        style.CHINA,
        "s",
        lw=2,
        ms=3,
    )
    ax.axvline(paper_date, color=style.GREY_MARK, lw=1.2, ls="--")
    box = {"facecolor": style.WHITE, "edgecolor": "none", "alpha": 0.85, "pad": 1.5}
    ax.annotate(
        "the paper",
        xy=(paper_date + 0.3, 0.8),
        xycoords=("data", "axes fraction"),
        fontsize=style.SMALL_PT,
        bbox=box,
    )
    from matplotlib.lines import Line2D

    ax.legend(
        handles=[
            mpl_patch(style.RUSSIA, "Russia's deliveries to China"),
            Line2D(
                [],
                [],
                color=style.CHINA,
                marker="s",
                ms=3,
                lw=2,
                label="China's own arms exports (all customers)",
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
    )
    ax.set_ylim(0, max(deliveries.max(), china_exports.max()) * 1.2)
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
