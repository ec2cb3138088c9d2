"""The place that opens an entry in field notes kept by the clock is proposed (issue 15, session 8); how the
evening went ("Quiet.", "Busy.") and who arrived are not. Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize(
    "text, place",
    [
        ("22:10 Quayside, under the bridge. Quieter.", "Quayside"),
        ("22:00 - Cornagrade. Group of lads at the shop.", "Cornagrade"),
        ("23:50 Back at Pennywell. Two girls gone.", "Pennywell"),
    ],
)
def test_the_place_opening_a_timed_entry(det, text, place):
    assert place in proposed(det, text)


@pytest.mark.parametrize(
    "text",
    ["21:40 Quiet. Nothing of note.", "22:15 Busy, queues at the bars.", "17:20 YP1 asked to go home.",
     "23:00 Home. Debrief by phone.", "21:05 Spoke to door staff."],
)
def test_how_the_evening_went_is_left(det, text):
    assert proposed(det, text) == []
