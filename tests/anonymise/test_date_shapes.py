"""Dates that name a day written the short ways notes and chats use (issue 15, session 5). Each date here was
missed or cut before this change; fractions, scores, times and counts must stay unproposed. Made-up lines."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE

from .found import proposed


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _dates(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "DATE"]


@pytest.mark.parametrize(
    "text, date",
    [
        ("she was seen on Sat 14th near the shops", "Sat 14th"),
        ("Monday 3rd, the strategy meeting", "Monday 3rd"),
        ("on Tues 3/3 she went missing", "Tues 3/3"),
        ("it happened on 3/3 after school", "3/3"),
        ("missing from 19/4 to 22/4", "22/4"),
        ("date of incident: 14 Mar 24", "14 Mar 24"),
        ("seen at the hotel 14th-15th March", "14th-15th March"),
        ("from the 3rd to the 5th of June she stayed there", "3rd to the 5th of June"),
    ],
)
def test_short_dates(det, text, date):
    assert date in _dates(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "about 3/4 of them said no",
        "we won 3/1 on Saturday",
        "the 3rd floor flat",
    ],
)
def test_look_alikes_are_left(det, text):
    assert _dates(det, text) == []


def test_a_two_digit_year_is_not_a_count(det):
    assert _dates(det, "on 14 Mar 24 hours after she left") == ["14 Mar"]


@pytest.mark.parametrize(
    "text, date",
    [
        # session 6: a day and month ending a sentence before a numbered line ("May.\n3" is no date)
        ("Review booked for 9 May.\n3. Actions agreed", "9 May"),
        ("The car was seen again on 12 October.\n\n4. Next steps", "12 October"),
    ],
)
def test_a_date_ending_a_line_before_a_number(det, text, date):
    assert date in _dates(det, text)


@pytest.mark.parametrize(
    "text, date",
    [
        # session 6: a night over two days
        ("Duty log for the night of Fri 6 / Sat 7 June 2025. Worker: on call.", "Fri 6"),
        ("SWEEP OF HOTELS (NIGHT OF 11/12 APRIL 2025)", "11/12 APRIL 2025"),
    ],
)
def test_a_night_over_two_days(det, text, date):
    assert date in _dates(det, text)


@pytest.mark.parametrize(
    "text, date",
    [
        # session 7: a date said in words, as a date of birth is given aloud
        ("PC1: Date of birth?\nM1: Third of August, 1990.", "Third of August, 1990"),
        ("she was born on the twenty-second of May 2011, she said", "twenty-second of May 2011"),
        ("It was the Eleventh of November.", "Eleventh of November"),
    ],
)
def test_dates_said_in_words(det, text, date):
    assert date in _dates(det, text)


@pytest.mark.parametrize("text", ["a second of silence, then she spoke", "the first of many", "a fifth of them"])
def test_ordinals_without_a_month_are_left(det, text):
    assert _dates(det, text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("Consent: YES (verbal, 19/06, by phone).", "19/06"),
        ("Meeting with her mum 03/11. Safety plan agreed.", "03/11"),
        ("Strategy discussion held 14/11 with police", "14/11"),
    ],
)
def test_a_padded_day_and_month_needs_no_cue(det, text, date):
    """(session 8) written as a form writes a date: two-digit day, zero-padded month (or a day past the 12th)."""
    assert date in _dates(det, text)


@pytest.mark.parametrize(
    "text",
    ["we offer 24/7 cover now", "and 24/7 she was on that phone", "scored 7/10 on the quiz", "3/4 of them went",
     "at 10/10 it was the worst", "page 12/20 of the report"],
)
def test_scores_and_round_the_clock_are_left(det, text):
    assert _dates(det, text) == []


# (session 9)
def test_a_discord_day_month_year_with_hyphens_is_a_date(det) -> None:
    assert "07-Mar-25" in proposed(det, "[07-Mar-25 8:14 PM] kenzo_22\nu coming", "DATE")


def test_a_day_of_the_month_said_alone_after_the_is_a_date_but_not_the_3rd_floor(det) -> None:
    assert "17th" in proposed(det, "tell him to bring it by the 17th. he owes me", "DATE")
    assert "26th" in proposed(det, "Panel booked for the 26th, when the school reopens.", "DATE")
    assert proposed(det, "the flat on the 3rd floor was empty", "DATE") == []
    assert proposed(det, "it was the 5th time she went", "DATE") == []


def test_a_dotted_day_and_month_after_a_cue_on_the_same_line_is_a_date(det) -> None:
    assert "6.5" in proposed(det, "Entry 4. Received 6.5. Grading B/2/P.", "DATE")
    assert proposed(det, "Spending rose on 2.4 million places", "DATE") == []
    assert proposed(det, "4. Information received\n4.2 The officer spoke to mum.", "DATE") == []


def test_a_misspelt_month_in_a_young_persons_statement_is_a_date(det) -> None:
    assert "4th of feburary" in proposed(det, "it started the 4th of feburary after school", "DATE")
    assert "9 septmber 2025" in proposed(det, "he came on 9 septmber 2025 to the flat", "DATE")


def test_a_chronologys_entries_under_a_month_heading_are_dates(det) -> None:
    text = "MARCH 2026\n4/3  DT saw her get into a grey Astra.\n11/3  Mum rang the school.\nScore was 3/4 for effort."
    found = proposed(det, text, "DATE")
    assert "4/3" in found and "11/3" in found and "3/4" not in found
