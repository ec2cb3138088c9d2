"""Handles in the sender / recipient / username fields of a comma-separated data return are contacts
everywhere in the document; the header's field names and the file names are not proposed."""

from qualcoder_cse.anonymise.detect import load_detector

TEXT = (
    "PLATFORM RETURN\n"
    "== accounts.csv ==\n"
    "username,display_name,email,created\n"
    "zorblekat,zorb,zorb99@example.com,2024-01-02 10:00:00 UTC\n"
    "\n"
    "== messages.csv ==\n"
    "timestamp_utc,from,to,type,text\n"
    "2025-03-01 20:11:42,quennix_77,zorblekat,TEXT,where r u\n"
    "2025-03-01 20:12:05,zorblekat,quennix_77,TEXT,home. cant come out, sorry\n"
    "\n"
    "Officer's note: zorblekat deleted the account on 4 March.\n"
)


def _spans(text):
    return load_detector().detect(text, min_confidence=0.3)


def test_handle_in_csv_fields_is_a_contact_everywhere():
    spans = _spans(TEXT)
    hits = [s for s in spans if s.text.lower() == "zorblekat"]
    assert len(hits) == TEXT.count("zorblekat")
    assert all(s.label == "CONTACT" for s in hits)


def test_header_fields_and_file_names_are_not_contacts():
    spans = _spans(TEXT)
    texts = {s.text for s in spans if s.label == "CONTACT"}
    assert not texts & {"display_name", "timestamp_utc", "accounts.csv", "messages.csv"}


def test_comma_list_without_header_is_left():
    text = "The words were red,green,blue and the kids said zorblekat was a game.\n"
    assert not [s for s in _spans(text) if s.text == "zorblekat" and s.label == "CONTACT"]


def test_column_names_of_a_pipe_table_are_not_names():
    text = ("Job | Booked | Pickup | Drop | Passenger | Veh | Notes\n"
            "44102 | 20:41 | Larchfield gates | Hotel | Chloe Pembridge | YJ17 OVB | none\n"
            "Time | Author | Story reply\n"
            "2026-01-03 21:14:02 | zorblekat | ok\n"
            "Date | Mum | Jodie\n"
            "03/01 | rang | no answer\n")
    persons = [s.text for s in _spans(text) if s.label == "PERSON"]
    assert not {"Pickup", "Veh", "Author", "Story"} & set(persons)
    assert "Jodie" in persons


def test_a_field_label_with_its_possessive_is_not_a_person():
    text = "Parent: Harriet Quell (mother)\nChild's address: 37 Gladstone Street, Peterborough\n"
    assert "Child's" not in [s.text for s in _spans(text) if s.label == "PERSON"]


def test_reference_column_of_a_pipe_table_is_an_id():
    text = ("Job | Booked | Pickup | Passenger | Fare\n"
            "58213 | 20:41 | Larchfield gates | Chloe | acct\n"
            "58229 | 21:05 | Wendlebury shops | Chloe | cash\n"
            "\n"
            "Item | Qty | Price\n"
            "Chips | 2 | 3.50\n")
    ids = [s.text for s in _spans(text) if s.label == "ID"]
    assert "58213" in ids and "58229" in ids


def test_a_handle_named_in_an_account_field_is_a_contact_at_every_mention():
    """Session 7: a platform's record with one field per line ("From: x", "Account: x | ..."), the handle ending
    in an underscore that the handle shapes did not take."""
    from qualcoder_cse.anonymise.detect import load_detector

    text = ("Account: roisin.k_  |  Chat with: dealz.promo\nDate: 2026-01-09 19:40:51 UTC\nFrom: roisin.k_\n"
            "Content: aw thanks\nFrom: dealz.promo\nTo: Police Scotland\nContent: hi roisin.k_\n")
    found = [(s.text, s.label) for s in load_detector(use_model=False).detect(text, min_confidence=0.3)]
    assert found.count(("roisin.k_", "CONTACT")) == 3
    assert ("Police Scotland", "CONTACT") not in found
