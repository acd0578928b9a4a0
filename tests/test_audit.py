"""The arithmetic checks reproduce the figures worked out by hand from the paper.

Hand working (paper: exports "close to" $13 bn; China's share "close to" 15 %; deliveries "could
have approached" $1.9 bn; exports 22 % of income, domestic arms 45 %; budget $18.2 bn; licence
$2.2-2.5 bn for 200 aircraft; two 2012 contracts "exceeding" $1.3 bn), with the report's reading of
"close to" as at most 10 % below:
- deliveries: 13 x 0.15 = 1.95 at face value; low end 11.7 x 0.135 = 1.5795;
- total income: 11.7 / 0.22 = 53.18 to 13 / 0.22 = 59.09; domestic x 0.45 = 23.93 to 26.59;
- licence: 2200 / 200 = 11.0 to 2500 / 200 = 12.5 million per aircraft;
- contracts: 1.3 / 1.95 = 66.7 %.
"""

import pytest

from mtcreport import audit


def test_deliveries_2011_match_the_hand_working():
    result = audit.deliveries_2011()
    assert result.point == pytest.approx(1.95)
    assert result.volume.low == pytest.approx(1.5795)
    assert result.volume.high == pytest.approx(1.95)
    assert result.paper == pytest.approx(1.9)
    assert result.holds


def test_income_implied_by_the_export_share_exceeds_the_budget():
    result = audit.industry_income()
    assert result.total.low == pytest.approx(53.1818, abs=1e-3)
    assert result.total.high == pytest.approx(59.0909, abs=1e-3)
    assert result.domestic.low == pytest.approx(23.9318, abs=1e-3)
    assert result.domestic.high == pytest.approx(26.5909, abs=1e-3)
    assert result.budget == pytest.approx(18.2)
    assert result.gap.low == pytest.approx(5.7318, abs=1e-3)
    assert not result.holds
    assert sum(result.shares.values()) == pytest.approx(1.0)


def test_licence_unit_price():
    price = audit.licence_unit_price()
    assert (price.low, price.high) == (pytest.approx(11.0), pytest.approx(12.5))


def test_contracts_against_deliveries():
    assert audit.contracts_against_deliveries() == pytest.approx(66.667, abs=1e-2)


def test_a_wider_reading_of_close_to_moves_the_low_end(monkeypatch):
    from mtcreport import arith

    monkeypatch.setattr(arith, "close_to_band", lambda: 0.2)
    result = audit.deliveries_2011()
    assert result.volume.low == pytest.approx(13 * 0.8 * 0.15 * 0.8)
    assert result.volume.high == pytest.approx(1.95)


def test_the_summary_table_has_one_row_per_check_and_the_verdicts_of_the_checks():
    table = audit.summary_table()
    assert list(table.columns) == ["Check", "Paper's figure", "Recomputed", "Verdict"]
    assert len(table) == 4
    assert table.at[0, "Verdict"] == ("consistent" if audit.deliveries_2011().holds else "not consistent")
    assert table.at[1, "Verdict"] == ("fits" if audit.industry_income().holds else "strains")
