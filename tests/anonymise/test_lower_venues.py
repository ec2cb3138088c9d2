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
