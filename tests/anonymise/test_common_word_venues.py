"""Venues named by ordinary capitalised words before a strong head, mid-sentence, are proposed whole (issue 15,
session 8); words opening a sentence and national chains are not. Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize(
    "text, venue",
    [
        ("at about midnight, Great Western Hospital had her in twice", "Great Western Hospital"),
        ("21:55 – Station Lodge, small independent, 14 rooms", "Station Lodge"),
        ("the girls were taken to Silver Birch Lodge by taxi", "Silver Birch Lodge"),
    ],
)
def test_common_words_before_a_strong_head_name_a_venue(det, text, venue):
    assert venue in proposed(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "Great things happen at Hospital level when we share.",
        "the staff, Primary Care, Mental Health and the rest",
    ],
)
def test_sentence_starts_and_chains_are_left(det, text):
    assert proposed(det, text) == []
