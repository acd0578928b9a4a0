"""Source lines: built from the work, the paper's sections and checked table names, never by hand."""

import pytest

from mtcreport import data, sources


def _section_titles_from_csv() -> dict[str, str]:
    import csv

    with (data.data_dir() / "sections.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["title"] for row in csv.DictReader(handle)}


def test_source_line_is_built_from_sections_and_checked_table_names():
    titles = _section_titles_from_csv()
    assert sources.source(["lineage", "systems"], sections=["key_projects", "crisis"]) == (
        f"Source: Kashin (2012), sections {titles['key_projects']} and {titles['crisis']}; "
        "data: lineage.csv and systems.csv."
    )
    assert sources.source(["transfers"], sections=["recovery"], detail=", paragraph 2", note="A note.") == (
        f"Source: Kashin (2012), section {titles['recovery']}, paragraph 2; data: transfers.csv. A note."
    )
    assert sources.source(["phases", "events", "transfers"], by="X") == (
        "Source: X; data: phases.csv, events.csv and transfers.csv."
    )
    # the file, as downloaded, then what it is a copy of
    assert sources.tables_phrase("sipri_tiv").startswith("data: russia_china_tiv_by_year.csv (SIPRI's ")


def test_a_source_line_naming_an_unknown_table_or_section_is_an_error():
    with pytest.raises(ValueError, match=r"'transfer' not described in data/datapackage\.json"):
        sources.source(["transfer"])
    with pytest.raises(KeyError, match="no section 'crises'"):
        sources.source(["transfers"], sections=["crises"])


def test_chapters_name_tables_in_source_lines_only_through_the_helper():
    """A table named by hand in a chapter's code ("table transfers") escapes the check."""
    import json
    import re

    from tools.paths import CHAPTERS

    typed = []
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "\n".join(line.split("  #")[0] for line in "".join(cell["source"]).splitlines())
                typed += [
                    (path.name, m)
                    for m in re.findall(r"\btables? [a-z]+_[a-z_]+|\btables? [a-z]+s\b", source)
                ]
    assert typed == []


def _code_cells():
    import json

    from tools.paths import CHAPTERS

    for path in sorted(CHAPTERS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                yield path.name, "".join(cell["source"])


def test_no_chapter_writes_a_source_line_by_hand():
    """Every source line is built by ``sources``: a "Source: ..." string written in a chapter's
    code escapes the check of its table names and drifts from the others' form."""
    import ast

    found = []
    for name, code in _code_cells():
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "Source:" in node.value:
                found.append((name, node.value))
    assert found == []


def test_a_source_line_of_several_parts_names_each_parts_files():
    assert sources.cite("SIPRI, TIV tables", "sipri_tiv_tables").startswith(
        "SIPRI, TIV tables, data: sipri_tiv_tables_2024ed.csv (SIPRI's 2024 update; "
    )
    assert sources.line(
        "Kashin (2012)",
        sources.cite("official figure as relayed in", "official_exports", sep=" "),
        note="A note.",
    ) == (
        "Source: Kashin (2012); official figure as relayed in "
        "data: russia_arms_exports_usd_official.csv. A note."
    )
    with pytest.raises(ValueError, match="at least one part"):
        sources.line()
    with pytest.raises(ValueError, match="'sipri' not described"):
        sources.cite("SIPRI", "sipri")


def test_the_chapters_that_compute_the_findings_use_no_one_letter_names():
    """Chapter 7 and the findings page once aliased ``glue`` as ``g`` and the table-name helper as
    ``T``: names a reader cannot search for. A throwaway ``_`` is allowed."""
    import ast

    found = []
    for name, code in _code_cells():
        if name in {"07_hindsight.ipynb", "findings.ipynb"}:
            found += [
                (name, n.id)
                for n in ast.walk(ast.parse(code))
                if isinstance(n, ast.Name) and len(n.id) == 1 and n.id != "_"
            ]
    assert found == []


def _rows(table: str):
    import csv

    with data.tables()[table].path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_sipri_source_line_names_the_editions_the_years_each_gives_and_the_copys_publisher():
    """The delivery series joins three editions by year: its source line says which years come from
    which edition, from the table's own rows, and who published the copy of SIPRI's export."""
    rows = _rows("sipri_tiv")
    said = sources.tables_phrase("sipri_tiv")
    assert said.startswith("data: russia_china_tiv_by_year.csv (SIPRI's ")
    for edition in {r["sipri_edition"].split(" (")[0] for r in rows}:
        years = [int(r["year"]) for r in rows if r["sipri_edition"].startswith(edition)]
        assert f"{edition} for {min(years)}–{max(years)}" in said
    for owner in {r["source_file"].split("/")[0] for r in rows}:
        assert owner in said
    assert "copies of SIPRI exports published on GitHub by" in said and said.endswith(
        f"; see {sources.DATA_APPENDIX})"
    )


def test_every_sipri_table_says_its_edition_and_that_it_is_a_copy_and_no_other_table_does():
    for name in data.tables():
        rows = _rows(name)
        said = sources.provenance(name)
        if rows and "sipri_edition" in rows[0]:
            assert "update" in said and "published on GitHub by" in said, name
            assert "copy of SIPRI's export" in said or "copies of SIPRI exports" in said, name
        else:
            assert said == "", name


def test_tables_of_one_edition_say_it_once_and_tables_of_different_editions_name_each():
    """The register and the delivery rows are of one SIPRI edition: one line says so once. The
    TIV tables come from another edition, so a line naming both says which file is which."""
    (edition,) = {
        r["sipri_edition"].split(" (")[0] for n in ("sipri_deliveries", "sipri_register") for r in _rows(n)
    }
    same = sources.provenance("sipri_deliveries", "sipri_register")
    assert same.startswith(f"SIPRI's {edition}; ") and same.count(edition) == 1
    files = [data.tables()[n].path.name for n in ("sipri_register", "sipri_tiv_tables")]
    mixed = sources.provenance("sipri_register", "sipri_tiv_tables")
    assert all(f"{name}: SIPRI's" in mixed for name in files)


def test_files_are_grouped_by_kind_sorted_and_named_once():
    """The report's own tables (data/), copies of SIPRI's data (data/external/ with a
    sipri_edition column), other outside data (the rest of data/external/), in that order."""
    tables = data.tables()
    groups = sources.files_by_kind(*tables, "transfers")
    assert [kind for kind, _ in groups] == list(sources.KINDS)
    listed = [name for _, files in groups for name in files]
    assert sorted(listed) == sorted(t.path.name for t in tables.values())  # each once
    assert all(files == sorted(files) for _, files in groups)
    mine, sipri, other = (set(files) for _, files in groups)
    assert mine == {t.path.name for t in tables.values() if t.path.parent == data.data_dir()}
    assert sipri == {t.path.name for t in tables.values() if "sipri_edition" in (_rows(t.name) or [{}])[0]}
    assert other == {"russia_arms_exports_usd_official.csv"}
    assert sources.files_by_kind("transfers") == [(sources.KINDS[0], ["transfers.csv"])]
    with pytest.raises(ValueError, match="'transfer' not described"):
        sources.files_by_kind("transfer")


def _stored_source_lines():
    """Every source line the chapters' stored outputs show: under a table (a ``source-line``
    container of a Markdown output) or in a chart (the SVG's ``<desc>``, in both its layouts)."""
    import html
    import json
    import re

    from tools.paths import CHAPTERS

    container = re.compile(r"```\{container\} source-line\n(.*?)\n```", re.S)
    desc = re.compile(r'<desc id="mtcreport-source">(.*?)</desc>', re.S)
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                for kind, value in output.get("data", {}).items():
                    text = "".join(value) if isinstance(value, list) else str(value)
                    if kind == "text/markdown":
                        found = [line.replace("\\", "") for line in container.findall(text)]
                    elif kind == "image/svg+xml":
                        found = [html.unescape(line) for line in desc.findall(html.unescape(text))]
                    else:
                        continue
                    yield from ((path.name, line) for line in found)


def test_every_stored_source_line_naming_sipri_or_a_sipri_file_names_the_edition():
    """A reader must know which SIPRI edition a chart or table shows: a source line that names
    SIPRI names an edition ("2026 update"), and each copy of SIPRI's data it names is followed by
    its editions, alone or with the other files of the same editions (Fig. 7.8 once said
    "outcomes from SIPRI" and no edition)."""
    import re

    lines = set(_stored_source_lines())
    assert len(lines) >= 40 and all(line.startswith("Source: ") for _, line in lines)
    sipri_files = [
        t.path.name for t in data.tables().values() if any(f["name"] == "sipri_edition" for f in t.fields)
    ]
    missing = []
    for page, line in sorted(lines):
        if "SIPRI" in line and not re.search(r"\b(19|20)\d\d update", line):
            missing.append((page, line))
        for name in sipri_files:
            # the file's editions follow it, or follow the list of files it ends (tables of one
            # edition say it once: "data: a.csv and b.csv (SIPRI's 2026 update; ...)")
            said = rf"{re.escape(name)}((, | and )[\w.-]+\.csv)* \(SIPRI's |{re.escape(name)}: SIPRI's "
            if name in line and not re.search(said, line):
                missing.append((page, name, line))
    assert missing == []
