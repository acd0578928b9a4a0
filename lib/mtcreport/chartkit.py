"""The shared kit the chart modules draw with: the frame of a chart (its size, its source line,
its row axis), bars and lines by year whose every element is a marked value, the phases as
bands, the one marker of the paper's date, and legend entries.

Every chart is drawn twice, by the same function, in two layouts (:class:`Layout`): one column
wide for a desktop page (:data:`DESKTOP`) and narrow for a phone (:data:`PHONE`: narrower,
taller, fewer ticks, row labels wrapped, legends in one column), so that its text is as large on
a phone as on a desktop. A chart function decorated with :func:`chart` takes ``layout=``; called
without it, it returns the desktop figure carrying its phone twin (:func:`mtcreport.figures.svg`
stores both, and the book shows the one that fits the page). Both draw the same marks, so they
have the same hover titles and the same CSV (an error otherwise). Each drawing is checked as it
is drawn (:func:`clashes`): a text over another text, under a legend, over part of a bar or point,
or cut off by the chart's edge is an error naming the texts, so no page can show one. On a phone,
legends stand under the axes (:func:`legend`), where no data are.

Colours and sizes come from :mod:`mtcreport.style`; the words on a chart come from the chart
modules (:mod:`mtcreport.charts_paper`, :mod:`mtcreport.charts_hindsight`) and, where they must
agree with the prose, from the chapter that calls them.
"""

from __future__ import annotations

import contextlib
import functools
import re
import warnings
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from mtcreport import figures, fmt, style

#: The height of a bar on a row axis, in rows.
ROW_BAR = 0.65
#: Margin of a year axis beyond its first and last bar, in years.
YEAR_MARGIN = 0.8
#: Where the label of the paper's date sits, left to right from the line, in years.
DATE_LABEL_GAP = 0.3


# --- layouts ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Layout:
    """How a chart is laid out for a width of page.

    ``width``: the figure's width (inches); ``taller``: what a fixed height is multiplied by;
    ``row_taller``: what the height of a row is multiplied by (wrapped labels need more);
    ``label_pt``: the widest a row label may be (points; ``None``: as the chart writes it);
    ``max_ticks``: the most labelled ticks on a numeric axis; ``legend_columns``: the most
    columns a legend may have (``None``: as the chart asks).
    """

    name: str
    width: float
    taller: float = 1.0
    row_taller: float = 1.0
    label_pt: float | None = None
    max_ticks: int | None = None
    legend_columns: int | None = None

    @property
    def narrow(self) -> bool:
        return self.width < style.COLUMN_IN


#: One text column of the book at desktop width (drawn at its own size, 672 CSS px).
DESKTOP = Layout("desktop", style.COLUMN_IN)
#: A phone's text column (drawn at its own size, about 350 CSS px, at 390 px of screen).
PHONE = Layout(
    "phone",
    style.PHONE_IN,
    taller=1.3,
    row_taller=1.6,
    label_pt=110,
    max_ticks=5,
    legend_columns=1,
)
LAYOUTS = (DESKTOP, PHONE)
_current: list[Layout] = [DESKTOP]


def layout() -> Layout:
    """The layout the chart being drawn is laid out for."""
    return _current[-1]


@contextlib.contextmanager
def laid_out(which: Layout):
    _current.append(which)
    try:
        yield which
    finally:
        _current.pop()


def chart(function):
    """Make ``function`` (which draws and returns a figure) a chart drawn in every layout.

    ``function(..., layout=PHONE)`` draws the phone layout alone; without ``layout`` the desktop
    figure is returned with its phone twin attached (:func:`mtcreport.figures.attach`), the twin
    closed so that a notebook displays one figure. The twin must draw the same marks (hover titles
    and values), or it is an error.
    """

    @functools.wraps(function)
    def draw(*args, layout: Layout | None = None, **kwargs):
        if layout is not None:
            with laid_out(layout):
                return function(*args, **kwargs)
        with laid_out(DESKTOP):
            fig = function(*args, **kwargs)
        with laid_out(PHONE):
            twin = function(*args, **kwargs)
        plt.close(twin)
        check(fig, DESKTOP.name)
        check(twin, PHONE.name)
        figures.attach(fig, twin, PHONE.name)
        return fig

    return draw


# --- the frame ----------------------------------------------------------------------------------
def figure(size: tuple[float, float] = style.FIGSIZE, **kwargs):
    """A new figure and axes at an explicit size (stable ``<Figure size ...>`` text), in the
    current layout: its width, and the height made taller on a narrow page."""
    now = layout()
    width, height = size
    if now.narrow and width == style.COLUMN_IN:
        width, height = now.width, round(height * now.taller, 2)
    size = (width, height)
    return plt.subplots(figsize=size, **kwargs)


