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
    """The negotiations of 2012: state, units agreed and hoped for, earliest sale, next step."""
    listing = big.assign(
        Agreed=big["quantity_agreed"].map(lambda v: "" if pd.isna(v) else fmt.number(v)),
        Sought=big["quantity_sought_min"].map(lambda v: "" if pd.isna(v) else f"at least {fmt.number(v)}"),
        Earliest=big["earliest_delivery_year"].map(lambda v: "" if pd.isna(v) else f"not before {v}"),
        Next=[
            "" if pd.isna(step) else f"{step} ({year})"
            for step, year in zip(big["next_step"], big["next_step_year"], strict=True)
        ],
    )
    return listing[
        ["item", "status_2012", "Agreed", "Sought", "Earliest", "Next", "obstacle", "technology_transfer"]
    ].rename(
        columns={
            "item": "Project",
            "status_2012": "State in 2012",
            "Agreed": "Units agreed",
            "Sought": "Units Russia hoped for",
            "Earliest": "Sale",
            "Next": "Next step",
            "obstacle": "Obstacle",
            "technology_transfer": "Technology transfer",
        }
    )
