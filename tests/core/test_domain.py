"""The domain API: code tree operations keep codings, deletes cascade, search gives offsets, values are checked."""

from __future__ import annotations

import pytest

from qualcoder_cse.core import DuplicateName, InvalidValue, NotFound


def _doc(project, name="Police lead 1"):
    return project.documents.by_name(name)


def test_code_names_unique_per_parent(project):
    theme = project.codes.add("Theme X")
    project.codes.add("Child", theme.id)
    with pytest.raises(DuplicateName):
        project.codes.add("child", theme.id)
    other = project.codes.add("Theme Y")
    assert project.codes.add("Child", other.id).path == "Theme Y/Child"
    with pytest.raises(DuplicateName):
        project.codes.rename(other.id, "theme x")


def test_paths_with_slash_round_trip(project):
    code = project.codes.add("Police/CPS", None)
    child = project.codes.add("Charging", code.id)
    assert child.path == "Police\\/CPS/Charging"
    assert project.codes.by_path(child.path).id == child.id


def test_merge_keeps_every_coding_and_collapses_duplicates(project):
    doc = _doc(project)
    a = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    b = project.codes.by_path("Disruption/Warning letters and informal interventions")
    project.codings.add(a.id, doc.id, 0, 10)
    project.codings.add(a.id, doc.id, 20, 30)
    project.codings.add(b.id, doc.id, 0, 10)  # same span as a's first: collapses
    project.codings.add(b.id, doc.id, 40, 50)
    project.codings.add(b.id, doc.id, 0, 10, coder="bob")  # other coder: kept apart
    spans_before = {(c.start, c.end, c.coder_id) for c in project.codings.list()}
    record = project.codes.merge(b.id, a.id)
    after = project.codings.list()
    assert {(c.start, c.end, c.coder_id) for c in after} == spans_before
    assert {c.code_id for c in after} == {a.id}
    assert len(after) == 4
    with pytest.raises(NotFound):
        project.codes.get(b.id)
    project.codes.unmerge(record)
    assert project.codes.get(b.id).name == b.name
    assert len(project.codings.list(code_id=b.id)) == 3
    assert len(project.codings.list(code_id=a.id)) == 2


def test_merge_moves_children_and_links(project):
    src = project.codes.add("Source")
    child = project.codes.add("Kid", src.id)
    dst = project.codes.add("Target")
    other = project.codes.add("Other")
    link = project.links.add(src.id, other.id, "leads to")
    project.codes.merge(src.id, dst.id)
    assert project.codes.get(child.id).parent_id == dst.id
    assert project.links.get(link.id).from_code_id == dst.id


def test_move_keeps_codings_and_refuses_cycles(project):
    doc = _doc(project)
    parent = project.codes.add("Parent")
    child = project.codes.add("Child", parent.id)
    grandchild = project.codes.add("Grandchild", child.id)
    project.codings.add(grandchild.id, doc.id, 5, 15)
    project.codings.add(child.id, doc.id, 1, 3)
    with pytest.raises(InvalidValue):
        project.codes.move(parent.id, grandchild.id)
    moved = project.codes.move(child.id, None, position=0)
    assert moved.parent_id is None and moved.path == "Child"
    assert project.codes.get(grandchild.id).path == "Child/Grandchild"
    assert project.codes.children(None)[0].id == child.id
    assert len(project.codings.list(code_id=grandchild.id)) == 1
    assert len(project.codings.list(code_id=child.id)) == 1


def test_delete_code_and_restore_exactly(project):
    doc = _doc(project)
    theme = project.codes.by_path("Disruption")
    kids = project.codes.children(theme.id)
    for i, kid in enumerate(kids):
        c = project.codings.add(kid.id, doc.id, i, i + 5).coding
        project.memos.add("coding", c.id, f"memo {i}")
    before_codes = len(project.codes.list())
    snap = project.codes.delete(theme.id)
    assert len(project.codes.list()) == before_codes - 1 - len(kids)
    assert project.codings.count() == 0 and project.memos.list() == []
    project.codes.restore(snap)
    assert len(project.codes.list()) == before_codes
    assert project.codings.count() == len(kids)
    assert len(project.memos.list("coding")) == len(kids)
    assert [c.path for c in project.codes.children(theme.id)] == [k.path for k in kids]


def test_delete_document_removes_codings_and_search_entries(project):
    doc = _doc(project)
    code = project.codes.add("Hotels")
    coding = project.codings.add(code.id, doc.id, 0, 10).coding
    project.memos.add("coding", coding.id, "a memo")
    assert project.search.query("hotels").hits
    project.documents.delete(doc.id)
    assert project.codings.count() == 0
    assert project.memos.list() == []
    assert project.search.query("hotels").hits == []
    assert project.search.document_ids("licensing") == []
    # the search index agrees with the documents table
    n = project.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'hotels'").fetchone()[0]
    assert n == 0


def test_search_offsets_phrases_prefix_and_emoji(project):
    doc = project.documents.by_name("Board focus group")
    text = project.documents.text(doc.id)
    hits = project.search.query("police").hits
    board_hits = [h for h in hits if h.document_id == doc.id]
    assert board_hits and all(text[h.start:h.end].lower() == "police" for h in board_hits)
    # the word after the emoji: code-point offsets, not UTF-16
    h = project.search.query("compared").hits[0]
    assert text[h.start:h.end] == "compared"
    h = project.search.query('"information sharing"').hits[0]
    assert text[h.start:h.end] == "Information sharing"
    starts = [text[h.start:h.end] for h in project.search.query("inform*").hits if h.document_id == doc.id]
    assert starts == ["information", "Information"]
    assert project.search.query("mash sharing").documents_matched == 1  # all words must occur
    with pytest.raises(InvalidValue):
        project.search.query('  "" ')


