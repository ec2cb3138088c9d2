"""Lowercase chat names that are also words (once the same word is a person in the document) and given names
said twice in lowercase chat (issue 15, session 6). Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _people(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]


CHAT = ("[20:01] kyle_b: who's out tonight\n[20:02] tash.x: cant im grounded coz of taz\n"
        "[20:03] kyle_b: wat did taz do now\n[20:04] tash.x: amber check ur snap\n"
        "[20:05] kyle_b: hope u r ok btw\n[20:06] tash.x: amber dont reply to him\n"
        "Worker's note: \"amber\" is Amber Kowalczyk, 13.\n")


def test_a_word_name_known_as_a_person_is_a_name_where_a_name_stands(det):
    assert _people(det, CHAT).count("amber") >= 2


def test_a_given_name_said_twice_in_lowercase_chat_is_a_name(det):
    assert _people(det, CHAT).count("taz") == 2


def test_a_verb_name_before_a_pronoun_stays_a_verb(det):
    text = CHAT.replace("Amber Kowalczyk", "Hope Kowalczyk").replace("amber", "hope")
    people = _people(det, text)
    assert "hope" in people
    assert not any(s.start == text.index("hope u r") for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE))


def test_a_known_word_name_opening_a_time_stamped_message(det):
    """Session 6: the time in "[10/11/2025 18:45] kai77: amber check ur snap" hid the message's start."""
    text = ("[10/11/2025 18:40] kai77: who's on tonight\n[10/11/2025 18:45] kai77: amber check ur snap\n"
            "[10/11/2025 18:46] zed_x: amber ignore him\nModerator's note: amber is Amber Pollitt, 12.\n")
    people = [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]
    assert people.count("amber") >= 3


@pytest.fixture(scope="module")
def rules_only():
    return load_detector(use_model=False)  # the rule on its own (the model may find some of these by itself)


def test_a_word_name_standing_twice_where_only_a_name_stands_is_a_name(rules_only):
    """Session 7 (from fresh17's misses, read after its score): never capitalised, but said twice where only a
    name stands ("which robin", "robin sed"), a lowercase word-name is a person at its name positions."""
    text = ("kayz\n  robin sed theres a party at his cuz flat\nME\n  which robin\nkayz\n"
            "  robin from the estate\nME\n  not w robin tho\n")
    assert _people(rules_only, text).count("robin") == 4


def test_a_word_said_once_where_a_name_could_stand_stays_a_word(det):
    text = "ME\n  we'll chase him off\nkayz\n  dont chase it\nME\n  which chase was that lol\n"
    assert "chase" not in _people(det, text)
