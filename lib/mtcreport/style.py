"""The report's one plotting style: colours and sizes, nothing else.

Call :func:`apply_style` once at the top of a chapter. Colours come from the
Okabe-Ito palette, which stays distinguishable for the common forms of colour
blindness; Russia and China keep the same colour on every chart. Fonts are the
DejaVu family that ships inside matplotlib, so figures look the same on every
machine. Titles go into the cell's caption, never into the figure. The drawing helpers that
use these (the source line under a chart, the row-chart frame) are in :mod:`mtcreport.chartkit`;
source lines are written by :mod:`mtcreport.sources`.
"""

from __future__ import annotations

import matplotlib as mpl

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
#: Greys, darkest first: marks (the paper's date), source lines, dark text, rules, "other", grid,
#: faint grid.
GREY_MARK = "#333333"
GREY_SOURCE = "#444444"
GREY_DARK = "#555555"
GREY_RULE = "#888888"
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
#: A phone's text column at 390 px of screen is about 350 CSS px wide; a chart drawn 3.6 inches
#: wide (259 pt, 346 px) is shown at its own size there, its type as large as on a desktop.
PHONE_IN = 3.6
#: Type sizes in points. The smallest (source lines) is 8.5 pt, 11.3 CSS px at 1280 px.
TEXT_PT = 10.0
SMALL_PT = 9.0
MIN_PT = 8.5

#: Figure sizes in inches (width, height): every size a chart uses is named here, all one column wide.
FIGSIZE = (COLUMN_IN, 4.0)
SIZE_LOW = (COLUMN_IN, 3.8)
SIZE_TWO_PANELS = (COLUMN_IN, 5.6)

#: Marker sizes in points: tiny (points of a dense line), small (points of a line), standard,
#: large (a mark that must stand out), and the end cap of an interval.
MARK_TINY = 3
MARK_SMALL = 4
MARK = 8
MARK_LARGE = 10
MARK_CAP = 14
#: The edge of a hollow marker, in points.
EDGE = 1.5
#: Line widths in points: a hairline (leader lines), a date line, a thin and a standard line
#: series, a thick line (a vague span, a floor), a bar drawn as a line, a span drawn as a bar.
LINE_HAIR = 0.8
LINE_DATE = 1.2
LINE_THIN = 1.5
LINE = 2
LINE_THICK = 4
LINE_BAR = 6
LINE_SPAN = 7
#: The width of a year's bar, in years (a quarter of a year between bars).
BAR_WIDTH = 0.75


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


#: Colours for series that are neither countries nor transfer categories (editions, engines).
SERIES_COLORS = [OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["green"]]
