"""The tables the chapters show carry the rows of the data, written as the chapters need them.
Expected values are read from the CSV files with the csv module, not through the loaders."""

import csv

from mtcreport import data, frames


def _rows(name: str) -> dict[str, dict]:
    with (data.data_dir() / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_lineage_names_both_systems_by_label():
    systems = _rows("systems")
    table = frames.lineage(data.lineage(), data.systems().set_index("id"))
    expected = [
        (systems[r["russian_system"]]["label"], systems[r["chinese_system"]]["label"], r["relation"])
        for r in _rows("lineage").values()
    ]
    assert (
        list(zip(table["Russian design"], table["Chinese system"], table["Relation"], strict=True))
        == expected
    )


def test_engines_say_which_aircraft_rely_on_russia():
    systems = _rows("systems")
    rows = [r for r in _rows("engines").values() if systems[r["aircraft"]]["origin"] == "China"]
    engines = data.engines()
    chinese = engines[engines["aircraft"].map(data.systems().set_index("id")["origin"]) == "China"]
    table = frames.engines(chinese, data.systems().set_index("id"))
    assert list(table["Relies on Russia"]) == [
        "yes" if r["depends_on_russia"] == "true" else "no" for r in rows
    ]
    assert list(table["Engine"]) == [
        systems[r["engine"]]["label"] if r["engine"] else "none from Russia" for r in rows
    ]


def test_negotiations_table_writes_units_and_years_in_words():
    rows = _rows("negotiations")
    table = frames.negotiations(data.negotiations().set_index("id"))
    for (ident, row), (_, shown) in zip(rows.items(), table.iterrows(), strict=True):
        assert shown["Project"] == row["item"], ident
        assert shown["Units Russia hoped for"] == (
            f"at least {row['quantity_sought_min']}" if row["quantity_sought_min"] else ""
        )
        assert shown["Sale"] == (
            f"not before {row['earliest_delivery_year']}" if row["earliest_delivery_year"] else ""
        )


def test_contracts_and_trade_keep_the_papers_words_for_vague_dates():
    rows = _rows("transfers")
    transfers = data.transfers().set_index("id")
    ids = [i for i, r in rows.items() if r["date_text"]][:3]
    assert ids
    trade = frames.trade(transfers.loc[ids])
    assert list(trade["When"]) == [rows[i]["date_text"] for i in ids]
    vague = [i for i, r in rows.items() if r["approx"] == "true" and r["date_text"]][:2]
    assert vague
    contracts = frames.contracts(transfers.loc[vague])
    assert list(contracts["Signed"]) == [rows[i]["date_text"] for i in vague]
