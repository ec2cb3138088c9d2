"""A place said by one capitalised word after a preposition, with no article (issue 15, session 12)."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize("text, place", [
    ("Then he said he'd drive us to Penmon for chips.", "Penmon"),
    ("I don't feel safe on the train, like fae Queensway back out to the scheme.", "Queensway"),
    ("She said her mum thinks she's at a mate's in Brookeborough now.", "Brookeborough"),
])
def test_one_capitalised_word_after_a_preposition_of_place(det, text: str, place: str) -> None:
    assert place in proposed(det, text)


@pytest.mark.parametrize("text", [
    "She is doing well in English and goes to Court on the fifth.", "We met in March and again in Year nine.",
    "It was pasted into Word and referred to Gateway today.", "She stayed at Sarah's for the night.",
    "They went to Snapchat after that.",
])
def test_subjects_months_products_and_given_names_are_not_places(det, text: str) -> None:
    assert not proposed(det, text, "LOCATION")
