"""Kinds of miss reported on sealed untuned sets (issue 15, session 3): a word-name written as an all-caps
speaker label on every turn of a taped interview is the person; organisations whose head word is
"Police Station", "Building", "Apartments", "Service", "Outreach", "Girls' Space" or a "Fire and Rescue"
chain are covered whole. The surfaces are new, written for these tests; each case to cover failed on the
detector before this change. Look-alikes: badge colours and chosen words as focus-group labels are left."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE

from .found import persons


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _spans(det, text: str):
    return det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)


def covered(det, text: str, surface: str, nth: int = 0) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    spans = _spans(det, text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(surface)))


def proposed(det, text: str, surface: str) -> bool:
    start = text.index(surface)
    return any(s.start < start + len(surface) and start < s.end for s in _spans(det, text))


TAPED = ("INT: Can you tell me when it started?\nPOPPY: When I was twelve I think.\nINT: And then?\n"
         "POPPY: He started picking me up from the precinct.\nINT: Who did?\nPOPPY: Just a lad.")
WORKER = "INT: Right.\nSTORM: no idea who he was\nINT: ok\nSTORM: yeah he had a van"


@pytest.mark.parametrize("text, surface", [(TAPED, "POPPY"), (WORKER, "STORM")])
def test_a_word_name_label_on_every_turn_is_the_person(det, text, surface):
    assert covered(det, text, surface)
    assert covered(det, text, surface, nth=1)


@pytest.mark.parametrize("text, word", [
    ("FAC: Names for today?\nGREEN: I'm green.\nFAC: And you?\nGREEN: Still green.", "GREEN"),
    ("F: Who wants to start?\nSTAR: Me.\nF: Go on.\nSTAR: It was at the flats.", "STAR"),
    ("NOTE: the room was cold.\nINT: Shall we start?\nNOTE: tape paused", "NOTE"),
])
def test_labels_that_are_colours_or_words_are_left(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize("text, surface", [
    ("She was taken to Milton Road Police Station for interview.", "Milton Road Police Station"),
    ("the flat in Kestrel Building on the ring road", "Kestrel Building"),
    ("He had a room at Harbour View Apartments.", "Harbour View Apartments"),
    ("attended the Northgate Girls' Space on Mondays", "Northgate Girls' Space"),
    ("a crew from Hampshire and Isle of Wight Fire and Rescue Service attended",
     "Hampshire and Isle of Wight Fire and Rescue Service"),
    ("Devon and Somerset Fire and Rescue attended the fire", "Devon and Somerset Fire and Rescue"),
    ("a worker from the Calder Valley Family Service", "Calder Valley Family Service"),
])
def test_organisations_with_a_long_head_are_whole(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize("text, word", [
    ("She was taken to the police station for interview.", "police station"),
    ("the building on the corner was empty", "building"),
])
def test_generic_heads_alone_are_left(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize("text, surface", [
    ("Call 0113 496 0123 ext. 4471 and ask for the duty desk.", "0113 496 0123 ext. 4471"),
    ("Tel 0161 496 0999 Ext. 221.", "0161 496 0999 Ext. 221"),
    ("Student ID: 4470321\nYear group: 10", "4470321"),
])
def test_an_extension_and_a_number_after_id_are_identifiers(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize("text, word", [
    ("Student ID: 4470321", "ID"),
    ("LADO: We'll take it to strategy.\nGP: I can send the notes.\nLADO: Thanks.", "LADO"),
    ("LADO: We'll take it to strategy.\nGP: I can send the notes.\nLADO: Thanks.", "GP"),
    ("he showed his ID to the door staff", "ID"),
])
def test_role_acronyms_and_form_fields_are_not_people(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize("text, surface", [
    ('He said "J. Whyte told me to come".', "J. Whyte"),
    ("Signed: AK/JM", "AK/JM"),
    ("Discussed with the DSL.\nAK/JM\n", "AK/JM"),
    ("They drove up the A647 towards Bradford.", "A647"),
    ("stopped on the M62 near the services", "M62"),
])
def test_initials_signatures_and_road_numbers(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize("text, word", [
    ("print the letter on A4 paper", "A4"),
    ("the CSE/MASH referral went in", "CSE/MASH"),
    ("Managers M1 to M5 took part.\nM5: I agree.\nM1: Same.", "M5"),
])
def test_paper_sizes_teams_and_role_codes_are_left(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize("text, word", [
    ("They told the Quality Committee about it.", "Quality Committee"),
    ("someone from the Front Door rang back.", "Front Door"),
    ("Did the Child Exploitation Unit speak to you?", "Child Exploitation Unit"),
    ("The Director of Nursing chaired the meeting.", "Director of Nursing"),
])
def test_teams_and_job_titles_are_not_organisations(det, text, word):
    assert not proposed(det, text, word)


def test_an_organisation_named_by_words_is_still_proposed(det):
    assert covered(det, "Mentoring with Youth Almighty to start Thursday.", "Youth Almighty")


def test_email_header_fields_are_not_people(det):
    text = "To: duty team\nCc: Early Help\nSubject: strategy discussion\nCc: DSL"
    assert not proposed(det, text, "Cc")


def test_a_surname_after_a_title_is_still_a_person(det):
    assert covered(det, "Mr Case was at the door.", "Case")


@pytest.mark.parametrize("text, surface", [
    ("AMBER: I dunno\nINT: ok\nAMBER: he was just there", "AMBER"),
    ("faith: hiya\nmo: u ok\nfaith: not rly", "faith"),
    ("as per J Whyte note of the call", "J Whyte"),
    ("got the train to King's X then vanished", "King's X"),
])
def test_more_labels_initials_and_places_of_the_kinds(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize("text, word", [
    ("note: x\nnote: y", "note"),
    ("green: hi\ngreen: yo", "green"),
    ("Tom's X-ray was clear.", "X-ray"),
    ("I Smith was there", "I "),
])
def test_more_look_alikes_are_left(det, text, word):
    assert not proposed(det, text, word)


def test_a_capitalised_common_word_where_young_people_hang_about_is_a_venue(det):
    assert covered(det, "the girls hang around the Box on a Friday", "Box")


@pytest.mark.parametrize("text, word", [
    ("We met outside the Council offices.", "Council"),
    ("She waited outside the Station.", "Station"),
])
def test_institutions_after_the_are_left(det, text, word):
    assert not proposed(det, text, word)


def test_a_town_named_like_a_month_after_a_verb_of_going(det):
    assert covered(det, "he drove her to March in the Fens", "March")


@pytest.mark.parametrize("text", ["the review was postponed to March", "They moved the panel to March.",
                                  "In March she went missing twice."])
def test_the_month_is_left(det, text):
    assert not proposed(det, text, "March")


def test_a_number_a_few_words_after_id(det):
    assert covered(det, "Student ID for the school referral: 7730214.", "7730214")
    assert not proposed(det, "ID checked at 10:30", "10:30")


def test_a_compass_word_before_a_seafront_street_is_a_street(det):
    """Session 6: "Eastern Esplanade" was dropped as a compass word alone; "Western Avenue" was not."""
    text = "3. The Bay Hotel, Northern Promenade - 22:10. Room let for cash."
    assert "Northern Promenade" in [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


# (session 9)
def test_a_given_name_that_is_a_word_heading_turns_is_a_person(det) -> None:
    text = ("FAC: Who wants to start?\nWill: I will. I work at the school.\nKeisha: Same, I'm a nurse.\n"
            "FAC: What worries you most?\nWill: The cars outside at half three.\nRich: And the chicken shop.\n"
            "Rich: Every night.\n")
    found = persons(det, text)
    assert found.count("Will") == 2 and found.count("Rich") == 2


def test_kin_words_heading_a_family_chat_are_not_names(det) -> None:
    text = "12/02/2024, 21:04 - Mam: has anyone heard from her\n12/02/2024, 21:06 - Mam: please\n" \
           "12/02/2024, 21:11 - Nan: i saw her this aft\n12/02/2024, 21:13 - Nan: yellow taxi\n"
    found = persons(det, text)
    assert "Mam" not in found and "Nan" not in found