def rows_size(rows: int, base: float, per_row: float, width: float = style.COLUMN_IN) -> tuple[float, float]:
    """The size of a chart with one row per item: a fixed part plus a height per row (taller rows
    in a narrow layout, whose labels wrap). :func:`figure` takes the layout's width."""
    now = layout()
    if now.narrow and width == style.COLUMN_IN:
        return (width, round((base * now.taller + per_row * now.row_taller * rows) / now.taller, 2))
    return (width, base + per_row * rows)


def label(text, width_pt: float | None = None, *, narrow_pt: float | None = None) -> str:
    """A label as the chart writes it (wrapped to ``width_pt`` if given); in a layout that sets
    ``label_pt``, re-wrapped to the narrowest of ``width_pt``, ``narrow_pt`` and ``label_pt``."""
    now = layout()
    if now.label_pt is None:
        return wrap(str(text), width_pt) if width_pt else str(text)
    return wrap(one_line(text), min(w for w in (width_pt, narrow_pt, now.label_pt) if w))


def row_axis(ax, labels) -> None:
    """A row axis: one row per label, the first at the top, half a row of margin at each end
    (labels wrapped to the layout's width)."""
    labels = [label(text) for text in labels]
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
    """Fit the figure to its layout (in a narrow one: axis labels wrapped, fewer ticks where their
    labels would crowd), write the source line and lay the figure out above it; returns the figure."""
    now = layout()
    figures.describe(fig, source)
    room = _room_for_legend_under(fig)
    below = source_line(fig, source)
    below += _place_legend_under(fig, below, room)
    if now.narrow:
        _tight(fig, below)
        for ax in fig.axes:
            if ax.get_xlabel():  # centred under the axes, so no wider than they are
                width_pt = min(ax.get_position().width, 0.95) * fig.get_figwidth() * 72
                ax.set_xlabel(wrap(one_line(ax.get_xlabel()), width_pt, style.TEXT_PT))
            _fewer_ticks(ax, now.max_ticks)
    _tight(fig, below)
    return fig


def _tight(fig, below: float) -> None:
    """Lay the axes out above the source line. Where labels cannot all fit (the phone layout of
    Fig. 2.1's two side-by-side panels, a known defect), matplotlib keeps the layout it has and
    warns; the warning would be printed into the page under the chart, so it is not shown."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Tight layout not applied")
        fig.tight_layout(rect=(0, below, 1, 1))


def columns(wanted: int) -> int:
    """The columns a legend may have in the current layout (``wanted`` at most)."""
    most = layout().legend_columns
    return min(wanted, most) if most else wanted


_NUMBER = re.compile(r"[−\-]?[\d,.]+%?")


def _fewer_ticks(ax, most: int | None) -> None:
    """Fewer labelled ticks on a numeric x axis whose labels would crowd (each label given twice
    its width), and at most ``most`` on any numeric axis; every second, third... tick is kept. An
    axis whose ticks are names (a row axis) is left as it is."""
    fig = ax.get_figure()
    box = ax.get_position()
    for axis, length in ((ax.xaxis, box.width * fig.get_figwidth() * 72), (ax.yaxis, None)):
        lo, hi = sorted(axis.get_view_interval())
        pairs = [
            (loc, tick.get_text())
            for loc, tick in zip(axis.get_ticklocs(), axis.get_majorticklabels(), strict=False)
            if lo - 1e-9 <= loc <= hi + 1e-9
        ]
        if not pairs or not all(_NUMBER.fullmatch(text) for _, text in pairs if text):
            continue
        fits = len(pairs)
        if length is not None:
            widest = max(_text_width(text, style.SMALL_PT) for _, text in pairs)
            fits = max(2, int(length // (2 * widest)))
        keep = min(fits, most or fits)
        if len(pairs) <= keep:
            continue
        kept = pairs[:: -(-len(pairs) // keep)]
        axis.set_ticks([loc for loc, _ in kept], [text for _, text in kept])


def _text_width(text: str, size_pt: float) -> float:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(100, 100, 72)
    prop = FontProperties(family=style._RC["font.family"], size=size_pt)
    return renderer.get_text_width_height_descent(text, prop, ismath=False)[0]


# --- a check of the drawing -----------------------------------------------------------------------
#: How far two texts may touch (a shared edge of their boxes), in points.
TOUCH_PT = 1.0


@dataclass(frozen=True)
class Clash:
    """Two things of a chart drawn over each other where a reader must read one of them: texts
    (quoted), a legend, a marked bar or point, or the chart's edge (a text cut off)."""

    first: str
    second: str

    def __str__(self) -> str:
        return f"{self.first} over {self.second}"


