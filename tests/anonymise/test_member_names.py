"""Chat members called by a part of their handle or by their name in lowercase (``member_names``)."""

from __future__ import annotations

from qualcoder_cse.anonymise.member_names import _handle_parts

from .found import persons

CHAT = (
    "[10/11/2025 18:01] Sh4dowFox_22: anyone on tonight\n"
    "[10/11/2025 18:05] lottie.w_07: shadow ur literally 30 why r u always on here\n"
    "[10/11/2025 18:06] Sh4dowFox_22: age is just a number\n"
    "[10/11/2025 18:07] kai.runs: fr tho shadow where do u even live\n"
    "[10/11/2025 18:09] lottie.w_07: i dont want to meet again runs. my mum will kill me\n"
)


def test_a_handle_is_read_into_the_names_its_owner_is_called_by() -> None:
    assert {"shadow", "fox"} <= _handle_parts("Sh4dowFox_22")
    assert _handle_parts("lottie.w_07") == {"lottie"}  # one letter names no one alone


def test_a_handle_part_that_is_a_word_is_a_person_where_the_member_is_called(det) -> None:
    found = persons(det, CHAT)
    assert found.count("shadow") == 2
    assert "runs" in found  # ending a sentence after a word that is no article


def test_the_same_word_as_a_word_is_not_a_person(det) -> None:
    text = CHAT + "[10/11/2025 18:10] kai.runs: the shadow on the wall was weird\n"
    assert persons(det, text).count("shadow") == 2


def test_a_found_name_that_is_a_word_is_called_at_a_message_start(det) -> None:
    text = ("[10/05/2025, 19:41:27] Chloe R: on me way\n[10/05/2025, 19:42:10] Hunter: am already there\n"
            "[10/05/2025, 19:43:10] Hunter: u coming\n[10/05/2025, 20:05:30] Kacper: hunter get him out the group\n"
            "[10/05/2025, 20:06:30] Chloe R: hope ur ok tho\n")
    found = persons(det, text)
    assert "hunter" in found and "hope" not in found
