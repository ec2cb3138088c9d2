"""Organisations named by their place or a number, a titled person before their firm, and collar numbers after
an officer's name (issue 15, session 10)."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize(("text", "org"), [
    ("Licensing sits with the Borough Council of Wellingborough and East Northants now.",
     "Borough Council of Wellingborough and East Northants"),
    ("He moved to work for the Council of the Isles of Scilly in May.", "Council of the Isles of Scilly"),
    ("The trial is at the High Court in Edinburgh next month.", "High Court in Edinburgh"),
    ("Two drivers from 786 Cars and one from Alpha 1 Taxis came in.", "786 Cars"),
])
def test_a_body_named_by_its_place_or_a_number_is_one_organisation(det, text: str, org: str) -> None:
    assert org in proposed(det, text, "ORG")


def test_a_council_keeps_the_out_of_its_span(det) -> None:
    found = proposed(det, "A referral went to the Borough Council of Wellingborough and East Northants.", "ORG")
    assert not any(f.lower().startswith("the ") for f in found)


def test_a_titled_person_before_their_firm_is_a_person_and_a_firm(det) -> None:
    text = "Mr Rehman of Star Private Hire and Cllr Akhtar of Pendle Borough Council spoke."
    assert "Rehman" in proposed(det, text, "PERSON") and "Akhtar" in proposed(det, text, "PERSON")
    orgs = proposed(det, text, "ORG")
    assert "Star Private Hire" in orgs and not any("Rehman" in o or "Akhtar" in o for o in orgs)


@pytest.mark.parametrize(("text", "collar"), [
    ("16:30 - PC Nia Sutton 2291 visited and took a copy of the chat.", "2291"),
    ("OFFICER'S NOTE (for OIC, DC Femi Ade 48813)", "48813"),
])
def test_a_collar_number_after_an_officers_name(det, text: str, collar: str) -> None:
    assert collar in proposed(det, text, "ID")


@pytest.mark.parametrize("text", ["22:10 Taxi rank, Fleming Way. Chatted with drivers.",
                                  "PC Nia Sutton 300 metres away saw it.", "There were 12 cars outside."])
def test_times_counts_and_ranks_stay_out(det, text: str) -> None:
    assert proposed(det, text, "ORG") == [] and proposed(det, text, "ID") == []


_BODY_TEXT = "\nThe young person was seen in clinic and a plan was agreed with her and her mother.\n"


@pytest.mark.parametrize(("text", "body"), [
    ("R: the Highland Child Protection Committee course, the online one.", "Highland Child Protection Committee"),
    ("A referral was made to Metropolitan Police Service yesterday.", "Metropolitan Police Service"),
    ("HIGHLAND CHILD PROTECTION COMMITTEE\nINTER-AGENCY REFERRAL DISCUSSION (IRD) RECORD\n",
     "HIGHLAND CHILD PROTECTION COMMITTEE"),
    ("POLICE SERVICE OF NORTHERN IRELAND – Public Protection Branch\n", "POLICE SERVICE OF NORTHERN IRELAND"),
    ("SOUTH WALES POLICE – Swansea Child Exploitation Hub\nDigital extract\n", "SOUTH WALES POLICE"),
    ("NHS HIGHLAND – SEXUAL HEALTH SERVICE\nUNDER-18 SAFEGUARDING PROFORMA\n", "NHS HIGHLAND"),
    ("METROPOLITAN POLICE SERVICE - Central South BCU, Child Exploitation\n", "METROPOLITAN POLICE SERVICE"),
])
def test_a_named_statutory_body_is_one_span_in_any_case(det, text: str, body: str) -> None:
    """(session 11) a letterhead part in capitals beside a part that is not is read too."""
    assert body in proposed(det, text + _BODY_TEXT)


@pytest.mark.parametrize("text", [
    "MINUTES OF THE TRUSTEE BOARD\nOpen Door (registered charity)\n",
    "NHS HIGHLAND – SEXUAL HEALTH SERVICE\nUNDER-18 SAFEGUARDING PROFORMA\n",
    "The Child Protection Committee met. The Police Service was represented.\n",
])
def test_a_headings_own_words_are_no_body(det, text: str) -> None:
    found = proposed(det, text + _BODY_TEXT)
    assert not {"TRUSTEE BOARD", "SEXUAL HEALTH SERVICE", "Child Protection Committee", "Police Service"} & set(found)


@pytest.mark.parametrize(("text", "firm"), [
    ("One firm, Town and Country Cars, had six drivers.", "Town and Country Cars"),
    ("A third, Bell and Anchor Taxis, had one.", "Bell and Anchor Taxis"),
    ('by a man in a taxi from "Castle Cars" (she said the name)', "Castle Cars"),
])
def test_a_cab_firm_named_by_ordinary_words_is_one_organisation(det, text: str, firm: str) -> None:
    """(session 11) not two people ("Bell", "Anchor Taxis") nor nothing."""
    assert (firm, "ORG") in [(s.text, s.label) for s in det.detect(text, min_confidence=0.3)]


def test_a_kind_of_cab_is_no_firm(det) -> None:
    assert not [s for s in det.detect("He only uses Black Cabs or Uber Cars now.") if s.label == "ORG"]
