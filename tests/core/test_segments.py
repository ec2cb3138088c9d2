"""project.segments checked against the codings table: AND/OR/NOT, children, and every filter, on a real
SQLCipher file with random overlapping codings by two coders, turns mapped to cases and attributes."""

from __future__ import annotations

import random

import pytest

from qualcoder_cse.core.errors import InvalidValue, NotFound
from qualcoder_cse.core.segments import SegmentQuery

FOCUS = ("P1: We use CAWNs a lot and they work.\nP2: CAWNs are paper, to be honest.\n"
         "INT: What about hotels?\nP1: Hotels help when licensing comes along.\nP2: Not always.\n")


def _turns(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        label = line.split(":", 1)[0]
        out.append((pos, pos + len(line.rstrip("\n")), label))
        pos += len(line)
    return out


@pytest.fixture()
def coded(project):
    """The template plus a focus group with turns mapped to cases, attributes, and 300 random codings."""
    p = project
    focus = p.documents.add("Focus", FOCUS, kind="lscb", turns=_turns(FOCUS), attributes={"Wave": "2"})
    police = p.documents.by_name("Police lead 1")
    ya, yb = p.cases.add("P1 person"), p.cases.add("Lead")
    p.turns.map_speaker(focus.id, "P1", ya.id)
    p.cases.add_documents(yb.id, [police.id])
    role = p.attributes.add("Role", scope="case", type="text")
    p.attributes.set_value(role.id, ya.id, "young person")
    p.attributes.set_value(role.id, yb.id, "police")
    theme = p.codes.by_path("Voices", create=True)
    kids = [p.codes.add(n, theme.id) for n in ("Trust", "Fear")]
    other = p.codes.by_path("Barriers", create=True)
    codes = [theme.id, *(k.id for k in kids), other.id]
    rng = random.Random(7)
    docs = p.documents.list()
    for coder in ("alice", "bob"):
        items = set()
        for _ in range(150):
            d = rng.choice(docs)
            s = rng.randrange(0, d.char_count - 1)
            items.add((rng.choice(codes), d.id, s, min(d.char_count, s + rng.randrange(1, 40))))
        p.codings.add_many(sorted(items), coder=coder)
    return p, theme, kids, other, focus


def _rows(p, coders=None, docs=None):
    rows = p.conn.execute('SELECT id, code_id, document_id, start, "end", coder_id FROM codings').fetchall()
    if coders is not None:
        rows = [r for r in rows if r[5] in coders]
    if docs is not None:
        rows = [r for r in rows if r[2] in docs]
    return rows


def _overlaps(a, b) -> bool:
    return a[2] == b[2] and a[3] < b[4] and b[3] < a[4]


def _ids(p, query) -> set[int]:
    return {s.coding_id for s in p.segments.list(query)}


def test_or_and_not_match_the_codings_table(coded):
    p, theme, kids, other, _ = coded
    rows = _rows(p)
    tset = {theme.id, *(k.id for k in kids)}
    a = [r for r in rows if r[1] in tset]
    b = [r for r in rows if r[1] == other.id]
    assert a and b
    assert _ids(p, SegmentQuery((theme.id,), children=True)) == {r[0] for r in a}
    assert _ids(p, SegmentQuery((theme.id,))) == {r[0] for r in rows if r[1] == theme.id}
    assert _ids(p, SegmentQuery((theme.id, other.id), "or", children=True)) == {r[0] for r in a + b}
    want_and = {r[0] for r in a if any(_overlaps(r, o) for o in b)} | {
        r[0] for r in b if any(_overlaps(r, o) for o in a)}
    assert want_and and _ids(p, SegmentQuery((theme.id, other.id), "and", children=True)) == want_and
    want_not = {r[0] for r in a if not any(_overlaps(r, o) for o in b)}
    got_not = _ids(p, SegmentQuery((theme.id, other.id), "not", children=True))
    assert want_not and got_not == want_not and got_not != {r[0] for r in a}
    # a passage coded Trust and Fear is "and"; the theme itself is not part of either set without children
    t, f = kids
    ta = [r for r in rows if r[1] == t.id]
    fa = [r for r in rows if r[1] == f.id]
    want = {r[0] for r in ta if any(_overlaps(r, o) for o in fa)} | {r[0] for r in fa if any(_overlaps(r, o) for o in ta)}
    assert _ids(p, SegmentQuery((t.id, f.id), "and")) == want


def test_filters_by_coder_document_kind_case_and_attribute(coded):
    p, theme, kids, other, focus = coded
    bob = p.coders.by_name("bob").id
    tset = {theme.id, *(k.id for k in kids)}
    by_bob = [r for r in _rows(p, coders={bob}) if r[1] in tset]
    assert _ids(p, SegmentQuery((theme.id,), children=True, coders=(bob,))) == {r[0] for r in by_bob}
    # AND within one coder's codings: the overlap partner must be bob's too
    b_other = [r for r in _rows(p, coders={bob}) if r[1] == other.id]
    want = {r[0] for r in by_bob if any(_overlaps(r, o) for o in b_other)} | {
        r[0] for r in b_other if any(_overlaps(r, o) for o in by_bob)}
    assert _ids(p, SegmentQuery((theme.id, other.id), "and", children=True, coders=(bob,))) == want
    in_focus = {r[0] for r in _rows(p, docs={focus.id}) if r[1] in tset}
    assert _ids(p, SegmentQuery((theme.id,), children=True, documents=(focus.id,))) == in_focus
    lscb = {d.id for d in p.documents.list() if d.kind == "lscb"}
    assert _ids(p, SegmentQuery((theme.id,), children=True, kinds=("lscb",))) == {
        r[0] for r in _rows(p, docs=lscb) if r[1] in tset}
    # the case of P1's turns: codings overlapping a P1 turn of the focus group
    ya = p.cases.by_name("P1 person")
    p1_turns = [(t.start, t.end) for t in p.turns.list(focus.id) if t.case_id == ya.id]
    want_p1 = {r[0] for r in _rows(p, docs={focus.id}) if r[1] in tset
               and any(r[3] < e and s < r[4] for s, e in p1_turns)}
    assert want_p1 and _ids(p, SegmentQuery((theme.id,), children=True, cases=(ya.id,))) == want_p1
    assert _ids(p, SegmentQuery((theme.id,), children=True, attributes={"Role": ("Young Person",)})) == want_p1
    police = p.documents.by_name("Police lead 1").id
    both = _ids(p, SegmentQuery((theme.id,), children=True, attributes={"Role": ("police", "young person")}))
    assert both == want_p1 | {r[0] for r in _rows(p, docs={police}) if r[1] in tset}
    wave = _ids(p, SegmentQuery((theme.id,), children=True, attributes={"Wave": ("2",)}))
    assert wave == in_focus


def test_segment_fields_text_context_speaker_case(coded):
    p, _theme, _kids, _other, focus = coded
    code = p.codes.by_path("Barriers")
    start = FOCUS.index("CAWNs are paper")
    c = p.codings.add(code.id, focus.id, start, start + len("CAWNs are paper"), coder="carol", memo="key quote").coding
    seg = next(s for s in p.segments.list(SegmentQuery((code.id,))) if s.coding_id == c.id)
    assert (seg.text, seg.speaker, seg.coder, seg.memo, seg.code_path) == (
        "CAWNs are paper", "P2", "carol", "key quote", "Barriers")
    assert seg.before == "P1: We use CAWNs a lot and they work.\nP2: "
    assert seg.after == ", to be honest.\nINT: What about hotels?"
    assert seg.cases == () and seg.document_name == "Focus" and seg.document_kind == "lscb"
    assert seg.source == "Focus, P2, characters 42-57"
    first = FOCUS.index("We use")
    c2 = p.codings.add(code.id, focus.id, first, first + 6, coder="carol").coding
    seg2 = next(s for s in p.segments.list(SegmentQuery((code.id,))) if s.coding_id == c2.id)
    assert seg2.speaker == "P1" and seg2.cases == ("P1 person",) and seg2.before == "P1: "


def test_bad_queries_are_clear(coded):
    p, theme, *_ = coded
    with pytest.raises(InvalidValue):
        p.segments.list(SegmentQuery(()))
    with pytest.raises(InvalidValue, match="not"):
        p.segments.list(SegmentQuery((theme.id,), "not"))
    with pytest.raises(InvalidValue):
        p.segments.list(SegmentQuery((theme.id,), "xor"))
    with pytest.raises(NotFound):
        p.segments.list(SegmentQuery((999_999,)))
    with pytest.raises(NotFound, match="attribute"):
        p.segments.list(SegmentQuery((theme.id,), attributes={"Nope": ("x",)}))
    with pytest.raises(NotFound, match="coder"):
        p.segments.coder_ids(["nobody"])
    assert p.segments.list(SegmentQuery((theme.id,), coders=())) == []
