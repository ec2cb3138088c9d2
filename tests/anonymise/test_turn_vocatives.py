"""A participant called by name at the start of a speaker turn is proposed even when no list knows the name
(issue 15, session 8); interjections and discourse words that open turns the same way are not. Made-up lines,
not from any test set."""

from __future__ import annotations

import pytest

from .found import persons


@pytest.mark.parametrize(
    "text, name",
    [
        ("FAC: Wen, you were nodding.\n\nWL: Because it's always the same.", "Wen"),
        ("INT: Zbyszko, what did you make of that?", "Zbyszko"),
        ("Facilitator: Ifunanya-Chidera, anything to add before we stop?", "Ifunanya-Chidera"),
    ],
)
def test_a_name_called_at_the_start_of_a_turn(det, text, name):
    assert name in persons(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "R: Och, you know how it is.",
        "P2: Aye, you would think so.",
        "INT: Right, so what happened then?",
        "R: Honestly, I don't know.",
        "P4: Pet, you'd not believe it.",
        "FAC: Diolch, you've been really helpful.",
        "P1: Normal, what's normal here?",
    ],
)
def test_openers_that_are_not_names_are_left(det, text):
    assert persons(det, text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Nobody joined it up. Drew ended up doing the learning review.", "Drew"),
        ("Mark left the strategy meeting early that day.", "Mark"),
    ],
)
def test_a_verb_name_before_a_past_tense_verb(det, text, name):
    assert name in persons(det, text)


# (session 9) a name given as a turn opens, in a round of introductions
def test_a_name_given_at_the_start_of_a_turn_before_i_is_a_person(det) -> None:
    text = ("FAC: Could you go round and say your first name?\nP2: Erm, Will. I'm on attachment from response.\n"
            "P3: Rich. I'm an outreach worker, mostly nights.\n")
    found = persons(det, text)
    assert "Will" in found and "Rich" in found


def test_a_word_opening_a_turn_the_same_way_is_not_a_name(det) -> None:
    text = "P4: Honestly. I think that is right.\nP5: Sure. I'll go next.\nYW: Aww. I'll take that.\n"
    assert persons(det, text) == []
