"""Chapter 7's display tables and the links between the scorecard and the claims ledger
(``mtcreport.hindsight_tables``), checked against the CSV files read by hand."""

import csv

import pytest

from mtcreport import data, hindsight, hindsight_tables
from tests.test_hindsight import _csv, _own_csv


def test_chapter_7_tables_show_each_deal_as_the_register_gives_it():
    register = data.sipri_register()
    rows = _csv("russia_china_trade_register_2026ed.csv")
    late = hindsight_tables.late_orders_table(hindsight.orders_after(register, 2012))

    def delivered(r):  # "24 (2016–2018)": the number delivered, then the first and last year
        years = [int(y) for y in r["Year(s) of delivery"].split(";") if y.strip()]
        if not years:
            return r["Number delivered"]
        span = str(years[0]) if min(years) == max(years) else f"{min(years)}–{max(years)}"
        return f"{r['Number delivered']} ({span})".strip()

    expected = sorted(
        (
            f"{r['Weapon designation']} ({r['Weapon description']})",
            r["Year of order"],
            r["Number ordered"] or "not given",
            delivered(r),
        )
        for r in rows
        if int(r["Year of order"]) > 2012
    )
    got = zip(
        late["Weapon (kind)"],
        late["Ordered"].str.replace(" (?)", ""),
        late["Number ordered"],
        late["Delivered (years)"],
        strict=True,
    )
    assert sorted(got) == expected
    assert len(late.columns) <= 6  # what fits the text column at 1280 px (tests/browser/test_tables.py)
    engines = hindsight_tables.engine_deals_table(hindsight.engine_deals(register))
    assert sorted(engines["Engine"]) == sorted(
        r["Weapon designation"] for r in rows if r["Weapon description"] == "turbofan"
    )


def test_the_scorecard_gives_each_outcome_in_brief_linked_to_its_detail_and_its_claim():
    rows = _own_csv("outcomes.csv")
    outcomes, claims = data.outcomes(), data.claims().set_index("id")
    card = hindsight_tables.scorecard_table(outcomes)
    assert list(card.columns) == ["Claim", "The paper said", "What happened", "Verdict"]
    assert list(card["Claim"]) == [f"{{ref}}`{r['claim']} <claim-{r['claim']}>`" for r in rows]
    assert list(card["The paper said"]) == [
        f"{{ref}}`{r['predicted_brief']} <outcome-{r['id'].replace('_', '-')}>`" for r in rows
    ]
    assert list(card["What happened"]) == [r["outcome_brief"] for r in rows]
    assert list(card["Verdict"]) == [r["verdict"] for r in rows]
    detail = hindsight_tables.scorecard_detail(outcomes, claims)
    for r, cell, verdict in zip(rows, detail["Claim"], detail["Verdict and why"], strict=True):
        assert cell.startswith(f"{{anchor}}`{r['subject']} <outcome-{r['id'].replace('_', '-')}>`")
        assert f"{{ref}}`{r['claim']} <claim-{r['claim']}>`" in cell
        computed = " (computed)" if r["basis"] == "computed" else ""
        assert verdict == f"{r['verdict']}{computed}: {r['reason']}"
    assert list(detail["What happened"]) == [r["outcome"] for r in rows]
    assert list(detail["The paper expected, and the test"]) == [
        f"{r['predicted']} Test: {r['test']}" for r in rows
    ]
    for r, cell in zip(rows, detail["Claim"], strict=True):  # claims graded by the same row link too
        for also in r["also_claims"].split():
            assert f"{{ref}}`{also} <claim-{also}>`" in cell


def test_claim_ids_become_links_and_link_targets():
    assert hindsight_tables.claim_target("c58") == "claim-c58"
    assert hindsight_tables.claim_link("c58") == "{ref}`c58 <claim-c58>`"
    assert hindsight_tables.claim_anchor("c07") == "{anchor}`c07 <claim-c07>`"
    with pytest.raises(ValueError, match="not a claim id"):
        hindsight_tables.claim_link("c58 <x>")
    with pytest.raises(ValueError, match="cannot show"):
        hindsight_tables._role("ref", "a `quoted` name", "outcome-x")


def test_the_ledger_gives_every_claim_its_verdict_or_not_tested():
    claims = data.claims()
    with (data.data_dir() / "outcomes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    verdicts = {c: r["verdict"] for r in rows for c in [r["claim"], *r["also_claims"].split()]}
    table = hindsight_tables.ledger(claims, data.outcomes())
    ids = [r["id"] for r in _own_csv("claims.csv")]
    assert list(table["Claim"]) == [f"{{anchor}}`{i} <claim-{i}>`" for i in ids]
    for claim, verdict in zip(ids, table["Verdict"], strict=True):
        assert verdict == verdicts.get(claim, "not tested")
    assert verdicts and (table["Verdict"] == "not tested").any()
    outcome_ids = {c: r["id"] for r in rows for c in [r["claim"], *r["also_claims"].split()]}
    for claim, evidence in zip(ids, table["Evidence"], strict=True):
        if claim in outcome_ids:  # a tested claim's evidence starts with its row in the scorecard
            target = "outcome-" + outcome_ids[claim].replace("_", "-")
            assert evidence.startswith(f"{{ref}}`scorecard row <{target}>`; "), evidence
