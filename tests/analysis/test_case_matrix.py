"""The Analysis view's first matrix (``code_by_case_all``: codings, presence, words coded and % from the case
hits and the word starts, no frames of codings or turns) must equal the full path (``code_by_case`` on
``load``) cell by cell: on the hand-counted sample, on random projects with accents, apostrophes, emoji,
overlapping codings by two coders, nested codes, whole-document and speaker-turn cases, and on a project
written by the benchmark's generator (bench/make_project.py, scale 0.004)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas.testing as pdt
import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis.case_matrix import code_by_case_all
from qualcoder_cse.analysis.data import _WORD, word_starts_of
from qualcoder_cse.core import Project
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["alpha", "béta", "don't", "o’clock", "police", "🙂", "snap_chat", "x-ray", "42", "...", "Ærø", "—"]


def assert_same(project, *, rollup: bool = True) -> an.CodeMatrix:
    """The fast path equals the full path, and the full path with every text scanned again (the old
    algorithm, before word starts were stored)."""
    new = code_by_case_all(project, rollup=rollup)
    data = an.load(project)
    stored = an.code_by_case(data, rollup=rollup)
    data.word_starts = {d: word_starts_of(text) for d, text in data.texts.items()}
    scanned = an.code_by_case(data, rollup=rollup)
    for old in (stored, scanned):
        for measure in an.matrices.MEASURES:
            pdt.assert_frame_equal(new.measure(measure), old.measure(measure), obj=measure)
        pdt.assert_frame_equal(new.rows, old.rows)
        pdt.assert_frame_equal(new.units, old.units)
    return new


def from_texts(project, *, rollup: bool = True) -> tuple[dict, dict, dict]:
    """Codings, words coded and the case's words counted one character at a time from the texts and the
    word regex, with none of the analysis code: ({(code, case): n}, {(code, case): words}, {case: words})."""
    texts = {d.id: project.documents.text(d.id) for d in project.documents.list()}
    starts = {d: {m.start() for m in _WORD.finditer(t)} for d, t in texts.items()}
    covers: dict[int, dict[int, set[int]]] = {}  # case -> document -> characters it covers
    for case_id, doc_id, start, end in project.cases.segments():  # whole documents and mapped turns
        covers.setdefault(case_id, {}).setdefault(doc_id, set()).update(range(start, end))
    codes = {c.id: c for c in project.codes.list()}

    def rows_of(code_id: int) -> list[int]:
        out = [code_id]
        while rollup and codes[out[-1]].parent_id:
            out.append(codes[out[-1]].parent_id)
        return out

    segments: dict[tuple, set] = {}
    chars: dict[tuple, set] = {}
    for c in project.codings.list():
        for case_id, docs in covers.items():
            inside = docs.get(c.document_id, set()) & set(range(c.start, c.end))
            if not inside:
                continue
            for row in rows_of(c.code_id):
                segments.setdefault((row, case_id), set()).add((c.document_id, c.start, c.end, c.coder_id))
                chars.setdefault((row, case_id), set()).update((c.document_id, i) for i in inside)
    codings = {k: len(v) for k, v in segments.items()}
    words = {k: sum(1 for d, i in v if i in starts[d]) for k, v in chars.items()}
    case_words = {case: sum(len(s & starts[d]) for d, s in docs.items()) for case, docs in covers.items()}
    return codings, words, case_words


def assert_as_from_texts(project, m: an.CodeMatrix, *, rollup: bool = True) -> None:
    codings, words, case_words = from_texts(project, rollup=rollup)
    for row in m.codings.index:
        for case in m.codings.columns:
            assert m.codings.at[row, case] == codings.get((row, case), 0), (row, case)
            assert m.words.at[row, case] == words.get((row, case), 0), (row, case)
    assert dict(zip(m.units["id"], m.units["words"], strict=True)) == {
        c: case_words.get(c, 0) for c in m.units["id"]}


@pytest.mark.parametrize("rollup", [True, False])
def test_sample_project_equal_to_full_path(sample, rollup):
    m = assert_same(sample, rollup=rollup)
    assert int(m.words.to_numpy().sum()) > 0


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
    for d in range(6):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(40, 90)))
        if d == 5:
            text = "...  —  " * 10  # no word at all
        n = len(text)
        cuts = sorted(rnd.sample(range(1, n - 1), 5))
        turns = [(cuts[i], cuts[i + 1], f"S{i % 3}") for i in range(4)]
        docs.append((project.documents.add(f"R{seed}-{d}", text, kind="other", turns=turns), n))
    for k in range(5):
        case = project.cases.add(f"Case {seed}-{k}")
        if k < 2:
            project.cases.add_documents(case.id, [docs[k][0].id, docs[k + 2][0].id, docs[5][0].id])
    cases = [c for c in project.cases.list() if c.name.startswith(f"Case {seed}-")]
    for doc, _n in docs[1:5]:
        for s in range(3):
            project.turns.map_speaker(doc.id, f"S{s}", rnd.choice(cases[:4]).id)
    for _ in range(120):
        doc, n = rnd.choice(docs)
        start = rnd.randrange(0, n - 1)
        end = rnd.randint(start + 1, min(n, start + 60))
        coder = rnd.choice(["alice", "bob", "carol"])
        project.codings.add(rnd.choice(codes).id, doc.id, start, end, coder=coder)
        if rnd.random() < 0.3:  # the same segment with another code (often a sibling)
            project.codings.add(rnd.choice(codes).id, doc.id, start, end, coder=coder)
        if rnd.random() < 0.3:  # an overlapping span of the same code: the union counts each word once
            project.codings.add(rnd.choice(codes).id, doc.id, max(0, start - 7), min(n, end + 5), coder=coder)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_projects_equal_to_full_path(project, seed):
    _random_project(project, seed)
    for rollup in (True, False):
        m = assert_same(project, rollup=rollup)
        assert_as_from_texts(project, m, rollup=rollup)
    assert int(m.words.to_numpy().sum()) > 0 and int(m.units["words"].sum()) > 0


def test_empty_project_equal_to_full_path(project):
    assert_same(project)


def test_project_of_the_benchmark_generator_equal_to_full_path(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import make_project as mp
    finally:
        sys.path.remove(str(ROOT / "bench"))
    data = mp.generate(mp.Spec().scaled(0.004))
    path = tmp_path / "bench.qcse"
    mp.load_project(data, path, PASSPHRASE)
    with Project.open(path, PASSPHRASE, readonly=True) as p:
        m = assert_same(p)
        assert_as_from_texts(p, m)
        assert int(m.codings.to_numpy().sum()) > 100 and int(m.words.to_numpy().sum()) > 1000
