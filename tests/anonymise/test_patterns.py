"""UK patterns (CONTACT, ID, DATE, postcodes): each with cases it must find and look-alikes it must not."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.patterns import find_patterns
from qualcoder_cse.anonymise.placeholders import kind_of
from qualcoder_cse.anonymise.review import ReviewSession


def found(text: str, label: str) -> list[str]:
    return [s.text for s in find_patterns(text) if s.label == label]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ring me on 07700 900123 tonight", "07700 900123"),
        ("his number was 07700900638 but", "07700900638"),
        ("call 0161 496 0123 for the office", "0161 496 0123"),
        ("from abroad +44 7700 900417 ok", "+44 7700 900417"),
        ("the landline (0113) 496 0555", "(0113) 496 0555"),
    ],
)
def test_phone_numbers(text, expected):
    assert expected in found(text, "CONTACT")


@pytest.mark.parametrize("text", ["she was 14 in 2016", "about 0770 people", "crime ref 14/118273/16",
                                  "it cost 1234567 pounds"])
def test_not_phone_numbers(text):
    assert not [t for t in found(text, "CONTACT") if any(c.isdigit() for c in t)]


def test_email_is_one_span_with_the_name_inside():
    assert found("email jodie.s@hotmail.co.uk please", "CONTACT") == ["jodie.s@hotmail.co.uk"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("follow @lil_dee99 on there", "@lil_dee99"),
        ("snap: jaybae", "jaybae"),
        ("my snap is rico.m23 lol", "rico.m23"),
        ("add me on insta xx_kayla_xx", "xx_kayla_xx"),
        ("deebee07 on snap and", "deebee07"),
        ("sk8r_kyle: my mate got jumped", "sk8r_kyle"),
    ],
)
def test_handles_and_usernames(text, expected):
    assert expected in found(text, "CONTACT")


@pytest.mark.parametrize("text", ["his snap was full of him", "i use snapchat a lot", "DM me on insta",
                                  "the facilitator YouthVoice_Facilitator said hi", "we met on snap and talked"])
def test_not_usernames(text):
    assert found(text, "CONTACT") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a silver Astra, YK09 TFA.", "YK09 TFA"),
        ("plate was ab12 cde or smthn", "ab12 cde"),
        ("seen outside twice: AB12-CDE and", "AB12-CDE"),
        ("a red Corsa LN 64 ZTE parked", "LN 64 ZTE"),
        ("old car P123 ABC outside", "P123 ABC"),
        ("crime reference 14/118273/16 was", "14/118273/16"),
        ("log CR/0012345/20 today", "CR/0012345/20"),
        ("NI number AB 12 34 56 C on file", "AB 12 34 56 C"),
        ("NHS number 485 777 3456 in notes", "485 777 3456"),
    ],
)
def test_identifiers(text, expected):
    assert expected in found(text, "ID")


@pytest.mark.parametrize("text", ["she was 14 and he was 22", "at 10:30 on Friday", "flat 3, 14 Elm Road",
                                  "in 2016 and 2017", "the M62 again"])
def test_not_identifiers(text):
    assert found(text, "ID") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("born 12.4.2002 in", "12.4.2002"),
        ("dob is 23/11/2001 so", "23/11/2001"),
        ("on the 3rd march 2016 we", "3rd march 2016"),
        ("booked on the 2nd of April and", "2nd of April"),
        ("on the 17th April 2016.", "17th April 2016"),
        ("it was March 3rd, 2016 when", "March 3rd, 2016"),
        ("2019-05-03 entry", "2019-05-03"),
    ],
)
def test_dates(text, expected):
    assert expected in found(text, "DATE")


@pytest.mark.parametrize("text", ["in March 2016 we", "back in 2019", "on a Friday night", "last summer",
                                  "31/13/2019 is no date", "may i ask", "she was 14"])
def test_not_dates(text):
    assert found(text, "DATE") == []


@pytest.mark.parametrize("text, expected", [("Elm Road, NF3 2QT", "NF3 2QT"), ("postcode ol11 3ab", "ol11 3ab"),
                                            ("M1 1AE is central", "M1 1AE")])
def test_postcodes(text, expected):
    assert expected in found(text, "LOCATION")


@pytest.mark.parametrize("text", ["the M62 at junction 3", "Covid19 times", "Year 10 pupils"])
def test_not_postcodes(text):
    assert found(text, "LOCATION") == []


@pytest.mark.parametrize(("text", "ref"), [
    ("The incident was logged as log 0457 of 14/03/2024.", "0457"),
    ("Storm log 1123 of 2 June refers.", "1123"),
    ("Exhibit JM1 was seized from the car.", "JM1"),
    ("Licence PH/0932 was suspended.", "PH/0932"),
    ("Her SIA badge 1013 4477 2290 0012 was checked.", "1013 4477 2290 0012"),
    ("Pupil number A123456789012 on the form.", "A123456789012"),
    ("Her phone IMEI 356938035643809 was listed.", "356938035643809"),
])
def test_police_and_licensing_numbers_by_shape_and_cue(text, ref):
    """Kinds of UK reference seen in policing papers: a log "N of DATE", storm/CAD logs, exhibit marks, licence
    numbers with a slash, 16-digit badge numbers, a pupil's UPN, an IMEI (not a year, not a plain count)."""
    start = text.index(ref)
    spans = ReviewSession.detect(text).proposals
    assert any(p.start <= start and p.end >= start + len(ref) and p.label == "ID" for p in spans), spans


