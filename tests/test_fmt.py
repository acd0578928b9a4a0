"""Figures in prose keep the paper's vagueness and read the same everywhere."""

import pandas as pd
import pytest

from mtcreport import data, fmt


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((13, 13, "close to", "USD bn"), "close to $13 bn"),
        ((2.2, 2.5, "range", "USD bn"), "$2.2–2.5 bn"),
        ((1.3, pd.NA, "exceeding", "USD bn"), "more than $1.3 bn"),
        ((1.9, 1.9, "could have approached", "USD bn per year"), "possibly close to $1.9 bn a year"),
        ((15, 15, "close to", "percent"), "close to 15 %"),
        ((3, 4, "range", "years"), "3–4 years"),
        ((18.2, 18.2, "exact", "USD bn"), "$18.2 bn"),
    ],
)
def test_qualified(args, expected):
    assert fmt.qualified(*args) == expected


def test_unknown_qualifier_is_refused():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        fmt.qualified(1, 1, "roughly")


def test_indicator_text_reads_the_row():
    assert fmt.indicator_text(data.indicator("china_share_2011")) == "close to 15 %"


@pytest.mark.parametrize(
    ("low", "high", "approx", "expected"),
    [
        (1996, 1996, False, "1996"),
        (1990, 2009, True, "c. 1990–2009"),
        (pd.NA, 1999, True, "by 1999"),
        (2011, pd.NA, False, "from 2011"),
        (pd.NA, pd.NA, True, "undated"),
    ],
)
def test_year_span(low, high, approx, expected):
    assert fmt.year_span(low, high, approx) == expected


def test_date():
    assert fmt.date(1992, 11, 24) == "24 November 1992"
    assert fmt.date(1990, 5, pd.NA) == "May 1990"
    assert fmt.date(2006) == "2006"
    with pytest.raises(ValueError):
        fmt.date(pd.NA)


def test_number_and_listing():
    assert fmt.number(2.0) == "2"
    assert fmt.number(1234.5, 1) == "1,234.5"
    assert fmt.listing(["a"]) == "a"
    assert fmt.listing(["a", "b", "c"]) == "a, b and c"
    with pytest.raises(ValueError):
        fmt.number(float("nan"))


def test_row_date_reads_events_and_transfers():
    events = data.events().set_index("id")
    transfers = data.transfers().set_index("id")
    assert fmt.row_date(events.loc["agreement_1992"]) == "24 November 1992"
    assert fmt.row_date(transfers.loc["su27_contract_1990"]) == "May 1990"


def test_paper_date_is_the_latest_past_fact_of_the_paper():
    paper = data.paper_date()
    events = data.events()
    own = events[(events["source"] == "kashin2012") & (events["kind"] != "planned")]
    assert paper["year"] == own["year_high"].max()
    assert (paper["year"], paper["month"]) == (2012, 9)
    assert data.events()["year_high"].max() > paper["year"], (
        "later outside facts must not move the paper's date"
    )


def test_rounded_goes_half_up_not_half_even():
    assert fmt.rounded(586.5) == "587"
    assert fmt.rounded(0.125, 2) == "0.13"
    assert fmt.rounded(1906.0) == "1,906"
    assert fmt.rounded(1905.75) == "1,906"
    assert fmt.rounded(2.25, 1) == "2.3"
    assert fmt.number(586.5, 0) == "587"  # fixed decimals round the same way
    assert fmt.percent(70.08) == "70 %"
    with pytest.raises(ValueError, match="missing"):
        fmt.rounded(float("nan"))


def test_usd_bn_range_keeps_two_significant_figures():
    assert fmt.usd_bn_range(1.5795, 1.95) == "$1.6–2.0 bn"
    assert fmt.usd_bn_range(23.93, 26.59, 0) == "$24–27 bn"
    assert fmt.usd_bn_range(1.3, float("inf")) == "more than $1.3 bn"
    assert fmt.usd_bn_range(1.94, 1.95) == "$1.9–2.0 bn"
    assert fmt.usd_bn_range(1.96, 1.99) == "$2.0 bn"


def test_a_count_cell_is_a_whole_number_or_says_it_is_missing():
    from mtcreport import fmt as f

    assert f.count(24.0) == "24" and f.count(None) == "not given"
    assert f.count(float("nan"), "none") == "none"


def test_a_transfer_value_keeps_the_papers_qualifier():
    import pandas as pd

    from mtcreport import fmt as f

    row = pd.Series({"value_low_usd_bn": 2.5, "value_high_usd_bn": None, "value_qualifier": "exact"})
    assert f.transfer_value(row) == f.qualified(2.5, None, "exact", "USD bn") == "$2.5 bn"


def test_counts_are_written_with_the_right_plural():
    from mtcreport import fmt as f

    assert f.counted({"forecast": 8, "judgement": 1}) == "8 forecasts and 1 judgement"
    assert f.counted({"licence": 1, "design documentation": 2}) == (
        "1 licence and 2 transfers of design documents"
    )
