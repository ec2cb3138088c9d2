"""A surname in capitals as a speaker label ("TUCK:") is the person whose full name ends with it."""

from qualcoder_cse.anonymise.detect import load_detector

TEXT = (
    "Session delivered by PC Joel Okafor and Marianne Tuck (City Council Licensing).\n"
    "\n"
    "TUCK: That's exactly what we want to hear about.\n"
    "HOUSEKEEPER 1: My duty manager's on nights.\n"
    "TUCK: Then you go above them.\n"
    "CHAIR: Thank you both.\n"
)


def _persons(text):
    return [(s.start, s.text) for s in load_detector().detect(text, min_confidence=0.3) if s.label == "PERSON"]


def test_surname_label_of_a_named_person():
    labels = [t for _, t in _persons(TEXT) if t == "TUCK"]
    assert len(labels) == 2


def test_caps_labels_without_a_full_name_are_left():
    text = "INT = interviewer, R = respondent.\nINT: Where did it start?\nR: Keighley. An older one called Uncle.\nINT: Uncle?\n"
    assert "INT" not in [t for _, t in _persons(text)]
    text2 = "TUCK: Then you go above them.\nCHAIR: Thank you.\n"
    assert "TUCK" not in [t for _, t in _persons(text2)]
