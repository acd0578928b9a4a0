"""Chapter 8's two tables as readers see them (mtcreport.beyond_tables)."""

import pandas as pd

from mtcreport import beyond, beyond_tables, data


def test_the_developments_table_runs_in_date_order_and_keeps_each_rows_certainty_and_sources():
    rows = data.developments()
    table = beyond_tables.developments_table(rows)
    assert list(table.columns) == ["When", "What happened", "Who", "How certain", "Sources"]
    assert len(table) == len(rows)
    order = rows["date"].map(beyond.decimal_date).sort_values(kind="stable").index
    assert list(table["What happened"]) == list(rows.loc[order, "what"])
    assert list(table["How certain"]) == list(rows.loc[order, "certainty"])
    assert all(cell for cell in table["Sources"])  # every development cites at least one source


def test_the_published_changes_table_says_what_the_rows_cannot_reproduce_and_keeps_sipris_digits():
    published = pd.DataFrame(
        {
            "subject": ["china_imports", "china_exports"],
            "first": [2019, 2020],
            "last": [2023, 2024],
            "value": [-44.0, 1.5],
            "computed": [-43.96, float("nan")],
            "edition": ["2024 update", None],
            "source": ["sipri_fs_2015", "sipri_fs_2015"],
        }
    )
    table = beyond_tables.published_changes_table(published)
    first, second = table.to_dict("records")
    assert first["Change"] == "China's arms imports, 2019–23 against 2014–18"
    assert (first["SIPRI published"], first["From the rows"]) == ("−44 %", "−44.0 %")
    assert first["Edition used"] == "2024 update"
    assert (second["SIPRI published"], second["From the rows"]) == ("+1.5 %", "not in this report's data")
    assert second["Edition used"] == ""
