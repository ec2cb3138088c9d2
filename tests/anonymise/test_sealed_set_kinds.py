"""Kinds of identifier found missing on the sealed sets of session 7 (fresh15, fresh16, fresh17), after each was
scored once: addresses after talk, times' minutes, Welsh and Gaelic streets, titles before listed surnames,
venues by possessive, named SARCs, stations and junctions, operations named again, kin words, a capital "The",
announced identifiers, dates in Welsh and after a sighting, double-barrelled initials, chat possessives. Each
test uses made-up strings of the kind, never a string of a set; through the detector without the NER model."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector

from .test_rules import spans


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


@pytest.mark.parametrize(
    "text, place",
    [
        # session 7: the words before an address on a speaker's line are no part of it
        ("M1: Gives his address as 27 Heol Tawe, Gorseinon, Swansea SA4 4BZ, he says.",
         "27 Heol Tawe, Gorseinon, Swansea SA4 4BZ"),
        ("Mum: we live at 4 Heol y Felin, Caerphilly CF83 1AB now", "4 Heol y Felin, Caerphilly CF83 1AB"),
    ],
)
def test_an_address_after_talk_starts_at_its_number(det, text, place):
    assert place in spans(det, text, "LOCATION")


def test_a_times_minutes_are_no_house_number(det):
    text = "19:40 Clock Tower. Quiet. Two girls by the fountain.\n20:15 back at 14 Elm Road."
    places = spans(det, text, "LOCATION")
    assert "Clock Tower" in places and "14 Elm Road" in places
    assert not any(p.startswith("40") for p in places)


@pytest.mark.parametrize(
    "text, place",
    [
        ("She was found on Ffordd y Brenin near the shops", "Ffordd y Brenin"),
        ("his nan's house on Heol Tawe", "Heol Tawe"),
        ("they drove down Rathad Mòr", "Rathad Mòr"),
    ],
)
def test_welsh_and_gaelic_streets_name_their_kind_first(det, text, place):
    assert place in spans(det, text, "LOCATION")


@pytest.mark.parametrize(
    "text, name",
    [
        # session 7: after a rank or title, a listed word that is a surname too is the person
        ("Sgt Ireland said the lads had been driving her.", "Ireland"),
        ("PC Wales took the statement at 22:10.", "Wales"),
        ("Mrs White said she had rung twice.", "White"),
    ],
)
def test_a_title_before_a_country_or_colour_surname(det, text, name):
    assert name in spans(det, text, "PERSON")


def test_a_listed_word_that_is_no_surname_stays_after_a_title(det):
    assert spans(det, "the Sgt Police liaison was off", "PERSON") == []


@pytest.mark.parametrize(
    "text, venue",
    [
        # session 7: a given name's possessive with a venue's cue is the venue, whole
        ("there's pizza from Gino's on Harehills Lane, in the kitchen", "Gino's"),
        ("he was barred by the bouncers at Roxy's.", "Roxy's"),
    ],
)
def test_a_given_names_possessive_with_a_venue_cue_is_the_venue(det, text, venue):
    assert venue in spans(det, text, "ORG")


def test_a_given_names_possessive_without_a_cue_is_her_home(det):
    found = spans(det, "she stayed at Jade's on Tuesday after school.")
    assert "Jade" in found and "Jade's" not in found


def test_a_referral_centre_named_before_its_letters(det):
    assert "Harbour SARC" in spans(det, "She was taken to the Harbour SARC that night.", "ORG")


@pytest.mark.parametrize(
    "text, place",
    [
        # session 7: a station, a retail park after a place's name; a motorway junction by its number
        ("She found me at Nantwich station at two in the morning", "Nantwich station"),
        ("the hotels near junction 27, like the lodge", "junction 27"),
        ("parked at M6 J16 services most nights", "M6 J16"),
    ],
)
def test_stations_and_junctions_are_whole_places(det, text, place):
    assert place in spans(det, text, "LOCATION")


def test_numbered_codes_are_no_junctions(det):
    assert spans(det, "see J1 and J2 in the appendix", "LOCATION") == []


def test_an_operation_named_again_without_its_word(det):
    text = "That became Operation Foxglove. Foxglove was tiny. What worked on Foxglove was time."
    assert spans(det, text).count("Foxglove") == 2


@pytest.mark.parametrize(
    "text, name",
    [
        # session 7: a grandparent's word written as part of the name; "SURNAME, Given" in a numbered list
        ("Her nan, Nain Gwenllian, lives in Abergele.", "Nain Gwenllian"),
        ("SUBJECT(S):\n1. OKONJO, Tobenna \"TOBZ\" – DOB 11/09/1997", "OKONJO, Tobenna"),
    ],
)
def test_kin_words_and_listed_surname_first_names_are_whole(det, text, name):
    assert name in spans(det, text, "PERSON")


def test_a_lowercase_kin_word_stays_outside(det):
    assert "Gwenllian" in spans(det, "my nan Gwenllian came round", "PERSON")


def test_a_capital_the_mid_sentence_names_a_venue(det):
    assert "Kestrel" in spans(det, "she was upset outside The Kestrel, boyfriend trouble")
    assert spans(det, "he read it in The Guardian last week") == []


@pytest.mark.parametrize(
    "text, ref",
    [
        ("Officer's note (PC Jo Quigley 8842): mother rang", "8842"),
        ("the case of child R.K. (LCS 1004827) who attended", "1004827"),
        ("Partial plate noted by the shop owner: YF7 something.", "YF7"),
    ],
)
def test_more_announced_identifiers(det, text, ref):
    assert ref in spans(det, text, "ID")


def test_a_road_after_and(det):
    assert "A93" in spans(det, "often on the A9 and A93 by car", "LOCATION")


@pytest.mark.parametrize(
    "text, found, label",
    [
        # session 7, after fresh15 and fresh16 were scored: kinds read from their misses, made-up strings here
        ("silver car, not the merc. reg ends PQX", "PQX", "ID"),
        ("The reg had GHZ in it, I remember", "GHZ", "ID"),
        ("Cofnodion / Minutes\nDydd Llun 12 Chwefror 2026 / Monday 12 February 2026", "12 Chwefror 2026", "DATE"),
        ("misper ref MPR/26/0417, last seen 11/04 at about 22:00", "11/04", "DATE"),
        ("she got the bus and met him at Anderston bus station", "Anderston bus station", "LOCATION"),
        ("One is a repeat: Kacey-Mae Holroyd, 15. Staff call her KM, and KM was seen at 9.", "KM", "PERSON"),
        ("14/11/2025, 21:05 - Keisha: hiya\n14/11/2025, 21:10 - Tash: tell ur mum ur at keishas", "keishas",
         "PERSON"),
    ],
)
def test_kinds_from_the_sealed_sets_of_session_7(det, text, found, label):
    assert found in spans(det, text, label)


@pytest.mark.parametrize("text", ["about 3/4 of them (12/15 said yes)", "Dydd Mercher / Wednesday, 13:30"])
def test_their_look_alikes_are_left(det, text):
    assert spans(det, text) == []


@pytest.mark.parametrize(
    "text, found, label",
    [
        ("given incident number 2291 of 14/03/25 by the call handler", "2291 of 14/03/25", "ID"),
        ("the nurse advisers for NHS Tayside cover three towns", "NHS Tayside", "ORG"),
    ],
)
def test_a_serial_with_its_day_and_a_health_board(det, text, found, label):
    assert found in spans(det, text, label)


def test_national_nhs_names_are_left(det):
    assert spans(det, "NHS England guidance says so", "ORG") == []


@pytest.mark.parametrize(
    "text, found, label",
    [
        # session 7, kinds read from fresh17's misses after its honest score (made-up strings)
        ("the lane behind Railway Road, by the shops", "Railway Road", "LOCATION"),
        ("Exhibit TM/1 (master), TM/2 (working copy).", "TM/2", "ID"),
        ("Tayla 16:04\nshes on lates\nJas K 16:05\ncant grounded again", "Jas K", "PERSON"),
        ("West Mercia had one bit, Dyfed-Powys the other", "West Mercia", "ORG"),
    ],
)
def test_kinds_from_the_last_sealed_set(det, text, found, label):
    assert found in spans(det, text, label)


def test_a_bus_station_or_a_car_park_alone_is_no_street(det):
    assert spans(det, "she waited at the bus station by the car park", "LOCATION") == []


@pytest.mark.parametrize(
    "text, code",
    [("CCTV still WF/3 from the garage forecourt", "WF/3"), ("it's exhibited as NMcC/1. A second man", "NMcC/1")],
)
def test_an_exhibit_mark_by_its_shape_alone(det, text, code):
    """(session 8) initials and a number after a slash, without the word "exhibit"."""
    assert code in spans(det, text, "ID")


def test_a_district_after_another_district(det):
    """(session 8) "in L1 and L3": the second of a pair is a district though one letter names its area."""
    assert spans(det, "hotels and short lets in L1 and L3. If something feels wrong", "LOCATION") == ["L1", "L3"]


@pytest.mark.parametrize("text", ["she works 24/7 on it", "answer Y/N on the form", "a 2/3 majority", "N/A"])
def test_slashed_look_alikes_are_no_exhibit(det, text):
    assert spans(det, text, "ID") == []
