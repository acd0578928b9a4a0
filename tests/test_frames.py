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


#: The words that carry the paper's hedges and conditions in the negotiations table.
NEGOTIATION_HEDGES = (
    "at least",
    "not before",
    "supposed to",
    "in principle",
    "only",
    "possible",
    "no details",
)


def test_negotiations_table_fits_four_columns_and_keeps_every_value_and_hedge():
    """Table 5.1 reads at the width of a page's text (at most four columns; it had eight, 86 px
    each at 1280 px), yet every value of the four rows is still there in words, with its hedge: the
    units agreed and hoped for, the earliest sale, the next step and its year, what the paper says
    of technology transfer, the obstacle. No cell is left blank."""
    rows = _rows("negotiations")
    shown_ids = ["su35s", "s400", "il476", "engine117s"]
    table = frames.negotiations(data.negotiations().set_index("id").loc[shown_ids])
    assert len(table.columns) <= 4
    assert len(table) == len(shown_ids)
    for ident, (_, shown) in zip(shown_ids, table.iterrows(), strict=True):
        row, text = rows[ident], " | ".join(shown)
        assert all(cell.strip() for cell in shown), (ident, dict(shown))
        assert shown["Project"] == row["item"], ident
        wanted = [row["status_2012"], row["next_step"], row["obstacle"], row["technology_transfer"]]
        wanted += [
            f"on {row['quantity_agreed']} units" if row["quantity_agreed"] else "",
            f"at least {row['quantity_sought_min']}" if row["quantity_sought_min"] else "",
            f"not before {row['earliest_delivery_year']}" if row["earliest_delivery_year"] else "",
            f"({row['next_step_year']})" if row["next_step_year"] else "",
        ]
        for value in filter(None, wanted):
            assert value in text, (ident, value)
        for hedge in NEGOTIATION_HEDGES:
            said = " ".join(v for k, v in row.items() if k not in ("chinese_motive", "opened_text"))
            assert said.count(hedge) <= text.count(hedge), (ident, hedge)


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
