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
