"""The words the book's search index adds for designations (tools/sphinxext.py)."""

from tools.sphinxext import joined_designations


def test_a_designation_is_indexed_whole_and_as_its_family():
    assert joined_designations("the WS-10A and the Su-27SK") == ["WS10A", "WS10", "Su27SK", "Su27"]


def test_a_designation_that_is_its_own_family_is_indexed_once():
    assert joined_designations("S-400 and AL-31") == ["S400", "AL31"]


def test_words_without_a_digit_are_left_alone():
    assert joined_designations("military-technical co-operation") == []


def test_a_longer_designation_keeps_its_first_number_as_family():
    assert joined_designations("Il-76MD-90A") == ["Il76MD90A", "Il76"]