#: What a clash names instead of quoted words: a legend's frame, and the chart's edge.
LEGEND = "(a legend)"
EDGE = "(the edge of the chart)"


def _named(words: str) -> str:
    return words if words in (LEGEND, EDGE) else repr(words)


def _renderer(fig):
    """A renderer of the figure's canvas (an Agg canvas if the figure has none that renders)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    return canvas.get_renderer()


def drawn_texts(fig) -> list[tuple[str, object, object]]:
    """Every text the figure draws (tick labels, axis labels, legend entries, annotations, the
    source line), each as its words on one line, its box on the canvas (in pixels) and the legend
    it belongs to (``None`` if none); and every legend's frame, as ``(LEGEND, box, legend)``."""
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    renderer = _renderer(fig)
    drawn: list = []
    draw = Text.draw

    def recording(self, renderer):
        if self.get_visible() and self.get_text().strip():
            drawn.append(self)
        return draw(self, renderer)

    Text.draw = recording
    try:
        fig.draw(renderer)
    finally:
        Text.draw = draw
    legends = [legend for legend in fig.findobj(Legend) if legend.get_visible()]
    owner = {id(text): legend for legend in legends for text in [*legend.get_texts(), legend.get_title()]}
    found = [(one_line(t.get_text()), t.get_window_extent(renderer), owner.get(id(t))) for t in drawn]
    frames = [(LEGEND, legend.get_window_extent(renderer), legend) for legend in legends]
    return found + frames


