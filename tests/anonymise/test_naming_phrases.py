"""Names fixed by the phrase around them, whatever the word (issue 15, session 8): apposition after a word for
a person, naming verbs, "is called" after a relative, one letter before a verb in a message. The look-alikes
("Plan B is", "Child M was", "her mum called back") stay unproposed. Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from .found import persons


@pytest.mark.parametrize(
    "text, name",
    [
        ("She asks the cashier, May, if she has seen her.", "May"),
        ("Her brother, Will, picked her up from the bus station.", "Will"),
        ("One of them, who the others call Chops, said there's a man with a flat.", "Chops"),
        ("lol ur nans called joy?? the irony", "joy"),
        ("kayz 21:19: T is gonna drop me at the shop", "T"),
        ("mia.x 21:18: its fine t is going n she knows him", "t"),
    ],
)
def test_names_fixed_by_the_phrase(det, text, name):
    assert name in persons(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "Plan B is to move her out of area.",
        "Child M was seen at the hotel on the Friday.",
        "her mum called back later that night",
        "Annex D is attached to these minutes.",
        "the driver, Asian, about forty, in a black Audi",
        "i is not going lol",
    ],
)
def test_look_alikes_are_left(det, text):
    assert persons(det, text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Transcribed by: K. Salt (civilian), 11/03/2026", "K. Salt"),
        ("Notes typed by L.McG. on the day", "L.McG."),
        ('approached by somebody calling himself "Will". He was forty.', "Will"),
        ('Suspects only by nicknames: "Bossman", "Reds". Handle on the file.', "Reds"),
        ('two lads from the course, Reece and "Smudge", who said a man had a van', "Smudge"),
    ],
)
def test_initials_after_by_and_quoted_nicknames(det, text, name):
    assert name in persons(det, text)


@pytest.mark.parametrize(
    "text",
    ['she said "Sorry" and left', 'the group, "Safe and Sound", met weekly', 'she went back "Home" after'],
)
def test_quoted_words_and_initials_without_a_cue_are_left(det, text):
    assert persons(det, text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("His wife, Um Rania, in our culture you call a mother by her son", "Um Rania"),
        ("she went to Bangor on the train with Dewi bach and two lads", "Dewi bach"),
        ("ellzbellz_x: is wee mikey comin? hes creepy", "wee mikey"),
        ("shaunaa.x_: which ciara? ciara mc?", "ciara mc"),
    ],
)
def test_the_words_a_name_is_said_with_are_inside_it(det, text, name):
    """(session 8) a kunya, the Scots "wee", the Welsh "bach", a surname cut to "mc"; a chat word is cut."""
    assert name in persons(det, text)


def test_wee_before_a_common_noun_is_no_name(det):
    assert persons(det, "the wee man came in and sat down") == []


# (session 9)
def test_a_word_name_with_their_own_relative_is_a_person(det) -> None:
    text = "INT: Who was there?\nR: Summer and her sister were there, and Chance and his mates turned up later.\n"
    found = persons(det, text)
    assert "Summer" in found and "Chance" in found
    chat = "14/03/2024, 19:02 - Kayla: me n faith n her mum went\n"
    assert "faith" in persons(det, chat)


def test_a_word_before_its_relative_that_names_no_one_is_left(det) -> None:
    text = "R: Mum and her sister were there. Monday and his dad came. Everyone and their mates knew.\n"
    assert persons(det, text) == []


def test_an_action_falling_to_a_word_name_and_a_word_name_listed_first_are_people(det) -> None:
    text = "Notes of the session.\nAction: Summer to be referred to the MACE panel.\nGirls present: Hope, Kayleigh and Tia.\n"
    found = persons(det, text)
    assert "Summer" in found and "Hope" in found


def test_a_month_or_the_word_after_the_before_a_listed_name_is_left(det) -> None:
    text = "When Kezia went missing again in the April, Faith drove round the estates.\n"
    assert "April" not in [s.text for s in det.detect(text, min_confidence=0.3)]
