"""Organisations named head first ("X for Y", "X of Y") are proposed whole (issue 15, session 5: ORG
boundaries); a date after the name and national bodies named this way are left. Made-up names."""

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
    "text, org",
    [
        ("She was referred to the Centre for Young People's Wellbeing by the school.",
         "Centre for Young People's Wellbeing"),
        ("We work with the Foundation for Families in Need on this.", "Foundation for Families in Need"),
        ("They met at the Co-operative Academy of Leeds in May.", "Co-operative Academy of Leeds"),
    ],
)
def test_head_first_names_whole(det, text, org):
    assert org in _texts(det, text)


def test_national_bodies_named_head_first_are_left(det):
    assert _texts(det, "The College of Policing guidance and a Church of England school.") == []
