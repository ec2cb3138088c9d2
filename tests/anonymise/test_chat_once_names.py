"""Lowercase chat names said once, fixed by what only a person does or is (issue 15, session 8); relatives,
roles, pronouns and verbs in the same positions are not names. Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from .found import persons


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
    assert name in persons(det, text)


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
    assert [p for p in persons(det, text) if p != "amy"] == []


def test_a_person_known_by_one_letter_at_every_mention_where_a_name_stands(det):
    """(session 8) once "k said ur fit" shows k is someone, "which k lol" is k too; "j's got a car" likewise."""
    text = ("rhyl.reeceyy 21:20  ah close. u know k? k said ur fit\n_lexii.x 21:22  which k lol\n"
            "rhyl.reeceyy 21:29  my boy jordan. j's got a car\n_lexii.x 21:31  whos j\n"
            "rhyl.reeceyy 17:35  black golf. j drivin")
    found = persons(det, text)
    assert found.count("k") == 3 and found.count("j") == 3


def test_a_letter_for_a_word_and_a_capital_code_are_left(det):
    assert [p for p in persons(det, "amy: k said u r late. n u said ok. r u coming") if len(p) == 1] == ["k"]
    assert persons(det, "4.1 Child M was born in 2009. Child M was taken to hospital.") == []
