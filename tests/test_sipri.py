"""SIPRI helpers: one edition per window, shares that match SIPRI's own published figures."""

import pandas as pd
import pytest

from mtcreport import data, sipri


def test_shares_reproduce_the_figure_sipri_published():
    published = data.indicator("sipri_published_share_2019_23")
    share = sipri.russia_share(data.sipri_china_imports(), 2019, 2023, "2024 update")
    assert round(share) == published["value_low"]


def test_each_window_sums_to_a_hundred_and_uses_one_edition():
    imports = data.sipri_china_imports()
    totals = sipri.window_totals(imports, 1990, 1994, "2024 update")
    # the Soviet Union and Russia are one supplier: neither SIPRI name is left
    assert sipri.RUSSIA in totals.index and not set(sipri.RUSSIAN_NAMES) & set(totals.index)
    one_edition = imports[
        imports["sipri_edition"].str.startswith("2024") & imports["year"].between(1990, 1994)
    ]
    assert totals.sum() == pytest.approx(one_edition["tiv_millions"].sum())
    shares = 100 * totals / totals.sum()
    assert shares.sum() == pytest.approx(100)
    assert sipri.russia_share(imports, 1990, 1994, "2024 update") == pytest.approx(shares[sipri.RUSSIA])


def test_a_window_an_edition_does_not_cover_is_refused():
    with pytest.raises(ValueError, match="does not cover 1990–94"):
        sipri.window_totals(data.sipri_china_imports(), 1990, 1994, "2026 update")
    with pytest.raises(ValueError, match="does not cover 1990–94"):
        sipri.russia_share(data.sipri_china_imports(), 1990, 1994, "2026 update")


def test_one_merge_of_the_soviet_union_and_russia():
    """Only ``sipri`` names SIPRI's two Russian suppliers in code: every other module merges them
    through ``sipri.merge_russia`` (docstrings aside)."""
    import ast
    from pathlib import Path

    found = []
    for path in sorted(Path(sipri.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "Soviet Union" and path.name != "sipri.py":
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
    frame = pd.DataFrame({"supplier": ["Soviet Union", "Russia", "France"]})
    assert list(sipri.merge_russia(frame)["supplier"]) == [sipri.RUSSIA, sipri.RUSSIA, "France"]


def test_edition_and_parsing_helpers():
    assert sipri.edition("2026 update (data to 2025); register generated 18 May 2026") == "2026 update"
    with pytest.raises(ValueError):
        sipri.edition("latest")
    assert sipri.delivery_years("2016; 2017; 2018") == [2016, 2017, 2018]
    assert sipri.delivery_years(pd.NA) == []
    assert sipri.engine_family("AL-31 (13500)") == "AL-31"


def test_the_yearly_series_equals_the_sum_of_the_delivery_rows():
    rows = data.sipri_deliveries()
    per_year = rows.groupby("Delivery year")["TIV delivery values"].sum()
    series = data.sipri_tiv().set_index("year")["tiv_millions"]
    for year in range(2004, 2026):
        assert per_year[year] == pytest.approx(series[year]), year


def test_every_forecast_of_the_paper_has_an_outcome_with_a_web_source():
    outcomes = data.outcomes()
    claims = data.claims()
    forecasts = set(claims.loc[claims["type"] == "forecast", "id"])
    assert forecasts <= set(outcomes["claim"]), sorted(forecasts - set(outcomes["claim"]))
    sources = data.sources().set_index("id")
    tested = outcomes[outcomes["verdict"] != "not testable"]
    assert sources.loc[tested["source"], "url"].str.startswith("http").all()


def test_the_editions_of_a_table_in_words():
    import csv

    with (data.data_dir() / "external" / "russia_china_tiv_by_year_all_editions.csv").open(
        encoding="utf-8"
    ) as fh:
        years = sorted({row["sipri_edition"][:4] for row in csv.DictReader(fh)})
    assert len(years) == 3
    assert (
        sipri.editions_phrase(data.sipri_tiv_editions()) == f"{years[0]}, {years[1]} and {years[2]} updates"
    )
    assert sipri.editions_phrase(data.sipri_register()).endswith(" update")
    # several tables read together: every edition any of them holds, once
    register, tables = data.sipri_register(), data.sipri_tiv_tables()
    both = sorted({e[:4] for e in [*register["sipri_edition"], *tables["sipri_edition"]]})
    assert sipri.editions_phrase(register, tables) == (
        " and ".join(both) + " updates" if len(both) > 1 else f"{both[0]} update"
    )
    assert sipri.editions_phrase(tables, data.sipri_tiv_editions(), tables) == sipri.editions_phrase(
        data.sipri_tiv_editions()
    )
    with pytest.raises(ValueError, match="no table"):
        sipri.editions_phrase()


def test_the_register_table_marks_uncertain_numbers_as_sipri_does():
    import csv

    with (data.data_dir() / "external" / "russia_china_trade_register_2026ed.csv").open(
        encoding="utf-8"
    ) as fh:
        rows = list(csv.DictReader(fh))
    table = sipri.register_table(data.sipri_register())
    assert len(table) == len(rows)
    for row, shown in zip(rows, table.itertuples(index=False), strict=True):
        mark = " ?" if row["Number ordered uncertain (?)"] else ""
        number = row["Number ordered"]
        expected = f"{int(float(number))}{mark}" if number else ("?" if mark else "")
        assert shown[2] == expected  # "Number ordered"
        assert shown[1] == f"{row['Weapon designation']} ({row['Weapon description']})"
        soviet = "" if row["Supplier"] == "Russia" else f" ({row['Supplier']})"
        uncertain = " ?" if row["Year of order uncertain (?)"] else ""
        assert shown.Ordered == f"{row['Year of order']}{uncertain}{soviet}"


def test_delivery_years_read_as_runs():
    assert sipri.year_runs("1993; 1994; 1995; 1997") == "1993–1995, 1997"
    assert sipri.year_runs("2016") == "2016"
    assert sipri.year_runs("2019; 2017; 2018") == "2017–2019"
    assert sipri.year_runs(None) == ""
    register = data.sipri_register()
    table = sipri.register_table(register)
    for text, shown in zip(register["Year(s) of delivery"], table["Delivered in"], strict=True):
        listed = [] if pd.isna(text) else sorted(int(y) for y in text.split(";"))
        covered = []
        for part in filter(None, shown.split(", ")):
            low, _, high = part.partition("–")
            covered += range(int(low), int(high or low) + 1)
        assert covered == listed
