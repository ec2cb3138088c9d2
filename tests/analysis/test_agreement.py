"""Agreement statistics against worked examples from the literature, then over a project's codings.

- Cohen's kappa: the standard 2x2 example (50 items: 20 both yes, 5 and 10 split, 15 both no) gives
  po = 0.7, pe = 0.5, kappa = 0.4 (e.g. Wikipedia, "Cohen's kappa"); Cohen (1960)-style k x k table.
- Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": the binary two-coder example
  (alpha = 0.095) and the nominal example with four coders, five values and missing data (alpha = 0.743).
"""

from __future__ import annotations

import math

import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import InvalidValue
from tests.analysis.sample import D1, D2, D3, D4
from tests.conftest import PASSPHRASE

N = None
KRIPP_4 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def test_cohen_worked_example():
    po, pe, kappa = an.cohen_kappa(20, 5, 10, 15)
    assert (po, pe) == pytest.approx((0.7, 0.5))
    assert kappa == pytest.approx(0.4)
    assert an.cohen_kappa_table([[20, 5], [10, 15]]) == pytest.approx(0.4)
    # perfect agreement, and agreement no better than chance
    assert an.cohen_kappa(10, 0, 0, 40)[2] == pytest.approx(1.0)
    assert an.cohen_kappa(25, 25, 25, 25)[2] == pytest.approx(0.0)


def test_krippendorff_worked_examples():
    assert an.krippendorff_alpha_nominal(KRIPP_4) == pytest.approx(0.743, abs=5e-4)
    binary = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert an.krippendorff_alpha_nominal(binary) == pytest.approx(0.095, abs=5e-4)


@pytest.fixture()
def agree(agreement_path):
    p = Project.open(agreement_path, PASSPHRASE, readonly=True)
    yield p
    p.close()


def test_character_units_reproduce_the_kappa_example(agree):
    res = an.intercoder_agreement(an.load(agree, an.Filters(documents=["Cohen"])), unit="character")
    row = res.pairs.iloc[0]
    assert (row.both, row.a_only, row.b_only, row.neither) == (20, 5, 10, 15)
    assert row.percent_agreement == pytest.approx(70.0)
    assert row.kappa == pytest.approx(0.4)
    assert res.pooled.iloc[0].pooled_kappa == pytest.approx(0.4)


def test_sentence_units_reproduce_the_alpha_example(agree):
    data = an.load(agree, an.Filters(documents=["Kripp"]))
    res = an.intercoder_agreement(data, unit="sentence")
    assert res.pairs.iloc[0].units == 10
    assert res.alpha.iloc[0].alpha == pytest.approx(0.095, abs=5e-4)
    row = res.pairs.iloc[0]
    # table: both 1, carol only 1, dave only 3, neither 5 -> po 0.6, pe 0.56
    assert (row.both, row.a_only, row.b_only, row.neither) == (1, 1, 3, 5)
    assert row.kappa == pytest.approx((0.6 - 0.56) / 0.44, abs=1e-4)
    # the same units as lines ("turn" falls back to lines when a document has no speaker turns)
    assert an.intercoder_agreement(data, unit="turn").alpha.iloc[0].alpha == pytest.approx(0.095, abs=5e-4)


def test_documents_either_coder_coded_all_count(sample):
    """Issue 23: a document only one coder coded is compared (the other's "not coded" is disagreement), not
    silently dropped; a code neither coder used is "not used by either", with no percentage and no kappa."""
    res = an.intercoder_agreement(an.load(sample), unit="character")
    # Police 2 was coded by alice only: it counts, with everything bob did not code there as disagreement
    assert res.documents[("alice", "bob")] == 4
    assert res.document_names[("alice", "bob")] == ["Police 1", "Focus group", "YP chat", "Police 2"]
    row = res.pairs.set_index("code").loc["Disruption/CAWN"]
    assert (row.both, row.a_only, row.b_only) == (15, 6, 0)
    n = int(row.units)
    assert n == len(D1) + len(D2) + len(D3) + len(D4)
    listened = res.pairs.set_index("code").loc["Voice/Listened"]
    assert listened.a_only >= len("listened to the girl")  # alice's Police 2 coding is a disagreement
    gaps = res.pairs.set_index("code").loc["Gaps"]  # in the codebook, coded by nobody
    assert gaps.note == "not used by either"
    assert math.isnan(gaps.percent_agreement) and math.isnan(gaps.kappa)
    assert res.alpha.set_index("code").loc["Gaps"].note == "not used by any coder"
    assert math.isnan(res.alpha.set_index("code").loc["Gaps"].alpha)
    # the pooled kappa is over the codes used, not raised by the unused one
    used = res.pairs[res.pairs["note"] == ""]
    assert len(used) == len(res.pairs) - 1
    (sentence,) = res.compared()
    assert "alice and bob: 4 document(s) that either coded (Police 1; Focus group; YP chat; Police 2)" in sentence
    assert "1 not used by either" in sentence
    po = (15 + row.neither) / n
    pe = (21 * 15 + (n - 21) * (n - 15)) / n**2
    assert row.kappa == pytest.approx((po - pe) / (1 - pe), abs=1e-4)
    # alpha per code equals the general nominal alpha over the same binary character units
    assert res.alpha.set_index("code").loc["Disruption/CAWN"].alpha == pytest.approx(
        an.krippendorff_alpha_nominal([[1] * 15 + [1] * 6 + [0] * (n - 21), [1] * 15 + [0] * (n - 15)]),
        abs=1e-4,
    )


