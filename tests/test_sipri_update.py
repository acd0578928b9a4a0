"""The SIPRI importer: round trip of the committed files, a synthetic next edition, bad inputs.

Expected values are derived here from the committed CSV files and from the synthetic edition's
own definition (tests/sipri_fixtures.py), never from the importer's output.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import sipri_fixtures as fx

from mtcreport import sipri_changes
from tools import sipri_update as su
from tools.paths import ROOT as REPO

DATA = REPO / "data"


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def next_edition(tmp_path):
    folder = tmp_path / "src"
    fx.write_next_edition(DATA, folder)
    return folder


# --- round trip: the committed files from their raw columns -----------------------------------


def committed(name: str) -> str:
    return (DATA / "external" / name).read_text(encoding="utf-8")


def test_register_round_trips_byte_for_byte(tmp_path):
    fx.write_committed_exports(DATA, tmp_path)
    export = su.read_export(tmp_path / "register.csv")
    assert export.kind == "register" and str(export.generated) == "2026-05-18"
    frame = su.build_register(export, 2026, None, "alexarui/network-analysis:trade-register.csv")
    assert su.to_csv(frame) == committed("russia_china_trade_register_2026ed.csv")


def _tables(folder):
    return {
        "importers": su.read_export(folder / "importers.csv"),
        "exporters": su.read_export(folder / "exporters.csv"),
    }


def test_deliveries_round_trip_byte_for_byte(tmp_path):
    """The copy lost SIPRI's stamp, so the edition is given; ids are kept from the file it replaces."""
    fx.write_committed_exports(DATA, tmp_path)
    export = su.read_export(tmp_path / "deliveries.csv")
    assert export.generated is None
    previous = fx.read(DATA, "russia_china_delivery_rows_2026ed.csv")
    source = previous["source_file"].iloc[0]
    frame = su.build_deliveries(export, 2026, previous, source)
    assert su.to_csv(frame) == committed("russia_china_delivery_rows_2026ed.csv")


def test_tiv_tables_round_trip_byte_for_byte(tmp_path):
    fx.write_committed_exports(DATA, tmp_path)
    exports = _tables(tmp_path)
    assert su.resolve_edition(exports, None) == 2024  # generated 13 Oct 2024
    _, sources = fx.committed_tables(DATA)
    frame = su.build_tiv_tables(exports, 2024, sources)
    assert su.to_csv(frame) == committed("sipri_tiv_tables_2024ed.csv")


def test_yearly_sums_of_the_2026_rows_match_the_committed_2026_rows(tmp_path):
    """tiv_by_year 2004-2025 and the 2026 rows of the editions table are sums of the per-year rows;
    only tiv_by_year's hand-written note differs. China's 2021-25 imports from Russia likewise."""
    fx.write_committed_exports(DATA, tmp_path)
    export = su.read_export(tmp_path / "deliveries.csv")
    source = fx.read(DATA, "russia_china_delivery_rows_2026ed.csv")["source_file"].iloc[0]
    tiv = su.build_tiv_by_year(export, 2026, source)
    built = tiv[tiv["year"].astype(int) >= 2004].reset_index(drop=True)
    want = fx.read(DATA, "russia_china_tiv_by_year.csv")
    want = want[want["year"].astype(int) >= 2004].reset_index(drop=True)
    cols = ["id", "year", "tiv_millions", "source_file", "sipri_edition", "supplier_in_sipri"]
    pd.testing.assert_frame_equal(built[cols], want[cols])
    assert set(want["note"]) != set(built["note"])  # the note is the one thing that cannot round-trip

    editions = su.build_editions(tiv[tiv["year"].astype(int) >= 2004], 2026, None)
    all_editions = committed("russia_china_tiv_by_year_all_editions.csv").splitlines()
    assert su.to_csv(editions).splitlines()[1:] == [
        line for line in all_editions if line.startswith("e2026_")
    ]

    imports = su.build_china_imports(export, 2026, source)
    got = imports[(imports["supplier"] == "Russia") & (imports["year"].astype(int) >= 2021)]
    want = fx.read(DATA, "china_arms_imports_by_supplier_tiv.csv")
    want = want[want["id"].str.startswith("e2026_") & (want["supplier"] == "Russia")]
    assert list(got["tiv_millions"]) == list(want["tiv_millions"])
    assert list(got["id"]) == list(want["id"])


