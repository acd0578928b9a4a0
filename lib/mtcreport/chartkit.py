"""The shared kit the chart modules draw with: the frame of a chart (its size, its source line,
its row axis), bars and lines by year whose every element is a marked value, the phases as
bands, the one marker of the paper's date, and legend entries.

Colours and sizes come from :mod:`mtcreport.style`; the words on a chart come from the chart
modules (:mod:`mtcreport.charts_paper`, :mod:`mtcreport.charts_hindsight`) and, where they must
agree with the prose, from the chapter that calls them.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from mtcreport import figures, fmt, style

#: The height of a bar on a row axis, in rows.
ROW_BAR = 0.65
#: Margin of a year axis beyond its first and last bar, in years.
YEAR_MARGIN = 0.8
#: Where the label of the paper's date sits, left to right from the line, in years.
DATE_LABEL_GAP = 0.3


# --- the frame ----------------------------------------------------------------------------------
def figure(size: tuple[float, float] = style.FIGSIZE, **kwargs):
    """A new figure and axes at an explicit size (stable ``<Figure size ...>`` text)."""
    return plt.subplots(figsize=size, **kwargs)


def rows_size(rows: int, base: float, per_row: float, width: float = style.COLUMN_IN) -> tuple[float, float]:
    """The size of a chart with one row per item: a fixed part plus a height per row."""
    return (width, base + per_row * rows)


def row_axis(ax, labels) -> None:
    """A row axis: one row per label, the first at the top, half a row of margin at each end."""
    labels = list(labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)


def wrap(text: str, width_pt: float, size_pt: float = style.SMALL_PT) -> str:
    """``text`` broken at spaces into lines no wider than ``width_pt`` when set in DejaVu Sans at
    ``size_pt`` (measured with matplotlib's own text engine, so the figure never cuts a line off)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(100, 100, 72)  # 72 dpi: one pixel is one point
    prop = FontProperties(family=style._RC["font.family"], size=size_pt)

    def width(s: str) -> float:
        return renderer.get_text_width_height_descent(s, prop, ismath=False)[0]

    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}") <= width_pt:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def source_line(fig, text: str) -> float:
    """Write the source under a figure, left-aligned, in small grey type, wrapped to the figure's
    width; returns the fraction of the figure's height it takes (for the layout above it).

    ``text`` names the work and the data table (:func:`mtcreport.sources.source` writes it).
    """
    width_pt = fig.get_figwidth() * 72
    lines = wrap(text, width_pt * 0.96, style.MIN_PT)
    fig.text(0.01, 0.01, lines, ha="left", va="bottom", fontsize=style.MIN_PT, color=style.GREY_SOURCE)
    height = ((lines.count("\n") + 1) * style.MIN_PT * 1.25 + 10) / (fig.get_figheight() * 72)
    fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, height + 0.08))
    return height


def finish(fig, source: str):
    """Write the source line and lay the figure out above it; returns the figure."""
    fig.tight_layout(rect=(0, source_line(fig, source), 1, 1))
    return fig


# --- words and numbers on a chart ---------------------------------------------------------------
def one_line(text: str) -> str:
    """A label as one line (for hover texts and the CSV)."""
    return " ".join(str(text).split())


def hover_number(value: float) -> str:
    """A value for a hover text: whole numbers with commas, rounded half up as in the prose."""
    return fmt.rounded(value) if abs(value) >= 10 else f"{value:.3g}"


def decimal_year(year, month=None) -> float:
    """Mid-month position on a year axis; mid-year when the month is unknown."""
    if month is None or pd.isna(month):
        return float(year) + 0.5
    return float(year) + (int(month) - 0.5) / 12


# --- year panels --------------------------------------------------------------------------------
def line(ax, series: pd.Series, name: str, unit: str, color: str, marker: str = "o", **kwargs):
    """A series drawn as a line through its points, each point a marked element (hover: year and
    value; CSV: series, year, value)."""
    ax.plot(series.index, series.values, color=color, **kwargs)
    for year, value in series.items():
        (point,) = ax.plot([year], [value], marker, color=color, ms=kwargs.get("ms", style.MARK_SMALL))
        figures.mark(
            point,
            f"{name}, {year}: {hover_number(value)} {unit}",
            series=name,
            year=year,
            value=value,
            unit=unit,
        )


def bars(ax, series: pd.Series, name: str, unit: str, color: str, bottom=None, **bar):
    """Bars by year, each a marked element (hover: year and value; CSV: series, year, value)."""
    drawn = ax.bar(series.index, series.values, bottom=bottom, color=color, **bar)
    for rect, (year, value) in zip(drawn, series.items(), strict=True):
        figures.mark(
            rect,
            f"{name}, {year}: {hover_number(value)} {unit}",
            series=name,
            year=year,
            value=value,
            unit=unit,
        )
    return drawn


def year_span(ax, *series: pd.Series) -> None:
    """A year axis from the first to the last year of ``series``, with a margin for the bars."""
    years = [year for s in series for year in s.index]
    ax.set_xlim(min(years) - YEAR_MARGIN, max(years) + YEAR_MARGIN)


def shade_phases(ax, phases: pd.DataFrame, label: bool) -> None:
    """The report's phases as pale bands; with ``label``, their names in a strip above the axes,
    one name per span (phases with the same years share it), never left of the axis."""
    left = ax.get_xlim()[0]
    spans: dict[tuple[int, int], list[str]] = {}
    for row in phases.itertuples(index=False):
        ax.axvspan(
            row.year_low - 0.5,
            row.year_high + 0.5,
            color=style.PHASE_COLORS.get(row.id, style.GREY_GRID),
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


# --- the paper's date ---------------------------------------------------------------------------
def paper_date(
    axes,
    x: float,
    label: str | None = None,
    *,
    on=None,
    height: float = 0.7,
    color: str = style.CHINA,
    lw: float = style.LINE_DATE,
    boxed: bool = False,
) -> None:
    """The paper's date as a dashed vertical line on each of ``axes`` (an axes or a list), and
    ``label`` (the chapter's words, e.g. "the paper") just right of it on ``on`` (default: the
    first axes), ``height`` up the axes; ``boxed`` puts the label on a white ground."""
    axes = list(axes) if isinstance(axes, list | tuple) else [axes]
    for ax in axes:
        ax.axvline(x, color=color, lw=lw, ls="--")
    if label:
        box = {"facecolor": style.WHITE, "edgecolor": "none", "alpha": 0.85, "pad": 1.5} if boxed else None
        (on or axes[0]).annotate(
            label,
            xy=(x + DATE_LABEL_GAP, height),
            xycoords=("data", "axes fraction"),
            fontsize=style.SMALL_PT,
            **({"bbox": box} if boxed else {"color": color}),
        )


# --- legends ------------------------------------------------------------------------------------
def patch(color: str, label: str):
    """A legend entry for a bar or band of ``color``."""
    from matplotlib.patches import Patch

    return Patch(color=color, label=label)


def line_entry(label: str, color: str, **kwargs):
    """A legend entry for a line or a marker (``kwargs`` as for ``Line2D``)."""
    from matplotlib.lines import Line2D

    return Line2D([], [], color=color, label=label, **kwargs)
