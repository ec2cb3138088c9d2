"""Landmarks called by a common noun with "the" (``landmark_nouns``)."""

from __future__ import annotations

from .found import proposed


def test_a_capitalised_landmark_noun_after_the_is_a_place(det) -> None:
    text = "22:40 The Esplanade. Two girls by the shelters.\n23:10 Back at Monument, busy with hen parties.\n"
    found = proposed(det, text, "LOCATION")
    assert "Esplanade" in found and "Monument" in found


def test_a_lowercase_landmark_noun_after_a_place_word_in_a_chat_is_a_place(det) -> None:
    chat = "14/03/2024, 19:02 - Kayla: come down the barras after school\n14/03/2024, 19:03 - Jo: meet at the quays\n"
    found = proposed(det, chat, "LOCATION")
    assert "barras" in found and "quays" in found


def test_the_same_nouns_as_ordinary_words_are_left(det) -> None:
    text = ("The pier was closed for repairs, and the arches of the bridge were lit. I walked along the front.\n"
            "14/03/2024, 19:02 - Kayla: the arches r pretty\n")
    found = proposed(det, text, "LOCATION")
    assert "arches" not in found and "front" not in found