def test_own_files_together_are_two_editions_and_are_refused(tmp_path, data_copy, capsys):
    """The committed register (2026 update) and TIV tables (2024 update) cannot be one import."""
    fx.write_committed_exports(DATA, tmp_path / "own")
    before = digest(data_copy)
    assert su.main([str(tmp_path / "own"), "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "two editions mixed in one folder" in err and "2024 update" in err and "2026 update" in err
    assert digest(data_copy) == before


# --- a synthetic next edition ------------------------------------------------------------------


def test_next_edition_is_imported_with_new_year_revision_and_deal(next_edition, data_copy):
    summary = su.run(next_edition, data_copy, today=pd.Timestamp("2027-04-21").date())
    old_tiv = fx.read(DATA, "russia_china_tiv_by_year.csv").set_index("year")["tiv_millions"].astype(float)
    tiv = fx.read(data_copy, "russia_china_tiv_by_year.csv").set_index("year")["tiv_millions"].astype(float)
    assert tiv.index[-1] == "2026" and tiv.index[0] == "1990"
    assert tiv["2026"] == fx.MORE["tiv"] + fx.NEW_DEAL["tiv"]
    assert tiv["2025"] == old_tiv["2025"] - 15 + fx.REVISED["tiv"]
    assert (tiv.drop(["2025", "2026"]) == old_tiv.drop("2025")).all()
    assert summary["last_year"] == {"old": 2025, "new": 2026}
    assert [r["year"] for r in summary["tiv_revisions"]] == [2025]
    assert [d["designation"] for d in summary["deals_added"]] == [fx.SYNTHETIC]
    assert summary["deals_removed"] == []
    assert sorted(d["deal_id"] for d in summary["deliveries_added"]) == [fx.MORE["deal"], fx.NEW_DEAL["id"]]

    register = fx.read(data_copy, "russia_china_trade_register_2027ed.csv")
    old_register = fx.read(DATA, "russia_china_trade_register_2026ed.csv")
    assert list(register["id"][:-1]) == list(old_register["id"])  # ids stable across editions
    assert register["id"].iloc[-1] == f"r{len(old_register) + 1:03d}"
    deliveries = fx.read(data_copy, "russia_china_delivery_rows_2027ed.csv")
    old_ids = set(fx.read(DATA, "russia_china_delivery_rows_2026ed.csv")["id"])
    assert old_ids <= set(deliveries["id"])
    assert not (data_copy / "external" / "russia_china_trade_register_2026ed.csv").exists()

    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    block = package["x-sipri-edition"]
    assert block["edition"] == 2027 and block["imported"] == "2027-04-21"
    assert {e["generated"] for e in block["exports"]} == {"2027-04-20"}
    readme = (data_copy / "external" / "README.md").read_text(encoding="utf-8")
    assert "the 2027 update" in readme and readme.count(su.README_START) == 1
    assert sipri_changes.load(data_copy)["edition"] == 2027

    # Every SIPRI table now holds the one edition, except the table of editions (history).
    for name in (
        "russia_china_tiv_by_year.csv",
        "china_arms_imports_by_supplier_tiv.csv",
        "russia_china_trade_register_2027ed.csv",
        "russia_china_delivery_rows_2027ed.csv",
        "sipri_tiv_tables_2027ed.csv",
    ):
        assert set(fx.read(data_copy, name)["sipri_edition"].str[:4]) == {"2027"}, name
    history = fx.read(data_copy, "russia_china_tiv_by_year_all_editions.csv")["sipri_edition"].str[:4]
    assert sorted(set(history)) == ["2024", "2025", "2026", "2027"]


def test_russia_share_of_the_new_window_is_computed_from_the_new_rows(next_edition, data_copy):
    summary = su.run(next_edition, data_copy)
    latest = summary["russia_share"][-1]
    assert (latest["first"], latest["last"], latest["old"]) == (2022, 2026, None)
    # By hand from the synthetic edition: Russia 2022-26 over all suppliers 2022-26.
    rows = pd.read_csv(next_edition / "deliveries.csv", skiprows=5)
    part = rows[rows["Delivery year"].between(2022, 2026)]
    expected = (
        100
        * part.loc[part["Supplier"] == "Russia", "TIV delivery values"].sum()
        / part["TIV delivery values"].sum()
    )
    assert latest["new"] == pytest.approx(expected)


def test_importing_the_same_edition_twice_changes_only_the_import_date(next_edition, data_copy):
    su.run(next_edition, data_copy, today=pd.Timestamp("2027-04-21").date())
    first = digest(data_copy)
    su.run(next_edition, data_copy, today=pd.Timestamp("2027-04-21").date())
    assert digest(data_copy) == {
        **first,
        "external/sipri_update_summary.json": digest(data_copy)["external/sipri_update_summary.json"],
    }
    second = sipri_changes.load(data_copy)
    assert second["deals_added"] == [] and second["tiv_revisions"] == [] and second["new_years"] == []


def test_edition_given_must_agree_with_the_files(next_edition, data_copy, capsys):
    before = digest(data_copy)
    assert su.main([str(next_edition), "--data", str(data_copy), "--edition", "2026"]) == 1
    err = capsys.readouterr().err
    assert "EDITION=2026" in err and "20 Apr 2027" in err and "line 5" in err
    assert digest(data_copy) == before


def test_cli_prints_what_changed(next_edition, data_copy, capsys):
    assert su.main([str(next_edition), "--data", str(data_copy), "--edition", "2027"]) == 0
    out = capsys.readouterr().out
    assert "last year of data: 2025 -> 2026" in out and fx.SYNTHETIC in out and "2025: 25" in out


# --- bad inputs: one message naming file, line and column; data/ untouched ------------------------


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


CASES = {
    "missing column": (
        lambda s: edit(s / "deliveries.csv", ",TIV delivery values,", ",,"),
        ("deliveries.csv", "line 6", '"TIV delivery values"', "missing"),
    ),
    "renamed column": (
        lambda s: edit(s / "trade-register.csv", ",Weapon designation,", ",Designation,"),
        ("trade-register.csv", "line 6", '"Weapon designation"', "found instead: Designation"),
    ),
    "wrong kind of file": (
        lambda s: shutil.copy(DATA / "sources.csv", s / "sources.csv"),
        ("sources.csv", "line 1", "not a SIPRI export"),
    ),
    "TIV not a number": (
        lambda s: edit(s / "deliveries.csv", ",2025,5,18,", ",2025,5,18 TIV,"),
        ("deliveries.csv", '"TIV delivery values"', 'TIV "18 TIV" is not a number'),
    ),
    "register TIV not a number": (
        lambda s: edit(s / "trade-register.csv", ",2,20,20\n", ",2,twenty,20\n"),
        ("trade-register.csv", '"SIPRI TIV for total order"', 'TIV "twenty" is not a number'),
    ),
    "other recipient mixed in": (
        lambda s: edit(s / "deliveries.csv", "Russia,China,R-73", "Russia,India,R-73"),
        ("deliveries.csv", '"Recipient"', "other recipients mixed in", '"India"'),
    ),
    "edition cannot be determined": (
        lambda s: [edit(s / n, "Data generated: 20 Apr 2027", "Data not dated") for n in fx.FILES],
        ("cannot be determined", "EDITION=YYYY"),
    ),
    "two editions mixed": (
        lambda s: edit(
            s / "trade-register.csv", "Data generated: 20 Apr 2027", "Data generated: 18 May 2026"
        ),
        ("two editions mixed in one folder", "line 5", '"Data generated"'),
    ),
    "release month is ambiguous": (
        lambda s: [edit(s / n, "20 Apr 2027", "20 Mar 2027") for n in fx.FILES],
        ("line 5", "release month", "EDITION=2026 or 2027"),
    ),
    "delivery after the edition's last data year": (
        lambda s: edit(s / "deliveries.csv", ",2026,2026,10,20,", ",2026,2027,10,20,"),
        ("deliveries.csv", '"Delivery year"', "year 2027 is outside the 2027 update"),
    ),
    "a kind of export missing": (
        lambda s: (s / "exporters.csv").unlink(),
        ("no TIV table of exporters",),
    ),
    "uncertainty marker not a question mark": (
        lambda s: edit(s / "trade-register.csv", "Russia,2026,,10,", "Russia,2026,!,10,"),
        ("trade-register.csv", '"Year of order uncertain (?)"', "uncertainty marker"),
    ),
    "value the schema refuses": (
        lambda s: edit(s / "trade-register.csv", f"{fx.SYNTHETIC},test item", f"{fx.SYNTHETIC},<b>test</b>"),
        ("trade-register.csv: line 108", '"Weapon description"', "schema refuses", "markup", "2027ed.csv"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_with_one_message_and_leaves_data_alone(case, next_edition, data_copy, capsys):
    break_it, expected = CASES[case]
    break_it(next_edition)
    before = digest(data_copy)
    assert su.main([str(next_edition), "--data", str(data_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    message = captured.err.splitlines()[0]
    assert message.startswith("sipri-update: ")
    assert "Traceback" not in captured.err
    for part in expected:
        assert part in message, (part, message)
    assert digest(data_copy) == before
    assert not list(data_copy.parent.glob(".sipri-update-*"))


def test_bad_row_is_named_by_its_line(next_edition, data_copy, capsys):
    path = next_edition / "deliveries.csv"
    edit(path, "Russia,China,R-73", "Russia,India,R-73")
    line = line_of(path, "Russia,India,R-73")
    assert su.main([str(next_edition), "--data", str(data_copy)]) == 1
    assert f'deliveries.csv: line {line}, column "Recipient"' in capsys.readouterr().err


# --- the change summary -------------------------------------------------------------------------


def test_windows_cover_five_year_blocks_and_the_latest_five_years():
    assert sipri_changes.windows(1990, 2004) == [(1990, 1994), (1995, 1999), (2000, 2004)]
    assert sipri_changes.windows(1990, 2006) == [(1990, 1994), (1995, 1999), (2000, 2004), (2002, 2006)]


def test_russia_share_uses_the_latest_edition_covering_the_window():
    imports = pd.DataFrame(
        {
            "year": ["2000", "2000", "2001", "2000", "2001", "2001"],
            "supplier": ["Russia", "France", "Russia", "Russia", "Russia", "France"],
            "tiv_millions": ["30", "10", "60", "50", "25", "25"],
            "sipri_edition": ["2024 update"] * 3 + ["2025 update"] * 3,
        }
    )
    share, edition = sipri_changes.russia_share(imports, 2000, 2001)
    assert edition == 2025 and share == pytest.approx(100 * 75 / 100)
    assert sipri_changes.russia_share(imports, 2000, 2002) is None


def test_no_summary_until_an_import(data_copy):
    assert sipri_changes.load(data_copy) is None


def test_number_format_matches_the_files():
    assert [su.fmt_number(v) for v in (87.0, 266.25, 0.1 + 0.2, 1074.9499999999998, 0.0)] == [
        "87",
        "266.25",
        "0.3",
        "1074.95",
        "0",
    ]


def test_appendix_status_before_and_after_an_import(next_edition, data_copy):
    before = sipri_changes.status(None, ["2024 update", "2025 update", "2026 update"])
    assert "No SIPRI edition has been imported" in before and "2024, 2025 and 2026 updates" in before
    summary = su.run(next_edition, data_copy, today=pd.Timestamp("2027-04-21").date())
    after = sipri_changes.status(summary, [])
    assert "2027 update (data to 2026)" in after and "2027-04-21" in after and "2027-04-20" in after


def test_appendix_report_shows_only_tables_with_rows(next_edition, data_copy):
    summary = su.run(next_edition, data_copy)
    text = sipri_changes.report_markdown(summary)
    assert "**Last year of data:** 2026 (before the import: 2025)." in text
    assert ":name: tbl-sipri-update-revisions" in text and ":name: tbl-sipri-update-deals-added" in text
    assert "tbl-sipri-update-deals-removed" not in text  # no deal was removed
    assert fx.SYNTHETIC in text and "| 2022–26 | – |" in text


def test_the_appendix_rounds_half_up_as_the_book_does():
    """The change summary's tables go through ``fmt``: 498.5 is 499, as everywhere else in the book
    (Python's own formatting would round half to even and print 498)."""
    summary = {
        "edition": 2027,
        "tiv_revisions": [{"year": 2022, "old": 498.5, "old_edition": 2026, "new": 1000.5, "change": -2.5}],
        "deals_added": [],
        "deals_removed": [],
        "deliveries_added": [
            {"year": 2026, "deal_id": 1, "designation": "X", "number": "2", "tiv": 0.125},
            {"year": 2026, "deal_id": 2, "designation": "Y", "number": "1", "tiv": 100.0},
        ],
        "russia_share": [{"first": 2022, "last": 2026, "old": 12.25, "old_edition": 2026, "new": None}],
    }
    shown = sipri_changes.frames(summary)
    revision = shown["revisions"].iloc[0]
    assert revision["Before (TIV m)"] == "499 (2026 update)"
    assert revision["2027 update (TIV m)"] == "1,001" and revision["Change"] == "-3"
    assert list(shown["deliveries_added"]["TIV m"]) == ["0.13", "100"]
    assert shown["russia_share"].iloc[0]["Before"] == "12.3 % (2026 update)"
    assert shown["russia_share"].iloc[0]["2027 update"] == "–"


def test_the_summary_share_is_the_hindsight_chapters_share():
    """One window share: the importer's summary and the hindsight chapter compute the same figure."""
    from mtcreport import data, hindsight, sipri

    imports = data.sipri_china_imports()
    _label, share, edition = hindsight.latest_russia_share(imports)
    first, last, _ = hindsight.latest_window(imports)
    as_text = fx.read(DATA, "china_arms_imports_by_supplier_tiv.csv")
    assert sipri_changes.russia_share(as_text, first, last) == (share, int(edition[:4]))
    assert share == sipri.russia_share(imports, first, last, edition)


def test_register_ids_follow_the_deal_not_the_row_order(tmp_path):
    """SIPRI's export order is arbitrary: shuffled rows keep their ids and their place."""
    register = fx.read(DATA, "russia_china_trade_register_2026ed.csv")
    shuffled = register.sample(frac=1, random_state=7)
    (tmp_path / "register.csv").write_text(fx.register_text(shuffled, "18 May 2026"), encoding="utf-8")
    export = su.read_export(tmp_path / "register.csv")
    source = register["source_file"].iloc[0]
    frame = su.build_register(export, 2026, register, source)
    assert su.to_csv(frame) == committed("russia_china_trade_register_2026ed.csv")
    # Two deals of one year for the same helicopter are told apart by number ordered and comments.
    twins = register[(register["Year of order"] == "2019") & (register["Weapon designation"] == "Mi-17")]
    assert len(twins) == 2


def test_a_stated_edition_is_read_and_wins_over_a_missing_stamp(next_edition, data_copy):
    for name in fx.FILES:
        edit(
            next_edition / name,
            "Data generated: 20 Apr 2027 2:29:20 PM",
            "SIPRI Arms Transfers Database, 2027 update",
        )
    exports = su.read_folder(next_edition)
    assert {e.stated_edition for e in exports.values()} == {2027}
    assert su.resolve_edition(exports, None) == 2027
    with pytest.raises(
        su.SipriImportError, match=r"line 5, column \"Data generated\".*states the 2027 update"
    ):
        su.resolve_edition(exports, 2026)


def test_soviet_and_russian_rows_both_count_for_the_series(next_edition, data_copy):
    su.run(next_edition, data_copy)
    tiv = fx.read(data_copy, "russia_china_tiv_by_year.csv").set_index("year")
    assert list(tiv.loc[["1990", "1991", "1992"], "supplier_in_sipri"]) == [
        "Soviet Union",
        "Soviet Union",
        "Russia",
    ]
    old = fx.read(DATA, "russia_china_tiv_by_year.csv").set_index("year")
    assert tiv.loc["1991", "tiv_millions"] == old.loc["1991", "tiv_millions"]
    register = fx.read(data_copy, "russia_china_trade_register_2027ed.csv")
    assert set(register["Supplier"]) == {"Soviet Union", "Russia"}
    soviet_years = register.loc[register["Supplier"] == "Soviet Union", "Year(s) of delivery"]
    assert all(max(int(y) for y in years.split(";")) >= 1990 for years in soviet_years)


def test_russia_share_counts_the_soviet_union_as_the_hindsight_chapter_does():
    imports = pd.DataFrame(
        {
            "year": ["1991", "1991", "1991"],
            "supplier": ["Soviet Union", "Russia", "France"],
            "tiv_millions": ["20", "60", "20"],
            "sipri_edition": ["2024 update"] * 3,
        }
    )
    share, _ = sipri_changes.russia_share(imports, 1991, 1991)
    assert share == pytest.approx(80.0)
