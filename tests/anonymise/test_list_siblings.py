"""A list of people with their ages in brackets: every item is a person once one of them is, even a name that
is a car make."""

from qualcoder_cse.anonymise.detect import load_detector


def _persons(text):
    return [s.text for s in load_detector().detect(text, min_confidence=0.3) if s.label == "PERSON"]


def test_every_item_of_an_age_list_is_a_person():
    text = ("Young people resident: Chloe Pembridge (15), Mercedes Ovuoke (16)\n"
            "17:30 Mercedes in her room on her phone. Chloe out with staff.\n")
    persons = _persons(text)
    assert "Mercedes Ovuoke" in persons
    assert persons.count("Mercedes") == 1


def test_a_car_list_without_a_person_is_left():
    text = "Vehicles seen: Mercedes Sprinter (2), Ford Transit (1)\n"
    assert not [p for p in _persons(text) if "Mercedes" in p]


def test_a_name_in_capitals_in_a_mixed_case_text_is_whole():
    text = ("Missing person: AUTUMN ROSE HARGREAVES   Age: 14   Ref: MFH/QX/26/00217\n"
            "Reporting person: Dawn Hargreaves (mother).\n")
    assert "AUTUMN ROSE HARGREAVES" in _persons(text)


def test_capitals_heading_before_a_surname_is_left_alone():
    text = "DAILY SHIFT LOG PEMBRIDGE\nStaff: Dawn Pembridge.\n"
    assert not [p for p in _persons(text) if "LOG" in p]
