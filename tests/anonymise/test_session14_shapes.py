"""Kinds found missed in session 14 on the tuned sets (issue 15): a verb-word name found whole and then used
alone before "is", dates written the short ways of chronologies and field diaries, references in spaced
groups, a Northern Irish plate typed in lowercase, Welsh names with their head first and the health bodies
of Northern Ireland and Wales by their letters."""

from __future__ import annotations

import pytest

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
    assert org in proposed(det, text, "ORG")
    assert not any(p.startswith(("Tegan", "PCSO")) for p in persons(det, text) if p == org)
