"""A sender naming themselves once in a lowercase chat message, with a given name that is also a word, and the
states and words of time that stand in the same place (issue 15, session 11)."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.chat_introductions import chat_introductions
from qualcoder_cse.anonymise.chat_owner_names import chat_owner_names

from .found import persons


def _chat(message: str) -> str:
    return f"12/02/2026 16:19 OUT hiya\n12/02/2026 16:20 IN  {message}\n12/02/2026 16:22 OUT ok\n"


@pytest.mark.parametrize(("message", "name"), [
    ("its chance from the car wash. lukas gave me ur number", "chance"),
    ("hiya this is storm, jades mate", "storm"),
    ("im gift btw", "gift"),
    ("memory here. u ok?", "memory"),
])
def test_a_name_a_sender_gives_once_is_a_person(det, message: str, name: str) -> None:
    assert name in persons(det, _chat(message))


@pytest.mark.parametrize("message", [
    "im free btw", "its summer x", "im grand. see u sat", "its sunday tho. cant", "this is mad, wat happened",
    "im home now", "its honey from the shop lol", "Its chance from the Car Wash. Lukas gave me ur number",
])
def test_a_state_a_time_or_a_capitalised_message_gives_no_introduction(det, message: str) -> None:
    """The pass itself (the model may still offer "summer" below the sure line, as it did before)."""
    assert chat_introductions(_chat(message), [], det.gaz) == []


@pytest.mark.parametrize(("message", "word"), [
    ("its stevos birthday sat", "stevos"), ("dont go near chases lot they r proper dodgy", "chases"),
    ("we was at kezs house", "kezs"),
])
def test_a_name_owning_something_without_its_apostrophe_is_a_person(det, message: str, word: str) -> None:
    assert word in persons(det, _chat(message))


@pytest.mark.parametrize("message", ["at my mums house", "the lads car was outside", "its my nans birthday"])
def test_relatives_and_plurals_owning_something_are_no_names(det, message: str) -> None:
    assert chat_owner_names(_chat(message), [], det.gaz) == []


def test_an_export_stamped_in_utc_opens_the_message(det) -> None:
    """(session 11, found in the window) "2026-01-03 19:22:01 UTC deanox: hiya this is storm, jades mate"."""
    text = ("2026-01-03 19:22:01 UTC deanox: hiya this is storm, jades mate\n"
            "2026-01-03 19:25:44 UTC kayzmarie: its stevos birthday sat\n2026-01-03 19:28:11 UTC deanox: ok x\n")
    found = persons(det, text)
    assert {"storm", "jades", "stevos"} <= set(found)
