"""The queries the window runs when a project opens give what the straightforward versions gave: the coded
share of each document (a union of spans) and the coder's recent codes (the 1-9 keys)."""

from __future__ import annotations

import random


def _coded_reference(project) -> dict[int, float]:
    lengths = dict(project.conn.execute("SELECT id, char_count FROM documents"))
    spans: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in project.conn.execute('SELECT document_id, start, "end" FROM codings'):
        spans.setdefault(doc_id, []).append((start, end))
    out = {}
    for doc_id, n in lengths.items():
        chars = set()
        for s, e in spans.get(doc_id, []):
            chars.update(range(s, e))
        out[doc_id] = len(chars) / max(1, n)
    return out


def _recent_reference(project, coder_id: int, limit: int = 9) -> list[int]:
    rows = project.conn.execute(
        "SELECT code_id FROM codings WHERE coder_id = ? GROUP BY code_id ORDER BY max(id) DESC LIMIT ?",
        (coder_id, limit),
    ).fetchall()
    return [r[0] for r in rows]


def test_coded_share_and_recent_codes_equal_the_reference(project):
    rng = random.Random(22)
    docs = project.documents.list()
    codes = [c.id for c in project.codes.list()]
    bob = project.coders.get_or_create("bob").id
    alice = project.coders.get_or_create("alice").id
    empty = project.documents.add("Uncoded", "P1: nothing coded here.\n", kind="other")
    for _ in range(400):
        doc = rng.choice(docs)
        start = rng.randrange(0, max(1, doc.char_count - 5))
        end = min(doc.char_count, start + rng.choice([1, 3, 10, 40, 200]))
        if rng.random() < 0.2:  # nested and same-start spans
            end = min(doc.char_count, start + 2)
        project.codings.add_many([(rng.choice(codes), doc.id, start, end)], coder=rng.choice([bob, alice]))
    got = project.documents.coded_fraction()
    want = _coded_reference(project)
    assert got.keys() == want.keys() and got[empty.id] == 0.0
    assert all(abs(got[d] - want[d]) < 1e-12 for d in want)
    assert sum(v > 0 for v in got.values()) >= len(docs)
    for coder in (bob, alice):
        for limit in (1, 3, 9, 50):
            assert project.codings.recent_codes(coder, limit) == _recent_reference(project, coder, limit)


def test_coded_share_of_listed_documents_reads_no_text(project):
    """The document list asks for the coded share of the rows in sight at every open: their lengths come from
    the covering index, never from the rows (char_count sits after the text there, and reading it walked each
    text's overflow pages: every listed text decrypted)."""
    for i in range(5):
        project.documents.add(f"Long {i}", "A long transcript line about partners and police. " * 400)
    ids = [d.id for d in project.documents.list()]
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    try:
        got = project.documents.coded_fraction(ids)
    finally:
        project.conn.set_trace_callback(None)
    assert set(got) == set(ids)
    reads = [s for s in statements if "FROM documents" in s]
    assert reads
    for sql in reads:
        plan = " ".join(str(r[3]) for r in project.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX" in plan and "PRIMARY KEY" not in plan, (sql, plan)
