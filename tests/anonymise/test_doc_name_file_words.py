"""Document names take their file's name: the parts that name the file (a text encoding, a draft or version
number) are not people or handles, while a real name in the same place is still proposed for renaming."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.doc_names import name_proposals
from qualcoder_cse.anonymise.pipeline import anonymise_name


@pytest.fixture(scope="module")
def detector():
    return load_detector()


def test_encodings_and_drafts_in_file_names_are_not_identifiers(project, detector):
    for name in ("interview_utf16", "interview2_mac_roman", "Interview_03_draft2", "focus group latin1 v3"):
        project.documents.add(name, "P1: nothing to see here.", kind="other")
    assert name_proposals(project, detector) == []


def test_a_name_beside_a_file_word_is_still_proposed(project, detector):
    doc = project.documents.add("Interview Jodie Smith utf16 draft2", "P1: hello.", kind="other")
    proposals = name_proposals(project, detector)
    assert [p.document_id for p in proposals] == [doc.id]
    proposed = proposals[0].proposed
    assert "Jodie" not in proposed and "Smith" not in proposed
    assert "utf16" in proposed and "draft2" in proposed


def test_a_file_numbered_after_a_word_keeps_its_name_on_import(project, detector):
    # (session 9) "telegram_chat2" became "telegram_[Username 2]" in the window
    assert anonymise_name(project, "telegram_chat2", detector=detector) == "telegram_chat2"
    assert anonymise_name(project, "interview3_notes", detector=detector) == "interview3_notes"
    renamed = anonymise_name(project, "chat_with_Jodie_Smith2", detector=detector)
    assert "Jodie" not in renamed and "Smith" not in renamed


def test_a_stored_document_numbered_after_a_word_is_not_proposed_for_renaming(project, detector):
    project.documents.add("telegram_chat2", "P1: nothing to see here.", kind="other")
    assert name_proposals(project, detector) == []


def test_a_forms_code_keeps_its_file_name_but_a_postcode_district_does_not(project, detector):
    # (session 10) "mg11_statement" became "[Place 3]_statement" in the window: MG is no postcode area
    assert anonymise_name(project, "mg11_statement", detector=detector) == "mg11_statement"
    assert "LS11" not in anonymise_name(project, "interview_LS11_notes", detector=detector)
