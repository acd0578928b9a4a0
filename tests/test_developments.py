"""The developments table (chapter 8's outside facts): every row cites sources that exist and that a
reader can open, and its dates are written to the precision it claims.

Each case breaks one thing in a private copy of data/ and checks the message a maintainer reads.
"""

import pytest

from mtcreport import data
from tests.test_malformed import assert_names, error_for, set_cell


def test_every_development_cites_a_source_with_a_url():
    sources = data.sources().set_index("id")
    rows = data.developments()
    cited = set(rows["source"]) | set(rows["source_2"].dropna())
    assert cited <= set(sources.index)
    assert sources.loc[sorted(cited), "url"].notna().all()
    assert (sources.loc[sorted(cited), "kind"] == "external").all()


def test_unknown_source_id_is_refused(data_copy):
    line = set_cell(data_copy, "developments", "early_warning_2019", "source", "valdai_unread")
    message = error_for(data_copy)
    assert_names(message, "developments", line, "source", r'"valdai_unread" is not an id in sources\.csv')
    assert 'id "early_warning_2019"' in message


def test_unknown_second_source_is_refused(data_copy):
    line = set_cell(data_copy, "developments", "caatsa_edd_2018", "source_2", "no_such_source")
    reason = r'"no_such_source" is not an id in sources\.csv'
    assert_names(error_for(data_copy), "developments", line, "source_2", reason)


@pytest.mark.parametrize(
    ("column", "source_id"),
    [("source", "bloomberg_ews_2019"), ("source_2", "scmp_caatsa_2018")],
)
def test_source_without_url_is_refused(data_copy, column, source_id):
    set_cell(data_copy, "sources", source_id, "url", "")
    message = error_for(data_copy)
    assert "developments.csv" in message, message
    assert f'column "{column}"' in message, message
    assert f'source "{source_id}" has no url' in message, message
    assert "[source-without-url]" in message


@pytest.mark.parametrize(
    ("row_id", "column", "value"),
    [
        ("early_warning_2019", "precision", "month"),  # written as a day
        ("ws15_flight_2023", "date", "2023-06-28"),  # a day under month precision
        ("nitrocellulose_trade_2023", "date_end", "2023-12"),  # the end more precise than the start
    ],
)
def test_date_must_match_its_precision(data_copy, row_id, column, value):
    line = set_cell(data_copy, "developments", row_id, column, value)
    assert_names(error_for(data_copy), "developments", line, "precision/date", r"precision must match")


def test_span_must_not_end_before_it_starts(data_copy):
    line = set_cell(data_copy, "developments", "vostok_2018", "date_end", "2018-09-01")
    assert_names(error_for(data_copy), "developments", line, "date/date_end", r"must not be earlier")


def test_unknown_certainty_is_refused(data_copy):
    line = set_cell(data_copy, "developments", "early_warning_2019", "certainty", "confirmed")
    assert_names(error_for(data_copy), "developments", line, "certainty", r'"confirmed" is not one of')
