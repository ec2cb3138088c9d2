"""Shapes found on a blind set of logs and records (issue 15, session 12): letters defined in a role's brackets
or by a key, councils of joined places, a trade named for its owner, an operation with accented letters, log
serials with their day, a remembered part of a plate, labelled and long numbers, a road after "towards" and a
weekday before a dashed date."""

from __future__ import annotations

import pytest

from .found import persons, proposed


def test_letters_in_a_roles_brackets_stand_for_the_person_everywhere(det) -> None:
    text = ("Staff on the rota: Hywel Prosser (night porter, HP), Mair Evans (duty manager, ME).\n"
            "01:30 Noise complaint, rang the manager. - HP\n02:10 Police attended. - HP\nHP not on yet.")
    assert persons(det, text).count("HP") == 4


def test_letters_first_in_the_brackets_with_a_role_after(det) -> None:
    text = "Present: Sadia Rahman (SR, school nurse, Health Board).\nSR: she came to the drop-in twice.\n- SR: review"
    assert persons(det, text).count("SR") == 3


@pytest.mark.parametrize("text, name", [
    ("Training with Hinckley and Bosworth Borough Council licensing.", "Hinckley and Bosworth Borough Council"),
    ("Share it with Causeway Coast, Glens and Moyle District Council safety.",
     "Causeway Coast, Glens and Moyle District Council"),
    ("She had her nails done at Glam Nails by Kinga in town.", "Glam Nails by Kinga"),
])
def test_whole_organisations(det, text: str, name: str) -> None:
    assert name in proposed(det, text, "ORG")


def test_two_councils_joined_by_and_stay_two(det) -> None:
    text = "Wrexham County Borough Council and Conwy County Borough Council to agree a protocol."
    found = proposed(det, text, "ORG")
    assert not [f for f in found if "Council and" in f]


@pytest.mark.parametrize("text, code", [
    ("Contacted under Operation Ynys Môn.", "Ynys Môn"),
    ("The call handler gave me log 0311 of 12 March.", "0311 of 12 March"),
    ("Storm log: 0722 04/04/26 | Reviewed by an operator.", "0722 04/04/26"),
    ("A silver Kia, and I think the plate ended KWT.", "KWT"),
    ("grey golf hx21 sumthin. dont come up to it", "hx21"),
    ("checked by the operator (operator no. DD14).", "DD14"),
    ("Services hold on her (DOB 01/02/2011, SCN 193356104).", "193356104"),
])
def test_ids(det, text: str, code: str) -> None:
    found = proposed(det, text)
    assert code in found or any(code in f for f in found)


def test_a_road_after_towards_and_a_weekday_before_a_dashed_date(det) -> None:
    assert "A38" in proposed(det, "16:50 Cam 13. Corsa towards A38 west.", "LOCATION")
    assert "Thurs 12-Mar-2026" in proposed(det, "Signed: DC Hale, Thurs 12-Mar-2026.", "DATE")


@pytest.mark.parametrize("text, place", [
    ("Walked to Mill Street and up towards the Viaduct. Quiet.", "Viaduct"),
    ("Meet me at the Cauldron by the cinema or the park?", "Cauldron"),
])
def test_a_capitalised_noun_after_the_where_a_place_goes(det, text: str, place: str) -> None:
    assert place in proposed(det, text, "LOCATION")


@pytest.mark.parametrize("text", [
    "She got into the Mercedes with both males.", "He will bring it to the March panel.",
    "She asks in the Polish shop.", "Logged on the Gateway system today.", "They're on the Ask for Angela scheme.",
    "It went to the Council and the Police.",
])
def test_a_modifier_a_month_a_make_or_an_institution_is_no_landmark(det, text: str) -> None:
    assert not proposed(det, text, "LOCATION")


@pytest.mark.parametrize("text, code", [
    ("21:02 CHILD CALLS MOTHER. UNITS K1-12, K1-40 AND TRAFFIC RT-07 DEPLOYED.", "RT-07"),
    ("user_id: 3f2a9c1e-12ab-4cde-8f00-1a2b3c4d5e6f | country: GB", "3f2a9c1e-12ab-4cde-8f00-1a2b3c4d5e6f"),
    ("a booking in that name, booking number 5127 330 846, paid by card.", "5127 330 846"),
    ("reported missing from the home at 20:15, log 0771 of the twelfth.", "0771 of the twelfth"),
    ("10:10 Recording GP-07 started. Consent forms signed.", "GP-07"),
    ("Handler: a call taker (PSC), staff 71184.", "71184"),
])
def test_more_id_shapes(det, text: str, code: str) -> None:
    assert code in proposed(det, text, "ID")


def test_a_call_sign_opening_log_entries_twice_is_an_id(det) -> None:
    text = "21:40 KD14 (PC 3301) TO ELM AVE.\n21:52 KD09 ON SCENE.\n22:06 KD14 NO REPLY AT ADDRESS.\n"
    found = proposed(det, text, "ID")
    assert found.count("KD14") == 2 and "KD09" not in found


def test_units_of_things_are_no_call_signs(det) -> None:
    assert not proposed(det, "I had 3 units of blood. The unit 4 team met in March.", "ID")


@pytest.mark.parametrize("text, street", [
    ("bay st above the bookies at 4", "bay st"),
    ("tmrw 9pm ropery st yeah", "ropery st"),
    ("meet cargo fleet lane 9 n dont be late", "cargo fleet lane"),
])
def test_a_lowercase_street_said_alone_in_a_chat(det, text: str, street: str) -> None:
    assert street in proposed(det, text, "LOCATION")


def test_a_lowercase_street_needs_a_lead_and_a_number_stays_with_it(det) -> None:
    assert not proposed(det, "naw hes gonna drive me up the road later", "LOCATION")
    assert "41 portsmouth rd" in proposed(det, "she lives at 41 portsmouth rd now", "LOCATION")
