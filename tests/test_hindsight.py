"""Hindsight analyses: every expected value is worked out here from the CSV rows with the csv
module (or taken from SIPRI's published figures), never from the code under test."""

import csv
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from mtcreport import data, fmt, hindsight, hindsight_tables, sipri

EXTERNAL = Path(__file__).resolve().parents[1] / "data" / "external"


def rows(name):
    with open(EXTERNAL / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def by_hand_share(first, last, edition, suppliers=("Russia", "Soviet Union")):
    total = mine = 0.0
    for row in rows("china_arms_imports_by_supplier_tiv.csv"):
        if row["sipri_edition"].startswith(edition) and first <= int(row["year"]) <= last:
            total += float(row["tiv_millions"])
            if row["supplier"] in suppliers:
                mine += float(row["tiv_millions"])
    return 100 * mine / total


IMPORTS = data.sipri_china_imports()


def test_russia_includes_the_soviet_union_in_1990_94():
    share = sipri.russia_share(IMPORTS, 1990, 1994, "2024 update")
    assert share == pytest.approx(by_hand_share(1990, 1994, "2024"))
    # Counting only the supplier named "Russia" gives the old, wrong figure about ten points lower.
    assert share - by_hand_share(1990, 1994, "2024", ("Russia",)) > 9


@pytest.mark.parametrize("ident", ["sipri_published_share_2014_18", "sipri_published_share_2019_23"])
def test_computed_windows_come_within_a_point_of_what_sipri_published(ident):
    published = hindsight.published_windows(data.indicators()).set_index("id").loc[ident]
    edition = hindsight.publication_edition(IMPORTS, published["first"], published["last"])
    share = sipri.russia_share(IMPORTS, published["first"], published["last"], edition)
    assert abs(share - published["value"]) < 1


def test_published_windows_are_parsed_from_the_indicator_ids():
    table = hindsight.published_windows(data.indicators())
    assert list(zip(table["first"], table["last"], strict=True)) == [(2014, 2018), (2019, 2023)]
    assert list(table["value"]) == [70, 77]


def test_the_2019_23_window_uses_the_edition_sipri_published_it_in():
    assert hindsight.publication_edition(IMPORTS, 2019, 2023) == "2024 update"
    assert round(sipri.russia_share(IMPORTS, 2019, 2023, "2024 update")) == 77


def test_successive_windows_do_not_overlap_and_the_latest_window_ends_with_the_data():
    windows = hindsight.successive_windows(IMPORTS)
    years = [y for first, last, _ in windows for y in range(first, last + 1)]
    assert len(years) == len(set(years))
    assert all(last - first == 4 for first, last, _ in windows)
    last_year = max(int(r["year"]) for r in rows("china_arms_imports_by_supplier_tiv.csv"))
    assert hindsight.latest_window(IMPORTS) == (last_year - 4, last_year, f"{last_year + 1} update")


def test_the_shares_table_names_the_suppliers_that_matter():
    table = hindsight.shares_table(IMPORTS, [hindsight.latest_window(IMPORTS)]).iloc[0]
    names = [name for name, _ in table["others"]]
    # HINDSIGHT.md: Ukraine 15.1 %, France 13.3 %, Germany 5.5 % in 2021-25 (2026 update).
    assert names == ["Ukraine", "France", "Germany"]
    assert table["russia"] + sum(v for _, v in table["others"]) + table["rest"] == pytest.approx(100)


def test_china_first_exports_more_than_russia_in_the_year_found_by_hand():
    china, russia = {}, {}
    for row in rows("sipri_tiv_tables_2024ed.csv"):
        target = {"China total arms exports": china, "Russia total arms exports": russia}.get(row["series"])
        if target is not None:
            target[int(row["year"])] = float(row["tiv_millions"])
    expected = min(y for y in russia if y in china and china[y] > russia[y])
    assert hindsight.crossover_year(data.sipri_tiv_tables()) == expected
    assert china[expected - 1] < russia[expected - 1]


def test_china_share_of_russian_exports_matches_sipri_within_a_point():
    shares = hindsight.china_share_of_russia(data.sipri_tiv_tables(), data.sipri_tiv_editions())
    published = data.indicator("sipri_published_china_in_russia_exports_2019_23")
    assert abs(hindsight.china_share_of_russia_window(shares, 2019, 2023) - published["value_low"]) < 1


def test_orders_by_year_of_order():
    orders = hindsight.orders_by_year(data.sipri_register())
    by_hand = defaultdict(float)
    for row in rows("russia_china_trade_register_2026ed.csv"):
        total = float(row["SIPRI TIV for total order"] or 0)
        by_hand[int(row["Year of order"])] += (
            total if total > 0 else float(row["SIPRI TIV of delivered weapons"])
        )
    for year, value in by_hand.items():
        assert orders[year] == pytest.approx(value)
    assert orders[2007] == 0 and orders[2008] == 0
    # The 2015 D-30KP-2 deal has no order total in SIPRI; its 487 delivered engines (1,461 TIV) stand in.
    assert orders[2015] == pytest.approx(330 + 600 + 32.5 + 1461 + 392.7 + 120 + 520 + 1440)
    assert hindsight.last_order_year(data.sipri_register()) == max(by_hand)


def test_engines_share_of_each_years_deliveries():
    frame = hindsight.engine_share_by_year(data.sipri_deliveries(), data.sipri_register())
    engines = defaultdict(float)
    totals = defaultdict(float)
    for row in rows("russia_china_delivery_rows_2026ed.csv"):
        year = int(row["Delivery year"])
        totals[year] += float(row["TIV delivery values"])
        if row["Designation"].split(" (")[0] in {"AL-31", "D-30", "AL-41F-1S"}:
            engines[year] += float(row["TIV delivery values"])
    for year in totals:
        assert frame.loc[year, "share"] == pytest.approx(100 * engines[year] / totals[year])
    assert frame.loc[2024, "share"] == pytest.approx(100)


def test_headline_results():
    tiv = data.sipri_tiv()
    assert hindsight.post_paper_peak(tiv, 2012) == (2018, pytest.approx(1905.75))
    series = {int(r["year"]): float(r["tiv_millions"]) for r in rows("russia_china_tiv_by_year.csv")}
    assert hindsight.last_data_year(tiv) == (max(series), pytest.approx(series[max(series)]))
    label, share, edition = hindsight.latest_russia_share(IMPORTS)
    assert label == "2021–25" and edition == "2026 update"
    assert share == pytest.approx(by_hand_share(2021, 2025, "2026"))


def test_the_outcome_text_on_the_1990s_level_matches_the_data():
    series = {int(r["year"]): float(r["tiv_millions"]) for r in rows("russia_china_tiv_by_year.csv")}
    nineties = sum(series[y] for y in range(1990, 2000)) / 10
    above = [y for y in series if y > 2012 and series[y] > nineties]
    assert (min(above), max(above)) == (2015, 2019)
    russian_only = sum(series[y] for y in range(1992, 2000)) / 8
    assert min(y for y in series if y > 2012 and series[y] > russian_only) == 2017
    row = data.outcomes().set_index("id").loc["nineties_level"]
    assert (row["outcome_year_low"], row["outcome_year_high"]) == (2015, 2019)


def test_verdict_counts():
    counts = hindsight.verdict_counts(data.outcomes())
    assert sum(counts.values()) == len(data.outcomes())
    with pytest.raises(ValueError, match="unknown verdict"):
        hindsight.verdict_counts(pd.DataFrame({"verdict": ["maybe"]}))


def test_every_forecast_and_forward_judgement_has_a_verdict_and_the_types_agree():
    outcomes = data.outcomes()
    claims = data.claims().set_index("id")
    forecasts = set(claims.index[claims["type"] == "forecast"])
    assert forecasts <= set(outcomes["claim"])
    assert outcomes["claim"].is_unique
    assert set(outcomes["claim"]) <= set(claims.index)


def _csv(name: str) -> list[dict]:
    with (data.data_dir() / "external" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _own_csv(name: str) -> list[dict]:
    """A table of the report's own (data/), read as text."""
    with (data.data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_widest_revision_between_editions_is_the_year_found_by_hand():
    from mtcreport import sipri

    values = defaultdict(dict)
    for row in _csv("russia_china_tiv_by_year_all_editions.csv"):
        values[int(row["year"])][row["sipri_edition"][:4]] = float(row["tiv_millions"])
    spread = {year: max(v.values()) - min(v.values()) for year, v in values.items()}
    expected = max(spread, key=spread.get)
    year, by_edition = hindsight.widest_revision(sipri.with_edition(data.sipri_tiv_editions()))
    assert year == expected
    assert {e[:4]: v for e, v in by_edition.items()} == values[expected]


def test_engines_delivered_per_year_and_family_add_up_to_the_rows_by_hand():
    turbofans = {r["Weapon designation"] for r in _csv("russia_china_trade_register_2026ed.csv")
                 if r["Weapon description"] == "turbofan"}  # fmt: skip
    expected = defaultdict(float)
    years = set()
    for row in _csv("russia_china_delivery_rows_2026ed.csv"):
        years.add(int(row["Delivery year"]))
        family = row["Designation"].split(" (")[0]
        if family in turbofans:
            expected[(int(row["Delivery year"]), family)] += float(row["Numbers delivered"])
    table = hindsight.engine_deliveries_by_year(data.sipri_deliveries(), data.sipri_register())
    assert list(table.index) == list(range(min(years), max(years) + 1))
    assert expected and {(y, f): v for (y, f), v in table.stack().items() if v} == dict(expected)


def test_engines_above_half_from_the_last_dip():
    share = pd.DataFrame({"share": [60.0, 40.0, 55.0, 70.0, 45.0, 51.0, 52.0]}, index=range(2010, 2017))
    assert hindsight.engines_above_half_from(share, 2010) == 2015  # dips in 2011 and 2014
    assert hindsight.engines_above_half_from(share, 2014) == 2015  # never dips after 2014
    assert hindsight.engines_above_half_from(share.iloc[:3], 2010) == 2012


def test_small_readings_of_the_series():
    series = pd.Series([5.0, 1.0, 4.0, 2.0, 9.0], index=range(2000, 2005))
    assert hindsight.last_year_below(series, 3.0, 2004) == 2003
    assert hindsight.last_year_below(series, 3.0, 2003) == 2001
    orders = pd.Series([7.0, 0.0, 3.0, 5.0], index=range(1990, 1994))
    assert hindsight.order_peak_rank(orders, 1993) == "the most since 1990"
    assert hindsight.order_peak_rank(orders.iloc[1:], 1993) == (
        "the most of any year since 1991, when the register begins"
    )


def test_stated_exports_keep_one_figure_a_year_final_over_preliminary():
    rows = _csv("russia_arms_exports_usd_official.csv")
    kept = [r for r in rows if r["qualifier"] != "preliminary"]
    stated = hindsight.stated_exports(data.official_exports())
    assert list(stated["year"]) == [int(r["year"]) for r in kept]
    assert stated["year"].is_unique
    assert list(stated["exact"]) == [r["qualifier"] in ("reported", "final") for r in kept]


def test_chinas_tiv_share_of_russian_exports_in_2011_by_hand():
    tables = _csv("sipri_tiv_tables_2024ed.csv")
    edition = tables[0]["sipri_edition"][:4]
    russia = next(
        float(r["tiv_millions"])
        for r in tables
        if r["series"] == "Russia total arms exports" and r["year"] == "2011"
    )
    china = next(
        float(r["tiv_millions"])
        for r in _csv("russia_china_tiv_by_year_all_editions.csv")
        if r["year"] == "2011" and r["sipri_edition"].startswith(edition)
    )
    to_china = hindsight.china_share_of_russia(data.sipri_tiv_tables(), data.sipri_tiv_editions())
    volume, share = hindsight.tiv_share_in(to_china, 2011)
    assert volume == china and share == pytest.approx(100 * china / russia)
    table = hindsight_tables.reconciliation_table(
        data.indicator("china_share_2011"), data.indicator("ru_exports_2011"), 15.0, volume, share, "x"
    )
    assert table["Value"].iloc[3] == fmt.percent(100 * china / russia, 1)
    assert table["Value"].iloc[2] == "$15 bn"
