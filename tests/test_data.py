"""The real data package: it validates, loads typed, caches honestly, and agrees with the paper."""

import re

import pandas as pd
import pytest

from mtcreport import data
from tools.paths import ROOT

PAPER = next(iter(sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))), None)
EXPECTED_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


def test_real_package_validates():
    data.validate()


def test_every_table_has_a_loader_and_rows():
    for name in data.tables():
        loader = getattr(data, name)
        frame = loader()
        assert len(frame) > 0, name
        assert frame["id"].is_unique, name


def test_columns_are_typed_from_the_schema():
    for name, table in data.tables().items():
        frame = data.load(name)
        assert list(frame.columns) == [f["name"] for f in table.fields]
        for field in table.fields:
            assert str(frame[field["name"]].dtype) == EXPECTED_DTYPES[field["type"]], (name, field["name"])


def test_empty_cells_are_missing_not_empty_strings():
    transfers = data.transfers().set_index("id")
    assert pd.isna(transfers.at["fc1_joint_development", "year_low"])
    assert (data.systems()["note"] != "").all()


def test_unknown_table_and_indicator_raise_clearly():
    with pytest.raises(KeyError, match="no table 'nope'"):
        data.load("nope")
    with pytest.raises(KeyError, match="no indicator 'nope'"):
        data.indicator("nope")


def test_changed_file_is_reloaded_not_served_from_cache(data_copy):
    assert data.indicator("ru_procurement_2011")["value_low"] == 18.2
    path = data_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",18.2,18.2,", ",18.3,18.3,"), encoding="utf-8")
    assert data.indicator("ru_procurement_2011")["value_low"] == 18.3


def test_an_edited_sipri_row_is_reloaded_not_served_from_cache(data_copy):
    """The cache covers data/external/ too: a running kernel sees an edited SIPRI row at once
    (same size, so only the file's time tells the change)."""
    assert data.sipri_tiv().set_index("year").loc[1990, "tiv_millions"] == 87
    path = data_copy / "external" / "russia_china_tiv_by_year.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("y1990,1990,87,", "y1990,1990,88,"), encoding="utf-8"
    )
    assert data.sipri_tiv().set_index("year").loc[1990, "tiv_millions"] == 88


def test_loaders_return_copies():
    frame = data.transfers()
    frame.loc[:, "item"] = "changed"
    assert (data.transfers()["item"] != "changed").all()


def test_data_dir_follows_the_environment(data_copy):
    assert data.data_dir() == data_copy.resolve()


# --- the data agree with what the paper says about them -------------------------------


def test_four_chinese_aircraft_types_depend_on_russian_engines():
    engines = data.engines().merge(data.systems()[["id", "origin"]], left_on="aircraft", right_on="id")
    chinese = engines[engines["origin"] == "China"]
    assert int(chinese["depends_on_russia"].sum()) == 4
    assert chinese.loc[~chinese["depends_on_russia"], "aircraft"].tolist() == ["jh7a"]


def test_the_engines_table_holds_only_chinese_aircraft_and_russian_engines():
    # The table restates Crisis ¶5: Chinese combat aircraft and the Russian engine each relies on.
    origin = data.systems().set_index("id")["origin"]
    engines = data.engines()
    assert (engines["aircraft"].map(origin) == "China").all()
    assert engines["engine"].dropna().map(origin).eq("Russia").all()
    assert len(engines) == 5  # four types on Russian engines and the JH-7A


def test_income_shares_add_up_to_the_whole():
    shares = (
        data.indicators()
        .set_index("id")
        .loc[["income_share_exports", "income_share_domestic", "income_share_civil"], "value_low"]
    )
    assert shares.sum() == 100


def test_lineage_runs_from_russian_designs_to_chinese_systems():
    origin = data.systems().set_index("id")["origin"]
    lineage = data.lineage()
    assert lineage["russian_system"].map(origin).isin(["Russia", "USSR"]).all()
    assert (lineage["chinese_system"].map(origin) == "China").all()


def test_the_papers_designation_slips_are_flagged():
    systems = data.systems().set_index("id")
    slips = systems[systems["slip"]]
    assert set(slips["paper_designation"]) >= {"S-30MKK", "BA-611", "D-30KP2"}
    assert slips["standard_source"].ne("kashin2012").all(), "a correction needs an outside source"


def test_paper_rows_point_at_a_paragraph():
    for name in data.tables():
        frame = data.load(name)
        if "locator" in frame.columns:
            paper_rows = frame[frame["source"] == "kashin2012"]
            assert paper_rows["locator"].str.fullmatch(r"¶\d+(, bullet \d+)?").all(), name


