"""The counts-only code x case matrix (``code_by_case_counts``: case assignment in SQL, no texts) must give
exactly the numbers of the full path (``code_by_case`` on ``load``): on the hand-counted sample project and on
small random projects with nested codes, whole-document cases, speaker-turn cases, turns of one case next to
each other, one document in a whole-document case and in turn cases, and the same span coded with sibling
codes (a theme counts that segment once)."""

from __future__ import annotations

import random

import pandas as pd
import pandas.testing as pdt
import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis.matrices import code_by_case_counts


def assert_same(project, *, rollup: bool = True) -> an.CodeMatrix:
    fast = code_by_case_counts(project, rollup=rollup)
    full = an.code_by_case(an.load(project, with_text=False), rollup=rollup, measures=("codings", "presence"))
    pdt.assert_frame_equal(fast.codings, full.codings)
    pdt.assert_frame_equal(fast.presence, full.presence)
    pdt.assert_frame_equal(fast.rows, full.rows)
    pdt.assert_frame_equal(fast.units, full.units)
    assert fast.words is None and fast.percent is None
    # and the counts equal those of the path with words (which reads every text)
    with_words = an.code_by_case(an.load(project), rollup=rollup)
    pdt.assert_frame_equal(fast.codings, with_words.codings)
    return fast


@pytest.mark.parametrize("rollup", [True, False])
def test_sample_project_same_as_full_path(sample, rollup):
    fast = assert_same(sample, rollup=rollup)
    m = fast.labelled("codings")
    # hand-counted (see tests/analysis/sample.py): Disruption in Police A has c1/c3 (one segment: same span,
    # sibling codes), c2 and c5 -> 3 with roll-up; Voice/Listened in Board P1: c7 and c9
    if rollup:
        assert m.loc["Disruption", "Police A"] == 3
    assert m.loc["Voice/Listened", "Board P1"] == 2


def _random_project(project, seed: int) -> None:
    rnd = random.Random(seed)
    themes = [project.codes.by_path(f"T{seed}-{i}", create=True) for i in range(3)]
    codes = list(themes)
    for t in themes:
        for j in range(rnd.randint(1, 3)):
            child = project.codes.by_path(f"{t.path}/c{j}", create=True)
            codes.append(child)
            if rnd.random() < 0.5:
                codes.append(project.codes.by_path(f"{child.path}/g", create=True))
    docs = []
    for d in range(5):
        text = " ".join(rnd.choice(["alpha", "beta", "gamma", "delta"]) for _ in range(60))
        n = len(text)
        cuts = sorted(rnd.sample(range(1, n - 1), 5))
        turns = [(cuts[i], cuts[i + 1], f"S{i % 3}") for i in range(4)]  # speakers repeat: one case, two turns
        docs.append((project.documents.add(f"R{seed}-{d}", text, kind="other", turns=turns), n))
    for k in range(4):
        case = project.cases.add(f"Case {seed}-{k}")
        if k < 2:
            project.cases.add_documents(case.id, [docs[k][0].id, docs[k + 2][0].id])
    cases = [c for c in project.cases.list() if c.name.startswith(f"Case {seed}-")]
    for doc, _n in docs[1:4]:
        for s in range(3):
            project.turns.map_speaker(doc.id, f"S{s}", rnd.choice(cases).id)
    for _ in range(80):
        doc, n = rnd.choice(docs)
        start = rnd.randrange(0, n - 1)
        end = rnd.randint(start + 1, min(n, start + 40))
        coder = rnd.choice(["alice", "bob"])
        code = rnd.choice(codes)
        project.codings.add(code.id, doc.id, start, end, coder=coder)
        if rnd.random() < 0.3:  # the same segment with another code (often a sibling)
            project.codings.add(rnd.choice(codes).id, doc.id, start, end, coder=coder)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_projects_same_as_full_path(project, seed):
    _random_project(project, seed)
    for rollup in (True, False):
        m = assert_same(project, rollup=rollup)
    assert int(m.codings.to_numpy().sum()) > 0


def test_empty_project_same_as_full_path(project):
    m = assert_same(project)
    assert isinstance(m.codings, pd.DataFrame) and int(m.codings.to_numpy().sum()) == 0
