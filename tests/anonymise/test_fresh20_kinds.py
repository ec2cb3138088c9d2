"""Kinds read from fresh20's misses after its one honest score (session 9), each on made-up strings."""

from __future__ import annotations

from .found import persons, proposed


def test_initials_with_mc_or_a_hyphen_and_initials_in_an_attendee_table(det) -> None:
    found = persons(det, "Missing: A.B. (14), L.P-K. (13); one girl (D.McL., 15). Typed by the worker (F.McC.).\n")
    assert {"L.P-K.", "D.McL.", "F.McC."} <= set(found)
    table = "Kofi Boateng | Exploitation Team Manager | KB\n\n3. Performance\nKB presented the dashboard.\n"
    assert persons(det, table).count("KB") == 2


def test_districts_in_a_slash_pair_and_after_to(det) -> None:
    found = proposed(det, "Shift: town centre and the Heath (TW5/TW7). A girl asks for a lift to S42.\n", "LOCATION")
    assert {"TW5", "TW7", "S42"} <= set(found)


def test_the_part_of_a_plate_someone_remembers_and_a_log_ref_with_its_day(det) -> None:
    text = ("Nell: the golf ending YKD?? dont get in\nShe thinks the plate started YD. Log ref 0884 of 06/02.\n"
            "seen in the white corsa. CN68 something\nIt started OK then.\n")
    found = proposed(det, text, "ID")
    assert {"YKD", "YD", "0884 of 06/02", "CN68"} <= set(found) and "OK" not in found


def test_lowercase_venues_landmarks_and_a_scottish_scheme(det) -> None:
    chat = ("14/09/2025, 19:04 - Lowri: he works at lotus nails w thanh. outside castle view academy at 3\n"
            "14/09/2025, 19:05 - Lowri: mo will pick u up by the clock tower 10pm\n")
    found = proposed(det, chat)
    assert "lotus nails" in found and "castle view academy" in found and "clock tower" in found
    assert "Bellsmyre scheme" in proposed(det, "He's from the Bellsmyre scheme, and they think he's magic.\n")


def test_a_name_a_professional_gives_for_the_telling_is_not_an_identifier(det) -> None:
    text = ("R: the girl - I'll call her Lily, that's not her name - she shut down. Lily was scared.\n"
            "R: another, I'll call her Bluebell for your purposes. Bluebell was fourteen.\n"
            "R: My colleague, I'll call her Dawn. Dawn rang me.\n")
    found = persons(det, text)
    assert "Lily" not in found and "Bluebell" not in found and "Dawn" in found


def test_words_of_a_body_or_a_scheme_and_chat_speak_are_not_people(det) -> None:
    text = ("PÓD reported that the Trust's Gateway team had 22 referrals. Apologies: Mark Dunmore (Youth Justice).\n"
            "Participant: Detective Chief Inspector, Public Protection. We've got Ask for Angela and Pubwatch.\n"
            "14/02/2026, 21:08 - Tiana: i put u in cos u sed u wanted to sort it\n")
    found = persons(det, text)
    assert not {"Trust", "Justice", "Public", "Angela", "sed"} & set(found) and "Mark Dunmore" in found


def test_numbered_role_codes_heading_turns_are_not_organisations(det) -> None:
    text = "Key: H1 hotel night reception; K1 takeaway owner.\nH1: Kasia, night reception.\nK1: I'm Serkan.\nH1: Yes.\n"
    found = proposed(det, text)
    assert "H1" not in found and "K1" not in found


def test_a_vietnamese_name_with_its_middle_name_is_one_person(det) -> None:
    assert "Nguyen Van Minh" in persons(det, "One, a young man named Nguyen Van Minh, was taken to a place of safety.\n")
