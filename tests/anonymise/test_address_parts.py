"""A building joined to its street address, districts after a place, "#" references, collar numbers with a
division letter, and "Surname, Given" in voice tags and attendee lists (issue 15, session 9)."""

from __future__ import annotations

from .found import persons, proposed


def test_a_named_building_before_its_address_is_one_place(det) -> None:
    text = "Venue: Meeting Room 1, Harbour House, 7 Dock Street, Fleetwood, FY7 6JB, and Teams\n"
    assert "Harbour House, 7 Dock Street, Fleetwood, FY7 6JB" in proposed(det, text, "LOCATION")


def test_a_district_after_a_place_or_after_enter_is_a_place_but_not_a_vitamin(det) -> None:
    assert "M8" in proposed(det, "She was found on Rochdale Road, M8, near the shops.", "LOCATION")
    assert "S2" in proposed(det, "Conditions: not to enter S2 or contact the girl.", "LOCATION")
    assert "B12" not in proposed(det, "She was prescribed B12 and iron by the GP.")


def test_a_reference_after_a_hash_keeps_it(det) -> None:
    assert "#51902" in proposed(det, "Incident #51902 | 14/01/2026 09:12 | Category: Attendance", "ID")


def test_a_collar_number_with_a_division_letter_or_after_a_rank_in_full(det) -> None:
    text = "Briefing officer: Sgt K0877 Shona Reid.\n21:33 INSP 05518 TAIT AWARE. Sergeant 2231 Nowak attended."
    found = " ".join(proposed(det, text, "ID"))
    assert "K0877" in found and "05518" in found and "2231" in found


def test_surname_given_in_a_teams_voice_tag_and_an_attendee_list_is_one_person(det) -> None:
    vtt = ("WEBVTT\n\n1\n00:00:03.410 --> 00:00:11.020\n<v Okonkwo, Chidi>Right, we will start.\n\n"
           "2\n00:00:12.000 --> 00:00:15.000\n<v Fairweather, Ruth>Morning all.\n")
    found = persons(det, vtt)
    assert "Okonkwo, Chidi" in found and "Fairweather, Ruth" in found
    listed = "Attendees: Lloyd, Bethan (Conwy County Borough Council); Iqbal, Sameer (North Wales Police)\n"
    found = persons(det, listed)
    assert "Lloyd, Bethan" in found and "Iqbal, Sameer" in found


def test_a_preferred_name_is_a_person_and_is_found_again_bare(det) -> None:
    text = ("Name: Tyrone Beckford   Preferred name: Ty\nDOB: 4 May 2010\n\n1. FAMILY\n"
            "Ty lives with his aunt. Ty trains at the boxing gym on Fridays.\n")
    assert persons(det, text).count("Ty") == 3


def test_lowercase_streets_with_sq_and_a_compass_or_great_word(det) -> None:
    assert "grey sq" in proposed(det, "[10/05/2025, 19:42:10] Hunter: am at grey sq wi jay", "LOCATION") or \
        "grey sq" in proposed(det, "[10/05/2025, 19:42:10] Hunter: am at grey sq wi jay")
    assert "great george st" in proposed(det, "get off at great george st and walk down")


def test_a_street_named_with_a_titles_word_and_a_circus_are_places(det) -> None:
    text = "Lights in the underpass on Lord Street at night. We stood by Oxford Circus for an hour.\n"
    found = proposed(det, text, "LOCATION")
    assert "Lord Street" in found and "Oxford Circus" in found
    assert "Street" not in proposed(det, text, "PERSON")
