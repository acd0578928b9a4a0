"""Chapter 8's tables as readers see them: the developments SIPRI's figures do not count, and
SIPRI's published changes beside this report's reproduction of them. The analysis behind them is
in :mod:`mtcreport.beyond`; the sources cell is :func:`mtcreport.hindsight_tables.sources_cell`.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import beyond, hindsight_tables, sipri


def developments_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Developments as readers see them: when, what, who, how certain, sources (linked)."""
    rows = rows.assign(_order=rows["date"].map(beyond.decimal_date)).sort_values("_order")
    return pd.DataFrame(
        {
            "When": [beyond.date_text(r) for _, r in rows.iterrows()],
            "What happened": rows["what"],
            "Who": rows["actors"],
            "How certain": rows["certainty"],
            "Sources": [
                hindsight_tables.sources_cell([a, b], "publisher")
                for a, b in zip(rows["source"], rows["source_2"], strict=True)
            ],
        }
    )


def published_changes_table(frame: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's published changes beside this report's reproduction of them
    (:func:`mtcreport.beyond.reproduce_changes`)."""
    what = {
        "china_imports": "China's arms imports",
        "china_exports": "China's arms exports",
        "russia_exports": "Russia's arms exports",
    }

    def pct(value, digits):
        return "not in this report's data" if pd.isna(value) else f"{value:+.{digits}f} %".replace("-", "−")

    rows = []
    for r in frame.itertuples(index=False):
        digits = 1 if float(r.value) != round(float(r.value)) else 0
        rows.append(
            {
                "Change": f"{what[r.subject]}, {sipri.window_label(r.first, r.last)} against "
                f"{sipri.window_label(r.first - 5, r.last - 5)}",
                "SIPRI published": pct(r.value, digits),
                "From the rows": pct(r.computed, 1),
                "Edition used": r.edition if isinstance(r.edition, str) else "",
                "Published in": hindsight_tables.sources_cell([r.source], "publisher"),
            }
        )
    return pd.DataFrame(rows)
