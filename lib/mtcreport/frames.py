"""The tables the chapters show, built from the data: one function per table, so that a chapter
cell holds only the call, the caption and the source line (``tables.show``)."""

from __future__ import annotations

import pandas as pd

from mtcreport import fmt


def lineage(lineage: pd.DataFrame, systems: pd.DataFrame) -> pd.DataFrame:
    """Russian designs and the Chinese systems they led to (``systems`` indexed by id)."""
    labels = systems["label"]
    return pd.DataFrame(
        {
            "Russian design": lineage["russian_system"].map(labels),
            "Chinese system": lineage["chinese_system"].map(labels),
            "Relation": lineage["relation"],
            "Certainty": lineage["certainty"],
            "Note": lineage["note"],
        }
    )


def engines(chinese: pd.DataFrame, systems: pd.DataFrame) -> pd.DataFrame:
    """Chinese combat aircraft and their engines (``systems`` indexed by id)."""
    return pd.DataFrame(
        {
            "Chinese aircraft": chinese["aircraft"].map(systems["label"]),
            "Engine": chinese["engine"].map(systems["label"]).fillna("none from Russia"),
            "As the paper writes it": chinese["engine"].map(systems["paper_designation"]).fillna(""),
            "Relies on Russia": chinese["depends_on_russia"].map({True: "yes", False: "no"}),
        }
    )


def contracts(pair: pd.DataFrame) -> pd.DataFrame:
    """Contracts with the date as signed (the paper's words where it dates them only vaguely)."""
    return pd.DataFrame(
        {
            "Signed": [
                row["date_text"] if row["approx"] else fmt.row_date(row) for _, row in pair.iterrows()
            ],
            "What": pair["item"].to_numpy(),
            "Units": pair["quantity"].to_numpy(),
            "Kind": pair["category"].to_numpy(),
        }
    )


def trade(rows: pd.DataFrame) -> pd.DataFrame:
    """Ongoing trade: what, kind, when (the paper's words where it gives them), scale and note."""
    return pd.DataFrame(
        {
            "What": rows["item"].to_numpy(),
            "Kind": rows["category"].to_numpy(),
            "When": [
                row["date_text"] if not pd.isna(row["date_text"]) else fmt.row_date(row)
                for _, row in rows.iterrows()
            ],
            "Scale": rows["quantity_qualifier"].fillna("").to_numpy(),
            "Note": rows["note"].fillna("").to_numpy(),
        }
    )


def negotiations(big: pd.DataFrame) -> pd.DataFrame:
    """The negotiations of 2012 in four columns, so that the table reads at the width of a page's
    text: the project; its state, with the units agreed and hoped for; the terms (earliest sale,
    next step and its year, what the paper says of technology transfer); and the obstacle. Every
    value of the data, with its hedge ("at least", "not before", "supposed to"), is kept in words;
    a value the data leave empty is left out, not shown as a blank cell."""

    def state(row) -> str:
        text = str(row["status_2012"])
        if not pd.isna(row["quantity_agreed"]):
            text += f" on {fmt.number(row['quantity_agreed'])} units"
        if not pd.isna(row["quantity_sought_min"]):
            text += f"; Russia had hoped for at least {fmt.number(row['quantity_sought_min'])}"
        return text

    def terms(row) -> str:
        parts = []
        if not pd.isna(row["earliest_delivery_year"]):
            parts.append(f"Sale not before {row['earliest_delivery_year']}.")
        if not pd.isna(row["next_step"]):
            when = "" if pd.isna(row["next_step_year"]) else f" ({row['next_step_year']})"
            parts.append(f"Next step{when}: {row['next_step']}.")
        if not pd.isna(row["technology_transfer"]):
            said = row["technology_transfer"]
            said = f"{said} in the paper" if said == "not discussed" else said
            parts.append(f"Technology transfer: {said}.")
        return " ".join(parts)

    return pd.DataFrame(
        {
            "Project": big["item"].to_numpy(),
            "State in 2012": [state(row) for _, row in big.iterrows()],
            "Terms and next step": [terms(row) for _, row in big.iterrows()],
            "Obstacle, as the paper sees it": big["obstacle"].fillna("").to_numpy(),
        }
    )
