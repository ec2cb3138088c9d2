"""Code x case, code x document, framework matrix and co-occurrence on the hand-counted sample project
(see tests/analysis/sample.py for the spans the numbers were counted from)."""

from __future__ import annotations

import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.core.errors import NotFound

CASES = ["Board P1", "Board P2", "Police A", "Police B", "YP 1"]
CODES = ["Disruption", "Disruption/CAWN", "Disruption/Hotels", "Voice", "Voice/Listened", "Gaps"]


def rows(df, columns):
    return {code: [int(df.loc[code, c]) for c in columns] for code in df.index}


def test_code_by_case_counts_roll_up_each_segment_once(sample):
    m = an.code_by_case(an.load(sample))
    assert m.units["name"].tolist() == CASES
    assert m.rows["path"].tolist() == CODES
    # Disruption/Police A: c1, c2, c3 (same span as c1: once), c5 (bob) -> 3; c8 spans both speaker turns.
    assert rows(m.labelled("codings"), CASES) == {
        "Disruption": [1, 1, 3, 0, 0],
        "Disruption/CAWN": [0, 0, 2, 0, 0],
        "Disruption/Hotels": [0, 0, 2, 0, 0],
        "Voice": [2, 0, 2, 1, 3],
        "Voice/Listened": [2, 0, 2, 1, 2],
        "Gaps": [0, 0, 0, 0, 0],
    }
    presence = m.labelled("presence")
    assert presence.loc["Disruption"].tolist() == [1, 1, 1, 0, 0]
    assert presence.loc["Gaps"].sum() == 0


def test_code_by_case_words_and_percent(sample):
    m = an.code_by_case(an.load(sample))
    assert m.units["words"].tolist() == [8, 6, 14, 5, 9]  # speaker turns, whole documents
    assert rows(m.labelled("words"), CASES) == {
        "Disruption": [3, 2, 9, 0, 0],  # clipped to each turn: "people turn up." / "P2: Sharing"
        "Disruption/CAWN": [0, 0, 4, 0, 0],
        "Disruption/Hotels": [0, 0, 9, 0, 0],
        "Voice": [4, 0, 6, 4, 8],
        "Voice/Listened": [4, 0, 6, 4, 4],
        "Gaps": [0, 0, 0, 0, 0],
    }
    pct = m.labelled("percent")
    assert pct.loc["Disruption", "Police A"] == pytest.approx(100 * 9 / 14, abs=0.01)
    assert pct.loc["Voice", "YP 1"] == pytest.approx(100 * 8 / 9, abs=0.01)
    assert pct.loc["Disruption", "Board P2"] == pytest.approx(100 * 2 / 6, abs=0.01)


def test_code_by_document_and_no_rollup(sample):
    data = an.load(sample)
    docs = ["Focus group", "Police 1", "Police 2", "YP chat"]
    m = an.code_by_document(data)
    assert rows(m.labelled("codings"), docs)["Disruption"] == [1, 3, 0, 0]
    assert rows(m.labelled("words"), docs)["Disruption"] == [5, 9, 0, 0]
    flat = an.code_by_document(data, rollup=False)
    assert rows(flat.labelled("codings"), docs)["Disruption"] == [1, 0, 0, 0]
    assert rows(flat.labelled("codings"), docs)["Voice"] == [0, 0, 0, 1]


def test_filters_by_coder_kind_code_and_attribute(sample):
    bob = an.code_by_case(an.load(sample, an.Filters(coders=["bob"])))
    assert rows(bob.labelled("codings"), CASES)["Voice"] == [1, 0, 1, 0, 1]
    police = an.load(sample, an.Filters(kinds=["police"]))
    assert sorted(police.documents["name"]) == ["Police 1", "Police 2"]
    assert len(police.codings) == 7
    assert police.cases["name"].tolist() == ["Police A", "Police B"]  # only the cases in those documents
    voice = an.load(sample, an.Filters(codes=["Voice"]))
    assert set(voice.codes["path"]) == {"Voice", "Voice/Listened"}
    assert len(voice.codings) == 8
    board = an.load(sample, an.Filters(attributes={"participant group": ["board"]}))
    assert board.cases["name"].tolist() == ["Board P1", "Board P2"]
    assert len(board.codings) == 3
    north = an.load(sample, an.Filters(attributes={"force": ["North"]}))
    assert sorted(north.documents["name"]) == ["Focus group", "Police 1"]
    with pytest.raises(NotFound):
        an.load(sample, an.Filters(coders=["nobody"]))
    with pytest.raises(NotFound):
        an.load(sample, an.Filters(attributes={"no such": ["x"]}))


def test_framework_matrix_quotes_and_summaries(project_path, sample_path, tmp_path):
    from qualcoder_cse.core import Project
    from tests.analysis.sample import build_sample
    from tests.conftest import PASSPHRASE

    path = build_sample(tmp_path / "fm.qcse", PASSPHRASE)
    with Project.open(path, PASSPHRASE) as p:
        case = p.cases.by_name("Police A")
        theme = p.codes.by_path("Disruption")
        p.frames.set_framework_summary(case.id, theme.id, "Uses CAWNs and hotel visits.")
        fm = an.framework_matrix(an.load(p))
        assert fm.themes["path"].tolist() == ["Disruption", "Voice", "Gaps"]
        quotes = fm.quotes(case.id, theme.id)
        assert [(q.text, q.coder) for q in quotes] == [
            ("warning notices", "bob"),
            ("warning notices a lot", "alice"),
            ("We visit hotels with licensing", "alice"),
        ]
        assert quotes[0].document == "Police 1" and (quotes[0].start, quotes[0].end) == (7, 22)
        assert fm.summaries[(case.id, theme.id)] == "Uses CAWNs and hotel visits."
        board_p2 = p.cases.by_name("Board P2")
        assert [q.text for q in fm.quotes(board_p2.id, theme.id)] == ["P2: Sharing"]
        assert "“warning notices a lot” (Police 1, 7–28; alice)" in fm.cell_text(case.id, theme.id)
        p.frames.set_framework_summary(case.id, theme.id, "")
        assert p.frames.framework_summaries() == {}


def test_cooccurrence_counts_turns_and_jaccard(sample):
    co = an.code_cooccurrence(an.load(sample))
    ov = co.labelled("overlaps")
    # alice coded the same span with CAWN and Hotels; bob's CAWN overlaps them too but is another coder
    assert ov.loc["Disruption/CAWN", "Disruption/Hotels"] == 1
    assert ov.loc["Disruption/Hotels", "Voice/Listened"] == 0
    assert ov.loc["Voice/Listened", "Voice/Listened"] == 7  # the diagonal: the code's codings
    turns = co.labelled("same_turn")
    assert turns.loc["Disruption", "Voice/Listened"] == 1  # speaker P1's turn
    assert turns.loc["Disruption", "Disruption"] == 2
    jac = co.labelled("jaccard")
    assert jac.loc["Disruption/CAWN", "Disruption/Hotels"] == pytest.approx(21 / 51)
    assert jac.loc["Disruption/Hotels", "Voice/Listened"] == pytest.approx(21 / 131)
    pairs = co.pairs()
    assert len(pairs) == 3
    data = an.load(sample)
    cawn, hotels = (
        int(data.codes.loc[data.codes["path"] == p, "id"].iloc[0])
        for p in ("Disruption/CAWN", "Disruption/Hotels")
    )
    quotes = an.overlap_quotes(data, cawn, hotels)
    assert [(q.text, q.coder) for q in quotes] == [("warning notices a lot", "alice")]  # not bob's
    assert len(an.overlap_quotes(data, cawn, cawn)) == 2