def test_alpha_with_three_coders_and_an_uncoded_document(tmp_path):
    """Three coders over three one-sentence-per-line documents; carol did not code the second document, so
    there she coded nothing (no, on every unit: uncoded is disagreement, as for the pairs). The
    project-level alpha must equal the nominal alpha of the implied table."""
    with Project.create(tmp_path / "three.qcse", PASSPHRASE, framework="none", coder="alice") as p:
        code = p.codes.by_path("Yes", create=True)
        other = p.codes.by_path("Other", create=True)
        lines = ["One.", "Two.", "Three.", "Four."]
        text = "\n".join(lines)
        starts = [text.index(x) for x in lines]
        plan = {  # document -> coder -> lines coded "Yes"
            "A": {"alice": [0, 1], "bob": [0], "carol": [0, 1, 2]},
            "B": {"alice": [3], "bob": [2, 3]},
            "C": {"alice": [], "bob": [1], "carol": [1]},
        }
        expected = {"alice": [], "bob": [], "carol": []}
        for name, coders in plan.items():
            doc = p.documents.add(name, text)
            for coder in ("alice", "bob", "carol"):
                if coder not in coders:
                    expected[coder] += [0] * 4
                    continue
                p.codings.add(other.id, doc.id, 0, 3, coder=coder)  # so that every listed coder coded the doc
                for i in coders[coder]:
                    p.codings.add(code.id, doc.id, starts[i], starts[i] + len(lines[i]), coder=coder)
                expected[coder] += [1 if i in coders[coder] else 0 for i in range(4)]
        res = an.intercoder_agreement(an.load(p), unit="sentence")
    alpha = res.alpha.set_index("code").loc["Yes"].alpha
    assert alpha == pytest.approx(an.krippendorff_alpha_nominal(list(expected.values())), abs=1e-4)
    assert res.documents == {("alice", "bob"): 3, ("alice", "carol"): 3, ("bob", "carol"): 3}


def test_agreement_needs_two_coders(sample):
    with pytest.raises(InvalidValue):
        an.intercoder_agreement(an.load(sample, an.Filters(coders=["alice"])))
    with pytest.raises(InvalidValue):
        an.intercoder_agreement(an.load(sample), unit="paragraph")


def test_disagreements_list_what_only_one_coder_coded(sample):
    data = an.load(sample)
    listened = int(data.codes.loc[data.codes["path"] == "Voice/Listened", "id"].iloc[0])
    quotes = an.disagreements(data, listened, "alice", "bob")
    assert [(q.document, q.start, q.end, q.coder, q.text) for q in quotes] == [
        ("Police 1", 39, 60, "only bob", "hotels with licensing"),
        ("Police 1", 62, 80, "only alice", "Nothing else works"),
        ("Focus group", 18, 23, "only bob", " when"),
        ("YP chat", 19, 23, "only bob", " tbh"),
        ("Police 2", 9, 29, "only alice", "listened to the girl"),
    ]  # Police 2 counts although bob coded nothing there
    # the characters listed are exactly the table's disagreements (b + c)
    row = an.intercoder_agreement(data).pairs.set_index("code").loc["Voice/Listened"]
    assert sum(q.end - q.start for q in quotes) == row.a_only + row.b_only
