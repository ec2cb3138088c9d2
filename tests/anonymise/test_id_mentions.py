"""A reference found once is proposed wherever it is said again, bare; a phone number by its last group; a
key's role codes and bare titles are no identifiers (issue 15, session 12)."""

from __future__ import annotations

import pytest

from .found import proposed


def test_a_collar_number_given_once_is_proposed_when_said_bare(det) -> None:
    text = ("Footage issued to PC Hallam (30412).\n[00:01] Control from 30412, check on a vehicle please.\n"
            "[00:02] RADIO: 30412, nothing further.")
    assert proposed(det, text, "ID").count("30412") == 3


def test_the_number_of_a_labelled_job_is_proposed_bare() -> None:
    from qualcoder_cse.anonymise.detect import load_detector

    text = "JOB 77120 | 21:14 | P/U station\nJOB 77131 | 22:50 | P/U hotel\nAudio for jobs 77120 and 77131 is kept."
    found = [s.text for s in load_detector().detect(text, min_confidence=0.3) if s.label == "ID"]
    assert found.count("77120") == 1 and found.count("77131") == 1  # the bare mentions, beside "JOB 77120"


def test_the_last_group_of_a_phone_number_is_the_phone(det) -> None:
    text = "Account booked from 07700 911245.\nDP to all cars: do not take jobs on the 911245 number."
    assert "911245" in proposed(det, text, "CONTACT")


@pytest.mark.parametrize("text", [
    "Call sign 2026 seen, the year 2026 was quiet.",
    "We met at 1930 and left at 2015.",
])
def test_a_year_or_a_time_is_not_carried(det, text: str) -> None:
    assert not [t for t in proposed(det, text, "ID") if t in ("2026", "1930", "2015")]


def test_a_keys_role_codes_are_not_places() -> None:
    from qualcoder_cse.anonymise.detect import load_detector

    text = ("Key: HAL = Const. Hallam; F1 = female juvenile; M1 = male at door.\n[00:01] M1: What's this about?\n"
            "[00:02] HAL: Police. Open the door.\n[00:03] M1: No girl here.")
    found = [(s.label, s.text) for s in load_detector().detect(text, min_confidence=0.3)]
    assert not [f for f in found if f[1] in ("M1", "F1", "Const")]
    assert [f for f in found if f == ("PERSON", "HAL")] and ("PERSON", "Hallam") in found