def mark_boxes(fig, renderer=None) -> list[tuple[str, object]]:
    """The boxes of the bars and points the figure marks (:func:`mtcreport.figures.mark`), each
    with its hover text; arrows and lines, whose boxes are far larger than what they cover, are
    left out."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    renderer = renderer or _renderer(fig)
    titles = {m.gid: m.title for m in figures.marks_of(fig)}
    found = []
    for artist in fig.findobj(lambda a: a.get_gid() in titles):
        point = isinstance(artist, Line2D) and len(artist.get_xdata()) == 1
        if (point or isinstance(artist, Rectangle)) and artist.get_visible():
            found.append((titles[artist.get_gid()], artist.get_window_extent(renderer)))
    return found


def clashes(fig) -> list[Clash]:
    """The texts of ``fig`` that a reader cannot read whole: two texts whose boxes overlap by more
    than :data:`TOUCH_PT` both ways, a text under another legend's frame, a text or a legend over
    part of a bar or a point (a text wholly inside a bar is that bar's label), and a text or a
    legend reaching more than that beyond the figure's edge."""
    boxes = drawn_texts(fig)  # draws the figure: the marks' boxes below are where they are drawn
    marks = mark_boxes(fig)
    touch = TOUCH_PT * fig.dpi / 72
    width, height = fig.bbox.width, fig.bbox.height

    def overlap(box, second) -> bool:
        across = min(box.x1, second.x1) - max(box.x0, second.x0)
        down = min(box.y1, second.y1) - max(box.y0, second.y0)
        return across > touch and down > touch

    def inside(box, bar) -> bool:
        return (
            box.x0 >= bar.x0 - touch
            and box.x1 <= bar.x1 + touch
            and box.y0 >= bar.y0 - touch
            and box.y1 <= bar.y1 + touch
        )

    found = []
    for i, (words, box, legend) in enumerate(boxes):
        if box.x0 < -touch or box.y0 < -touch or box.x1 > width + touch or box.y1 > height + touch:
            found.append(Clash(_named(words), EDGE))
        for other, second, other_legend in boxes[i + 1 :]:
            if legend is not None and legend is other_legend:
                continue  # a legend's own entries, and its frame around them
            if overlap(box, second):
                found.append(Clash(_named(words), _named(other)))
        if legend is None or words == LEGEND:
            for title, mark_box in marks:
                if overlap(box, mark_box) and not (words != LEGEND and inside(box, mark_box)):
                    found.append(Clash(_named(words), f"the mark {title!r}"))
    return found


def check(fig, layout_name: str) -> None:
    """Refuse a chart whose texts clash (:func:`clashes`) in the layout ``layout_name``, naming
    them: a defect a reader would see, caught where the chart is drawn."""
    found = clashes(fig)
    if found:
        raise ChartTextError(
            f"the {layout_name} layout of a chart draws text a reader cannot read: "
            + "; ".join(map(str, found))
        )


class ChartTextError(ValueError):
    """A chart draws texts over each other or beyond its edge."""


# --- words and numbers on a chart ---------------------------------------------------------------
def one_line(text: str) -> str:
    """A label as one line (for hover texts and the CSV)."""
    return " ".join(str(text).split())


def hover_number(value: float) -> str:
    """A value for a hover text: whole numbers with commas, rounded half up as in the prose."""
    return fmt.rounded(value) if abs(value) >= 10 else f"{value:.3g}"


def shown(value: float) -> float:
    """A computed value at the precision a reader sees on hovering it (:func:`hover_number`), for
    the figure's CSV: no float noise such as 53.18181818181819."""
    return float(hover_number(value).replace(",", ""))


def decimal_year(year, month=None) -> float:
    """Mid-month position on a year axis; mid-year when the month is unknown."""
    if month is None or pd.isna(month):
        return float(year) + 0.5
    return float(year) + (int(month) - 0.5) / 12


# --- year panels --------------------------------------------------------------------------------
def line(
    ax, series: pd.Series, name: str, unit: str, color: str, marker: str = "o", computed=False, **kwargs
):
    """A series drawn as a line through its points, each point a marked element (hover: year and
    value; CSV: series, year, value, unit). A ``computed`` series goes into the CSV at the
    precision shown (:func:`shown`); a series of data, as the data give it."""
    ax.plot(series.index, series.values, color=color, **kwargs)
    for year, value in series.items():
        (point,) = ax.plot([year], [value], marker, color=color, ms=kwargs.get("ms", style.MARK_SMALL))
        figures.mark(
            point,
            f"{name}, {year}: {hover_number(value)} {unit}",
            series=name,
            year=year,
            value=shown(value) if computed else value,
            unit=unit,
        )


def bars(ax, series: pd.Series, name: str, unit: str, color: str, bottom=None, computed=False, **bar):
    """Bars by year, each a marked element (hover: year and value; CSV: series, year, value, unit;
    a ``computed`` series at the precision shown, as in :func:`line`)."""
    drawn = ax.bar(series.index, series.values, bottom=bottom, color=color, **bar)
    for rect, (year, value) in zip(drawn, series.items(), strict=True):
        figures.mark(
            rect,
            f"{name}, {year}: {hover_number(value)} {unit}",
            series=name,
            year=year,
            value=shown(value) if computed else value,
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
        # in a narrow layout the names stand on steps, one line higher each, so none overlaps
        step = 2 * style.SMALL_PT * 1.25 if layout().narrow else 0
        for level, ((low, _high), names) in enumerate(spans.items()):
            ax.annotate(
                ",\n".join(names),
                xy=(max(low - 0.5, left), 1.02),
                xycoords=("data", "axes fraction"),
                xytext=(0, step * level),
                textcoords="offset points",
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
def legend(ax, loc: str | None = None, *, handles=None, columns_wanted: int = 1, **kwargs):
    """The chart's legend: inside the axes at ``loc`` on a desktop page (where the chart has room
    for it); under the axes, above the source line, in one column on a phone (where no corner is
    free of data) or wherever ``loc`` is ``None``. ``kwargs`` as for ``Axes.legend`` (``title``...)."""
    if loc is not None and not layout().narrow:
        return ax.legend(handles=handles, loc=loc, ncol=columns(columns_wanted), **kwargs)
    if handles is None:
        handles, _ = ax.get_legend_handles_labels()
    fig = ax.get_figure()
    if fig.legends:
        raise ValueError("a chart has one legend under its axes at most")
    return fig.legend(
        handles=handles, loc="lower center", ncol=columns(columns_wanted), frameon=False, **kwargs
    )


def _legend_under(fig):
    """The legend :func:`legend` put under the axes (the figure's own legend), or ``None``."""
    return fig.legends[0] if fig.legends else None


def _room_for_legend_under(fig) -> float:
    """Make the figure taller by the height of the legend :func:`legend` left under the axes (so
    that a longer legend, e.g. a new SIPRI edition's entry, never squeezes the axes); returns that
    height in inches (0 without such a legend)."""
    under = _legend_under(fig)
    if under is None:
        return 0.0
    inches = under.get_window_extent(_renderer(fig)).height / fig.dpi + 0.1
    fig.set_figheight(round(fig.get_figheight() + inches, 2))
    return inches


def _place_legend_under(fig, below: float, inches: float) -> float:
    """Put the legend :func:`legend` left under the axes just above the source line (which takes
    ``below`` of the figure's height); returns the fraction of the height it takes (``inches``)."""
    under = _legend_under(fig)
    if under is None:
        return 0.0
    under.set_bbox_to_anchor((0.5, below), transform=fig.transFigure)
    return inches / fig.get_figheight()


def patch(color: str, label: str):
    """A legend entry for a bar or band of ``color``."""
    from matplotlib.patches import Patch

    return Patch(color=color, label=label)


def line_entry(label: str, color: str, **kwargs):
    """A legend entry for a line or a marker (``kwargs`` as for ``Line2D``)."""
    from matplotlib.lines import Line2D

    return Line2D([], [], color=color, label=label, **kwargs)
