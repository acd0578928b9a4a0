"""Computed verdicts and the structural classification: hand-worked rows, and single rows that
flip the verdict they should."""

import pandas as pd
import pytest

from mtcreport import data, structure, verdicts


def series(values: dict) -> pd.Series:
    return pd.Series(values, dtype=float).sort_index()


def flat(level: float, first: int, last: int, **years) -> pd.Series:
    out = dict.fromkeys(range(first, last + 1), level)
    out.update({int(k[1:]): v for k, v in years.items()})
    return series(out)


# --- decline and recovery -----------------------------------------------------------------------
def test_decline_is_graded_on_deliveries_and_reports_orders_beside():
    deliveries = flat(100, 1995, 2004)  # flat: not lower in 2000-04
    orders = flat(100, 1995, 2004, y2000=0, y2001=0)  # orders 40 % down
    v = verdicts.decline(deliveries, orders)
    assert v.grade == "not borne out" and v.facts["orders_change"] == pytest.approx(-40)
    steep = flat(100, 1995, 2004, y2000=50, y2001=50, y2002=50, y2003=50, y2004=50)
    assert verdicts.decline(steep, orders).grade == "borne out"  # 50 % down
    mild = flat(100, 1995, 2004, y2004=60)  # 8 % down: lower, not steep
    assert verdicts.decline(mild, orders).grade == "partly"


def test_recovery_needs_both_deliveries_and_orders_for_borne_out():
    deliveries = flat(100, 2008, 2017)
    orders = flat(100, 2008, 2017, y2015=500)  # 2013-17 orders up 80 %
    assert verdicts.recovery(deliveries, orders).grade == "partly"
    grown = flat(100, 2008, 2017, y2016=300)  # deliveries up 40 %
    v = verdicts.recovery(grown, orders)
    assert v.grade == "borne out" and v.facts["deliveries_first_above"] == 2016
    assert verdicts.recovery(deliveries, flat(100, 2008, 2017)).grade == "not borne out"


def test_the_committed_data_give_a_recovery_in_orders_only():
    v = verdicts.computed(data.sipri_register(), data.sipri_deliveries(), data.sipri_tiv())["recovery"]
    assert v.grade == "partly" and v.facts["orders_change"] > 25 > v.facts["deliveries_change"]


# --- the S-400 and the Il-476 --------------------------------------------------------------------
def register(*deals):
    cols = ["Weapon designation", "Year of order", "Year(s) of delivery", "Comments", "Number delivered"]
    return pd.DataFrame([dict(zip(cols, d, strict=False)) for d in deals])


def test_s400_grades_the_stated_date_and_the_stated_refusal_separately():
    assert verdicts.s400_wait(register(("S-400 Triumf", 2015, "2018; 2019"))).grade == "partly"
    assert verdicts.s400_wait(register(("S-400 Triumf", 2017, "2018"))).grade == "borne out"
    assert verdicts.s400_wait(register(("S-400 Triumf", 2015, "2016; 2018"))).grade == "not borne out"


def test_a_single_il476_order_flips_its_verdict():
    assert verdicts.no_deal(register(("Su-35S", 2015, "2016"))).grade == "not borne out"
    assert (
        verdicts.no_deal(register(("Su-35S", 2015, "2016"), ("Il-76MD-90A", 2016, ""))).grade == "borne out"
    )


# --- the level of the 1990s, growth --------------------------------------------------------------
def test_nineties_bar_is_1992_99_and_a_bar_passed_before_the_paper_is_refused():
    deliveries = flat(100, 1992, 2020, y2016=150)
    deliveries.loc[1992:1999] = 120
    v = verdicts.nineties_level(deliveries)
    assert v.facts["level"] == 120 and v.facts["first"] == 2016 and v.grade == "borne out"
    late = flat(100, 1992, 2020, y2019=150)
    late.loc[1992:1999] = 120
    assert verdicts.nineties_level(late).grade == "partly"
    before = deliveries.copy()
    before[2011] = 130
    with pytest.raises(ValueError, match="before the paper"):
        verdicts.nineties_level(before)


