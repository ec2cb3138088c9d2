"""Short months, Scots function words and ordinary words labelling a field are not people (fresh14 kinds)."""

from qualcoder_cse.anonymise.detect import load_detector


def _persons(text):
    return [s.text for s in load_detector().detect(text, min_confidence=0.3) if s.label == "PERSON"]


def test_short_months_in_a_chronology_are_not_people():
    text = ("Dates | Agency | Event\n"
            "Oct–Nov 2023 | School | Chloe Pembridge seen with older males.\n"
            "Jun–Aug 2024 | Various | Chloe settles at the placement.\n"
            "Early contacts (Feb–Apr 2023) were not seen as exploitation.\n")
    persons = _persons(text)
    assert not {"Oct", "Nov", "Jun", "Aug", "Feb", "Apr"} & set(persons)
    assert "Chloe Pembridge" in persons


def test_month_shaped_names_stay_names():
    text = "Caoimhe says \"Dec\" has a grey Audi. Jan Kowalczyk drove her home.\n"
    persons = _persons(text)
    assert "Dec" in persons and any("Jan" in p for p in persons)


def test_scots_function_words_are_not_names():
    text = ("Big Tam, [02.04.2026 20:46]\ngave it tae her. dinnae greet\n"
            "Child R, [02.04.2026 20:47]\ncannae. come back tae the flat\n")
    assert not {"tae", "dinnae", "cannae"} & set(_persons(text))


def test_field_labels_are_not_people():
    text = ("Case reference: QX-2026-0093117   Agency: County Police\n"
            "Case manager: Iwan Prothero\n"
            "Misper ref: MFH/QX/26/00217\n"
            "CHILD ABDUCTION WARNING NOTICE (s.2 Child Abduction Act 1984)\n")
    persons = _persons(text)
    assert not {"Case", "Misper", "CHILD", "Child"} & set(persons)
    assert "Iwan Prothero" in persons


def test_contractions_and_id_fields_are_not_names():
    text = ("Target account: zorblekat (Account ID 48817220956)\n"
            "Kieran Voss\ncome out then. im parked up by the front\n"
            "Suspect: Kyle Mendes   DOB: 28/12/2002   PNC ID: 19/208417P\n")
    spans = load_detector().detect(text, min_confidence=0.3)
    texts = {s.text for s in spans if s.label in ("PERSON", "ORG")}
    assert not {"im", "Account ID", "PNC ID"} & texts
    assert "Kyle Mendes" in texts
