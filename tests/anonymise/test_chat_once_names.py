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


# (session 9) a letter that can only be someone the first time it is written
def test_a_letter_after_me_n_or_before_to_after_tell_is_a_person(det) -> None:
    chat = "11/04/2025, 18:01 - Siân: me n p on the front by the pier\n11/04/2025, 18:02 - Siân: tell G to bring my charger\n"
    found = persons(det, chat)
    assert "p" in found and "G" in found


def test_a_capital_letter_dropping_something_off_in_a_lowercase_chat_is_a_person(det) -> None:
    chat = "21/11/2025 23:58:20 IN Naz: last nite was fun. dont tell no one. V is dropping 50 at urs\n"
    assert "V" in persons(det, chat)


def test_a_letter_in_prose_or_a_word_letter_is_not_taken(det) -> None:
    prose = "Child M was seen by the nurse. M is waiting for a CAMHS appointment.\n"
    assert [s.text for s in det.detect(prose, min_confidence=0.3) if s.text == "M"] == []
    chat = "11/04/2025, 18:01 - Siân: tell u to bring it\n"
    assert "u" not in [s.text for s in det.detect(chat, min_confidence=0.3)]


def test_a_given_name_asked_after_at_the_end_of_a_message_is_a_person(det) -> None:
    chat = "14/03/2024, 19:02 - Kayla: wer is summer\n14/03/2024, 19:03 - Jo: wheres grace??\n"
    found = persons(det, chat)
    assert "summer" in found and "grace" in found
    assert "home" not in [s.text for s in det.detect("14/03/2024, 19:04 - Jo: where is home lol\n")]
