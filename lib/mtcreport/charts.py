"""Charts shared by the chapters. Each function takes tidy tables and returns a figure.

No chart draws a title (the notebook cell's caption carries it); every chart has
axis labels with units and a source line naming the work and the table.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import style

#: Where undated rows are drawn on a time axis, right of the last year shown.
UNDATED_GAP = 2.5


def transfers_by_category(transfers: pd.DataFrame, source: str, first: int = 1988, last: int = 2013):
    """Each transfer on a time axis, one row per category.

    A single year is a dot, a span is a bar between its ends, "by YEAR" is a
    left-pointing triangle at that year, and undated rows sit in a separate
    "undated" band. Hollow markers mean the paper dates the row only vaguely.
    """
    categories = [c for c in style.CATEGORY_COLORS if c in set(transfers["category"])]
    fig, ax = style.figure(style.FIGSIZE_WIDE)
    undated_x = last + UNDATED_GAP
    for y, category in enumerate(categories):
        rows = transfers[transfers["category"] == category].sort_values("id")
        color = style.CATEGORY_COLORS[category]
        undated = 0
        for row in rows.itertuples(index=False):
            face = "white" if row.approx else color
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
    ax.axvline(last + 1, color="#888888", lw=0.8, ls=":")
    ax.set_yticks(range(len(categories)), categories)
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.invert_yaxis()
    ticks = list(range(first + (5 - first % 5) % 5, last + 1, 5))
    ax.set_xticks([*ticks, undated_x], [*map(str, ticks), "undated"])
    ax.set_xlim(first - 0.5, undated_x + 2.5)
    ax.set_xlabel("year (hollow marker: the paper dates it only vaguely)")
    ax.grid(axis="x", color="#EEEEEE")
    style.source_line(fig, source)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
