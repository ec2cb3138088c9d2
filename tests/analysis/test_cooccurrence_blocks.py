"""Overlapping codings are counted a block of codings at a time (memory): the counts must equal a plain count
of every pair on a document with more codings than a block (600 codings, two coders, nested spans)."""

from __future__ import annotations

import random

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis import cooccurrence


def test_overlaps_equal_a_count_of_every_pair(project):
    rnd = random.Random(7)
    text = " ".join(rnd.choice(["alpha", "beta", "gamma", "delta"]) for _ in range(2000))
    doc = project.documents.add("Long", text, kind="other")
    codes = [project.codes.by_path(f"K/c{i}", create=True) for i in range(6)]
    spans = []
    for _ in range(600):
        start = rnd.randrange(0, len(text) - 50)
        spans.append((rnd.choice(codes).id, start, start + rnd.randint(1, 300), rnd.choice(["alice", "bob"])))
    for code_id, s, e, coder in spans:
        project.codings.add(code_id, doc.id, s, min(e, len(text)), coder=coder)
    assert len(spans) > 2 * cooccurrence.PAIR_BLOCK
    data = an.load(project)
    co = an.code_cooccurrence(data)
    c = data.codings
    rows = list(zip(c["code_id"], c["start"], c["end"], c["coder"], strict=True))
    expected: dict[tuple[int, int], int] = {}
    for i, (ka, sa, ea, ca) in enumerate(rows):
        expected[(ka, ka)] = expected.get((ka, ka), 0) + 1
        for kb, sb, eb, cb in rows[i + 1 :]:
            if sa < eb and sb < ea and ca == cb and ka != kb:
                expected[(ka, kb)] = expected.get((ka, kb), 0) + 1
                expected[(kb, ka)] = expected.get((kb, ka), 0) + 1
    got = {(int(a), int(b)): int(co.overlaps.loc[a, b]) for a in co.overlaps.index for b in co.overlaps.columns
           if co.overlaps.loc[a, b]}
    assert got == expected and sum(got.values()) > 1000
