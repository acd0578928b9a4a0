"""Chapter 7's tables as readers see them, and the links between the scorecard and the claims
ledger: display only. The analyses they show are in :mod:`mtcreport.hindsight`, which this module
does not import, so a change of wording here re-executes only the chapters that show these tables.
"""

from __future__ import annotations

import re

import pandas as pd

from mtcreport import fmt


def sources_cell(ids, label: str = "author"):
    """A table cell citing sources by id: a link where the source has an address, else its name
    and year as plain text (the paper itself has no address)."""
    from mtcreport import data, tables

    sources = data.sources().set_index("id")
    parts = []
    for source_id in ids:
        if source_id is None or pd.isna(source_id):
            continue
        row = sources.loc[source_id]
        if pd.isna(row["url"]):
            name = row[label] if not pd.isna(row[label]) else row["title"]
            year = "" if pd.isna(row["year"]) else f" ({int(row['year'])})"
            parts.append(tables.escape(f"{name}{year}"))
        else:
            parts.append(str(tables.source_link(source_id, label)))
    return tables.Raw("; ".join(parts))


def _role(role: str, text: str, target: str):
    """A MyST role ``{role}`text <target>``` as a table cell: ``ref`` links to a target,
    ``anchor`` (tools/sphinxext.py) makes the text one. Role text is not Markdown, so it is
    not escaped: a character that would end the role is refused."""
    from mtcreport import tables

    text = " ".join(str(text).split())
    if any(c in text for c in "`<>") or not text:
        raise ValueError(f"cannot show {text!r} as a link: it is empty or holds ` < or >")
    return tables.Raw(f"{{{role}}}`{text} <{target}>`")


def claim_link(claim_id: str):
    """A claim id as a link to that claim's row in the claims ledger (see :func:`claim_anchor`)."""
    return _role("ref", claim_id, claim_target(claim_id))


def claim_anchor(claim_id: str):
    """A claim id as the link target of its row in the claims ledger (id ``claim-<id>``)."""
    return _role("anchor", claim_id, claim_target(claim_id))


def claim_target(claim_id: str) -> str:
    """The id of a claim's row in the claims ledger: ``claim-c58`` for ``c58``."""
    if not re.fullmatch(r"[a-z][a-z0-9]*", claim_id):
        raise ValueError(f"not a claim id: {claim_id!r}")
    return f"claim-{claim_id}"


def outcome_target(outcome_id: str) -> str:
    """The id of an outcome's row in the detailed scorecard: ``outcome-su35s``."""
    return "outcome-" + outcome_id.replace("_", "-")


def late_orders_table(orders: pd.DataFrame) -> pd.DataFrame:
    """Deals ordered after the paper (from :func:`orders_after`), one row each, for the page.

    Six columns, so that the table fits the text column: the weapon carries SIPRI's description
    in brackets, and the number delivered carries its years.
    """

    from mtcreport import sipri  # here, not at the top: the claims ledger needs no SIPRI code

    def delivered(number, years) -> str:
        count = "" if pd.isna(number) else str(number)
        span = sipri.delivery_years(years)
        return f"{count} ({fmt.span(min(span), max(span))})".strip() if span else count

    return pd.DataFrame(
        {
            "Ordered": orders["Year of order"].astype(str)
            + orders["Year of order uncertain (?)"].fillna("").map(lambda q: " (?)" if q else ""),
            "Weapon (kind)": [
                f"{w} ({k})"
                for w, k in zip(orders["Weapon designation"], orders["Weapon description"], strict=True)
            ],
            "Number ordered": orders["Number ordered"].map(fmt.count),
            "Delivered (years)": list(
                map(delivered, orders["Number delivered"], orders["Year(s) of delivery"])
            ),
            "TIV as ordered (m)": orders["order_tiv"].map(lambda v: fmt.rounded(v)),
            "SIPRI's comment": orders["Comments"].fillna(""),
        }
    )


def engine_deals_table(engines: pd.DataFrame) -> pd.DataFrame:
    """The engine deals (from :func:`engine_deals`), one row each, for the page."""
    return pd.DataFrame(
        {
            "Ordered": engines["Year of order"],
            "Engine": engines["Weapon designation"],
            "Number ordered": engines["Number ordered"].map(fmt.count),
            "Delivered": engines["Number delivered"],
            "Delivery years": engines["years"].map(lambda y: fmt.span(min(y), max(y)) if y else ""),
            "SIPRI's comment": engines["Comments"].fillna(""),
        }
    )


