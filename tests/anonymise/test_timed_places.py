"""The place that opens an entry in field notes kept by the clock is proposed (issue 15, session 8); how the
evening went ("Quiet.", "Busy.") and who arrived are not. Made-up lines, not from any test set."""

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
    "text, place",
    [
        ("22:10 Quayside, under the bridge. Quieter.", "Quayside"),
        ("22:00 - Cornagrade. Group of lads at the shop.", "Cornagrade"),
        ("23:50 Back at Pennywell. Two girls gone.", "Pennywell"),
    ],
)
def test_the_place_opening_a_timed_entry(det, text, place):
    assert place in _texts(det, text)


@pytest.mark.parametrize(
    "text",
    ["21:40 Quiet. Nothing of note.", "22:15 Busy, queues at the bars.", "17:20 YP1 asked to go home.",
     "23:00 Home. Debrief by phone.", "21:05 Spoke to door staff."],
)
def test_how_the_evening_went_is_left(det, text):
    assert _texts(det, text) == []
