"""Headline sentences and their sensitivity: each figure worked out by hand from small frames,
and the committed data's sensitivities pinned (so a new edition that changes them is noticed)."""

import pandas as pd
import pytest

from mtcreport import data, headlines


def reg(rows):
    cols = [
        "Weapon designation",
        "Year of order",
        "SIPRI TIV for total order",
        "SIPRI TIV of delivered weapons",
    ]
    return pd.DataFrame(rows, columns=cols)


def test_an_open_ended_entry_can_carry_a_peak_year():
    register = reg([("A", 2000, 100.0, 100.0), ("B", 2015, 60.0, 60.0), ("C", 2015, 0.0, 50.0)])
    peak = headlines.order_peak(register, range(2000, 2016), 2012)
    assert peak["year"] == 2015 and peak["tiv"] == 110 and peak["larger_before"] == []
    assert peak["open_entries"] == ["C"] and peak["open_tiv"] == 50
    assert peak["larger_before_closed"] == [2000]


def test_committed_2015_is_first_only_with_the_open_ended_d30_entry():
    tiv = data.sipri_tiv()
    peak = headlines.order_peak(data.sipri_register(), tiv["year"], 2012)
    assert peak["year"] == 2015 and peak["larger_before"] == [] and peak["open_entries"] == ["D-30"]
    assert peak["larger_before_closed"], "without the open-ended entry 2015 should not be first"


def test_growth_ratio_in_every_edition():
    ratios = headlines.growth_by_edition(data.sipri_tiv_editions(), 2013, 2018)
    assert ratios.round(1).to_dict() == {"2024 update": 2.6, "2025 update": 2.6, "2026 update": 3.0}


def test_last_year_mix_names_what_is_not_an_engine():
    mix = headlines.last_year_mix(data.sipri_deliveries(), data.sipri_register(), (2020, 2025))
    assert (mix["year"], mix["total"], mix["engines"]) == (2025, 25, 15)
    assert [(o["designation"], o["description"]) for o in mix["others"]] == [("Mineral", "sea-search radar")]
    assert "frigates produced in China" in mix["others"][0]["comment"]
    assert mix["period_components"] > mix["period_engines"] > 50


def test_exporters_by_window_sums_five_years_ending_with_the_data():
    years = range(2014, 2024)
    tables = pd.DataFrame(
        [{"series": "China total arms exports", "year": y, "tiv_millions": 10.0} for y in years]
        + [
            {"series": "Russia total arms exports", "year": y, "tiv_millions": 20.0 if y < 2023 else 5.0}
            for y in years
        ]
    )
    windows = headlines.exporters_by_window(tables)
    assert list(windows["period"]) == ["2014–18", "2019–23"]
    assert windows.iloc[-1]["russia"] == 85 and windows.iloc[-1]["china"] == 50
    cross = headlines.crossover(tables)
    assert (
        cross["year"] == 2023 and cross["window"] is None and cross["latest_ratio"] == pytest.approx(50 / 85)
    )