def test_one_delivery_row_flips_the_nineties_verdict_on_the_committed_data():
    rows = data.sipri_tiv()
    deliveries = rows.set_index("year")["tiv_millions"]
    v = verdicts.nineties_level(deliveries)
    assert v.grade == "borne out" and v.facts["first"] == 2017
    # take one delivery row of 2017 out (the largest): 2017 falls below the bar, 2018 is too late
    biggest = data.sipri_deliveries().query("`Delivery year` == 2017")["TIV delivery values"].max()
    changed = deliveries.copy()
    changed[2017] -= biggest
    assert verdicts.nineties_level(changed).grade == "partly"


def test_moderate_growth_needs_continuity_and_a_moderate_rise():
    base = flat(100, 2008, 2022)
    assert verdicts.moderate_growth(base).grade == "partly"  # no growth
    assert verdicts.moderate_growth(flat(100, 2008, 2022, y2015=300)).grade == "borne out"  # +20 %
    assert verdicts.moderate_growth(flat(100, 2008, 2022, y2020=0)).grade == "not borne out"


@pytest.mark.parametrize(
    ("comment", "value"),
    [("$2 b deal; Su-35S version", 2.0), ("$500 m deal", 0.5), ("For J-10", None), (None, None)],
)
def test_stated_contract_values_are_read_from_sipri_comments(comment, value):
    assert verdicts.stated_value(comment) == value


def test_dollar_floor_spreads_each_stated_value_over_its_units():
    reg = pd.DataFrame(
        {
            "Weapon designation": ["Su-35S", "Mi-17"],
            "Year of order": [2015, 2015],
            "Year(s) of delivery": ["2016; 2017", "2016"],
            "Comments": ["$2 b deal", ""],
            "Number delivered": [4, 10],
        }
    )
    rows = pd.DataFrame(
        {
            "SIPRI AT Database ID": [1, 1, 2],
            "Designation": ["Su-35S", "Su-35S", "Mi-17"],
            "Order date": [2015, 2015, 2015],
            "Delivery year": [2016, 2017, 2016],
            "Numbers delivered": [1, 3, 10],
        }
    )
    out = verdicts.dollars_by_year(reg, rows).set_index("year")["value"]
    assert out[2016] == pytest.approx(0.5) and out[2017] == pytest.approx(1.5)


def test_committed_dollar_floor_passes_two_billion_in_2018_only():
    v = verdicts.computed(data.sipri_register(), data.sipri_deliveries(), data.sipri_tiv())["fast_growth"]
    assert v.grade == "partly" and v.facts["years_over"] == [2018]
    # Su-35S 10/24 of 2 bn, S-400 4/8 of 3 bn, AL-31 (2012 deal) 40/137 of 0.7 bn
    assert v.facts["peak_value"] == pytest.approx(2 * 10 / 24 + 3 * 4 / 8 + 0.7 * 40 / 137)


def test_apply_replaces_computed_verdicts_and_keeps_the_recorded_one():
    outcomes = pd.DataFrame(
        {"id": ["a", "b"], "basis": ["computed", "sources"], "verdict": ["partly", "partly"]}
    )
    out = verdicts.apply(outcomes, {"a": verdicts.Verdict("borne out")})
    assert list(out["verdict"]) == ["borne out", "partly"] and list(out["recorded"]) == ["partly", "partly"]
    with pytest.raises(ValueError, match="no computation"):
        verdicts.apply(outcomes, {})


def test_changes_lists_only_changed_grades():
    before = {"a": verdicts.Verdict("partly"), "b": verdicts.Verdict("borne out")}
    after = {"a": verdicts.Verdict("borne out"), "b": verdicts.Verdict("borne out")}
    assert verdicts.changes(before, after) == [{"id": "a", "old": "partly", "new": "borne out"}]


def test_every_computed_row_of_outcomes_has_its_computation_and_agrees_with_it():
    outcomes = data.outcomes()
    grades = verdicts.computed(data.sipri_register(), data.sipri_deliveries(), data.sipri_tiv())
    applied = verdicts.apply(outcomes, grades)
    stale = applied[applied["verdict"] != applied["recorded"]]
    assert stale.empty, f"recorded verdicts differ from the computed ones: {list(stale['id'])}"


