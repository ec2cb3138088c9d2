"""Given names that are also words, found by the finite verb after them (issue 15, session 6): a verb-name
("Will", "Chase") before "is", "would", "didn't" is a person; a noun-name ("Faith") only when it is a person
elsewhere in the document and not before a copula. Made-up lines, not from any test set."""

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
    "text, count",
    [
        ("The tall one was Darek. Will is the short one. Will has a scar on his chin.", 2),
        ("We all had to pose for photos. Chase didn't want to and he shouted.", 1),
        ("My nan stayed up with Faith all night. Faith wouldn't eat anything.", 2),
    ],
)
def test_a_word_name_before_a_finite_verb_is_a_person(det, text, count):
    name = "Will" if "Will" in text else "Chase" if "Chase" in text else "Faith"
    assert _people(det, text).count(name) == count


@pytest.mark.parametrize(
    "text, word",
    [
        ("Will you tell me what happened next?", "Will"),
        ("Mark this one as urgent please.", "Mark"),
        ("We spoke to Hope about the plan. Hope isn't a strategy though.", "Hope isn't"),
        ("Faith would help, some said. Faith alone never fixes services.", "Faith"),
    ],
)
def test_words_stay_words(det, text, word):
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    at = text.rindex(word.split()[0])
    assert not any(s.start == at for s in spans)


CAPS = ("DS PARRY: WHO IS SHE?\nSUSPECT: MY COUSIN. AUTUMN KERSHAW. SHE LIVES ON OAK TERRACE.\n"
        "DS PARRY: AND WHO DROVE? YOUR CAR IS ON ANPR AT 22:41 ON THE A6.\n"
        "SUSPECT: I HOPE YOU'RE NOT SAYING IT WAS ME. NICK DOESN'T LEND IT OUT.\n"
        "DS PARRY: WE SPOKE TO FAITH GOLDTHORPE'S MUM TOO.\n")


def test_full_names_in_a_text_written_in_capitals(det):
    people = _people(det, CAPS)
    assert "AUTUMN KERSHAW" in people and "FAITH GOLDTHORPE" in people
    assert "NICK" in people


def test_words_in_capitals_stay_words(det):
    spans = det.detect(CAPS, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert not any(s.text == "HOPE" for s in spans)
    assert not any(s.text.startswith("AT ") and s.label == "ID" for s in spans)


@pytest.mark.parametrize("text, name", [
    ("R: There was a girl, Summer Pickles, fourteen then. The numbers rose.\nR: Summer wasn't the only one.", 2),
    ('R: "I won\'t go," Grace said. We kept at it.\nR: Grace just turned up every week after that.', 2),
    ("INT: Who helped?\nR: Hope told us about the flat. Then nothing.\nR: Hope can't be with us today.", 2),
])
def test_a_word_name_found_as_a_person_opens_a_later_sentence_before_what_she_did(det, text, name):
    """(session 10) After "Summer Pickles" or "Grace said", a later "Summer wasn't" or "Grace just" is the same
    person; before, only a finite verb after it ("Grace was") carried the name over."""
    word = text.split("\nR: ")[-1].split()[0]
    at = text.rindex("\nR: ") + 4
    assert any(s.start == at and s.label == "PERSON" for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)), word


@pytest.mark.parametrize("text", [
    'She said "the lads buy us stuff". Amber laughed it off.',
    "We will arrange the first session. Blessing can be reached on the office line.",
    "Autumn and I went to the shop after school.",
    "She told her mum. May laughed it off and went out.",
])
def test_a_word_name_is_a_person_on_first_sight_before_what_only_a_person_does(det, text):
    word = text.split(". ")[-1].split()[0] if ". " in text else text.split()[0]
    at = text.rindex(word)
    assert any(s.start == at and s.label == "PERSON" for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE))


@pytest.mark.parametrize("text", ["May I ask one more thing?", "May saw the most referrals of the year.",
                                  "Summer was always the worst time for it.", "Child placed in a side room."])
def test_a_month_a_modal_or_a_season_opening_a_sentence_stays_a_word(det, text):
    first = text.split()[0]
    assert not any(s.start == 0 and s.text == first for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE))
