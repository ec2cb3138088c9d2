"""Kinds read from fresh19's misses after its one honest score (session 9), each on made-up strings."""

from __future__ import annotations

from qualcoder_cse.anonymise.review import ReviewSession

from .found import persons, proposed


def test_a_teams_participants_line_and_its_transcription_notice_name_people(det) -> None:
    text = "Participants: Rahman, Aisha; Booth, Liam (Lancashire Police)\n\nRahman, Aisha stopped transcription\n"
    found = persons(det, text)
    assert found.count("Rahman, Aisha") == 2 and "Booth, Liam" in found


def test_a_day_said_alone_in_words_after_on_the_is_a_date_but_not_the_first_time(det) -> None:
    assert "seventeenth" in proposed(det, "We had the strategy meeting on the seventeenth, aye.", "DATE")
    assert proposed(det, "On the first, we met. The fifth time he came.", "DATE") == []


def test_initials_with_a_hyphen_or_an_apostrophe_are_people_and_share_the_placeholder(det) -> None:
    assert "L.M.-B." in persons(det, "2.3 L.M.-B. (16, St Dials)\nRemains in supported accommodation.\n")
    text = "Present: Siobhán O'Neill (SO'N) - Safeguarding Adviser.\nSO'N noted two attendances.\n"
    session = ReviewSession.detect(text, detector=det, min_confidence=0.4)
    session.accept_all()
    out = session.apply().text
    name = out.split("Present: ")[1].split(" (")[0]
    assert name.startswith("[Person ") and out.count(name) == 3 and "SO'N" not in out


def test_a_welsh_house_named_ty_is_an_organisation_but_not_a_person_called_ty(det) -> None:
    text = "She stays at Tŷ Celyn (Pontypool). The group met at Ty Enfys. Ty Campbell was there too.\n"
    found = proposed(det, text, "ORG")
    assert "Tŷ Celyn" in found and "Ty Enfys" in found and not any("Campbell" in f for f in found)


def test_a_range_of_plain_days_and_a_date_the_layers_saw_in_parts_are_one_date(det) -> None:
    text = "Telephone interview, Weds 12th March 25. SL on leave from 3 - 14 March; visits (2 and 9 Feb).\n"
    found = proposed(det, text, "DATE")
    assert "Weds 12th March 25" in found and "3 - 14 March" in found and "2 and 9 Feb" in found


def test_dialect_words_and_kin_in_a_chat_are_not_people(det) -> None:
    chat = ("14/03/2026, 20:43 - Shan: bring who yees want ya daftie\n14/03/2026, 20:44 - Jo: my da will kill me\n"
            "14/03/2026, 20:45 - Jo: ur wee da doesnt need to know. she was steamin\n")
    found = persons(det, chat)
    assert not {"yees", "daftie", "da", "wee da", "steamin"} & set(found)


def test_a_role_code_after_a_timestamp_and_a_pseudonym_asked_for_in_outputs_are_not_people(det) -> None:
    text = ('Note: participant asked to be called "Merlin" in any outputs.\n[00:00:06] INT: So?\n'
            "[00:00:11] RESP: Aye. I'm the coordinator.\n[00:00:40] RESP: Depends.\nQ: Thank you, Merlin.\n")
    assert persons(det, text) == []


def test_a_places_own_park_in_lowercase_and_a_partial_plate_listed_with_a_full_one(det) -> None:
    assert "Peel park" in proposed(det, "The mums meet at Peel park on Fridays.\n", "LOCATION")
    assert "EK21" in proposed(det, "JT to update the intel form re EK21 / EY15 ORL.\n", "ID")


def test_a_street_opening_a_timed_field_note_entry_is_a_place(det) -> None:
    assert "Station Road" in proposed(det, "19:25 Station Road by the station. Group of six.\n", "LOCATION")


def test_a_titled_place_opening_a_timed_entry_before_by_and_a_council_building_with_its_town(det) -> None:
    assert "Beach Lawns" in proposed(det, "22:30 Beach Lawns by the bandstand. Large group.\n", "LOCATION")
    assert proposed(det, "22:40 Large group outside the shop.\n", "LOCATION") == []
    assert "Civic Centre, Blaenavon" in proposed(det, "Venue: Civic Centre, Blaenavon (hybrid)\n", "LOCATION")


def test_a_person_at_their_workplace_and_a_chat_name_with_its_initial(det) -> None:
    found = persons(det, "P5: The hotels were hard. Frank at the Bellingham Lodge on Wigan Lane was great.\n")
    assert "Frank" in found
    assert "Summer" not in persons(det, "Summer at the Seaview Hotel was busy.\n")
    chat = "rvn.rh11, [21.02.25 22:07]\nask ashley f he knows me\n"
    assert "ashley f" in persons(det, chat)
