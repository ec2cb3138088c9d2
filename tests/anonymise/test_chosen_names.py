"""Pseudonyms a document declares (participants' chosen names, a pseudonym given by a professional) are not
proposed anywhere in it, in any case; real names beside them still are (issue 15, session 6). Made-up lines,
not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.chosen_names import declared_pseudonyms
from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _texts(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


def test_a_colon_list_of_chosen_names_is_not_proposed(det):
    text = ("Worker: Ros Whitcombe. The girls chose their own names for the tape: Comet, Sugar and Velvet.\n"
            "Comet: He kept texting me.\nSugar: Same. Velvet knows him too.\nRos: Who was it?\n"
            "Comet: Some lad called Damian Prothero.\n")
    found = _texts(det, text)
    assert not {"Comet", "Sugar", "Velvet"} & set(found)
    assert "Damian Prothero" in found
    assert any("Whitcombe" in t for t in found)


def test_a_bracketed_list_and_a_quoted_pseudonym_are_not_proposed(det):
    text = ('The names used are the ones the boys picked on day one (Falcon, Biscuit, King T). '
            'Mother chose the pseudonym "Maple" for herself.\nMAPLE: My son Tyrese was fourteen.\n'
            "Falcon: Yeah Biscuit said that.\n")
    found = _texts(det, text)
    assert not {"Falcon", "Biscuit", "King T", "MAPLE", "Maple"} & set(found)
    assert "Tyrese" in found


def test_a_pseudonym_in_a_clause_beside_one_about_real_names():
    text = ('Note: the mother chose the pseudonym "Maple" for herself; her son is named by his real name where '
            "it was said (to be removed).")
    assert declared_pseudonyms(text) == {"maple"}


def test_real_names_declared_as_real_are_not_pseudonyms():
    assert declared_pseudonyms("The young people chose to use their real first names: Aisha, Ben.") == set()
    assert declared_pseudonyms("She chose the café at Tŷ Pawb.") == set()
    assert declared_pseudonyms("Six young people (chosen names used below).") == set()
