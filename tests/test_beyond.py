"""The TIV-limits figures of chapter 8, checked against hand-worked rows: small frames written out
here, where every expected number can be done in one's head, plus the published SIPRI figures the
committed rows must reproduce."""

import pandas as pd
import pytest

from mtcreport import beyond, data

# --- SIPRI's comments: built in China or not ------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        (
            "For 72 Type-056 frigates produced in China; produced under licence in China as H/PJ-26",
            beyond.BUILT,
        ),
        (
            "Part of deal for 200 but about 95 cancelled; assembled from kits; Chinese designation J-11",
            beyond.BUILT,
        ),
        ("Chinese-produced H/PJ-26 version for 8 Type-071 (Yuzhao) AALS produced in China", beyond.BUILT),
        ("For use with HHQ-16 SAM system; possibly produced under licence in China", beyond.POSSIBLE),
        ("Mi-171 or Mi-171E version; possibly assembled in China from kits", beyond.POSSIBLE),
        ("Probably incl production in China as Red Soil", beyond.POSSIBLE),
        (
            "for Su-30; J-8M and/or JH-7 combat aircraft; including production of Kh-31P in China as KR-1",
            beyond.POSSIBLE,
        ),
        # the aircraft is produced in China, the engine is not
        ("AL-31FN Series-3 version for J-10 combat aircraft produced in China", beyond.IMPORTED),
        ("$3 b deal", beyond.IMPORTED),
        (None, beyond.IMPORTED),
    ],
)
def test_local_production_reads_sipri_comments(comment, expected):
    assert beyond.local_production(comment) == expected


REGISTER = pd.DataFrame(
    {
        "Year of order": [2004, 2004, 2010, 2011, 2011, 2015],
        "Weapon designation": ["Mineral", "S-300PMU2 Favorit", "AK-176 76mm", "AL-31", "AL-31", "Su-35S"],
        "Comments": [
            "For frigates produced in China; produced under licence in China",
            None,
            "possibly produced under licence in China",
            "AL-31FN version for J-10 combat aircraft produced in China",
            "AL-31F version for J-15 combat aircraft produced in China",
            "$2 b deal",
        ],
        "Number delivered uncertain (?)": ["?", "?", pd.NA, "?", "?", pd.NA],
        "SIPRI TIV of delivered weapons": [100.0, 400.0, 50.0, 200.0, 200.0, 1000.0],
    }
)

DELIVERIES = pd.DataFrame(
    {
        "id": ["d1", "d2", "d3", "d4", "d5", "d6"],
        "Designation": ["Mineral", "S-300PMU2", "AK-176 76mm", "AL-31 (13500)", "Mineral", "Su-35S"],
        "Order date": [2004, 2004, 2010, 2011, 2004, 2015],
        "Delivery year": [2016, 2016, 2016, 2016, 2017, 2017],
        "TIV delivery values": [10.0, 60.0, 10.0, 20.0, 5.0, 45.0],
    }
)


def test_licence_built_share_by_year_by_hand():
    table = beyond.licence_built_by_year(DELIVERIES, REGISTER)
    # 2016: Mineral 10 built in China, AK-176 10 possibly, S-300 60 + AL-31 20 from Russia: total 100.
    assert table.loc[2016, beyond.BUILT] == 10
    assert table.loc[2016, beyond.POSSIBLE] == 10
    assert table.loc[2016, "total"] == 100
    assert table.loc[2016, "built_share"] == pytest.approx(10.0)
    assert table.loc[2016, "upper_share"] == pytest.approx(20.0)
    # 2017: Mineral 5 of 50.
    assert table.loc[2017, "built_share"] == pytest.approx(10.0)
    assert table.loc[2017, "upper_share"] == pytest.approx(10.0)
    assert beyond.licence_built_window(table, 2016, 2017) == pytest.approx((100 * 15 / 150, 100 * 25 / 150))


def test_designations_match_across_sipri_spellings():
    # 'S-300PMU2' (per-year rows) is 'S-300PMU2 Favorit' in the register; 'AL-31 (13500)' is 'AL-31'.
    classes = beyond.delivery_production(DELIVERIES, REGISTER)
    assert list(classes) == [
        beyond.BUILT,
        beyond.IMPORTED,
        beyond.POSSIBLE,
        beyond.IMPORTED,
        beyond.BUILT,
        beyond.IMPORTED,
    ]


