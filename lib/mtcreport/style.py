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

#: Standard figure sizes in inches (width, height).
FIGSIZE = (8.0, 4.5)
FIGSIZE_WIDE = (9.0, 4.5)

_RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=list(CATEGORY_COLORS.values())),
    "lines.linewidth": 2,
    "legend.frameon": False,
    "svg.hashsalt": "mtcreport",
}


def apply_style() -> None:
    """Set the house style for every figure drawn after the call."""
    mpl.rcParams.update(_RC)


def figure(size: tuple[float, float] = FIGSIZE, **kwargs):
    """A new figure and axes at an explicit size (stable ``<Figure size ...>`` text)."""
    return plt.subplots(figsize=size, **kwargs)


#: Colours for series that are neither countries nor transfer categories (editions, engines).
SERIES_COLORS = [OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["green"]]


def finish(fig, source: str, bottom: float = 0.05):
    """Write the source line and lay the figure out above it; returns the figure."""
    source_line(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, 1))
    return fig


def source_line(fig, text: str) -> None:
    """Write the source under a figure, left-aligned, in small grey type.

    ``text`` names the work and the data table, e.g.
    ``"Source: Kashin (2012); table transfers."``.
    """
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=8, color="#444444")
    fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, 0.16))
