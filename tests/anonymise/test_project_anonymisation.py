"""Anonymisation inside a real encrypted project: consistent placeholders across documents (HMAC-keyed, no
originals needed), the log, the optional mapping and its discarding, no original string in the file after an
import with anonymisation, re-scan of stored documents, and project-wide mentions of an added span."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.pipeline import anonymise_for_import
from qualcoder_cse.anonymise.placeholders import PlaceholderFormat
from qualcoder_cse.anonymise.rescan import apply_rescan, find_in_project, propose_in_project, rescan_project
from qualcoder_cse.anonymise.review import ReviewSession
from qualcoder_cse.core import Project
from qualcoder_cse.core.turn_stamps import time_only
from qualcoder_cse.workflows.batch_import import import_files
from qualcoder_cse.workflows.file_import import ImportOptions

DOC1 = (
    "INT: Who did you work with?\n"
    "DS Kowalczyk: Mainly with Chantelle Booth's social worker. Chantelle lived on Carr Lane in Ashworth.\n"
    "DS Kowalczyk: Her number was 07700 900417 and the car was YK09 TFA.\n"
)
DOC2 = (
    "INT: Anything else?\n"
    "PC Okonkwo: chantelle turned up at Oakfield Academy with Tyreece Campbell, then went back to Ashworth.\n"
)
ORIGINALS = ["Kowalczyk", "Chantelle", "Booth", "Carr Lane", "Ashworth", "07700 900417", "YK09 TFA", "Okonkwo",
             "Oakfield", "Tyreece", "Campbell"]


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


def _turns(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if ":" in line:
            out.append((pos, pos + len(line), line.split(":")[0]))
        pos += len(line) + 1
    return out


def _store(project, name, text, det):
    anon, turns, log = anonymise_for_import(project, text, _turns(text), detector=det)
    doc = project.documents.add(name, anon, turns=turns, anonymised=True)
    project.pseudonyms.write_log(doc.id, log)
    return doc, anon


def test_placeholders_are_consistent_across_two_documents(project, det):
    _doc1, anon1 = _store(project, "Interview A", DOC1, det)
    _doc2, anon2 = _store(project, "Interview B", DOC2, det)
    for original in ORIGINALS:
        assert original.lower() not in (anon1 + anon2).lower()
    chantelle = anon1.split("Mainly with ")[1].split("'s")[0]
    assert chantelle.startswith("[Person ")
    assert anon2.count(chantelle) == 1  # "chantelle" in document 2 is the same person as "Chantelle Booth"
    ashworth = anon1.split(" in ")[1].split(".")[0]
    assert ashworth.startswith("[Place ") and ashworth in anon2
    assert "[School 1]" in anon2 and "[Phone]" in anon1 and "[Vehicle reg]" in anon1
    numbers = sorted(p.number for p in project.pseudonyms.list() if p.kind == "PERSON")
    assert numbers == list(range(1, len(numbers) + 1))


def test_speaker_labels_and_log_never_keep_originals(project, det):
    doc, _anon = _store(project, "Interview A", DOC1, det)
    speakers = {t.speaker for t in project.turns.list(doc.id)}
    assert speakers and not any("Kowalczyk" in s for s in speakers)
    log = project.pseudonyms.log(doc.id)
    assert log and {e.decision for e in log} == {"auto"}
    assert all(e.coder == "alice" for e in log)
    assert not any(o in repr(log) for o in ORIGINALS)


def test_consistency_uses_the_keyed_hash_not_the_mapping(project, det):
    project.pseudonyms.set_keep_originals(False)
    _d1, anon1 = _store(project, "Interview A", DOC1, det)
    assert project.pseudonyms.originals_count() == 0
    _d2, anon2 = _store(project, "Interview B", DOC2, det)
    chantelle = anon1.split("Mainly with ")[1].split("'s")[0]
    assert chantelle in anon2


def test_mapping_is_off_by_default_kept_when_asked_and_can_be_discarded(project, det):
    assert not project.pseudonyms.keeps_originals()
    _store(project, "Interview B", DOC2, det)
    assert project.pseudonyms.originals_count() == 0
    project.pseudonyms.set_keep_originals(True)
    _store(project, "Interview A", DOC1, det)
    originals = {project.pseudonyms.original(p.id) for p in project.pseudonyms.list() if p.kind == "PERSON"}
    assert {"Kowalczyk", "Chantelle Booth"} <= originals  # new in document A, after the switch
    assert "Okonkwo" not in originals  # from document B, stored before it
    assert project.pseudonyms.discard_originals() > 0
    assert project.pseudonyms.originals_count() == 0 and not project.pseudonyms.keeps_originals()


def test_custom_placeholder_format(project, det):
    fmt = PlaceholderFormat(numbered="<<{name}-{n}>>", plain="<<{name}>>")
    fmt.names["PERSON"] = "Young person"
    fmt.save(project)
    _doc, anon = _store(project, "Interview B", DOC2, det)
    assert "<<Young person-1>>" in anon and "<<School-1>>" in anon


def test_no_original_string_in_the_project_file_after_import(project_path, passphrase, tmp_path, det):
    src = tmp_path / "Interview with DS Kowalczyk.txt"
    src.write_text(DOC1 + DOC2, encoding="utf-8")
    with Project.open(project_path, passphrase, coder="alice") as project:
        project.pseudonyms.set_keep_originals(False)
        results = import_files(project, [src], ImportOptions(kind="police", anonymise=True))
        assert results[0].status == "imported", results[0].reason
        doc = project.documents.get(results[0].document_id)
        stored = project.documents.text(doc.id)
        for original in ORIGINALS:
            assert original.lower() not in stored.lower()
        for turn in project.turns.list(doc.id):
            assert not any(o in turn.speaker for o in ORIGINALS)
        assert "Kowalczyk" not in doc.name  # the file name is anonymised too
        assert project.pseudonyms.log(doc.id)  # and the import logged its decisions
        # every table, decrypted: no original anywhere (the optional mapping is switched off)
        for table in project.db.table_names():
            for row in project.db.rows(table):
                blob = repr(row)
                for original in ORIGINALS[1:]:
                    assert original not in blob, (table, original)
    raw = project_path.read_bytes()
    for original in ORIGINALS:
        assert original.encode() not in raw and original.lower().encode() not in raw
    for extra in project_path.parent.glob(project_path.name + "*"):
        if extra != project_path and extra.is_file():
            data = extra.read_bytes()
            assert not any(o.encode() in data for o in ORIGINALS)


def test_rescan_finds_leftovers_and_applying_moves_codings(project, det):
    text = "P1: The man at the garage, Deeko Brannigan, knew her.\nP2: We reported Deeko Brannigan twice.\n"
    doc = project.documents.add("Left over", text, kind="lscb", anonymised=True,
                                turns=[(0, 54, "P1"), (55, len(text) - 1, "P2")])
    code = project.codes.by_path("Leftover test", create=True)
    coding = project.codings.add(code.id, doc.id, text.index("We reported"), len(text) - 1).coding
    sessions = rescan_project(project, detector=det)
    assert doc.id in sessions
    session = sessions[doc.id]
    assert any(session.surface(p.id) == "Deeko Brannigan" for p in session.proposals)
    session.accept_all()
    assert apply_rescan(project, doc.id, session) >= 2
    new_text = project.documents.text(doc.id)
    assert "Brannigan" not in new_text
    moved = next(c for c in project.codings.list(document_id=doc.id) if c.id == coding.id)
    assert new_text[moved.start:moved.end].startswith("We reported [Person")
    assert rescan_project(project, detector=det).get(doc.id) is None  # placeholders are not proposed again


def test_rescan_leaves_strings_the_project_remembers_as_rejected(project, det):
    """A force kept readable with "reject every mention" (remembered) came back as a leftover on every rescan
    (found trying the window as a researcher, session 14)."""
    text = "P1: Greater Manchester Police took the report and Deeko Brannigan was named.\n"
    doc = project.documents.add("Kept force", text, kind="lscb", anonymised=True)

    def leftovers() -> set[str]:
        session = rescan_project(project, detector=det)[doc.id]
        return {session.surface(p.id) for p in session.proposals}

    assert "Greater Manchester Police" in leftovers()
    project.review_memory.remember("reject", "greater  manchester police", "ANY")
    after = leftovers()
    assert "Greater Manchester Police" not in after and "Deeko Brannigan" in after


def test_added_span_offers_project_wide_mentions(project, det):
    project.documents.add("Earlier", "P1: Brisk was always outside the chippy.", kind="lscb", anonymised=True)
    text = "YP: then Brisk picked me up"
    session = ReviewSession(text, det.detect(text), project=project, detector=det)
    added = session.add_span(text.index("Brisk"), text.index("Brisk") + 5, "PERSON")
    hits = session.project_mentions(added[0].id)
    earlier = project.documents.by_name("Earlier")
    assert hits == {earlier.id: [(4, 9)]}
    assert find_in_project(project, "nobody-called-this") == {}


def test_added_span_is_proposed_in_every_other_stored_document(project, det):
    a = project.documents.add("Doc A", "P1: Brisk was there. BRISK again.", kind="lscb", anonymised=True)
    b = project.documents.add("Doc B", "P2: nothing here.", kind="lscb", anonymised=True)
    sessions = propose_in_project(project, "Brisk", "PERSON", exclude=b.id, detector=det)
    assert list(sessions) == [a.id]
    session = sessions[a.id]
    assert [(session.surface(p.id), p.status) for p in session.proposals] == [("Brisk", "pending"),
                                                                              ("BRISK", "pending")]
    session.accept_all()
    apply_rescan(project, a.id, session)
    assert project.documents.text(a.id) == "P1: [Person 1] was there. [Person 1] again."


# (session 9) initials defined beside a name, and a first name two people share
def test_initials_defined_in_minutes_share_the_full_names_placeholder(project, det):
    text = ("Present: Jade Whitworth (JW), social worker; Dafydd Rees (DR), police.\n"
            "Actions: JW to refer to MASH. DR to check PNC. Jade said she would ring.\n")
    _doc, anon = _store(project, "Minutes", text, det)
    jade = anon.split("Present: ")[1].split(" (")[0]
    catrin = anon.split("; ")[1].split(" (")[0]
    assert jade.startswith("[Person ") and catrin.startswith("[Person ") and jade != catrin
    assert anon.count(jade) == 4 and anon.count(catrin) == 3
    assert "JW" not in anon and "DR" not in anon


def test_a_first_name_two_people_share_stands_for_neither_in_a_later_document(project, det):
    _d1, anon1 = _store(project, "A", "INT: Who was there?\nR: Karen Jones from the school. Karen rang me.\n", det)
    _d2, anon2 = _store(project, "B", "INT: And health?\nR: Karen Smith came. Karen was great.\n", det)
    _d3, anon3 = _store(project, "C", "INT: Who called?\nR: Karen called on the Monday.\n", det)
    jones = anon1.split("R: ")[1].split(" from")[0]
    smith = anon2.split("R: ")[1].split(" came")[0]
    assert anon1.count(jones) == 2 and anon2.count(smith) == 2 and jones != smith
    karen = anon3.split("R: ")[1].split(" called")[0]
    assert karen.startswith("[Person ") and karen not in (jones, smith)
    assert "Karen" not in anon1 + anon2 + anon3
    # the shared spelling is no entity of its own in the list until it is used alone
    numbers = sorted(p.number for p in project.pseudonyms.list() if p.kind == "PERSON")
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_chat_exports_dates_do_not_survive_in_the_turns(project_path, passphrase, tmp_path):
    """(session 11, found importing a TikTok export in the window) a stamp's date names the day a child was
    somewhere; once anonymised, a turn keeps its time only, in every table of the decrypted project."""
    src = tmp_path / "chat.txt"
    src.write_text("2026-01-03 19:22:01 UTC deanox: hiya\n2026-01-03 19:22:40 UTC kayz.m_09: u ok?\n"
                   "[12/03/2024, 14:05:33] Sam: ye\n[13/03/2024, 09:01:02] Sam: ok\n", encoding="utf-8")
    with Project.open(project_path, passphrase, coder="alice") as project:
        results = import_files(project, [src], ImportOptions(kind="young_person", anonymise=True))
        assert results[0].status == "imported", results[0].reason
        turns = project.turns.list(results[0].document_id)
        assert len(turns) == 4
        assert [t.timestamp for t in turns] == ["19:22:01 UTC", "19:22:40 UTC", "14:05:33", "09:01:02"]
        for table in project.db.table_names():
            for row in project.db.rows(table):
                assert not any(d in repr(row) for d in ("2026-01-03", "12/03/2024", "13/03/2024")), table


@pytest.mark.parametrize(("stamp", "kept"), [
    ("12/03/2024, 14:02", "14:02"), ("2026-01-03 19:22:01 UTC", "19:22:01 UTC"), ("[12/03/2024, 14:05:33]", "14:05:33"),
    ("Jan 4, 2026, 7:22 pm", "7:22 pm"), ("12/03/2024", None), ("[00:12:31]", "[00:12:31]"), ("0:03", "0:03"),
])
def test_a_turn_stamp_keeps_its_time_and_never_its_date(stamp: str, kept: str | None) -> None:
    assert time_only(stamp) == kept
