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


def test_no_entry_repeats_itself():
    """An entry reads as prose: no word of five or more letters twice in its opening words
    (the defect was "Gun-mortar, Russia. Gun-mortar licensed ...", "Class: KILO. KILO-class")."""
    import re

    titles = data.sources().set_index("id")["title"].to_dict()
    for _, row in data.systems().iterrows():
        entry = glossary.definition(row, titles)
        names = {"russia", "china", "chinese", "russian"}  # countries may recur
        words = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", entry.split("**")[0])][:10]
        words = [w for w in words if w not in names]
        repeated = {w for w in words if words.count(w) > 1}
        assert not repeated, f"{row['label']}: {entry!r} repeats {sorted(repeated)}"