def test_search_paging(project):
    code_text = " ".join(["hotel"] * 120)
    project.documents.add("Many", code_text)
    first = project.search.query("hotel", limit=50)
    second = project.search.query("hotel", limit=50, offset=50)
    assert first.has_more and len(first.hits) == 50
    assert second.hits[0].start > first.hits[-1].start or second.hits[0].document_id != first.hits[-1].document_id


def test_coding_spans_checked(project):
    doc = _doc(project)
    code = project.codes.add("X")
    with pytest.raises(InvalidValue):
        project.codings.add(code.id, doc.id, 5, 5)
    with pytest.raises(InvalidValue):
        project.codings.add(code.id, doc.id, 0, doc.char_count + 1)
    seen: list = []
    project.subscribe(seen.append)
    first = project.codings.add(code.id, doc.id, 0, 4)
    c1 = first.coding
    assert first.created and c1 == project.codings.get(c1.id)  # what was stored, without reading it back
    again = project.codings.add(code.id, doc.id, 0, 4)  # says it made nothing; tells no listener
    assert not again.created and again.coding == c1
    assert len(seen) == 1 and seen[0].codings and seen[0].coding_ids == {c1.id}
    assert seen[0].document_ids == {doc.id} and seen[0].code_ids == {code.id}
    before, after = project.codings.resize(c1.id, 0, 8)
    assert (before.end, after.end, project.codings.get(c1.id).end) == (4, 8, 8)
    removed = project.codings.remove(c1.id)
    project.codings.restore(removed)
    assert project.codings.get(c1.id) == after


def test_attributes_typed_values(project):
    case = project.cases.add("Force A lead")
    group = project.attributes.add("Participant group", scope="case", type="category",
                                   choices=["police", "LSCB/partner", "young person"])
    years = project.attributes.add("Years in role", scope="case", type="number")
    when = project.attributes.add("Interviewed", scope="case", type="date")
    assert project.attributes.set_value(group.id, case.id, "Police") == "police"
    with pytest.raises(InvalidValue):
        project.attributes.set_value(group.id, case.id, "teacher")
    assert project.attributes.set_value(years.id, case.id, "12") == "12"
    with pytest.raises(InvalidValue):
        project.attributes.set_value(years.id, case.id, "twelve")
    assert project.attributes.set_value(when.id, case.id, "2016-03-31") == "2016-03-31"
    with pytest.raises(InvalidValue):
        project.attributes.set_value(when.id, case.id, "31/31/2016")
    assert project.attributes.values_for(case.id, "case") == {
        "Participant group": "police", "Years in role": "12", "Interviewed": "2016-03-31"}


def test_turns_and_speaker_cases(project):
    text = "F1: one\nF2: two\nF1: three\n"
    doc = project.documents.add("FG", text, kind="lscb", turns=[(0, 7, "F1"), (8, 15, "F2"), (16, 25, "F1")])
    case = project.cases.add("Board manager 1")
    assert project.turns.map_speaker(doc.id, "F1", case.id) == 2
    assert sorted((s, n, c) for s, n, c in project.turns.speakers(doc.id)) == [("F1", 2, case.id), ("F2", 1, None)]
    segs = [s for s in project.cases.segments() if s[1] == doc.id]
    assert sorted(segs) == [(case.id, doc.id, 0, 7), (case.id, doc.id, 16, 25)]


def test_memos_links_and_audit_have_no_transcript_text(project):
    doc = _doc(project)
    code_a = project.codes.add("A")
    code_b = project.codes.add("B")
    coding = project.codings.add(code_a.id, doc.id, 0, 20).coding
    memo = project.memos.add("coding", coding.id, "interesting contrast", title="note")
    assert project.memos.search("contrast")[0].id == memo.id
    link = project.links.add(code_a.id, code_b.id, "enables", "theory", [coding.id])
    assert link.coding_ids == (coding.id,)
    text = project.documents.text(doc.id)
    for entry in project.audit.list(1000):
        assert text[:20] not in entry.detail
    assert any(e.action == "add coding" for e in project.audit.list())


def test_atomic_document_add(project):
    with pytest.raises(InvalidValue):
        project.documents.add("Bad turns", "short", turns=[(0, 99, "X")])
    assert project.documents.by_name("Bad turns") is None
    with pytest.raises(DuplicateName):
        project.documents.add("police lead 1", "x")
    assert project.documents.unique_name("Police lead 1") == "Police lead 1 (2)"


def test_coded_fraction(project):
    doc = _doc(project)
    code = project.codes.add("Z")
    project.codings.add(code.id, doc.id, 0, 10)
    project.codings.add(code.id, doc.id, 5, 20)
    project.codings.add(code.id, doc.id, 5, 20, coder="bob")
    frac = project.documents.coded_fraction()
    assert frac[doc.id] == pytest.approx(20 / doc.char_count)


def test_code_nesting_is_capped_before_anything_is_created(project):
    from qualcoder_cse.core.codes import MAX_CODE_DEPTH

    before = len(project.codes.list())
    with pytest.raises(InvalidValue, match="at most"):
        project.codes.by_path("/".join(["Deep"] * (MAX_CODE_DEPTH + 1)), create=True)
    assert len(project.codes.list()) == before
    leaf = project.codes.by_path("/".join(["Deep"] * MAX_CODE_DEPTH), create=True)
    with pytest.raises(InvalidValue, match="at most"):
        project.codes.add("One more", parent_id=leaf.id)
    other = project.codes.add("Other")
    project.codes.add("Child", parent_id=other.id)
    with pytest.raises(InvalidValue, match="at most"):
        project.codes.move(other.id, leaf.id)
    assert project.codes.get(other.id).parent_id is None
