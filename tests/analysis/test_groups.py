"""Themes by group and evidence gaps on the hand-counted sample project."""

from __future__ import annotations

import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.core.errors import NotFound


def test_by_case_attribute(sample):
    data = an.load(sample)
    assert an.default_group_attribute(data) == "participant group"
    g = an.by_group(data, "participant group")
    assert g.unit_kind == "case"
    assert g.groups == ["board", "police", "young people"]
    assert g.group_sizes == {"board": 2, "police": 2, "young people": 1}
    codings = g.codings.set_axis(g.rows["path"])
    pct = g.percent.set_axis(g.rows["path"])
    # the focus-group coding that spans both board speakers counts once for the group
    assert codings.loc["Disruption"].tolist() == [1, 3, 0]
    assert pct.loc["Disruption"].tolist() == [100.0, 50.0, 0.0]
    assert codings.loc["Voice"].tolist() == [2, 3, 3]
    assert pct.loc["Voice"].tolist() == [50.0, 100.0, 100.0]


def test_by_document_kind_and_document_attribute(sample):
    data = an.load(sample)
    g = an.by_group(data, "kind")
    assert g.unit_kind == "document"
    assert g.groups == ["lscb", "police", "young_person"]
    assert g.codings.set_axis(g.rows["path"]).loc["Voice"].tolist() == [2, 3, 3]
    assert g.percent.set_axis(g.rows["path"]).loc["Disruption"].tolist() == [100.0, 50.0, 0.0]
    f = an.by_group(data, "force")
    assert f.groups == ["North", "South"]
    assert f.codings.set_axis(f.rows["path"]).loc["Voice"].tolist() == [4, 4]
    with pytest.raises(NotFound):
        an.by_group(data, "no such attribute")


def test_evidence_gaps_flags(sample):
    gaps = an.evidence_gaps(an.load(sample), "participant group")
    table = {(r.theme, r.group): (r.sources, r.cases, r.codings, r.flag) for r in gaps.itertuples()}
    assert table[("Disruption", "board")] == (1, 2, 1, "single source")
    assert table[("Disruption", "police")] == (1, 1, 3, "single source")
    assert table[("Disruption", "young people")] == (0, 0, 0, "no evidence")
    assert table[("Voice", "police")] == (2, 2, 3, "")
    assert table[("Gaps", "board")] == (0, 0, 0, "no evidence")
    assert len(gaps) == 9
    by_kind = an.evidence_gaps(an.load(sample), "kind")
    kinds = {(r.theme, r.group): (r.sources, r.cases) for r in by_kind.itertuples()}
    assert kinds[("Voice", "police")] == (2, 2)
    assert kinds[("Disruption", "lscb")] == (1, 2)