@pytest.mark.parametrize("text", ["The log of 14 March shows nothing.", "She logged 3 of them on Monday.",
                                  "Storm log of 2019 was lost.", "Exhibit A was the phone."])
def test_no_id_without_a_number_of_that_shape(text):
    assert not [p for p in ReviewSession.detect(text).proposals if p.label == "ID"]


def test_a_username_with_a_dot_and_an_underscore_is_one_contact():
    """Session 6: "kai.m_2011" was missed: the dotted shape stopped at "_" and the underscore shape at "."."""
    found = [(s.text, s.label) for s in find_patterns("He sent his username, kai.m_2011, to her.")]
    assert ("kai.m_2011", "CONTACT") in found
    assert not [s for s in find_patterns("see notes_final.docx for that") if s.text == "notes_final.docx"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # session 7: a staff or employee number announced as one; a partial plate cut off with dots
        ("Call handler: Bea Lomond (staff no. 52091)   Caller: female", "52091"),
        ("her employee number 88412 is on the rota", "88412"),
        ("Partial reg BT3... could not see the rest.", "BT3"),
        ("a white van, reg KW1… then it drove off", "KW1"),
    ],
)
def test_announced_staff_numbers_and_cut_plates(text, expected):
    assert expected in found(text, "ID")


@pytest.mark.parametrize("text", ["the staff were busy until 2019", "reg office on the A34...", "she was on staff no longer"])
def test_staff_and_reg_as_words_are_left(text):
    assert found(text, "ID") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ring 0044 7700 900612 from Spain", "0044 7700 900612"),
        ("email ciara.o'donnell@lisburn.gov.uk please", "ciara.o'donnell@lisburn.gov.uk"),
        ("write to r.banks at yahoo dot co.uk for it", "r.banks at yahoo dot co.uk"),
        ("mail me tee_b [at] outlook [dot] com", "tee_b [at] outlook [dot] com"),
        ("contact: mo_k @ hotmail.com today", "mo_k @ hotmail.com"),
        ("join via wa.me/447700900318 tonight", "wa.me/447700900318"),
        ("the channel t.me/plugz_north_2 was shared", "t.me/plugz_north_2"),
        ("add me on discord: nightowl#0932", "nightowl#0932"),
    ],
)
def test_contact_shapes_written_to_dodge_filters_or_from_other_apps(text, expected):
    """Spelt-out and spaced emails, numbers dialled with 00, chat links and Discord tags (session 10)."""
    assert expected in found(text, "CONTACT")


@pytest.mark.parametrize("text", ["we met at school dot twelve", "case #4471 closed", "call at 0044 hrs",
                                  "she stayed at home with mum"])
def test_contact_look_alikes_are_not_contacts(text):
    assert found(text, "CONTACT") == []


@pytest.mark.parametrize("text", ["k.morgan at gmail dot com", "tee_b [at] outlook [dot] com", "mo_k @ hotmail.com"])
def test_an_email_spelt_out_or_spaced_is_replaced_as_an_email(text):
    """Found in the window (session 10): the spelt-out email was stored as "[Username 1]"."""
    assert kind_of("CONTACT", text) == "CONTACT:Email"


def test_initials_after_typed_by_and_a_colon_are_a_person(det) -> None:
    """(session 11) a transcription service's footer: "Typed by: JW"."""
    spans = det.detect("Segment 00:05:29 unclear. Typed by: JW.]\n", min_confidence=0.3)
    assert ("JW", "PERSON") in [(s.text, s.label) for s in spans]


@pytest.mark.parametrize(("text", "ref"), [
    ("E – licence history for WMBC 04821 and PH 4471.", "WMBC 04821"),
    ("E – licence history for WMBC 04821 and PH 4471.", "PH 4471"),
    ("the badge on his lanyard said PH 11742.", "PH 11742"),
    ("REFERRALS SUBMITTED FOR BOTH FEMALES (VCR 445871, VCR 445872).", "VCR 445871"),
    ("REQUEST CELL SITE VIA 61120 ON RECEIPT OF AUTHORITY.", "61120"),
])
def test_a_licence_or_badge_number_by_its_shape_is_an_id(det, text: str, ref: str) -> None:
    """(session 11)"""
    assert (ref, "ID") in [(s.text, s.label) for s in det.detect(text, min_confidence=0.3)]


@pytest.mark.parametrize("text", ["See ISO 27001 and page 12.", "Meeting in ROOM 1204 at 10.", "TIER 2000 funds"])
def test_a_room_a_standard_or_a_tier_keeps_its_word(det, text: str) -> None:
    assert not [s for s in det.detect(text, min_confidence=0.3) if s.label == "ID" and " " in s.text]


@pytest.mark.parametrize("text", ["PCSO, Chapeltown, seven years. Collar's 6174.", "my collar is 6174 if you need it",
                                  "Shoulder number 6174 attended."])
def test_a_collar_number_said_as_such_is_an_id(det, text: str) -> None:
    assert ("6174", "ID") in [(s.text, s.label) for s in det.detect(text, min_confidence=0.3)]


def test_a_collar_number_after_the_officers_initials_is_an_id(det) -> None:
    text = "Sgt Dariusz Nowicki (DN) 1907, Wiltshire Police, Missing Persons Coordinator\n"
    assert ("1907", "ID") in [(s.text, s.label) for s in det.detect(text, min_confidence=0.3)]
