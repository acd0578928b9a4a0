"""Sentences assembled from data read as sentences.

A value glued into the middle of a sentence must not start with a capital letter unless the word
is a name (``"... Iskander missiles and Certain engine types"`` is the defect this catches). A
word counts as a name when it is never written in lower case in the book, in the data tables or
in the paper (when its copy is beside this checkout, as in CI); "Certain" fails because
"certain" is written in lower case there.
"""

import csv
import json
import re

import pytest
from glued import GLUE_MIME, glued_text

from tools.paths import ROOT

CHAPTERS = ROOT / "chapters"
PAPER = ROOT.parent / "shared" / "seeds"
NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))
ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")


def _source(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def _lower_words() -> set[str]:
    words = set()
    for path in NOTEBOOKS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        texts = [_source(c) for c in notebook["cells"] if c["cell_type"] == "markdown"]
        texts += glued_text(notebook).values()
        words.update(_words(texts))
    # text cells of the data (cells with a space: ids and codes such as "iskander" are not words)
    texts = [
        cell
        for path in sorted((ROOT / "data").glob("*.csv"))
        for row in csv.reader(path.read_text(encoding="utf-8").splitlines())
        for cell in row
        if " " in cell
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(PAPER.glob("*.txt"))]
    return words | _words(texts)


def _words(texts) -> set[str]:
    words = set()
    for text in texts:
        words.update(re.findall(r"\b[a-z][a-z]+\b", text))
    return words


LOWER = _lower_words()


def mid_sentence(before: str) -> bool:
    """True when the text just before a glued value leaves the value inside a sentence."""
    tail = before.rstrip(" \t")
    ends_sentence = r"[.!?:][\"')]?$"
    if not tail or tail.endswith("\n"):
        # the value starts a line: it continues a sentence only if the line above is prose that
        # did not end one
        previous = tail.rstrip().rsplit("\n", 1)[-1].strip()
        return bool(previous) and not re.search(ends_sentence + r"|^#|^\|", previous)
    line = tail.rsplit("\n", 1)[-1].strip().rstrip("*_").strip()  # bold or italic opens
    if not line:
        return False
    if re.fullmatch(r"[-*]|\d+\.|#+", line) or line.endswith("|"):
        return False
    return not re.search(ends_sentence, line)


def offending(notebook: dict, lower: set[str] | None = None) -> list[str]:
    lower = LOWER if lower is None else lower
    values = glued_text(notebook)
    found = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = _source(cell)
        for match in ROLE.finditer(text):
            value = values.get(match.group(1), "")
            # the value's first word, when the value sits mid-sentence, and every word that
            # follows a comma, semicolon, "and" or "or" inside the value (items of a listing)
            # (not inside a run of capitalised words, which is a name: "Strategies and Technologies")
            pairs = re.finditer(r"([\w-]+)(?:[,;]| and| or) ([\w-]+)(?=(.*))", value)
            words = [m.group(2) for m in pairs if not m.group(1)[0].isupper() and not title_case(m.group(3))]
            first = re.match(r"([\w-]+)(.*)", value)
            if first and not title_case(first.group(2)) and mid_sentence(text[: match.start()]):
                words.insert(0, first.group(1))
            if any(common_capitalised(word, lower) for word in words):
                found.append(f"{match.group(1)} = {value!r}")
    return found


def title_case(rest: str) -> bool:
    """True when one of the next three words is capitalised too: the run is a name."""
    return any(w[0].isupper() for w in rest.split()[:3])


MONTHS = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def common_capitalised(word: str, lower: set[str]) -> bool:
    """A capitalised word that the book otherwise writes in lower case (so not a name)."""
    return (
        word.isalpha()  # designations (Su-30MKK, S-400) are names
        and len(word) > 1
        and word[0].isupper()
        and not word.isupper()
        and word.lower() in lower
        and word.lower() not in MONTHS
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_capital_in_mid_sentence(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert offending(notebook) == [], f"{path.name}: glued values start with a capital mid-sentence"


def test_the_check_catches_a_capital_after_and():
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": "Russia refused {glue:text}`more`."},
            {
                "cell_type": "code",
                "source": "",
                "outputs": [
                    {
                        "data": {GLUE_MIME: "'Iskander missiles and Certain engine types'"},
                        "metadata": {"scrapbook": {"name": "more"}},
                    }
                ],
            },
        ]
    }
    assert offending(notebook, lower={"certain"}) == ["more = 'Iskander missiles and Certain engine types'"]
    assert offending(notebook, lower=set()) == []  # a name, if the book never wrote it in lower case


def test_the_check_allows_names_and_sentence_starts():
    assert not mid_sentence("The talks failed. ")
    assert not mid_sentence("- ")
    assert mid_sentence("deliveries came to ")
    assert mid_sentence("Russia, ")
    assert mid_sentence("the trade\n")
    assert not mid_sentence("The trade grew.\n")
    assert not mid_sentence("| a | ")
    assert not mid_sentence("1. **")