def test_an_unmatched_delivery_names_its_row():
    stray = DELIVERIES.assign(**{"Order date": [2004, 2004, 2010, 2011, 2004, 2016]})
    with pytest.raises(ValueError, match=r"row d6: no register deal for 'Su-35S' ordered in 2016"):
        beyond.delivery_production(stray, REGISTER)


def test_two_deals_that_disagree_are_refused():
    split = REGISTER.copy()
    split.loc[4, "Comments"] = "assembled from kits"
    with pytest.raises(ValueError, match=r"row d4: .*'AL-31 \(13500\)' ordered in 2011 disagree"):
        beyond.delivery_production(DELIVERIES, split)


def test_recent_licence_built_deliveries_in_the_register():
    """In the committed 2026 update, the Mineral radars of 2025 (2 x 5 TIV, produced under licence
    in China by SIPRI's comment) are 10 of the year's 25 million TIV."""
    table = beyond.licence_built_by_year(data.sipri_deliveries(), data.sipri_register())
    assert table.loc[2025, beyond.BUILT] == pytest.approx(10.0)
    assert table.loc[2025, "total"] == pytest.approx(25.0)
    assert table.loc[2024, "built_share"] == 0


# --- estimates -----------------------------------------------------------------------------------


def test_estimated_counts_by_hand():
    counts = beyond.estimated_counts(REGISTER, since=2010)
    # deals of 2010, 2011, 2011, 2015: the two AL-31 carry '?'; TIV 200 + 200 of 1450.
    assert counts["deals"] == 4
    assert counts["estimated"] == 2
    assert counts["share"] == pytest.approx(50.0)
    assert counts["tiv_share"] == pytest.approx(100 * 400 / 1450)
    with pytest.raises(ValueError, match="no deals ordered in or after 2020"):
        beyond.estimated_counts(REGISTER, since=2020)


def test_estimated_counts_in_the_register():
    # Of the 22 deals ordered from 2009 in the 2026 update, only the Su-35S has an exact count.
    counts = beyond.estimated_counts(data.sipri_register(), since=2009)
    assert (counts["deals"], counts["estimated"]) == (22, 21)


# --- windows against single years ---------------------------------------------------------------

SERIES = pd.Series([10.0, 10, 10, 10, 10, 20, 5, 5, 5, 5, 40], index=range(2000, 2011))


def test_window_change_by_hand():
    # 2006-10: 5+5+5+5+40 = 60 against 2001-05: 10+10+10+10+20 = 60, no change ...
    assert beyond.window_change(SERIES, 2010) == pytest.approx(0.0)
    # ... while the single year 2010 (40) against 2005 (20) doubled.
    assert beyond.single_year_change(SERIES, 2010) == pytest.approx(100.0)
    frame = beyond.windows_and_years(SERIES, [2010])
    row = frame.iloc[0]
    assert (row["window"], row["low_year"], row["high_year"]) == ("2006–10", 2006, 2010)
    assert (row["low"], row["high"]) == (5.0, 40.0)


def test_a_window_with_a_missing_year_is_refused():
    with pytest.raises(ValueError, match="does not cover 1996–00"):
        beyond.window_total(SERIES, 1996, 2000)
    with pytest.raises(ValueError, match="from zero"):
        beyond.change(1.0, 0.0)


# --- SIPRI's published changes reproduced -------------------------------------------------------

TABLES = pd.DataFrame(
    {
        "series": ["China total arms imports"] * 10
        + ["China total arms exports"] * 10
        + ["Russia total arms exports"] * 10,
        "year": list(range(2014, 2024)) * 3,
        "tiv_millions": [100.0] * 5 + [50.0] * 5 + [20.0] * 5 + [40.0] * 5 + [200.0] * 5 + [100.0] * 5,
        "sipri_edition": ["2024 update (data to 2023)"] * 30,
    }
)


