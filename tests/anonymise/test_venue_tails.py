"""Lowercase takeaways and lounges named by a tail word (``venue_tails``), and a person's initial keeping its dot."""

from __future__ import annotations

from .found import persons, proposed

CHAT = "14/03/2024, 19:02 - Kayla: "


def test_a_takeaway_after_a_place_word_is_proposed_whole(det) -> None:
    assert "royal spoon" in proposed(det, CHAT + "meet me outside royal spoon at 9")
    assert "zara grill" in proposed(det, CHAT + "hes always by zara grill near the park")


def test_a_venue_before_on_and_a_street_needs_no_place_word(det) -> None:
    assert "lucky wok" in proposed(det, CHAT + "lucky wok on station rd getting food")


def test_a_word_name_opening_the_venue_is_taken_into_it(det) -> None:
    assert any("ruby garden" in p for p in proposed(det, CHAT + "meet me at ruby garden on mill rd thurs 7"))


def test_chains_and_describing_words_are_not_venues(det) -> None:
    found = " ".join(proposed(det, CHAT + "we went to pizza hut then sat in the beer garden at the new kitchen"))
    assert "pizza hut" not in found and "beer garden" not in found and "new kitchen" not in found


def test_a_surname_initial_keeps_its_dot(det) -> None:
    text = "3. Young people\n3.1 Amina K. (15). Previously rated amber, now red.\n3.2 Bogdan T. (14). New referral."
    found = persons(det, text)
    assert "Amina K." in found and "Bogdan T." in found


def test_a_takeaway_named_as_a_mister_and_a_venue_with_a_number_are_organisations(det) -> None:
    text = "R: The kids hang about at Mr Chips Ashton and the Sky 7 Lounge on York Road. mr wraps is shut.\n"
    found = proposed(det, text, "ORG")
    assert "Mr Chips Ashton" in found and "Sky 7 Lounge" in found and "mr wraps" in found


def test_a_capitalised_takeaway_by_its_tail_word_and_a_club_with_its_kind_but_not_a_chain(det) -> None:
    text = ("R: And the chippy, believe it or not. Castle Fry on the High Street. Fight outside Velvet nightclub. "
            "Then Burger King.\n")
    found = proposed(det, text, "ORG")
    assert "Castle Fry" in found and "Velvet nightclub" in found and "Burger King" not in found
