"""The kinds of miss found on five transcripts written in new voices and measured before any tuning (issue 15,
second round): names made of Title Case words covered whole, ordinary-word organisations where a name goes,
nicknames made from a surname, kinship nicknames, export senders and meeting-transcript speaker lines, plates
in a sentence about a car, and look-alikes that must be left. The surfaces here are not those of the corpus:
each case is a kind. Every case to cover failed on the detector before this change, and "Monzo" and
"Microsoft" were proposed; the other look-alikes guard the new rules. The review screen's threshold is used, so what is tested is what the researcher is shown."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _spans(det, text: str):
    return det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)


def covered(det, text: str, surface: str) -> bool:
    """True when every character of ``surface`` (its first occurrence) is inside some proposal."""
    start = text.index(surface)
    spans = _spans(det, text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(surface)))


def proposed(det, text: str, surface: str) -> bool:
    start = text.index(surface)
    return any(s.start < start + len(surface) and start < s.end for s in _spans(det, text))


@pytest.mark.parametrize(
    "text, surface",
    [
        # a town inside a Title Case run names the whole organisation
        ("RP noted that Rochdale Hornets' community trust has offered tickets.", "Rochdale Hornets"),
        ("The Barnsley Rotary donation will pay for the residential.", "Barnsley Rotary"),
        ("Now Wigan BID runs the training with us.", "Wigan BID"),
        ("Hope to link her to the girls' group at Ordsall Matters on Tuesdays.", "Ordsall Matters"),
        ("Open Arms Kirklees (registered charity)\nHeld at the library", "Open Arms Kirklees"),
        ("The Community Foundation for Lancashire grant has been confirmed.", "Community Foundation for Lancashire"),
        # an unknown word before a place is part of the school's name
        ("Her school is Beckfoot Upper Heaton and she is in Year 9.", "Beckfoot Upper Heaton"),
        # a word-name inside ordinary words ("Haven", "Lion") is an organisation's name, whole
        ("an advocate from Quiet Haven Families came along", "Quiet Haven Families"),
        # a place with the word that says what kind of place it is
        ("Walked the path round Shipley Lake at dusk.", "Shipley Lake"),
        ("they sat by Bramley Fold all night", "Bramley Fold"),
    ],
)
def test_title_case_runs_are_covered_whole(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("The partnership with Brighter Minds continues into next year.", "Brighter Minds"),
        ("screenshot them and send to Maria at Lifeline, she's on the late shift", "Lifeline"),
    ],
)
def test_ordinary_word_organisations_are_proposed_unsure(det, text, surface):
    spans = [s for s in _spans(det, text) if s.text == surface]
    assert spans and spans[0].label == "ORG" and spans[0].confidence < 0.6


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Everyone says Smithy is harmless.", "Smithy"),
        ("cool. uncle baz can drop us after", "uncle baz"),
        ("who tf is auntie mo", "auntie mo"),
    ],
)
def test_nicknames_from_surnames_and_kinship_words(det, text, surface):
    assert covered(det, text, surface)


def test_teams_speaker_lines_are_whole_names(det):
    text = ("Okafor, Chidi   0:04\nHello everyone, thanks for joining.\n\n"
            "Brennan, Siobhan (Lancs Police)   0:15\nHi, I do the hotel visits.\n")
    assert covered(det, text, "Okafor, Chidi")
    assert covered(det, text, "Brennan, Siobhan")


def test_export_senders_are_people_and_their_later_mentions_follow(det):
    text = ("12/05/2024, 20:01 - Tinks ✨: anyone out\n"
            "12/05/2024, 20:02 - Precious: not me\n"
            "12/05/2024, 20:03 - Tinks ✨: booo\n"
            "12/05/2024, 20:05 - Precious: ask tinks she knows\n")
    assert covered(det, text, "Tinks")
    assert covered(det, text, "tinks she") is False  # the name only
    assert covered(det, text, "tinks")
    spans = _spans(det, text)
    assert not any(s.label == "DATE" and "\n" in s.text for s in spans)


def test_a_date_never_runs_across_a_line_break(det):
    text = "ok who's coming sat\n14/03/2024, 19:03 - Precious: meee\nACTION: reforecast for March.\n\n6. Premises"
    assert not any("\n" in s.text for s in _spans(det, text) if s.label == "DATE")


def test_a_code_in_a_sentence_about_a_car_is_a_plate(det):
    text = "And the Astra was something like KP 204, I only saw the end."
    assert any(s.label == "ID" and s.text == "KP 204" for s in _spans(det, text))
    assert not proposed(det, "We met in room AB 204 at noon.", "AB 204")


@pytest.mark.parametrize(
    "text, word",
    [
        ("I wrote it on the back of a Monzo envelope.", "Monzo"),
        ("Focus group - Microsoft Teams transcript (auto-generated)", "Microsoft"),
        ("they play in the Church Hall most weeks", "Church"),
        ("She works in the Youth Justice service now.", "Youth"),
        ("Say Something If You See Something cards were handed out.", "Say"),
        ("The College of Policing guidance was circulated.", "College"),
    ],
)
def test_look_alikes_are_left(det, text, word):
    assert not proposed(det, text, word)


def test_a_street_and_its_town_stay_an_address(det):
    assert not any(s.label == "ORG" for s in _spans(det, "lives on Elm Road Leeds now"))


@pytest.mark.parametrize(
    "text, surface",
    [
        # second round, from three more transcripts measured untuned
        ("Interviewing officers: DC Ruth Adeyemi 10442 (RA), DC Aled Morgan 11987 (AM)", "10442"),
        ("Legal representative: Ms Farah Qadir, Qadir & Co Solicitors", "Qadir & Co Solicitors"),
        ("seen near Ashton on Mersey School on 31 occasions", "Ashton on Mersey School"),
        ("his cousin, they called him wee man cos he was tiny", "wee man"),
        ("and there's a lass precious who does the art", "precious"),
        ("her big sister's fella mackem mark and his cousin", "mackem mark"),
        ("Friend Tegan said he hangs about the Spar at Station Road with older lads.", "Station Road"),
    ],
)
def test_second_round_kinds_are_covered(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Dropped off by a man in a blue Seat Leon, not parent.", "Leon"),
        ("Logged by: J. Robson (Attendance Officer)\nLate again. Dropped off by a man", "Late"),
        ("mark would say youse are proper mature for your age", "youse"),
    ],
)
def test_second_round_look_alikes_are_left(det, text, word):
    assert not proposed(det, text, word)


def test_the_name_inside_a_chat_handle_is_a_name_in_the_chat(det):
    # third round: "tj" of "tj.fr3sh", "riz" of "riz_7x", used bare in the chat
    text = ("kaylo.b21: yo who's on\n"
            "riz_7x: tj u still linking him\n"
            "tj.fr3sh: ye\n"
            "kaylo.b21: ur moving mad tj\n"
            "kaylo.b21: riz tell him\n")
    assert covered(det, text, "tj u") is False  # the name, not the words after it
    assert covered(det, text, "tj")
    later = text.index("mad tj") + 4
    assert all(any(s.start <= i < s.end for s in _spans(det, text)) for i in (later, later + 1))
    assert covered(det, text, "riz")


@pytest.mark.parametrize(
    "text, surface",
    [
        ("2. PC Rhys ap Dafydd (North Wales Police) to be told", "Rhys ap Dafydd"),
        ("The landlord, Ahmed bin Rashid, has agreed to fix the door.", "Ahmed bin Rashid"),
    ],
)
def test_names_with_a_lowercase_particle_are_whole(det, text, surface):
    assert covered(det, text, surface)


def test_welsh_kinship_word_is_not_a_name(det):
    assert not proposed(det, "4. Nain to ring the out of hours team if she is not home by ten.", "Nain")


@pytest.mark.parametrize(
    "text, surface",
    [("sav had him doing runs to stoke for 2 weeks", "stoke"), ("they had a flat in felling, her fella's", "felling")],
)
def test_a_town_that_is_a_rarer_word_after_in_or_to_is_proposed_unsure(det, text, surface):
    spans = [s for s in _spans(det, text) if s.text == surface]
    assert spans and spans[0].label == "LOCATION" and spans[0].confidence < 0.6


def test_a_town_word_before_a_noun_is_left(det):
    assert not proposed(det, "he goes to rugby training on thursdays", "rugby")


@pytest.mark.parametrize(
    "text, surface",
    [
        ("She trains at Furness Youth Boxing twice a week.", "Furness Youth Boxing"),
        ("Night manager Grace from the Ibis Styles said they now ask for ID.", "Ibis Styles"),
        ("yellow one, Sunny Cabs, i think the number on the door was RH 117", "RH 117"),
    ],
)
def test_organisations_with_a_name_inside_and_taxi_door_numbers(det, text, surface):
    assert covered(det, text, surface)


def test_a_party_column_of_a_phone_extraction_table_holds_names(det):
    text = ("# | Timestamp (UTC) | Direction | Party | Body\n"
            "1 | 2023-05-02 16:41:07 | Outgoing | Shaniya | u ok\n"
            "2 | 2023-05-02 17:30:58 | Outgoing | T Money | bring it for 9\n"
            "3 | 2023-05-02 21:02:16 | Incoming | +447700900618 | who is this\n")
    assert covered(det, text, "T Money")
    assert covered(det, text, "Shaniya")
    assert not proposed(det, text, "Outgoing")


def test_a_table_cell_with_a_rank_and_initials_is_left_to_the_other_rules(det):
    text = "| Name | Role |\n| T/Supt Helen Okoro (HO) | Gold, chair |\n\n1. HO opened the meeting.\n"
    assert covered(det, text, "Helen Okoro") and covered(det, text, "HO opened"[:2])
    assert not proposed(det, text, "T/Supt")


def test_a_crime_reference_that_opens_with_letters(det):
    text = "The officer in the case is DC Kershaw, crime reference CRI/06AA/0049213/23."
    assert covered(det, text, "CRI/06AA/0049213/23")


def test_an_address_is_one_span_when_its_town_is_found_late(det):
    text = "St Mary's Hospital, Hathersage Road, Manchester, M13 0JH\nTel: 0161 496 0734"
    assert covered(det, text, "Hathersage Road, Manchester, M13 0JH")


@pytest.mark.parametrize(
    "text, surface",
    [("come get it after school. rochester road academy right", "rochester road academy"),
     ("she goes to falinge park high innit", "falinge park high")],
)
def test_a_lowercase_school_named_after_its_street_is_whole(det, text, surface):
    assert covered(det, text, surface)
