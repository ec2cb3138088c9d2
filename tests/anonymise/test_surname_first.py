"""Attendee lists and Teams speaker lines written "Surname, Given" are one person, comma inside."""

from qualcoder_cse.anonymise.detect import load_detector

TEXT = (
    "Attendees\n"
    "Pryndlewick, Hannah (Borough Council) – Chair\n"
    "Vexley, Lachlan (DS, County Police) – Exploitation Team\n"
    "Ubakwe, Grace (Hillside Academy) – DSL\n"
    "\n"
    "Pryndlewick, Hannah   0:00:06\n"
    "Morning everyone, thanks for joining.\n"
    "\n"
    "Ubakwe, Grace   0:03:19\n"
    "Yeah, so attendance has dropped since half term.\n"
)


def _persons(text):
    return {(s.start, s.text) for s in load_detector().detect(text, min_confidence=0.3) if s.label == "PERSON"}


def test_attendee_lines_give_whole_names():
    texts = [t for _, t in _persons(TEXT)]
    assert texts.count("Pryndlewick, Hannah") == 2
    assert "Vexley, Lachlan" in texts
    assert texts.count("Ubakwe, Grace") == 2


def test_place_lists_are_not_names():
    text = "Areas covered\nLeeds, Bradford (West Yorkshire) – both teams\n"
    assert not [t for _, t in _persons(text) if "," in t]
