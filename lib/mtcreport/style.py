"""The report's one plotting style.

Call :func:`apply_style` once at the top of a chapter. Colours come from the
Okabe-Ito palette, which stays distinguishable for the common forms of colour
blindness; Russia and China keep the same colour on every chart. Fonts are the
DejaVu family that ships inside matplotlib, so figures look the same on every
machine. Titles go into the cell's caption, never into the figure.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

#: Okabe-Ito palette (Okabe and Ito 2008), colour-blind safe.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}

#: Fixed colours for the two countries.
RUSSIA = OKABE_ITO["blue"]
CHINA = OKABE_ITO["vermillion"]
COUNTRY_COLORS = {"Russia": RUSSIA, "USSR": RUSSIA, "China": CHINA, "Russia and China": OKABE_ITO["purple"]}

#: Fixed colours for the kinds of transfer, so a category looks the same everywhere.
CATEGORY_COLORS = {
    "platform sale": OKABE_ITO["blue"],
    "licence": OKABE_ITO["orange"],
    "design documentation": OKABE_ITO["green"],
    "joint development": OKABE_ITO["purple"],
    "development assistance": OKABE_ITO["sky_blue"],
    "subsystem": OKABE_ITO["vermillion"],
}

#: White, for the edges between stacked bars and for labels on dark bars.
WHITE = "white"
#: Black, for marks and labels that name no country or category.
BLACK = OKABE_ITO["black"]
#: Greys, darkest first: marks (the paper's date), dark rules, rules, ticks, "other", grid, faint grid.
GREY_MARK = "#333333"
GREY_SOURCE = "#444444"
GREY_DARK = "#555555"
GREY_RULE = "#888888"
GREY_TICK = "#999999"
GREY_OTHER = "#BBBBBB"
GREY_GRID = "#DDDDDD"
GREY_FAINT = "#EEEEEE"

PHASE_COLORS = {
    "boom": OKABE_ITO["sky_blue"],
    "crisis": OKABE_ITO["orange"],
    "competition": OKABE_ITO["purple"],
    "recovery": OKABE_ITO["green"],
}

VERDICT_COLORS = {
    "borne out": OKABE_ITO["green"],
    "partly": OKABE_ITO["orange"],
    "not borne out": OKABE_ITO["vermillion"],
    "open": GREY_RULE,
    "not testable": GREY_RULE,
}

#: The text column of the book at 1280 px is 672 CSS px wide; a chart drawn 7 inches wide (504 pt,
#: 672 px) is shown at its own size there, so a point of type is 4/3 of a CSS pixel.
COLUMN_IN = 7.0
#: Type sizes in points. The smallest (source lines) is 8.5 pt, 11.3 CSS px at 1280 px.
TEXT_PT = 10.0
SMALL_PT = 9.0
MIN_PT = 8.5

#: Figure sizes in inches (width, height): every size a chart uses is named here, all one column wide.
FIGSIZE = (COLUMN_IN, 4.0)
SIZE_TALL = (COLUMN_IN, 5.6)
SIZE_SMALL = (COLUMN_IN, 3.8)
SIZE_STRIP = (COLUMN_IN, 3.2)
SIZE_LOW = (COLUMN_IN, 3.8)
SIZE_TWO_PANELS = (COLUMN_IN, 5.6)


def rows_size(rows: int, base: float, per_row: float, width: float = COLUMN_IN) -> tuple[float, float]:
    """The size of a chart with one row per item: a fixed part plus a height per row."""
    return (width, base + per_row * rows)


_RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": TEXT_PT,
    "axes.titlesize": TEXT_PT,
    "axes.labelsize": TEXT_PT,
    "xtick.labelsize": SMALL_PT,
    "ytick.labelsize": SMALL_PT,
    "legend.fontsize": SMALL_PT,
    "legend.title_fontsize": SMALL_PT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": GREY_GRID,
    "grid.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=list(CATEGORY_COLORS.values())),
    "lines.linewidth": 2,
    "legend.frameon": False,
    "svg.hashsalt": "mtcreport",
    "svg.fonttype": "none",
}


def apply_style() -> None:
    """Set the house style for every figure drawn after the call; in a notebook, figures are
    then shown as SVG with their plotted values (:func:`mtcreport.figures.install`)."""
    from mtcreport import figures

    mpl.rcParams.update(_RC)
    figures.install()


def figure(size: tuple[float, float] = FIGSIZE, **kwargs):
    """A new figure and axes at an explicit size (stable ``<Figure size ...>`` text)."""
    return plt.subplots(figsize=size, **kwargs)


#: Colours for series that are neither countries nor transfer categories (editions, engines).
SERIES_COLORS = [OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["green"]]


def finish(fig, source: str):
    """Write the source line and lay the figure out above it; returns the figure."""
    fig.tight_layout(rect=(0, source_line(fig, source), 1, 1))
    return fig


def tables_phrase(*names: str) -> str:
    """``"data: transfers.csv"``, ``"data: lineage.csv and systems.csv"``: the files a reader can
    download (each linked in the book), from :func:`data_files`."""
    from mtcreport.fmt import listing

    return "data: " + listing(data_files(*names))


def data_files(*names: str) -> list[str]:
    """The file names of the tables ``names``, as a reader downloads them, from the tables in
    ``datapackage.json`` (a table it does not describe is an error)."""
    from mtcreport import data

    if not names:
        raise ValueError("a source line needs at least one table name")
    known = data.tables()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(
            f"source line: {', '.join(map(repr, unknown))} not described in "
            f"{data._display(data.data_dir() / 'datapackage.json')}; tables: {', '.join(sorted(known))}"
        )
    return [known[n].path.name for n in names]


def source(
    tables: tuple[str, ...] | list[str] = (),
    *,
    by: str = "Kashin (2012)",
    sections: tuple[str, ...] | list[str] = (),
    detail: str = "",
    note: str = "",
) -> str:
    """A chart's or table's source line, built from the work, the paper's sections (ids of the
    ``sections`` table, written with their titles) and the data tables (checked names).

    ``source(["lineage", "systems"], sections=["key_projects", "crisis"])`` gives
    ``"Source: Kashin (2012), sections Key cooperative projects and Crisis; data: lineage.csv and
    systems.csv."``; ``detail`` follows the sections as written, ``note`` follows the full stop.
    """
    from mtcreport import data
    from mtcreport.fmt import listing

    text = f"Source: {by}"
    if sections:
        titles = [data.SECTION_TITLES[s] for s in sections]
        text += (", section " if len(titles) == 1 else ", sections ") + listing(titles)
    text += detail
    if tables:
        text += "; " + tables_phrase(*tables)
    text += "."
    return f"{text} {note}" if note else text


def wrap(text: str, width_pt: float, size_pt: float = SMALL_PT) -> str:
    """``text`` broken at spaces into lines no wider than ``width_pt`` when set in DejaVu Sans at
    ``size_pt`` (measured with matplotlib's own text engine, so the figure never cuts a line off)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(100, 100, 72)  # 72 dpi: one pixel is one point
    prop = FontProperties(family=_RC["font.family"], size=size_pt)

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

    ``text`` names the work and the data table, e.g.
    ``"Source: Kashin (2012); data: transfers.csv."``.
    """
    width_pt = fig.get_figwidth() * 72
    lines = wrap(text, width_pt * 0.96, MIN_PT)
    fig.text(0.01, 0.01, lines, ha="left", va="bottom", fontsize=MIN_PT, color=GREY_SOURCE)
    height = ((lines.count("\n") + 1) * MIN_PT * 1.25 + 10) / (fig.get_figheight() * 72)
    fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, height + 0.08))
    return height


def row_axis(ax, labels) -> None:
    """A row axis: one row per label, the first at the top, half a row of margin at each end."""
    labels = list(labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
