"""Lines in capitals inside an ordinary text, read in ordinary case (``caps_lines``)."""

from __future__ import annotations

from qualcoder_cse.anonymise.caps_lines import caps_lines

from .found import proposed

LETTER = ("HEDDLU DE CYMRU / SOUTH WALES POLICE\nRECORD OF DISCUSSION\n\n"
          "Present: DS Anwen Price and the school's designated lead, who took notes of the meeting for the file.\n"
          "The meeting was held on Teams.\n")


def test_a_force_named_in_a_capitals_letterhead_is_proposed_whole(det) -> None:
    assert "SOUTH WALES POLICE" in proposed(det, LETTER, "ORG")


def test_the_words_of_a_heading_are_not_proposed(det) -> None:
    found = proposed(det, LETTER)
    assert not any(w in " ".join(found) for w in ("RECORD", "DISCUSSION"))


def test_a_name_in_capitals_in_a_notice_is_a_person(det) -> None:
    text = ("The notice was read out as written below.\nYOU MUST NOT ASSOCIATE WITH, CONTACT OR COMMUNICATE WITH HOPE "
            "AMARACHI EZEH (DATE OF BIRTH 02/04/2011), WHO IS IN CARE.\nHe said he understood it and signed the copy "
            "for the file, and the officer left.\n")
    assert "HOPE AMARACHI EZEH" in proposed(det, text, "PERSON")


def test_only_lines_in_capitals_are_read_again_and_offsets_are_kept() -> None:
    text = "Intro line.\nNORTH YORKSHIRE POLICE\nA CAMHS note\n"
    lines = caps_lines(text)
    assert lines == [(12, "North Yorkshire Police")]
    assert text[12:12 + len(lines[0][1])] == "NORTH YORKSHIRE POLICE"


def test_a_long_trust_name_in_capitals_keeps_its_small_words_and_its_first_word(det) -> None:
    text = ("NORTH WESTERN HEALTH AND SOCIAL CARE TRUST\nJOINT PROTOCOL STRATEGY MEETING: MINUTES\n\n"
            "The meeting was held on Teams and chaired by the designated nurse, who thanked everyone for coming.\n")
    assert "NORTH WESTERN HEALTH AND SOCIAL CARE TRUST" in proposed(det, text, "ORG")


def test_a_trust_named_in_seven_words_is_one_organisation(det) -> None:
    text = "The referral went on. North Western Health and Social Care Trust took it on in May.\n"
    assert "North Western Health and Social Care Trust" in proposed(det, text, "ORG")
