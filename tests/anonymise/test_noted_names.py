"""A note under a chat that says who a lowercase name or a letter is ('"sunday" is Sunday Adeyemi') makes every
use of it in the chat a person, with the day, month and letter readings kept apart; two halves of a name
proposed side by side become one span (issue 15, session 11)."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.person_joins import join_people
from qualcoder_cse.anonymise.spans import Span

from .found import persons

_CHAT = """7 MAR 2026, 22:41
Tomek
seen ur pic with sunday at the parishes
You sent
u free sunday? cant sunday im at my dads
Tomek
bring sunday and her mate. say ur at sundays
Tomek
tell sunday to delete the pic
--- end of copied text ---
[Officer's note, PC Ndlovu: "sunday" is Sunday Adeyemi, 14, same year at the academy.]
"""


def test_a_word_a_note_names_is_a_person_in_every_message(det) -> None:
    found = persons(det, _CHAT)
    assert found.count("sunday") >= 4  # with, bring, tell, and the quoted one in the note
    assert "sundays" in found  # "at sundays": her house


def test_the_same_word_as_a_day_stays_a_day(det) -> None:
    spans = det.detect(_CHAT, min_confidence=0.3)
    line = _CHAT.index("u free sunday?")
    end = _CHAT.index("\n", line)
    assert not [s for s in spans if line <= s.start < end and s.label == "PERSON"]


def test_without_the_note_the_day_is_not_a_person(det) -> None:
    text = _CHAT.split("--- end")[0]
    assert "sunday" not in persons(det, text)


@pytest.mark.parametrize(("chat", "letter_line"), [
    ('come albert park 2nite n bring k, big leon has the car\n\nShe said "k" meant her friend Kiera Doyle.\n',
     "bring k"),
])
def test_a_letter_a_note_names_is_a_person_where_a_name_stands(det, chat: str, letter_line: str) -> None:
    spans = det.detect(chat, min_confidence=0.3)
    at = chat.index(letter_line) + len(letter_line) - 1
    assert any(s.start == at and s.label == "PERSON" for s in spans)


def test_a_letter_as_ok_is_not_taken_for_the_name(det) -> None:
    chat = 'k thanks see u later\nbring k with u\n\nNote: "k" meant her friend Kiera Doyle.\n'
    spans = det.detect(chat, min_confidence=0.3)
    assert not any(s.start == 0 and s.label == "PERSON" for s in spans)


def test_a_given_name_and_a_surname_side_by_side_are_one_person() -> None:
    text = "mick mcardle wis drivin. Ask Jo Bloggs, DC Amy Hart"
    spans = [Span(0, 4, "PERSON", "mick", 0.6, "position"), Span(5, 12, "PERSON", "mcardle", 0.85, "propagate"),
             Span(29, 31, "PERSON", "Jo", 0.5, "ner"), Span(32, 38, "PERSON", "Bloggs", 0.9, "rule"),
             Span(40, 42, "PERSON", "DC", 0.6, "context"), Span(43, 51, "PERSON", "Amy Hart", 0.9, "rule")]
    joined = join_people(text, spans)
    assert [(s.text, s.confidence) for s in joined] == [("mick mcardle", 0.85), ("Jo Bloggs", 0.9), ("DC", 0.6),
                                                        ("Amy Hart", 0.9)]


def test_a_rank_before_a_name_stays_outside_it(det) -> None:
    found = persons(det, "Notes by DC Fiona McAllister, Police Scotland. Det Insp Richard Pinder chaired.")
    assert "Fiona McAllister" in found and "Richard Pinder" in found
