"""Bad input fails loudly: one DataError naming the file, the row, the column and the rule.

Each case corrupts one thing in a private copy of data/ (see the data_copy fixture)
and checks the message a maintainer would read.
"""

import csv
import re

import pytest

from mtcreport import data


def read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(folder, table, row_id, column, value):
    """Change one cell; return the file line (header = line 1) of the changed row."""
    path = folder / f"{table}.csv"
    rows = read(path)
    col = rows[0].index(column)
    for index, row in enumerate(rows[1:], start=1):
        if row[0] == row_id:
            row[col] = value
            write(path, rows)
            return index + 1
    raise AssertionError(f"no row {row_id} in {table}")


def error_for(folder) -> str:
    with pytest.raises(data.DataError) as caught:
        data.validate()
    message = str(caught.value)
    assert str(folder) in message or "data/" in message
    return message


def assert_names(message, table, line, column, reason):
    assert f"{table}.csv" in message, message
    if line == 1:
        assert "header (line 1)" in message, message
    else:
        assert f"row {line - 1} (line {line}" in message, message
    assert f'column "{column}"' in message, message
    assert re.search(reason, message), message


def test_wrong_type(data_copy):
    line = set_cell(data_copy, "transfers", "su27sk_licence_1996", "quantity", "two hundred")
    message = error_for(data_copy)
    assert_names(message, "transfers", line, "quantity", r'"two hundred" is not a valid integer')
    assert 'id "su27sk_licence_1996"' in message


def test_unknown_foreign_key(data_copy):
    line = set_cell(data_copy, "lineage", "su27sk_j11b", "chinese_system", "j99")
    assert_names(
        error_for(data_copy), "lineage", line, "chinese_system", r'"j99" is not an id in systems\.csv'
    )


def test_duplicate_id(data_copy):
    first = read(data_copy / "events.csv")[1][0]
    line = set_cell(data_copy, "events", read(data_copy / "events.csv")[2][0], "id", first)
    assert_names(error_for(data_copy), "events", line, "id", r"duplicate id")


def test_low_greater_than_high(data_copy):
    line = set_cell(data_copy, "transfers", "s300_supply", "year_low", "2010")
    assert_names(error_for(data_copy), "transfers", line, "year_low/year_high", r"must not be greater")


def test_value_range_reversed(data_copy):
    line = set_cell(data_copy, "transfers", "su27sk_licence_1996", "value_low_usd_bn", "3.1")
    message = error_for(data_copy)
    assert_names(message, "transfers", line, "value_low_usd_bn/value_high_usd_bn", r"must not be greater")


@pytest.mark.parametrize(("column", "value"), [("year_low", "1850"), ("month", "13"), ("day", "0")])
def test_date_out_of_range(data_copy, column, value):
    line = set_cell(data_copy, "events", "agreement_1992", column, value)
    assert_names(error_for(data_copy), "events", line, column, rf'"{value}" is out of range')


def test_empty_file(data_copy):
    (data_copy / "markets.csv").write_text("", encoding="utf-8")
    message = error_for(data_copy)
    assert_names(message, "markets", 1, "(header)", r"file is empty; expected the header id,country")


def test_wrong_encoding(data_copy):
    path = data_copy / "persons.csv"
    line = set_cell(data_copy, "persons", "rogozin", "role", "Vice Premier Ministre (PLACEHOLDER)")
    raw = path.read_bytes().replace(b"PLACEHOLDER", "délégué".encode("latin-1"))
    path.write_bytes(raw)
    assert_names(error_for(data_copy), "persons", line, "role", r"not valid UTF-8")


def test_missing_column(data_copy):
    path = data_copy / "persons.csv"
    write(path, [row[:2] + row[3:] for row in read(path)])
    assert_names(error_for(data_copy), "persons", 1, "role", r"column is missing")


def test_extra_column(data_copy):
    path = data_copy / "denials.csv"
    rows = read(path)
    write(path, [[*rows[0], "comment"], *([*row, ""] for row in rows[1:])])
    assert_names(error_for(data_copy), "denials", 1, "comment", r"not in the schema")


def test_columns_out_of_order(data_copy):
    path = data_copy / "markets.csv"
    write(path, [[row[1], row[0], *row[2:]] for row in read(path)])
    assert_names(error_for(data_copy), "markets", 1, "country", r"out of order")


def test_extra_cell_in_a_row(data_copy):
    path = data_copy / "engines.csv"
    rows = read(path)
    rows[3].append("stray")
    write(path, rows)
    assert_names(error_for(data_copy), "engines", 4, "-", r"more cells than the header")


def test_blank_required_field(data_copy):
    line = set_cell(data_copy, "claims", "c10", "claim", "")
    assert_names(error_for(data_copy), "claims", line, "claim", r"is blank, but the column is required")


def test_unknown_category(data_copy):
    line = set_cell(data_copy, "transfers", "nona_s_licence", "category", "gift")
    assert_names(error_for(data_copy), "transfers", line, "category", r'"gift" is not one of: platform sale')


def test_bad_boolean(data_copy):
    line = set_cell(data_copy, "transfers", "nona_s_licence", "approx", "yes")
    assert_names(error_for(data_copy), "transfers", line, "approx", r'"yes" is not a valid boolean')


def test_script_tag_in_text(data_copy):
    line = set_cell(data_copy, "negotiations", "s400", "obstacle", "<script>alert(1)</script>")
    assert_names(error_for(data_copy), "negotiations", line, "obstacle", r"contains < or >")


def test_paper_row_without_locator(data_copy):
    line = set_cell(data_copy, "indicators", "ru_procurement_2011", "locator", "")
    assert_names(error_for(data_copy), "indicators", line, "section/locator", r"need a section and a locator")


def test_slip_with_identical_spellings(data_copy):
    line = set_cell(data_copy, "systems", "su30mkk", "paper_designation", "Su-30MKK")
    message = error_for(data_copy)
    assert_names(message, "systems", line, "slip/paper_designation/standard_designation", r"must differ")


def test_exact_figure_with_a_range(data_copy):
    line = set_cell(data_copy, "indicators", "ru_procurement_2011", "value_high", "19")
    assert_names(error_for(data_copy), "indicators", line, "qualifier/value_high", r"exact figure")


def test_error_counts_further_problems(data_copy):
    set_cell(data_copy, "transfers", "nona_s_licence", "category", "gift")
    set_cell(data_copy, "transfers", "krasnopol_licence", "category", "loan")
    assert "(and 1 more problem in this file)" in error_for(data_copy)