def test_the_two_2012_contracts_behind_the_combined_value_exist():
    transfers = data.transfers().set_index("id")
    pair = transfers.loc[["al31f_contract_2012", "mi171e_contract_2012"]]
    assert (pair["year_low"] == data.indicator("contracts_2012_combined")["year"]).all()
    assert set(pair["quantity"]) == {140, 55}


def _paper_text():
    if PAPER is None:
        pytest.skip("the paper (../shared/seeds) is not beside this checkout; coverage not checked")
    text = PAPER.read_text(encoding="utf-8")
    text = re.sub(r"-\s*\n\s*(?=[a-z])", "", text)
    return re.sub(r"-\s*\n\s*", "-", text)


def _data_text():
    return " ".join(p.read_text(encoding="utf-8") for p in sorted(data.data_dir().glob("*.csv")))


def test_every_designation_in_the_paper_is_in_the_data():
    found = set(re.findall(r"\b(?:[A-Z][A-Za-z]*-\d+[A-Za-z0-9/-]*|\d+[A-Z]+\b|Project \d+)", _paper_text()))
    assert len(found) > 30
    missing = sorted(d for d in found if d not in _data_text())
    assert not missing, f"designations of the paper missing from data/: {missing}"


def test_every_number_in_the_paper_is_in_the_data():
    found = set(re.findall(r"\b\d+(?:\.\d+)?\b", _paper_text()))
    cells = set(re.findall(r"\b\d+(?:\.\d+)?\b", _data_text()))
    missing = sorted(found - cells, key=float)
    assert not missing, f"numbers of the paper missing from data/: {missing}"


def test_validation_is_remembered_by_content_only(data_copy, monkeypatch, tmp_path):
    monkeypatch.setattr(data, "VALIDATED_DIR", tmp_path / "validated")
    data.clear_cache()
    data.load_all()
    assert len(list((tmp_path / "validated").iterdir())) == 1
    calls = []
    monkeypatch.setattr(data, "validate_folder", calls.append)
    data.clear_cache()
    data.load_all()
    assert calls == [], "the same bytes were validated twice"
    path = data_copy / "markets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Algeria", "Algeria "), encoding="utf-8")
    data.load_all()
    assert calls == [data_copy.resolve()], "changed bytes were not validated again"


def test_a_corrupted_file_fails_even_after_the_clean_one_was_validated(data_copy):
    data.load_all()
    path = data_copy / "transfers.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",1996,1996,", ",1996,nineteen,"), encoding="utf-8"
    )
    with pytest.raises(data.DataError, match=r'column "year_high"'):
        data.load_all()


def test_rows_from_the_paper_and_from_outside_counted_by_hand():
    import csv
    import json

    folder = data.data_dir()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paper = outside = 0
    for resource in package["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        columns = [f["name"] for f in resource["schema"]["fields"]]
        if "source" in columns:
            paper += sum(r["source"] == "kashin2012" for r in rows)
            outside += sum(r["source"] != "kashin2012" for r in rows)
        elif resource["path"].startswith("external/"):
            outside += len(rows)
    assert data.provenance_counts() == (paper, outside)
    assert paper > 0 and outside > 0


def test_the_data_package_states_the_terms_of_its_own_tables_and_of_sipris():
    import json

    package = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    licenses = package["licenses"]
    assert [x for x in licenses if x.get("name") == "CC-BY-4.0" and "outside data/external/" in x["title"]]
    sipri = [x for x in licenses if x.get("path") == "https://www.sipri.org/databases/armstransfers"]
    assert sipri and "the data are SIPRI's" in sipri[0]["title"]
    legal = (data.ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in legal and "CC BY 4.0" in legal and "SIPRI's terms" in legal


def test_a_table_is_credited_to_sipri_exactly_when_it_is_a_copy_of_sipris_data():
    """The package credits each outside table to whoever stated its figures: SIPRI for copies of
    SIPRI's exports (the tables that carry a ``sipri_edition``), and never SIPRI for a table of
    other figures (Russia's official dollar figures were once credited to SIPRI)."""
    import json

    package = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    wrong = []
    for resource in package["resources"]:
        credit = resource.get("x-attribution", "")
        copy = any(f["name"] == "sipri_edition" for f in resource["schema"]["fields"])
        if credit and ("SIPRI" in credit) != copy:
            wrong.append((resource["name"], credit))
    assert wrong == []
    credited = [r for r in package["resources"] if r.get("x-attribution")]
    assert any("SIPRI" in r["x-attribution"] for r in credited)
    assert any("SIPRI" not in r["x-attribution"] for r in credited)
