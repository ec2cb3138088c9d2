"""Named venues written in lowercase are proposed whole (issue 15, session 5: ORG/LOCATION boundaries). Each
venue here was cut or missed before this change; kinds of venue without a name stay unproposed. Made-up lines,
not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _texts(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


@pytest.mark.parametrize(
    "text, venue",
    [
        ("we was outside beckfoot upper heaton school", "beckfoot upper heaton school"),
        ("she goes to city of leeds college", "city of leeds college"),
        ("they took us to the grove hotel", "grove hotel"),
        ("staying at holly bank childrens home", "holly bank childrens home"),
        ("at willowfield pru they dont care", "willowfield pru"),
        ("at kirkgate market by the fish", "kirkgate market"),
        ("outside forster square station", "forster square station"),
    ],
)
def test_lowercase_venues_whole(det, text, venue):
    assert venue in _texts(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "i went to the big hotel in town",
        "she goes to secondary school now",
        "we was at the leisure centre",
        "at sixth form college they was ok",
        "we got the bus to the train station",
        "went to the same school as me",
    ],
)
def test_kinds_of_venue_are_left(det, text):
    assert _texts(det, text) == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("meet me down pendlebury bay after", "pendlebury bay"),
        ("we was up the corran islands all nite", "corran islands"),
        ("hes parked on ashworth st by the shop", "ashworth st"),
        ("goin round to thornaby grange tmrw", "thornaby grange"),
    ],
)
def test_lowercase_streets_parks_and_landmarks_whole(det, text, place):
    """(session 8) a street, park or landmark head word reads its name leftwards like a venue's."""
    assert place in _texts(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "meet at the car park after",
        "we was at the skate park all nite",
        "down the high street by the shop",
        "outside the retail park on the left",
        "he lives on the main road near us",
    ],
)
def test_kinds_of_street_and_park_are_left(det, text):
    assert _texts(det, text) == []


@pytest.mark.parametrize(
    "text, venue",
    [
        ("he took me to the blue lagoon chippy in town", "blue lagoon"),
        ("a flat above the golden dragon takeaway", "golden dragon"),
    ],
)
def test_a_lowercase_name_before_the_kind_of_venue(det, text, venue):
    """(session 8) the kind written after the name stays outside it."""
    assert venue in _texts(det, text)


@pytest.mark.parametrize("text", ["we went to the new chinese takeaway", "meet at the big chicken shop pub"])
def test_kinds_before_a_kind_are_left(det, text):
    assert _texts(det, text) == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("kayz 21:02: T is gonna drop me at ashby high st in a bit.", "ashby high st"),
        ("frankie.w: whos going middleton grange tmrw", "middleton grange"),
        ("i can take people places. cardiff bay, porthcawl, wherever.", "cardiff bay"),
    ],
)
def test_a_lowercase_town_shows_the_writers_lowercase(det, text, place):
    """(session 8) a message opening with a capital still writes places in lowercase; the town says so."""
    assert place in _texts(det, text)
