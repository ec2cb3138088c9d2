"""Venues named by ordinary capitalised words before a strong head, mid-sentence, are proposed whole (issue 15,
session 8); words opening a sentence and national chains are not. Made-up lines, not from any test set."""

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
        ("at about midnight, Great Western Hospital had her in twice", "Great Western Hospital"),
        ("21:55 – Station Lodge, small independent, 14 rooms", "Station Lodge"),
        ("the girls were taken to Silver Birch Lodge by taxi", "Silver Birch Lodge"),
    ],
)
def test_common_words_before_a_strong_head_name_a_venue(det, text, venue):
    assert venue in _texts(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "Great things happen at Hospital level when we share.",
        "the staff, Primary Care, Mental Health and the rest",
    ],
)
def test_sentence_starts_and_chains_are_left(det, text):
    assert _texts(det, text) == []
