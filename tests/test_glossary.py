"""The glossary flags the paper's slips, names the source of each correction, and escapes text."""

import pandas as pd

from mtcreport import data, glossary


def test_every_system_is_a_term():
    text = glossary.markdown(data.systems(), data.sources())
    assert text.startswith("```{glossary}\n") and text.rstrip().endswith("```")
    terms = [line for line in text.splitlines()[1:-1] if line and not line.startswith("  ")]
    assert sorted(terms, key=str.lower) == terms
    assert set(terms) == set(data.systems()["label"])


def test_slips_name_both_spellings_and_the_source():
    systems = data.systems().set_index("id")
    titles = data.sources().set_index("id")["title"].to_dict()
    entry = glossary.definition(systems.loc["shkval"], titles)
    assert "**The paper writes BA-611**" in entry and "VA-111" in entry
    assert titles["opus_shkval"] in entry
    assert "The paper writes" not in glossary.definition(systems.loc["su27sk"], titles)


def test_markup_in_a_note_is_escaped():
    systems = data.systems().set_index("id")
    row = systems.loc["su27sk"].copy()
    row["note"] = "<b>bold</b> *x*"
    entry = glossary.definition(row, {"kashin2012": "K"})
    assert "&lt;b&gt;bold&lt;/b&gt; \\*x\\*" in entry


def test_unnamed_systems_say_so():
    systems = data.systems().set_index("id")
    assert "gives no designation" in glossary.definition(systems.loc["cn_torpedo"], {})
    assert pd.isna(systems.at["cn_torpedo", "paper_designation"])
