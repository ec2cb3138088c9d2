"""Letters a document defines for a person ("DC Ravi Kaur (RK)", "TB – Tomas Brandt", '"EOD" in my notes')
are that person wherever they stand, even when they spell a word; letters of a team or a role are not.
Made-up minutes and notes; the no-model detector (the rule alone) and the shipped one."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.defined_initials import _stands_for, defined_initials
from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE, Span


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


def _people(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON"]


def test_letters_in_brackets_after_a_name_follow_the_person(det):
    text = ("Present:\nDC Ravi Kaur (RK), Child Exploitation Team\nMaria Evans (ME), chair\n\n"
            "ME welcomed members. RK noted two more reports.\n| 3 | Draft letter | RK / ME | 27/10 |\n")
    people = _people(det, text)
    assert people.count("RK") == 3 and people.count("ME") == 3  # "ME" spells a word: defined, so a name here


def test_letters_before_a_name_and_mixed_case_letters(det):
    text = ("Present: FAC (research team); TB – Tomas Brandt, Principal Social Worker\n"
            "DI Simon Odell (SOd), police\n\nTB: Can I come in there?\nSOd added that the operation had resumed.\n")
    people = _people(det, text)
    assert people.count("TB") == 2 and people.count("SOd") == 2
    assert "FAC" not in people


def test_letters_quoted_after_a_name(det):
    text = 'Worker: Eimear O\'Dowd (police) – "EOD" in my notes below.\n22:10 EOD spoke to the manager.\n'
    assert _people(det, text).count("EOD") == 2


def test_letters_that_are_not_the_names_initials_are_left():
    text = "Jade Whitworth (CE team) said so. CE then met.\n"
    spans = [Span(0, 14, "PERSON", "Jade Whitworth", 0.9, "rule")]
    assert defined_initials(text, spans) == spans
    assert not _stands_for("CE", "Jade Whitworth")
    assert _stands_for("AOB", "Aoife O'Brien") and _stands_for("MOB", "Mark Osei-Bonsu")


def test_a_name_with_a_particle_goes_by_its_letters():
    """(session 8) "Catrin ap Dafydd" is "CaD" in the minutes' body (the particle's letter in lowercase)."""
    det = load_detector()
    text = ("Present: Catrin ap Dafydd (Chair), Rhys Evans.\n"
            "CaD confirmed the child attended the clinic. Action: CaD to write to the school.")
    found = [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]
    assert found.count("CaD") == 2


def test_a_name_read_as_a_place_with_its_letters_defined_is_a_person(det) -> None:
    """(session 11) "Bethany Hill (BH)": a given name and a surname that is also a place word."""
    text = ("Attendees\nBethany Hill (BH) – School Nurse\nMS – Mark Stone, social worker\n\n5. Health\n"
            "BH: Leah attended the drop-in.\n| 5 | referral to the project | BH | 03/03/26 |\n")
    spans = det.detect(text, min_confidence=0.3)
    assert ("Bethany Hill", "PERSON") in [(s.text, s.label) for s in spans]
    assert [s.label for s in spans if s.text == "BH"] == ["PERSON"] * 3


def test_a_place_with_its_own_letters_stays_a_place(det) -> None:
    text = "The meeting was at Castle Hill (CH) in the town. CH was busy.\n"
    assert ("Castle Hill", "PERSON") not in [(s.text, s.label) for s in det.detect(text, min_confidence=0.3)]


def test_a_person_of_a_town_is_a_person_and_a_town(det) -> None:
    found = [(s.text, s.label) for s in det.detect("He named Gary Hebblewhite of Leeds as the driver.\n")]
    assert ("Gary Hebblewhite", "PERSON") in found and ("Leeds", "LOCATION") in found
