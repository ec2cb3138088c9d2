"""Words where a name goes that name no one are not proposed (issue 15, session 5: precision on unseen text).
Each look-alike here was proposed before this change; the names beside them must still be found. Made-up
lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _texts(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("Team: Staffs detached (Tues/Fri). Workers: Gaz, Nita.", "Tues"),
        ("Their worker Olu comes in Thursdays to the base.", "Thursdays"),
        ("every girl wants a michael kors bag innit", "michael kors"),
        ("ralph lauren polo and a tommy hilfiger coat", "tommy hilfiger"),
        ("A return interview by Barnardo's worker Kim.", "Barnardo"),
        ("we did a group run by Barnardo's at the hub", "Barnardo's"),
        ("R: What did you do?\nW: Told her I'd have to share it.\nR: And then?", "W"),
        ("Follow-up: email Imogen about the slides.", "Follow-up"),
        ("Health contributed mainly on Case 3 and Case 4.", "Case"),
        # session 6: a child named by a letter in a review, a participant code as a speaker label
        ("One of mine, I'll call her Child H, she was thirteen and lived with Marcia Oddington.", "Child H"),
        (("Interviewer: Tomasz Brook (TB). Participant: K07.\nTB: When did it start?\nK07: Around 2009.\n"
          "TB: Go on.\nK07: Nobody listened.\n"), "K07"),
        ("Report of the Housing Standards Manager, for decision.", "Housing Standards Manager"),
        ("Disclosed under the Common Law Police Disclosure scheme.", "Common Law Police Disclosure"),
        ("exempt under paragraph 3 of Schedule 14B to the Act", "Schedule 14B"),
        ("Mentor's note: Keisha was calmer today.", "Mentor's"),
        ("Facilitator's note: two names were used once.", "Facilitator's"),
        ("SECTION 3 - WHAT IS WORKING WELL?\nShe has a good relationship with her aunt.", "WHAT IS"),
        ("SECTION 6: WHAT HAS BEEN DONE\nI have spoken with Kerry Ashdown.", "HAS BEEN DONE"),
        (("Four took part: a police officer (PC), a youth worker (YW) and Ama Boateng (AB).\nPC: We see it a lot.\n"
          "AB: Same.\nPC: Every week.\n"), "PC"),
        ("Record of concern (to be scanned to the child's notes). Child's name: Leah Mottram.", "child's"),
        (("I drive for Zenith Cars and sometimes the app.\nI: And the app?\nD: The app says take her. The app "
          "gave me a bad rating."), "app"),
    ],
)
def test_look_alikes_are_not_proposed(det, text, not_a_name):
    assert not_a_name not in _texts(det, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("A girl, younger than me. Thu. She sleep in the back.", "Thu"),
        ("Anne-Marie Smith-Jones rang the office.", "Anne-Marie Smith-Jones"),
        ("Follow-up: email Imogen about the slides.", "Imogen"),
        ("Jodie 14 was there with her sister.", "Jodie"),
        ("Mentor's note: Keisha was calmer today.", "Keisha"),
        (("Four took part: a police officer (PC), a youth worker (YW) and Ama Boateng (AB).\nPC: We see it a lot.\n"
          "AB: Same.\nPC: Every week.\n"), "AB"),
        ("One of mine, I'll call her Child H, she was thirteen and lived with Marcia Oddington.", "Marcia Oddington"),
    ],
)
def test_names_beside_them_are_kept(det, text, name):
    assert name in _texts(det, text)
