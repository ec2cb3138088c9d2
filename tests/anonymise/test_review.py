"""The headless review model: decisions, a missed span added (every other mention proposed), accept all,
the anonymised text with its offset map, speaker labels, and the log without original text."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.review import ACCEPTED, PENDING, REJECTED, ReviewSession

TEXT = (
    "INT: Who helped you?\n"
    "YP: my youth worker Lorraine, she was sound. Lorraine took me to Oakfield Academy.\n"
    "YP: then Brisk picked me up. brisk always had weed. BRISK's car was AB12 CDE\n"
)


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


def session(det, text=TEXT) -> ReviewSession:
    return ReviewSession(text, det.detect(text), detector=det)


def test_proposals_start_pending_and_can_be_decided(det):
    s = session(det)
    assert s.pending_count == len(s.proposals) > 0
    first, second = s.proposals[0], s.proposals[1]
    s.accept(first.id)
    s.reject(second.id)
    assert s.get(first.id).status == ACCEPTED and s.get(second.id).status == REJECTED
    assert s.pending_count == len(s.proposals) - 2
    s.relabel(first.id, "ORG")
    assert s.get(first.id).label == "ORG"
    with pytest.raises(ValueError):
        s.relabel(first.id, "NICKNAME")


def test_add_missed_span_proposes_every_other_mention(det):
    s = session(det)
    assert not any(s.surface(p.id).lower() == "brisk" for p in s.proposals)  # a nickname that is a word
    start = TEXT.index("Brisk")
    added = s.add_span(start, start + 5, "PERSON")
    assert added[0].status == ACCEPTED and added[0].source == "manual"
    others = added[1:]
    assert sorted(TEXT[p.start:p.end] for p in others) == ["BRISK", "brisk"]
    assert all(p.status == PENDING and p.label == "PERSON" for p in others)
    s.accept_all()
    result = s.apply()
    assert "brisk" not in result.text.lower()
    assert result.text.count("[Person 2]") == 3  # Lorraine is Person 1; every Brisk mention is one entity
    assert "[Person 2]'s car" in result.text


def test_accept_all_and_apply_replace_with_consistent_placeholders(det):
    s = session(det)
    s.accept_all()
    assert s.pending_count == 0
    result = s.apply()
    assert "Lorraine" not in result.text and "Oakfield" not in result.text and "AB12 CDE" not in result.text
    assert result.text.count("[Person 1]") == 2
    assert "[School 1]" in result.text and "[Vehicle reg]" in result.text
    assert result.text.startswith("INT: Who helped you?\n")


def test_offset_map_moves_turns_onto_the_new_text(det):
    s = session(det)
    s.accept_all()
    result = s.apply()
    lines = TEXT.split("\n")[:3]
    turns, pos = [], 0
    for line in lines:
        turns.append((pos, pos + len(line), line.split(":")[0]))
        pos += len(line) + 1
    new_lines = result.text.split("\n")[:3]
    for (start, end, speaker), new_line in zip(result.map_turns(turns), new_lines, strict=True):
        assert result.text[start:end] == new_line
        assert new_line.startswith(speaker)


def test_rejected_proposals_stay_and_pending_can_be_required(det):
    s = session(det)
    for p in s.proposals:
        s.reject(p.id)
    assert s.apply().text == TEXT
    s2 = session(det)
    with pytest.raises(ValueError):
        s2.apply(require_decided=True)


def test_accept_every_mention(det):
    s = session(det)
    lorraines = [p for p in s.proposals if s.surface(p.id) == "Lorraine"]
    assert len(lorraines) == 2
    s.accept_every_mention(lorraines[0].id)
    assert all(s.get(p.id).status == ACCEPTED for p in lorraines)


def test_log_has_decisions_but_never_the_original_text(det):
    s = session(det)
    ids = [p.id for p in s.proposals]
    s.reject(ids[0])
    s.accept_all()
    result = s.apply()
    decisions = {e.decision for e in result.log}
    assert {"accepted", "rejected"} <= decisions
    blob = repr(result.log)
    for original in ("Lorraine", "Oakfield", "AB12"):
        assert original not in blob


def test_speaker_labels_are_anonymised_with_the_session_entities(det):
    text = "DS Patel: we spoke to Jodie.\nJodie: yeah\n"
    s = ReviewSession.detect(text, detector=det)
    s.accept_all()
    assert "Patel" not in s.anonymise_label("DS Patel")
    assert s.anonymise_label("Jodie") == s.apply().text.split("\n")[1].split(":")[0]


def test_listeners_hear_about_changes(det):
    s = session(det)
    heard = []
    s.subscribe(lambda what, payload: heard.append(what))
    s.accept(s.proposals[0].id)
    s.add_span(0, 3, "PERSON", mentions=False)
    assert heard == ["status", "added"]
