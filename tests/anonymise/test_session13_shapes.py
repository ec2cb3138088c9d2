"""Shapes of dates and identifiers found missed across the tuned sets (issue 15, session 13): a date of birth
said with its year in words, a range of days before a month, a list of log serials with their days, a plate
cut short or said in lowercase, two plates' starts side by side, and capitals that are words, not a plate."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.caps_lines import caps_lines
from qualcoder_cse.anonymise.chat_word_names import asked_names
from qualcoder_cse.anonymise.person_keys import same_person_keys
from qualcoder_cse.anonymise.placeholders import kind_of

from .found import persons, proposed


@pytest.mark.parametrize("text, date", [
    ("I was born ninth of November twenty thirteen.", "ninth of November twenty thirteen"),
    ("Date of birth: the eighth of August two thousand and eleven (14 years)",
     "eighth of August two thousand and eleven"),
    ("the fourth of May nineteen ninety-eight, and", "fourth of May nineteen ninety-eight"),
    ("Stayed at the hotel 12-13 July 2025 (booking SLH-55108).", "12-13 July 2025"),
    ("Cell-site data 10–14 July 2025 | relied on", "10–14 July 2025"),
])
def test_whole_dates(det, text: str, date: str) -> None:
    assert date in proposed(det, text, "DATE")


def test_log_serials_in_a_list(det) -> None:
    text = "REPORTED MISSING TO GMP EARLIER TODAY, LOGS 1788 06/03 AND 1802 06/03."
    found = proposed(det, text, "ID")
    assert "1788 06/03" in found and "1802 06/03" in found
    assert not [f for f in found if f.startswith("AND")]


@pytest.mark.parametrize("text, plate", [
    ("5 mins. blue corsa wu 17 ght", "wu 17 ght"),
    ("He remembered part of it: the car was FR05 TY. Frosty sent the tickets.", "FR05 TY"),
    ("in a silver Skoda, OXZ something, with two lads", "OXZ"),
    ("the coordinator, for example SF21 and SY70 F, but not full details", "SF21"),
])
def test_plates_cut_short_or_in_lowercase(det, text: str, plate: str) -> None:
    assert plate in proposed(det, text, "ID")


@pytest.mark.parametrize("text", [
    "my car, im 15 now lol",
    "a partial reg: LR21 and then possibly more",
])
def test_words_after_a_number_are_not_a_plate(det, text: str) -> None:
    assert not [f for f in proposed(det, text, "ID") if " " in f]


@pytest.mark.parametrize("text, name", [
    ("Manager's note (L. Bishop, 14 March 2025). Three logs this month.", "L. Bishop"),
    ('Room 14 booked in cash by "S. White", two guests.', "S. White"),
    ("Checked by J. Fox and K. Green.", "K. Green"),
])
def test_an_initial_before_a_surname_that_is_a_word(det, text: str, name: str) -> None:
    assert name in persons(det, text)


@pytest.mark.parametrize("text", [
    "She went to see Plan B. White van outside.",
    "Interviewer: INT. Respondent: R. Date of interview: 5th March.",
    "Researcher = R. Young person = Bartek.",
])
def test_a_letter_closing_a_sentence_is_no_initial(det, text: str) -> None:
    assert not [p for p in persons(det, text) if ". " in p]


def test_letters_after_a_role_or_a_body_set_off_by_a_comma(det) -> None:
    text = ("Also present: Mr Rebwar Ahmed Karim, licence holder (RK); Stacey Moult, Northamptonshire Police (SM).\n"
            "4.1 LW presented the report. RK has held a licence since 2017.\n4.4 SM said the driver was known.")
    found = persons(det, text)
    assert found.count("RK") == 2 and found.count("SM") == 2


def test_a_key_of_letters_set_off_by_middle_dots(det) -> None:
    text = ("Staff key: RT = Mr R. Thompson (DSL) · BE = Bob Ellerby (site team)\n"
            "Summer absent, no call. RT and BE did a home visit.")
    assert persons(det, text).count("BE") == 2


def test_quoted_names_listed_after_the_people_they_are(det) -> None:
    text = 'She said two lads, "Ant" and "Kieran", have been staying. Ant calls her "wifey".'
    assert persons(det, text).count("Ant") == 2
    assert not persons(det, 'the boys, "chilling" and "vibing", were out')


@pytest.mark.parametrize("text, place", [
    ("the drop was given as a what3words, ///lamps.ferry.shadow, which I had to put in", "///lamps.ferry.shadow"),
    ("Girls last seen at ///tulip.stamp.orbit (footbridge CCTV).", "///tulip.stamp.orbit"),
    ("Grid ref given by the caller NN 1236 7235, and", "NN 1236 7235"),
    ("She gave me the location pin: SM 953 155.", "SM 953 155"),
])
def test_what3words_and_grid_references(det, text: str, place: str) -> None:
    assert place in proposed(det, text, "LOCATION")


@pytest.mark.parametrize("text, label, code", [
    ("CALLER: Same as mine. M-C-D-O-N-A-G-H.\nOP: Thank you.", "PERSON", "M-C-D-O-N-A-G-H"),
    ("OP: Foxtrot Delta six eight, then Kilo. That's helpful.", "ID", "Foxtrot Delta six eight"),
    ("can I get a PNC check on Papa November One Nine X-ray Kilo Delta.", "ID",
     "Papa November One Nine X-ray Kilo Delta"),
    ("CALLER: It's oh seven seven hundred, nine hundred, five one three.", "CONTACT",
     "oh seven seven hundred, nine hundred, five one three"),
])
def test_codes_spelt_out_or_said_aloud(det, text: str, label: str, code: str) -> None:
    assert code in proposed(det, text, label)


def test_ordinary_words_are_no_spoken_code(det) -> None:
    assert not proposed(det, "He plays golf at the weekend. One two three, the A-B-C of it.", "ID")


@pytest.mark.parametrize("text, label, code", [
    ("Screenshots provided on 22/03/26, officer PC Órla McCrossan 7213.\nI have copied", "ID", "7213"),
    ("Countersigned: Dr W. Li, GMC 7712045, 14/02/2026", "ID", "7712045"),
    ("His DBS certificate is 001784329912, and", "ID", "001784329912"),
    ('booked in the name "D. Asante", paid by card ending 4471.', "ID", "4471"),
    ("handed to PC Abdirahman (police label AB-1 to AB-4).", "ID", "AB-4"),
    ("ANPR on the A1 for a grey Passat with KCZ in the registration.", "ID", "KCZ"),
    ("URN: 50 DJ 0412 26\nStatement of: Gurpreet", "ID", "50 DJ 0412 26"),
    ('"Ewa sis" +48 512 778 310\n"lil e" 07700 900614', "CONTACT", "+48 512 778 310"),
    ("liaison Sgt Ciarán Breen for 21–22/02/2026.\n- Trace", "DATE", "21–22/02/2026"),
])
def test_numbers_a_word_before_them_says_are_identifiers(det, text: str, label: str, code: str) -> None:
    assert code in proposed(det, text, label)


def test_log_entries_opening_with_a_day_and_a_time(det) -> None:
    text = "arranged for Monday.\n21/03 22:15 Staff from the lodge rang\n21/03 22:40 Girls taken home"
    assert proposed(det, text, "DATE").count("21/03") == 2


@pytest.mark.parametrize("text, place", [
    ("big stevo 19:47  party fri at 4 cardigan rd bring ur mates", "4 cardigan rd"),
    ("where r u. the taxi been outside 29 pen y bryn 20 mins", "29 pen y bryn"),
    ("need 2 more for the flat. 14 kilspindie ct top buzzer", "14 kilspindie ct"),
    ("the Tayview Lodge Hotel, Riverside Dr 9pm. name Kowalczyk", "Riverside Dr"),
])
def test_a_house_number_and_a_street_without_capitals(det, text: str, place: str) -> None:
    assert any(place in p for p in proposed(det, text))  # (the model may call "Riverside Dr 9" a place or a firm)


@pytest.mark.parametrize("text", ["i need 2 more lads down the road", "its a 5 min walk", "seen by Smith Dr. then left"])
def test_counts_and_doctors_are_no_address(det, text: str) -> None:
    assert not proposed(det, text, "LOCATION")


def test_a_chats_member_list_names_each_member_a_letter_too(det) -> None:
    text = ("Members (display name – username):\nkayz 💋 – kaceym_x\nt – tiaa.rx\nMikey W – mwhit_777\n\n"
            "t 16:02  where r u\nJ4Y 16:12  t ur bro was lookin for u\nNote: brother of t (Tia Rix, 14).")
    found = persons(det, text)
    assert "Mikey W" in found and "kayz" in found and found.count("t") == 4


def test_a_name_found_in_the_document_opening_a_log_line(det) -> None:
    text = "Present: Faith Okoye (mum).\nJacinta can I message you? Faith and my Zuzia are in the same year."
    assert "Faith" in persons(det, text)


@pytest.mark.parametrize("text, label, name", [
    ("I believe the facts stated to be true.\nSignature: G S Bhamra        Date: 17/03/2026", "PERSON", "G S Bhamra"),
    ('Kacper plays at the club; older lads call him "lil Polish". GOA: dad works nights.', "PERSON", "lil Polish"),
    ("share link: 70288319466. Link: tiktok.com/@mickey_b_1990]", "CONTACT", "tiktok.com/@mickey_b_1990"),
])
def test_second_initials_quoted_nicknames_and_profile_links(det, text: str, label: str, name: str) -> None:
    assert name in proposed(det, text, label)


def test_a_pet_name_someone_is_called_is_no_name(det) -> None:
    assert not persons(det, 'He had music really loud and called her "babe". She is 12!!')


def test_a_capitals_line_keeps_a_possessive_small() -> None:
    assert caps_lines("KING'S LYNN AND DISTRICT PANEL\nMinutes") == [(0, "King's Lynn and District Panel")]


@pytest.mark.parametrize("text, name", [
    ("teg.moonbeam — 13/02/2026\nme n dex r at the shops from 4. bring penny if she aint a grass", "penny"),
    ("[20:11] J: surprise. dont bring faith she chats too much", "faith"),
])
def test_a_given_name_after_bring_or_tell_in_a_chat(det, text: str, name: str) -> None:
    assert name in persons(det, text)


def test_a_thing_brought_is_no_name(det) -> None:
    assert not asked_names("[20:11] J: bring cash n ur charger. tell everyone 2 come", [], det.gaz)


def test_a_mobile_said_in_words_is_replaced_as_a_phone() -> None:
    assert kind_of("CONTACT", "oh seven seven hundred, nine hundred, five one three") == "CONTACT:Phone"
    assert kind_of("CONTACT", "deano_x") == "CONTACT:Handle"


def test_letters_without_the_middle_name_share_the_full_names_placeholder(det) -> None:
    text = "Present: Mr Rebwar Ahmed Karim, licence holder (RK).\n4.1 RK has held a licence since 2017."
    proposals = [s for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON"]
    assert same_person_keys(text, proposals).get("rk") == "rebwar ahmed karim"


def test_a_member_heading_a_message_by_the_whole_listed_name(det) -> None:
    text = "Members:\nkayz – kaceym_x\nMikey W – mwhit_777\n\nkayz 19:47  party fri\nMikey W 19:52  who else"
    assert persons(det, text).count("Mikey W") == 2


def test_a_service_named_is_no_handle(det) -> None:
    assert "what3words" not in proposed(det, "The drop was given as a what3words, ///lamps.ferry.shadow, ok.")


def test_a_year_after_a_register_word_is_no_number(det) -> None:
    assert "2023" not in proposed(det, "Her DBS certificate 2023 was renewed.", "ID")
