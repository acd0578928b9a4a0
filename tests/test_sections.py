"""The parts of the paper (data/sections.csv) and every locator that points into them.

Each row that cites the paper names a part (``section``) and a paragraph (``locator``). The
schema makes ``section`` a foreign key into the sections table; the cross-table rule (the
paragraph, and the bullet, exist in that part) is checked here, on the real data and on
corrupted copies. The paragraph counts themselves are recounted from the paper's text.
"""

import csv
import io
import re

import pandas as pd
import pytest

from mtcreport import data
from tools.paths import ROOT

PAPER = next(iter(sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))), None)
LOCATOR = re.compile(r"¶(?P<paragraph>\d+)(?:, bullet (?P<bullet>\d+))?")


def locator_problems() -> list[str]:
    """Every paper row whose (section, locator) does not exist in the sections table."""
    parts = data.sections().set_index("id")
    problems = []
    for name in data.tables():
        frame = data.load(name)
        if "locator" not in frame.columns:
            continue
        for row in frame[frame["source"] == "kashin2012"].itertuples(index=False):
            where = f"{name}.csv {row.id}: {row.section} {row.locator}"
            match = LOCATOR.fullmatch(str(row.locator))
            if row.section not in parts.index:
                problems.append(f"{where}: no such section")
            elif match is None:
                problems.append(f"{where}: locator is not '¶N' or '¶N, bullet M'")
            else:
                part = parts.loc[row.section]
                paragraph = int(match["paragraph"])
                if not 1 <= paragraph <= part["paragraphs"]:
                    problems.append(f"{where}: the part has {part['paragraphs']} paragraphs")
                elif match["bullet"] is not None:
                    bullet = int(match["bullet"])
                    if pd.isna(part["list_paragraph"]) or paragraph != part["list_paragraph"]:
                        problems.append(f"{where}: that paragraph has no bulleted list")
                    elif not 1 <= bullet <= part["list_items"]:
                        problems.append(f"{where}: the list has {part['list_items']} bullets")
    return problems


def set_cell(folder, table, row_id, column, value):
    """Change one cell of a table in a private copy of data/."""
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    col = rows[0].index(column)
    hits = [r for r in rows[1:] if r[0] == row_id]
    assert hits, f"no row {row_id} in {table}"
    hits[0][col] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_every_paper_row_cites_a_paragraph_that_exists():
    assert locator_problems() == []


def test_paper_rows_exist_in_many_tables():
    # The check above is not vacuous: it sees hundreds of rows across the tables.
    counted = sum(
        int((data.load(n)["source"] == "kashin2012").sum())
        for n in data.tables()
        if "locator" in data.load(n).columns
    )
    assert counted > 200


@pytest.mark.parametrize(
    ("table", "row_id", "column", "value", "reason"),
    [
        ("engines", "j10_al31fn", "locator", "¶7", "the part has 6 paragraphs"),
        ("claims", "c02", "locator", "¶2", "the part has 1 paragraphs"),
        ("claims", "c36", "locator", "¶2, bullet 1", "that paragraph has no bulleted list"),
        ("negotiations", "su35s", "locator", "¶4, bullet 5", "the list has 4 bullets"),
        ("negotiations", "su35s", "section", "crisis", "that paragraph has no bulleted list"),
    ],
)
def test_a_locator_outside_its_part_is_caught(data_copy, table, row_id, column, value, reason):
    set_cell(data_copy, table, row_id, column, value)
    data.validate()  # the schema alone accepts it ...
    problems = locator_problems()  # ... the cross-table check does not
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{table}.csv {row_id}:") and problems[0].endswith(reason)


def test_a_section_that_the_paper_lacks_is_refused(data_copy):
    set_cell(data_copy, "claims", "c48", "section", "prospects")
    with pytest.raises(
        data.DataError,
        match=r'claims\.csv: row \d+ .*column "section".*"prospects" is not an id in sections\.csv',
    ):
        data.validate()


def test_a_malformed_locator_is_refused(data_copy):
    set_cell(data_copy, "claims", "c48", "locator", "para 5")
    with pytest.raises(data.DataError, match=r'claims\.csv: row \d+ .*column "locator"'):
        data.validate()


def test_section_titles_are_read_from_the_table(data_copy):
    assert data.SECTION_TITLES["crisis"] == "Crisis"
    set_cell(data_copy, "sections", "crisis", "title", "The crisis years")
    assert data.SECTION_TITLES["crisis"] == "The crisis years"
    with pytest.raises(KeyError, match=r"no section 'prospects' in data/sections\.csv"):
        data.SECTION_TITLES["prospects"]


def test_sections_come_in_printed_order():
    parts = data.sections()
    assert parts["order"].tolist() == list(range(1, len(parts) + 1))
    assert parts["id"].iloc[0] == "summary" and parts["id"].iloc[-1] == "author_note"


# --- the counts, recounted from the paper ------------------------------------------------


def _paper_parts() -> list[tuple[str, list[int]]]:
    """(printed heading, bullets per paragraph) for each printed heading, counted from the text.

    Rules, read off the text file: a heading is a line in capitals (it may run over two
    lines; "Summary" is the first); a paragraph starts after a heading, or on a line that
    follows a blank line or begins with a space when the text before ends a sentence; a line
    opening with a bullet sign adds a bullet to the current paragraph. Page breaks inside a
    sentence (a blank line after an unfinished sentence) do not start a paragraph.
    """
    if PAPER is None:
        pytest.skip("the paper (../shared/seeds) is not beside this checkout")
    lines = PAPER.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Summary")
    parts: list[tuple[str, list[int]]] = [("Summary", [])]
    after_heading, blank, previous = True, False, ""
    for line in lines[start + 1 :]:
        text = line.strip()
        if not text:
            blank = True
            continue
        if text.isupper() and len(text) > 3:
            if after_heading and parts[-1][1] == []:
                parts[-1] = (f"{parts[-1][0]} {text}", [])
            else:
                parts.append((text, []))
            after_heading, blank, previous = True, False, text
            continue
        paragraphs = parts[-1][1]
        if text.startswith("•"):
            paragraphs[-1] += 1
        elif after_heading or ((blank or line.startswith(" ")) and previous.endswith((".", ":"))):
            paragraphs.append(0)
        after_heading, blank, previous = False, False, text
    return parts


def test_paragraph_counts_agree_with_the_paper():
    counted = _paper_parts()
    # Untitled parts are counted with the printed part they follow.
    expected: list[tuple[str, list[int]]] = []
    for part in data.sections().itertuples(index=False):
        bullets = [0] * part.paragraphs
        if not pd.isna(part.list_paragraph):
            bullets[part.list_paragraph - 1] = part.list_items
        if part.heading.startswith("("):
            heading, before = expected[-1]
            expected[-1] = (heading, before + bullets)
        else:
            expected.append((part.heading, bullets))
    assert counted == expected


def test_a_list_without_its_bullet_count_is_refused(data_copy):
    set_cell(data_copy, "sections", "recovery", "list_items", "")
    with pytest.raises(data.DataError, match=r'sections\.csv: row 6 .*column "list_paragraph/list_items"'):
        data.validate()


def test_a_list_paragraph_beyond_the_part_is_refused(data_copy):
    set_cell(data_copy, "sections", "recovery", "list_paragraph", "7")
    with pytest.raises(data.DataError, match=r"sections\.csv: row 6 .*must be one of the part\'s paragraphs"):
        data.validate()
