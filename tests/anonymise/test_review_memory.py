"""The review session's undo/redo, reject-every-mention and pause state (headless), and the project's paused
reviews and remembered decisions stored in a real encrypted project (schema 4), including bad input."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.review import ACCEPTED, PENDING, REJECTED, ReviewSession
from qualcoder_cse.anonymise.spans import Span
from qualcoder_cse.core import schema
from qualcoder_cse.core.errors import InvalidValue
from qualcoder_cse.core.project import Project

TEXT = "CSE team met Tariq. Tariq said the CSE lead and Tariq's mum came. Jodie too."


def _session() -> ReviewSession:
    spans = []
    for surface, label in (("CSE", "ORG"), ("Tariq", "PERSON"), ("Jodie", "PERSON")):
        start = 0
        while (i := TEXT.find(surface, start)) >= 0:
            spans.append(Span(i, i + len(surface), label, surface, 0.5, "test"))
            start = i + 1
    return ReviewSession(TEXT, spans)


def _status(s: ReviewSession, surface: str) -> set[str]:
    return {p.status for p in s.proposals if s.text[p.start:p.end] == surface}


def test_reject_every_mention_is_one_undo_step_and_redo_restores_it():
    s = _session()
    cse = next(p.id for p in s.proposals if s.surface(p.id) == "CSE")
    assert s.reject_every_mention(cse) == 2
    assert _status(s, "CSE") == {REJECTED} and _status(s, "Tariq") == {PENDING}
    assert s.undo() and _status(s, "CSE") == {PENDING}
    assert s.redo() and _status(s, "CSE") == {REJECTED}
    assert not s.redo()


def test_undo_takes_an_added_span_and_its_mentions_away():
    s = _session()
    n = len(s.proposals)
    added = s.add_span(TEXT.index("mum"), TEXT.index("mum") + 3, "PERSON")
    assert len(s.proposals) == n + len(added)
    s.undo()
    assert len(s.proposals) == n
    s.accept(s.proposals[0].id)
    s.accept_all()
    assert s.pending_count == 0
    s.undo()
    assert s.pending_count == n - 1
    s.undo()
    assert s.pending_count == n and not s.can_undo


def test_pause_state_round_trip_and_refuses_another_text():
    s = _session()
    s.accept_every_mention(next(p.id for p in s.proposals if s.surface(p.id) == "Tariq"))
    s.add_span(TEXT.index("mum"), TEXT.index("mum") + 3, "PERSON")
    state = s.to_state()
    fresh = _session()
    assert fresh.load_state(state)
    assert [(p.start, p.end, p.label, p.status) for p in fresh.proposals] == [
        (p.start, p.end, p.label, p.status) for p in s.proposals]
    other = ReviewSession(TEXT + " more", [])
    assert not other.load_state(state) and other.proposals == []
    broken = dict(state, proposals=[[1, 5, 999, "PERSON", 0.5, "x", ACCEPTED, False]])
    assert not fresh.load_state(broken)


def test_remembered_lists_decide_and_add_mentions():
    s = _session()
    decided, added = s.apply_remembered({"cse": "ANY"}, {"jodie": "PERSON", "mum": "PERSON"})
    assert _status(s, "CSE") == {REJECTED} and _status(s, "Jodie") == {ACCEPTED}
    assert decided == 3 and added == 1 and _status(s, "mum") == {ACCEPTED}
    s.undo()
    assert _status(s, "CSE") == {PENDING} and "mum" not in {s.surface(p.id) for p in s.proposals}


def test_project_memory_is_stored_encrypted_and_survives_reopening(project_path, passphrase):
    p = Project.open(project_path, passphrase, coder="alice")
    assert p.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 4
    assert p.review_memory.remember("reject", "  CSE  ")
    assert not p.review_memory.remember("reject", "cse")  # same string, any case
    assert p.review_memory.remember("accept", "Jodie Smith", "PERSON")
    assert p.review_memory.remember("reject", "Jodie Smith")  # the newest decision wins: off the accepted list
    s = _session()
    p.review_memory.pause("abc123", "interview", "/tmp/interview.txt", {"session": s.to_state()}, 2)
    p.close()
    raw = project_path.read_bytes()
    assert b"Tariq" not in raw and b"Jodie" not in raw
    p = Project.open(project_path, passphrase, coder="alice")
    try:
        assert {(r.kind, r.surface) for r in p.review_memory.remembered()} == {("reject", "CSE"),
                                                                              ("reject", "Jodie Smith")}
        paused = p.review_memory.paused("abc123")
        assert paused.decided == 2 and paused.state["session"]["text"] == TEXT
        assert p.review_memory.forget("reject", "cse") and not p.review_memory.forget("reject", "cse")
        assert p.review_memory.discard_paused("abc123") and p.review_memory.paused("abc123") is None
    finally:
        p.close()


@pytest.mark.parametrize(
    "kind, surface, label",
    [("maybe", "CSE", "ANY"), ("reject", "", "ANY"), ("reject", "x" * 201, "ANY"), ("accept", "Jodie", "ANY"),
     ("accept", "Jodie", "NAME")],
)
def test_bad_remembered_entries_are_refused_with_a_message(project, kind, surface, label):
    with pytest.raises(InvalidValue):
        project.review_memory.remember(kind, surface, label)
    assert project.review_memory.remembered() == []


def test_a_damaged_paused_review_is_ignored(project):
    project.review_memory.pause("d1", "doc", "/x", {"session": {}}, 0)
    with project.transaction():
        project.conn.execute("UPDATE review_paused SET state = '{not json' WHERE sha256 = 'd1'")
    assert project.review_memory.paused("d1") is None
    assert [x.sha256 for x in project.review_memory.paused_list()] == ["d1"]  # still listed, can be discarded
