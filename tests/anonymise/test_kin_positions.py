"""Word-names in lowercase after words that introduce a person, and chains of initials (issue 15, session 6).
Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _people(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("[18:01] jaz: she was meeting some lad called rich after school", "rich"),
        ("[18:02] jaz: i rang her sis precious and she came", "precious"),
        ("[18:03] jaz: my friend faith went with them", "faith"),
        ("- he said he was 19 but he wasnt. he was called ash. (unsigned)", "ash"),
    ],
)
def test_a_word_name_after_a_person_word_is_a_name(det, text, name):
    assert name in _people(det, text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("[18:04] jaz: my friend will help u with it", "will"),
        ("[18:05] jaz: her nan said she had not seen them", "said"),
    ],
)
def test_a_verb_after_a_kin_word_stays_a_verb(det, text, word):
    assert word not in _people(det, text)


def test_a_chain_of_initials_before_a_surname_is_whole(det):
    assert "P. J. Okafor" in _people(det, "Statement read back.\nSigned: P. J. Okafor   Date: 02/02/2025\n")


@pytest.mark.parametrize("text, name", [("DS Kerr: Hope who?\nW: Hope. Hope Tate.", "Hope"),
                                        ("SUSPECT: GRACE WHO?\nDC: GRACE OKORO.", "GRACE")])
def test_a_given_name_asked_about_is_a_name(det, text, name):
    assert name in _people(det, text)


def test_a_verb_asked_about_is_not(det):
    assert "Said" not in _people(det, "Said who? Nobody told me that.")


def test_a_known_chat_name_after_which_or_its(det):
    text = "[19:40] kaz: big ash is picking us up\n[19:41] bex: which ash\n[19:42] kaz: its ash innit\n"
    people = _people(det, text)
    assert "big ash" in people and people.count("ash") == 2
