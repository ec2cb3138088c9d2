"""Kinds found missed in session 14 on the tuned sets (issue 15): a verb-word name found whole and then used
alone before "is", dates written the short ways of chronologies and field diaries, references in spaced
groups, a Northern Irish plate typed in lowercase, Welsh names with their head first and the health bodies
of Northern Ireland and Wales by their letters."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.placeholders import DEFAULT_NAMES, kind_of

from .found import persons, proposed


def test_verb_word_name_found_whole_is_a_person_before_is(det) -> None:
    text = ("My DC at the time, Will Okonkwo, did the early account with her. Will is brilliant with teenagers.\n"
            "INT: Will that first contact be recorded anywhere?\nR: I will check. Will do.")
    found = [s for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON"]
    bare = [s for s in found if s.text == "Will"]
    assert [text[s.start:s.start + 12] for s in bare] == ["Will is bril"]


@pytest.mark.parametrize("text, date", [
    ("who has been missing since Sunday night (8th), and agree a plan.", "8th"),
    ("w/c 6/10\tReferral\tRMcK referral to Gateway.", "6/10"),
    ("9.30 done.\n\nfri 13.02\n7.15 down the rec, about a dozen.", "13.02"),
    ("6 Nov.\tPeer concern\tHope tells staff.", "6 Nov."),
])
def test_short_dates_of_chronologies_and_diaries(det, text: str, date: str) -> None:
    assert any(date in p for p in proposed(det, text, "DATE"))


def test_a_bracketed_number_after_a_weekday_word_is_no_date_without_an_ordinal(det) -> None:
    assert proposed(det, "We met on Sunday (8 of us) at the hall.", "DATE") == []


@pytest.mark.parametrize("text, ref", [
    ("KM rang PSNI on 101. Ref CC2025 1002 0311. Officer confirms.", "CC2025 1002 0311"),
    ("Reported to PSNI, ref CC2026 0112 0097. DC Gallagher informed.", "CC2026 0112 0097"),
])
def test_reference_in_spaced_groups_is_one_id(det, text: str, ref: str) -> None:
    assert ref in proposed(det, text, "ID")


def test_lowercase_northern_irish_plate_after_a_car(det) -> None:
    text = "8.20 the audi again, lfz 2317, at the aghanloo turn, lights off."
    assert "lfz 2317" in proposed(det, text, "ID")
    assert proposed(det, "we ate at abc 1234 times a day", "ID") == []


@pytest.mark.parametrize("text, org", [
    ("13:10 Tegan to her Saturday shift at Caffi'r Llyn on Stryd Fawr.", "Caffi'r Llyn"),
    ("PCSO Catrin Owen visited the Gwesty'r Llew Coch in Bala last night.", "Gwesty'r Llew Coch"),
    ("TŶ GLAN LLYN CHILDREN'S HOME: DAILY LOG\nProvider: the county council. Staff on shift: two.", "TŶ GLAN LLYN"),
    ("RMcK referral to Gateway (NHSCT). Risk rated amber.", "NHSCT"),
    ("A nurse from BCUHB joined the call.", "BCUHB"),
])
def test_welsh_head_first_names_and_health_letters(det, text: str, org: str) -> None:
    assert any(org in p for p in proposed(det, text, "ORG"))  # covered whole ("TŶ GLAN LLYN CHILDREN'S HOME")


def test_places_opening_the_entries_of_a_lowercase_diary(det) -> None:
    text = ("fri 13.02\n6.30 coolessan. quiet. a mum stopped us.\n7.25 down the rec. nobody.\n"
            "8.00 up the rathbrady shops. nobody out, lashing.\n8.15 main st, outside the grill.\n9.40 home.\n"
            "9.30 done.\n")
    found = proposed(det, text, "LOCATION")
    assert "coolessan" in found and "rathbrady" in found and "main st" in found
    assert not {"rec", "home", "done"} & set(found)


def test_a_name_found_in_a_chat_before_a_fond_word(det) -> None:
    text = ("[14/03/2026, 20:47] sky ✨: whats he drive\n"
            "[15/03/2026, 10:32] +44 7700 900418: did u get home ok sky babe ❤️\n"
            "[15/03/2026, 10:33] kez: look at the sky babe its mint\n")
    found = [s for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON" and s.text == "sky"]
    before = [text[s.start - 3:s.start] for s in found]
    assert "ok " in before and "he " not in before  # "ok sky babe" is her; "the sky babe" is the sky


def test_surname_first_with_a_particle_in_an_email_header(det) -> None:
    text = "From: ap Dafydd, Gwenno <g.apdafydd@ysgolcadair.cymru>\nTo: ap Dafydd, Gwenno; Vaughan, Iolo\n"
    assert persons(det, text).count("ap Dafydd, Gwenno") == 2


def test_a_firm_of_partners_named_from_its_first_surname(det) -> None:
    text = "LEGAL ADVISER: Ms Aoife Brennan, Brennan, Sandhu and Co Solicitors (SOL)\n"
    assert "Brennan, Sandhu and Co Solicitors" in proposed(det, text, "ORG")
    assert "Aoife Brennan" in persons(det, text)
    caps = "LEGAL ADVISER: Mr DECLAN O'HARE, O'HARE BRENNAN LLP\nDC TIPPETT: THIS INTERVIEW IS BEING RECORDED.\n"
    assert "DECLAN O'HARE" in persons(det, caps)


def test_a_street_in_capitals_stops_at_a_function_word(det) -> None:
    text = "Me: cant im at my dads\n(SHE DID GO. SHE TOLD ME SHE WAS AT INGRID'S ON ST OLAF STREET.)\nSun 15 Feb\n"
    assert "ST OLAF STREET" in proposed(det, text, "LOCATION")


@pytest.mark.parametrize("text, name", [
    (("[14/03/2026, 20:44] kez: big pad sed hes doin a run to carlisle\n[14/03/2026, 21:10] kez: ok\n"
      "Worker's note: \"big pad\" believed to be an older man."), "big pad"),
    ("Friday: \"me n leah went up the loch wi big tone and his pal, just to chill.\"", "big tone"),
])
def test_a_size_word_nickname_used_as_a_person(det, text: str, name: str) -> None:
    found = persons(det, text)
    assert found.count(name) == text.count(name)


@pytest.mark.parametrize("text", ["the big lad said no", "its a big ask.", "with big money and that", "a big deal said"])
def test_a_size_word_before_a_noun_is_no_nickname(det, text: str) -> None:
    assert not [p for p in persons(det, text) if p.startswith("big")]


def test_a_police_station_is_numbered_as_a_station_not_a_force() -> None:
    assert DEFAULT_NAMES[kind_of("ORG", "Rochdale police station")] == "Police station"
    assert DEFAULT_NAMES[kind_of("ORG", "Stevenage Custody Suite")] == "Police station"
    assert DEFAULT_NAMES[kind_of("ORG", "Greater Manchester Police")] == "Police force"


@pytest.mark.parametrize("text, found", [
    ("The plan was agreed. Grace from Barnardo's sits in.", True),
    ("Nobody followed it up. Grace in the MASH did the sampling.", True),
    ("The season ends. Summer from June to August is busy.", False),
])
def test_a_word_name_before_where_she_works(det, text: str, found: bool) -> None:
    assert (text.split(". ")[1].split()[0] in persons(det, text)) is found


def test_an_officer_asking_for_the_surname_of_a_given_name(det) -> None:
    text = "PC1: Sir, what's your name?\nM1: Mark.\nPC1: Mark what?\nINT: Sorry what?\n"
    found = [s for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON"]
    assert text.index("Mark what") in [s.start for s in found]
    assert not [s for s in found if s.text == "Sorry"]


def test_a_known_town_in_lowercase_after_from_or_in(det) -> None:
    text = ("y05: he took me to the chippy in reddish and was really nice\n"
            "jamie: jamie fae brae lol. am 16\nMe: cant im at my dads in sound\n"
            "kel: still in touch with her? in time for tea\n")
    found = proposed(det, text, "LOCATION")
    assert {"reddish", "brae", "sound"} <= set(found)
    assert not {"touch", "time"} & set(found)


def test_a_road_or_junction_typed_in_lowercase(det) -> None:
    text = "kez: big pad sez first then j40 for food\n8.20 at the turn on the a2, lights off. print it on the a4 paper"
    found = proposed(det, text, "LOCATION")
    assert "j40" in found and "a2" in found and "a4" not in found
