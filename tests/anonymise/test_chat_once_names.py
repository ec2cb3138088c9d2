"""Lowercase chat names said once, fixed by what only a person does or is (issue 15, session 8); relatives,
roles, pronouns and verbs in the same positions are not names. Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _persons(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Tayla 16:20: bash says im not allowed on here anymore", "bash"),
        ("[12/05/2026, 21:22] Ruby: hope shouldnt even be out shes 13", "hope"),
        ("[12/05/2026, 21:21] Skye B: coz i said his mate tiny was weird", "tiny"),
        ("ellie: n a girl dawn whos older", "dawn"),
        ("[22:18] zay: shut up reaper", "reaper"),
        ("tiana: relax presh hes sound, he went wiv them", "presh"),
    ],
)
def test_a_word_name_said_once_where_only_a_person_stands(det, text, name):
    assert name in _persons(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "amy: mum says its fine",
        "amy: everyone says hes weird",
        "amy: his cousin lives in town",
        "amy: my sister said dont go",
        "amy: his mate picked us up",
        "amy: a girl who was older",
        "amy: thanks guys",
        "amy: shut up loser",
        "The night porter was on, she said",
        "He's alright now. She's fine.",
    ],
)
def test_relatives_roles_and_verbs_are_left(det, text):
    assert [p for p in _persons(det, text) if p != "amy"] == []
