"""One house style: fixed fonts and sizes, country colours, a source line, no titles in charts."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from mtcreport import charts, data, style


def test_apply_style_sets_fonts_and_size():
    matplotlib.rcdefaults()
    style.apply_style()
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
    assert tuple(matplotlib.rcParams["figure.figsize"]) == style.FIGSIZE
    assert matplotlib.rcParams["svg.hashsalt"] == "mtcreport"


def test_country_colours_differ_and_are_fixed():
    assert style.COUNTRY_COLORS["Russia"] == style.RUSSIA != style.CHINA == style.COUNTRY_COLORS["China"]
    assert len(set(style.CATEGORY_COLORS.values())) == len(style.CATEGORY_COLORS)


def test_source_line_is_written_under_the_axes():
    fig, ax = style.figure()
    style.source_line(fig, "Source: test.")
    texts = [t for t in fig.texts if t.get_text() == "Source: test."]
    assert texts and texts[0].get_position()[1] < ax.get_position().y0
    plt.close(fig)


def test_transfers_chart_names_every_transfer_and_says_which_are_undated():
    transfers = data.transfers()
    fig = charts.transfers_by_category(transfers, source="Source: Kashin (2012); data: transfers.csv.")
    (ax,) = fig.axes
    assert ax.get_title() == ""
    assert ax.get_xlabel().startswith("year")
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == sorted(transfers["label"])
    undated = transfers["year_low"].isna() & transfers["year_high"].isna()
    assert [t.get_text() for t in ax.texts].count("not dated") == int(undated.sum()) > 0
    assert fig.get_size_inches()[0] == style.COLUMN_IN
    plt.close(fig)


def _no_title_and_a_source(fig):
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert any(t.get_text().startswith("Source:") for t in fig.texts)


def test_lineage_graph_is_deterministic_and_labelled():
    lineage, systems = data.lineage(), data.systems()
    first = charts.lineage_graph(lineage, systems, source="Source: test.")
    second = charts.lineage_graph(lineage, systems, source="Source: test.")
    texts = [t.get_text() for t in first.axes[0].texts]
    assert [t.get_position() for t in first.axes[0].texts] == [t.get_position() for t in second.axes[0].texts]
    labels = systems.set_index("id")["label"]
    assert set(lineage["chinese_system"].map(labels)) <= set(texts)
    legend = [t.get_text() for t in first.axes[0].get_legend().get_texts()]
    assert sorted(legend) == sorted(set(lineage["relation"]))
    _no_title_and_a_source(first)
    plt.close("all")


def test_lineage_graph_draws_every_russian_engine_to_the_aircraft_that_relies_on_it():
    from mtcreport import figures

    engines, systems = data.engines(), data.systems()
    fig = charts.lineage_graph(data.lineage(), systems, source="Source: test.", engines=engines)
    labels = systems.set_index("id")["label"]
    drawn = figures.values(fig)
    supply = drawn[drawn["relation"] == "engine supply"]
    expected = engines[engines["depends_on_russia"] & engines["engine"].notna()]
    assert sorted(zip(supply["russian"], supply["chinese"], strict=True)) == sorted(
        zip(expected["engine"].map(labels), expected["aircraft"].map(labels), strict=True)
    )
    assert ("RD-93", "FC-1") in set(zip(supply["russian"], supply["chinese"], strict=True))
    assert "engine supply" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    plt.close(fig)


def test_finish_writes_the_source_and_returns_the_figure():
    fig, ax = style.figure()
    assert style.finish(fig, "Source: finish test.") is fig
    assert [t.get_text() for t in fig.texts] == ["Source: finish test."]
    assert ax.get_position().y0 > 0.05
    plt.close(fig)


def _section_titles_from_csv() -> dict[str, str]:
    import csv

    with (data.data_dir() / "sections.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["title"] for row in csv.DictReader(handle)}


def test_source_line_is_built_from_sections_and_checked_table_names():
    titles = _section_titles_from_csv()
    assert style.source(["lineage", "systems"], sections=["key_projects", "crisis"]) == (
        f"Source: Kashin (2012), sections {titles['key_projects']} and {titles['crisis']}; "
        "data: lineage.csv and systems.csv."
    )
    assert style.source(["transfers"], sections=["recovery"], detail=", paragraph 2", note="A note.") == (
        f"Source: Kashin (2012), section {titles['recovery']}, paragraph 2; data: transfers.csv. A note."
    )
    assert style.source(["phases", "events", "transfers"], by="X") == (
        "Source: X; data: phases.csv, events.csv and transfers.csv."
    )
    assert style.tables_phrase("sipri_tiv") == "data: russia_china_tiv_by_year.csv"  # the file, as downloaded


def test_a_source_line_naming_an_unknown_table_or_section_is_an_error():
    with pytest.raises(ValueError, match=r"'transfer' not described in data/datapackage\.json"):
        style.source(["transfer"])
    with pytest.raises(KeyError, match="no section 'crises'"):
        style.source(["transfers"], sections=["crises"])


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


def test_timeline_marks_sit_mid_month_or_mid_year():
    events = pd.DataFrame(
        {"year_low": [1992, 2010], "month": [12, None], "label": ["a", "b"]}, index=["x", "y"]
    )
    marks = charts.marks(events, ["y", "x"], "agreement")
    assert list(marks["label"]) == ["b", "a"] and set(marks["kind"]) == {"agreement"}
    assert list(marks["x"]) == [2010.5, 1992 + 11.5 / 12]


def test_colours_greys_and_figure_sizes_are_written_only_in_style():
    import re
    from pathlib import Path

    import mtcreport

    literal = re.compile(
        r"#[0-9A-Fa-f]{6}\b|\b(?:color|facecolor|edgecolor|mfc|mec)=\"[a-z]+\"|\"(?:white|black|grey|gray)\"|"
        r"figure\(\(|figsize=\("
    )
    found = []
    for path in Path(mtcreport.__file__).parent.glob("*.py"):
        if path.name != "style.py":
            found += [(path.name, m.group(0)) for m in literal.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
