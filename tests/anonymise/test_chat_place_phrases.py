"""Named places of two or three lowercase words in chat lines ("past the baths hall", "up cave hill"), and the
describing phrases of the same shape that name no place (issue 15, session 11)."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize(("line", "place"), [
    ("ye. sunday got detention so i walked on my own past the baths hall", "baths hall"),
    ("cant me n ruby are up cave hill wiv the dog lol", "cave hill"),
    ("she works at costcutter on marine parade", "marine parade"),
    ("the polis took her hame fae battery park. her maw is ragin", "battery park"),
    ("under the celtic gateway bridge its grim", "celtic gateway bridge"),
    ("klevs mates flat on cinder bank. jade n that r coming", "cinder bank"),
])
def test_a_lowercase_named_place_in_a_chat_line_is_proposed(det, line: str, place: str) -> None:
    text = f"[21:04] kayz: hiya\n[21:05] jj: {line}\n[21:06] kayz: ok\n"
    assert place in proposed(det, text)  # "baths hall" is read as a venue (ORG): covered all the same


@pytest.mark.parametrize("line", [
    "meet at the skate park after", "hes in the car park now", "im on the way", "ill be at my nans flats",
    "we went up the big hill", "pay in another way", "down the back lane by the shop", "at the bus station",
])
def test_a_describing_phrase_is_no_place(det, line: str) -> None:
    text = f"[21:04] kayz: hiya\n[21:05] jj: {line}\n[21:06] kayz: ok\n"
    assert not proposed(det, text, "LOCATION")


def test_a_line_with_capitals_is_left_to_the_capitalised_rules(det) -> None:
    text = "Notes: We walked Past the baths hall and on.\nSecond line.\n"
    assert "baths hall" not in proposed(det, text)


@pytest.mark.parametrize(("line", "venue"), [
    ("big T is picking us up from outside chicken king at 9", "chicken king"),
    ("meet outside the golden crust after", "golden crust"),
    ("hes taking me n nels to sahara nights on sat", "sahara nights"),
])
def test_a_lowercase_venue_in_a_chat_line_is_proposed(det, line: str, venue: str) -> None:
    text = f"[21:04] kayz: hiya\n[21:05] jj: {line}\n[21:06] kayz: ok\n"
    assert venue in proposed(det, text)


@pytest.mark.parametrize("line", ["get me from the fried chicken place", "we went to the late night cafe"])
def test_a_kind_of_venue_is_no_name(det, line: str) -> None:
    text = f"[21:04] kayz: hiya\n[21:05] jj: {line}\n[21:06] kayz: ok\n"
    assert not [s for s in det.detect(text, min_confidence=0.3) if s.label == "ORG"]


def test_a_place_no_list_knows_after_in_and_before_its_is_proposed(det) -> None:
    """(session 11) "at ma grans in foxbar its pure deid"; a British verb no list knows is not taken."""
    text = "[21:04] kayz: naehin, at ma grans in foxbar its pure deid\n[21:05] jj: ok\n"
    assert "foxbar" in proposed(det, text)
    assert "anonymise" not in proposed(det, "[21:04] kayz: its hard to anonymise by hand\n[21:05] jj: ok\n")


@pytest.mark.parametrize("export", ["Tomek\nwhere r u now\nYou sent\n{m}\n", "[21:04] kayz: wer r u\n[21:05] jj: {m}\n"])
def test_a_message_that_is_only_a_place_is_proposed(det, export: str) -> None:
    assert "central park" in proposed(det, export.format(m="central park by the skate bit"))
    assert not proposed(det, export.format(m="skate park by the shops"), "LOCATION")
