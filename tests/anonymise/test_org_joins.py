"""Organisation names joined by "and" are proposed whole; a second organisation, a place or a person after
"and" is not taken in (issue 15, session 6). Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _found(det, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


@pytest.mark.parametrize(
    "text, org",
    [
        ("She said he worked at Glenmore Tyres and Exhausts near the bypass.", "Glenmore Tyres and Exhausts"),
        ("The firm, Kestrel Cars and Couriers, gave us the logs.", "Kestrel Cars and Couriers"),
        ("We spoke to the owner of Halden Shisha and Grill yesterday.", "Halden Shisha and Grill"),
        ("Who helps? Safe and Well Wakefield are the ones who stay.", "Safe and Well Wakefield"),
        ("Her solicitors, Pettigrew, Amadi and Lowe Solicitors, replied.", "Pettigrew, Amadi and Lowe Solicitors"),
    ],
)
def test_names_joined_by_and_are_whole(det, text, org):
    assert (org, "ORG") in _found(det, text)


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("They went to Hebden Academy and Marsden Academy after that.", "Hebden Academy", "Marsden Academy"),
        ("He drives for Kestrel Cars and Jodie knows him.", "Kestrel Cars", "Jodie"),
    ],
)
def test_a_second_name_after_and_stays_apart(det, text, first, second):
    texts = [t for t, _label in _found(det, text)]
    assert first in texts and second in texts


def test_a_name_before_an_institution_head_is_the_institution(det):
    """A person or place found just before "Airport", "Council", "Police"... is the institution."""
    found = [t for t, _label in _found(det, "Her aunt cleans at London Southend Airport duty free.")]
    assert "London Southend Airport" in found


def test_a_company_with_its_town_in_brackets_and_a_suffix_is_whole(det):
    found = [t for t, _label in _found(det, "He drives for Kestrel Cars (Barnsley) Ltd on nights.")]
    assert "Kestrel Cars (Barnsley) Ltd" in found


def test_an_institution_head_in_a_heading_in_capitals(det):
    text = ("HALIFAX CITY COUNCIL - LICENSING SUB-COMMITTEE\nReport of the licensing manager on a driver who was "
            "seen by officers on two nights in the town centre.\n")
    assert "HALIFAX CITY COUNCIL" in [t for t, _label in _found(det, text)]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Venue: Committee Room, Civic Centre, Mill Lane, Barnsley", "Civic Centre"),
        ("The review was heard on 2 May 2025, County Hall. Notes below.", "County Hall"),
    ],
)
def test_a_council_building_named_by_its_kind_is_a_place(det, text, place):
    # (session 9) with the street address after it, the building and the address are one place
    assert any(place in found and label == "LOCATION" for found, label in _found(det, text))


def test_council_offices_in_lowercase_are_left(det):
    assert _found(det, "the council offices were shut all week") == []
