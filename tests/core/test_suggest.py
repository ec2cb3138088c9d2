"""The suggester on a real encrypted project: trust by cross-validation, too few codings offer nothing,
suggestions skip coded and rejected passages, accepting makes audited codings by the current coder,
rejections are remembered and pull the code's confidence down on retraining, and nothing lands on disk."""

from __future__ import annotations

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import InvalidValue
from qualcoder_cse.suggest.manager import MIN_CODINGS
from qualcoder_cse.suggest.units import overlap_labels, split
from tests.suggest_material import CAWN, HOTELS, build


def test_units_leave_speaker_labels_out_and_label_by_overlap():
    text = "DI: We went to the hotel. They booked rooms!\nYP1: he gave me a phone and that\n"
    units = split(text, "sentence", [(0, 44, "DI"), (45, len(text), "YP1")])
    assert [text[u.start:u.end] for u in units] == ["We went to the hotel.", "They booked rooms!",
                                                  "he gave me a phone and that"]
    assert [u.speaker for u in units] == ["DI", "DI", "YP1"]
    turns = split(text, "turn", [(0, 44, "DI"), (45, len(text), "YP1")])
    assert text[turns[0].start:turns[0].end] == "We went to the hotel. They booked rooms!"
    # a short coding inside a long turn labels it; a coding over a sliver of a unit does not
    assert overlap_labels(turns, [(19, 24, 7), (40, 60, 8)]) == [{7}, {8}]


def test_train_suggest_accept_reject(project):
    doc_ids = build(project)
    sug = project.suggestions
    with pytest.raises(InvalidValue):
        sug.suggest()
    report = sug.train()
    trust = {t.code_path: t for t in report.trust}
    hotels = trust[HOTELS]
    assert hotels.enough and hotels.precision is not None and hotels.precision > 0.8 and hotels.recall > 0.8
    assert hotels.describe().startswith("trust: ") and "coded passages" in hotels.describe()
    new_docs = doc_ids[8:]
    found = sug.suggest(new_docs)
    assert found and {s.document_id for s in found} <= set(new_docs)
    hotel_found = [s for s in found if s.code_path == HOTELS]
    assert hotel_found and all("hotel" in s.text.lower() or "licensed" in s.text.lower() for s in hotel_found)
    # coded passages are never suggested again
    coded = sug.suggest(doc_ids[:1])
    spans = {(c.code_id, c.start, c.end) for c in project.codings.list(document_id=doc_ids[0])}
    assert not [s for s in coded if (s.code_id, s.start, s.end) in spans]

    project.set_coder("carol")
    made = sug.accept(hotel_found[:2])
    assert len(made) == 2 and {project.coders.get(c.coder_id).name for c in made} == {"carol"}
    accepted = [e for e in project.audit.list(50) if e.action == "accept suggestion"]
    assert {e.target_id for e in accepted} == {c.id for c in made} and all(e.coder == "carol" for e in accepted)
    again = sug.suggest(new_docs)
    assert not {(s.code_id, s.document_id, s.start) for s in again} & {
        (c.code_id, c.document_id, c.start) for c in made}

    victim = hotel_found[2]
    assert sug.reject([victim]) and sug.rejected_count() == 1
    assert victim not in sug.suggest(new_docs)


def test_rejections_are_negatives_when_retraining(project):
    doc_ids = build(project)
    sug = project.suggestions
    sug.train(evaluate=False)
    found = [s for s in sug.suggest(doc_ids[8:], threshold=0.3) if s.code_path == HOTELS]
    victim = found[0]
    same = [s for s in found if s.text == victim.text]

    def confidence() -> float:
        return float(sug.model.predict([victim.text], ["kind=police speaker=di"])[victim.code_id][0])

    before = confidence()
    sug.reject(same)
    sug.train(evaluate=False)
    assert confidence() < before


def test_too_few_codings_offer_nothing(project):
    doc_ids = build(project, documents=4, coded=3)
    rare = project.codes.by_path("Rare", create=True)
    doc = project.documents.get(doc_ids[0])
    for i in range(MIN_CODINGS - 1):
        project.codings.add(rare.id, doc.id, 4 + i, 30 + i)
    report = project.suggestions.train()
    t = next(t for t in report.trust if t.code_id == rare.id)
    assert not t.enough and "too few codings" in t.describe()
    assert not [s for s in project.suggestions.suggest(threshold=0.05) if s.code_id == rare.id]


def test_training_writes_nothing_and_a_reopened_project_keeps_rejections(project_path, passphrase):
    with Project.open(project_path, passphrase, coder="alice") as p:
        doc_ids = build(p)
        p.suggestions.train(evaluate=False)
        found = p.suggestions.suggest(doc_ids[8:])
        p.suggestions.reject(found[:3])
    folder = project_path.parent
    before = {f.name: f.stat().st_size for f in folder.iterdir()}
    with Project.open(project_path, passphrase, readonly=True) as p:
        assert p.suggestions.model is None  # rebuilt each session, never read from disk
        changes = p.conn.total_changes
        p.suggestions.train()
        assert p.suggestions.rejected_count() == 3
        assert not {(s.code_id, s.document_id, s.start) for s in p.suggestions.suggest(doc_ids[8:])} & {
            (s.code_id, s.document_id, s.start) for s in found[:3]}
        assert p.conn.total_changes == changes
    after = {f.name for f in folder.iterdir()}
    assert after <= set(before) | {project_path.name + "-wal", project_path.name + "-shm"}


def test_cawn_code_uses_speaker_context(project):
    build(project)
    report = project.suggestions.train()
    assert next(t for t in report.trust if t.code_path == CAWN).enough


def test_a_schema_4_project_suggests_read_only_and_migrates(project_path, passphrase):
    from qualcoder_cse.core import connection as cx
    from qualcoder_cse.core import schema

    with Project.open(project_path, passphrase, coder="alice") as p:
        doc_ids = build(p)
    # what migrations 5 and later create, found by running them on an empty schema-4 file
    scratch = project_path.with_name("scratch.qcse")
    probe = cx.raw_connect(scratch, passphrase)
    for migration in schema.MIGRATIONS[:4]:
        migration(probe)
    before = {r[0] for r in probe.execute("SELECT name FROM sqlite_master")}
    for migration in schema.MIGRATIONS[4:]:
        migration(probe)
    later = probe.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    probe.close()
    conn = cx.raw_connect(project_path, passphrase)
    for kind, name in later:
        if name not in before and kind in ("table", "index"):
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Project.open(project_path, passphrase, readonly=True) as p:
        assert p.schema_version() == 4
        p.suggestions.train(evaluate=False)
        assert p.suggestions.suggest(doc_ids[8:]) and p.suggestions.rejected_count() == 0
    with Project.open(project_path, passphrase, coder="alice") as p:
        assert p.schema_version() >= 5
        p.suggestions.train(evaluate=False)
        found = p.suggestions.suggest(doc_ids[8:])
        assert p.suggestions.reject(found[:1]) and p.suggestions.rejected_count() == 1


def test_cancel_and_bad_threshold(project):
    from qualcoder_cse.suggest.errors import Cancelled

    build(project)
    with pytest.raises(Cancelled):
        project.suggestions.train(progress=lambda done, total: False)
    assert project.suggestions.model is None
    project.suggestions.train(evaluate=False)
    with pytest.raises(InvalidValue):
        project.suggestions.suggest(threshold=0)