# --- the structural thesis ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("turbofan", "engines"),
        ("air-search radar", "other subsystems"),
        ("combat aircraft radar", "other subsystems"),
        ("76mm naval gun", "other subsystems"),
        ("naval surface-to-air missile system", "other subsystems"),
        ("surface-to-air missile", "missiles"),
        ("anti-ship torpedo", "missiles"),
        ("guided shell", "missiles"),
        ("surface-to-air missile system", "platforms"),
        ("fighter/ground-attack aircraft", "platforms"),
        ("transport helicopter", "platforms"),
        ("submarine", "platforms"),
    ],
)
def test_the_classification_rule(description, kind):
    assert structure.kind_of(description) == kind


def test_an_unknown_description_is_an_error_naming_it():
    with pytest.raises(ValueError, match="test item"):
        structure.kind_of("test item")


def test_every_committed_description_is_classified():
    register = data.sipri_register()
    assert {structure.kind_of(d) for d in register["Weapon description"]} == set(structure.KINDS)


def test_kinds_by_period_by_hand():
    reg = pd.DataFrame(
        {"Weapon designation": ["AL-31", "Su-35S"], "Weapon description": ["turbofan", "fighter aircraft"]}
    )
    rows = pd.DataFrame(
        {
            "id": ["d1", "d2", "d3"],
            "Designation": ["AL-31 (13500)", "Su-35S", "AL-31 (13500)"],
            "Delivery year": [2012, 2012, 2013],
            "TIV delivery values": [30.0, 10.0, 5.0],
        }
    )
    table = structure.kinds_by_period(rows, reg, [(2012, 2012), (2013, 2013)])
    assert table.loc["2012–12", "engines"] == 30 and table.loc["2012–12", "platforms"] == 10
    shares = structure.shares_by_period(table)
    assert shares.loc["2012–12", "engines"] == 75
    assert structure.thesis_verdict(shares, ["2012–12", "2013–13"]) == "borne out"
    # one platform row more in 2013 flips the verdict to partly
    more = pd.concat(
        [
            rows,
            pd.DataFrame(
                [{"id": "d4", "Designation": "Su-35S", "Delivery year": 2013, "TIV delivery values": 60.0}]
            ),
        ]
    )
    shares = structure.shares_by_period(structure.kinds_by_period(more, reg, [(2012, 2012), (2013, 2013)]))
    assert structure.thesis_verdict(shares, ["2012–12", "2013–13"]) == "partly"


def test_a_designation_missing_from_the_register_is_an_error_naming_the_row():
    reg = pd.DataFrame({"Weapon designation": ["AL-31"], "Weapon description": ["turbofan"]})
    rows = pd.DataFrame(
        {"id": ["d9"], "Designation": ["Mystery"], "Delivery year": [2012], "TIV delivery values": [1.0]}
    )
    with pytest.raises(ValueError, match="row d9, column Designation"):
        structure.classify(rows, reg)


def test_the_change_summary_lists_a_flipped_verdict_and_reports_an_unknown_kind():
    from mtcreport import sipri_changes

    before = {"sipri_register": data.sipri_register(), "sipri_deliveries": data.sipri_deliveries()}
    before["sipri_tiv"] = data.sipri_tiv()
    after = dict(before)
    reg = before["sipri_register"].copy()
    reg.loc[reg["Weapon designation"] == "S-400 Triumf", "Year(s) of delivery"] = "2016; 2019"  # early
    after["sipri_register"] = reg
    out = sipri_changes.verdict_changes(before, after)
    assert out == {
        "verdicts": [{"id": "s400", "old": "partly", "new": "not borne out"}],
        "verdicts_error": None,
    }
    rows = before["sipri_deliveries"].copy()
    rows.loc[rows.index[-1], "Designation"] = "Unheard-of"
    out = sipri_changes.verdict_changes(before, {**before, "sipri_deliveries": rows})
    assert out["verdicts"] == [] and "Unheard-of" in out["verdicts_error"]