def shares_display(shares: pd.DataFrame) -> pd.DataFrame:
    """Supplier shares per window (rows of :func:`shares_table` with ``group`` and ``published``)."""
    return pd.DataFrame(
        {
            "Period": shares["period"],
            "Kind": shares["group"],
            "Edition": shares["edition"],
            "Russia (incl. USSR), %": shares["russia"].map(lambda v: fmt.rounded(v, 1)),
            "Published by SIPRI, %": shares["published"].map(lambda v: "" if pd.isna(v) else fmt.rounded(v)),
            "Other suppliers with 5 % or more": shares["others"].map(
                lambda items: "; ".join(f"{n} {fmt.rounded(v, 1)}" for n, v in items) or "none"
            ),
            "All other suppliers, %": shares["rest"].map(lambda v: fmt.rounded(v, 1)),
        }
    )


def reconciliation_table(
    share: pd.Series, exports: pd.Series, official_usd: float, to_china: float, tiv_share: float, edition: str
) -> pd.DataFrame:
    """The paper's figures for one year beside SIPRI's: its share of dollars and the exports it
    applies to, the official dollar figure, and SIPRI's share and volume in TIV (not dollars)."""
    year = str(share["year"])
    return pd.DataFrame(
        {
            "Measure": [
                f"China's share of Russian arms exports, {year} (Dzirkaln, in the paper)",
                f"Russian arms exports, {year} (paper)",
                f"Russian arms exports, {year} (official figure as cited in a report on the next year)",
                f"China's share of Russian deliveries, {year} (SIPRI TIV, {edition})",
                f"Deliveries to China, {year} (SIPRI TIV, {edition})",
            ],
            "Value": [
                fmt.indicator_text(share),
                fmt.indicator_text(exports),
                f"${fmt.number(official_usd)} bn",
                fmt.percent(tiv_share, 1),
                f"{fmt.rounded(to_china)} million TIV (not dollars)",
            ],
            "Unit": ["share of dollars", "US dollars", "US dollars", "share of TIV", "TIV"],
        }
    )


def scorecard_table(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The scorecard in brief, to read in one screen: each outcome's claim id (a link to the claim
    in the ledger), what the paper said and what happened in a few words each (the first a link
    to the outcome's row in :func:`scorecard_detail`, which has the full wording), and the verdict."""
    return pd.DataFrame(
        {
            "Claim": [claim_link(c) for c in outcomes["claim"]],
            "The paper said": [
                _role("ref", text, outcome_target(i))
                for i, text in zip(outcomes["id"], outcomes["predicted_brief"], strict=True)
            ],
            "What happened": outcomes["outcome_brief"],
            "Verdict": outcomes["verdict"],
        }
    )


def scorecard_detail(outcomes: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The scorecard in full: each outcome beside the claim it tests (``claims`` indexed by id; its
    type here, its place in the paper in the ledger the claim id links to), the paper's words,
    what happened, the verdict and its reason, and the sources. Each row is the link target of its
    line in :func:`scorecard_table`."""
    from mtcreport import tables

    return pd.DataFrame(
        {
            "Claim": [
                tables.Raw(
                    f"{_role('anchor', r.subject, outcome_target(r.id))} "
                    f"({claim_link(r.claim)}, {tables.escape(claims.at[r.claim, 'type'])})"
                )
                for r in outcomes.itertuples()
            ],
            "The paper expected": outcomes["predicted"],
            "What happened": outcomes["outcome"],
            "Verdict and why": [
                f"{v}: {w}" for v, w in zip(outcomes["verdict"], outcomes["reason"], strict=True)
            ],
            "Sources": [sources_cell([r.source, r.source_2]) for r in outcomes.itertuples()],
        }
    )


def ledger(claims: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """Every claim of the paper with its chapter, place in the paper, type, verdict and evidence.

    A claim without an outcome row is "not tested", and its evidence is the chapter that shows it.
    Each row's claim id is its link target (:func:`claim_anchor`); the evidence of a tested claim
    starts with a link to its row in the detailed scorecard (:func:`scorecard_detail`).
    """
    from mtcreport import book, data, tables

    outcomes = outcomes.set_index("claim")
    tested = claims["id"].isin(outcomes.index)
    chapters = [book.chapter_of(s, loc) for s, loc in zip(claims["section"], claims["locator"], strict=True)]

    def evidence(claim_id: str, chapter: str):
        if claim_id not in outcomes.index:
            return tables.doc(chapter, "the paper")
        row = outcomes.loc[claim_id]
        scorecard = _role("ref", "scorecard row", outcome_target(row["id"]))
        return tables.Raw(f"{scorecard}; {sources_cell([row['source'], row['source_2']], 'title')}")

    return pd.DataFrame(
        {
            "Claim": [claim_anchor(c) for c in claims["id"]],
            "Chapter": [book.label(c) for c in chapters],
            "Where in the paper": [
                f"{data.SECTION_TITLES[s]} {loc}"
                for s, loc in zip(claims["section"], claims["locator"], strict=True)
            ],
            "Type": claims["type"],
            "What the paper says": claims["claim"],
            "Verdict": claims["id"].map(outcomes["verdict"]).where(tested, "not tested"),
            "Evidence": [evidence(i, c) for i, c in zip(claims["id"], chapters, strict=True)],
        }
    )