def test_position_by_hand():
    frame = beyond.position(TABLES, [(2014, 2018), (2019, 2023)])
    first, second = frame.iloc[0], frame.iloc[1]
    assert (first["china_imports"], first["china_exports"], first["russia_exports"]) == (500, 100, 1000)
    assert first["exports_per_import"] == pytest.approx(0.2)
    assert second["exports_per_import"] == pytest.approx(200 / 250)
    assert second["china_vs_russia"] == pytest.approx(40.0)
    assert beyond.first_window_exports_exceed_imports(frame) is None
    more = TABLES.copy()
    more.loc[(more["series"] == "China total arms exports") & (more["year"] >= 2019), "tiv_millions"] = 60.0
    assert (
        beyond.first_window_exports_exceed_imports(beyond.position(more, [(2014, 2018), (2019, 2023)]))
        == "2019–23"
    )


def test_published_changes_parse_their_ids():
    indicators = pd.DataFrame(
        {
            "id": ["sipri_published_change_china_imports_2019_23", "sipri_published_share_2019_23"],
            "value_low": [-44.0, 77.0],
            "source": ["a", "b"],
        }
    )
    published = beyond.published_changes(indicators)
    assert list(published[["subject", "first", "last", "value"]].iloc[0]) == [
        "china_imports",
        2019,
        2023,
        -44.0,
    ]
    assert len(published) == 1
    bad = indicators.assign(id=["sipri_published_change_india_imports_2019_23", "x"])
    with pytest.raises(ValueError, match="sipri_published_change_india_imports_2019_23"):
        beyond.published_changes(bad)


def test_reproduce_changes_by_hand():
    published = beyond.published_changes(
        pd.DataFrame(
            {
                "id": [
                    "sipri_published_change_china_imports_2019_23",
                    "sipri_published_change_china_exports_2020_24",
                ],
                "value_low": [-50.0, 1.0],
                "source": ["a", "b"],
            }
        )
    )
    imports = pd.DataFrame(columns=["year", "supplier", "tiv_millions", "sipri_edition"])
    out = beyond.reproduce_changes(published, TABLES, imports).set_index("subject")
    assert out.loc["china_imports", "computed"] == pytest.approx(-50.0)  # 250 against 500
    assert pd.isna(out.loc["china_exports", "computed"])  # no table reaches 2024


def test_sipri_published_changes_are_reproduced_from_the_rows():
    """Each change SIPRI published that the committed editions cover comes out within SIPRI's
    rounding (half a unit of the last digit it printed)."""
    out = beyond.reproduce_changes(
        beyond.published_changes(data.indicators()), data.sipri_tiv_tables(), data.sipri_china_imports()
    )
    covered = out[out["computed"].notna()]
    assert len(covered) >= 4
    for row in covered.itertuples():
        digits = (
            len(str(row.value).split(".")[1])
            if "." in str(row.value) and not str(row.value).endswith(".0")
            else 0
        )
        assert abs(row.computed - row.value) <= 0.5 * 10**-digits + 1e-9, row.id


# --- dates of the developments table ------------------------------------------------------------


def test_decimal_dates_and_their_text():
    assert beyond.decimal_date("2019") == 2019.5
    assert beyond.decimal_date("2019-07") == pytest.approx(2019 + 6.5 / 12)
    assert beyond.decimal_date("2019-01-01") == pytest.approx(2019 + 0.5 / 365)
    assert beyond.date_text({"date": "2018-09-11", "date_end": "2018-09-15"}).endswith("15 September 2018")
    assert beyond.date_text({"date": "2021", "date_end": None}) == "2021"


def test_timeline_marks_take_every_development_and_every_late_deal():
    register = pd.DataFrame(
        {
            "Year of order": [2010, 2015],
            "Weapon designation": ["AK-176 76mm", "Su-35S"],
            "Weapon description": ["naval gun", "FGA aircraft"],
            "Number ordered": [72, 24],
            "Number delivered": [72, 24],
            "Year(s) of delivery": ["2013; 2014", "2016; 2017; 2018"],
        }
    )
    developments = data.developments()
    marks = beyond.timeline_marks(developments, register, since=2012)
    assert len(marks) == len(developments) + 1 + 3
    assert (marks["kind"] == "delivery").sum() == 3
    assert marks.loc[marks["kind"] == "arms contract", "start"].tolist() == [2015.5]
