"""An organisation's letters defined in brackets after its name are that organisation at every mention."""

from qualcoder_cse.anonymise.detect import load_detector


def _spans(text):
    return load_detector().detect(text, min_confidence=0.3)


def test_bracketed_letters_of_an_organisation_are_proposed_everywhere():
    text = ("Agencies: Wendlebury Valley Hospitals NHS Foundation Trust (WVH); Larchfield School.\n"
            "19/12/2024 | WVH | Attends the emergency department.\n"
            "28/11/2025 | WVH | Admitted overnight.\n")
    hits = [s for s in _spans(text) if s.text == "WVH"]
    assert len(hits) == 3 and all(s.label == "ORG" for s in hits)


def test_letters_that_are_not_its_initials_are_left():
    text = "Larchfield School (DSL) said so. The DSL rang back.\n"
    assert not [s for s in _spans(text) if s.text == "DSL"]
