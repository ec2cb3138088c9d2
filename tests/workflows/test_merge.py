"""Merging coders' copies: the union of codings with coders kept apart, idempotence, and every conflict
reported (documents by content, codes by path)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi_common import RefiError
from qualcoder_cse.workflows.merge import merge_files, merge_projects
from tests.interchange.refi_helpers import snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from qualcoder_cse.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.qcse"
    build_demo(path, "pw")
    return path


def _keep_only(path, coder: str) -> None:
    """One coder's laptop copy: the other coder's codings removed."""
    with Project.open(path, "pw", coder=coder) as p:
        me = p.coders.by_name(coder).id
        p.codings.remove_many([c.id for c in p.codings.list() if c.coder_id != me])


def _codings(project) -> set[tuple]:
    docs = {d.id: d.name for d in project.documents.list()}
    codes = {c.id: c.path for c in project.codes.list()}
    coders = {c.id: c.name for c in project.coders.list()}
    return {
        (docs[c.document_id], codes[c.code_id], c.start, c.end, coders[c.coder_id], c.guid)
        for c in project.codings.list()
    }


def test_merging_two_coders_copies_of_the_demo_gives_the_union(demo, tmp_path):
    alice, bob = tmp_path / "alice.qcse", tmp_path / "bob.qcse"
    shutil.copyfile(demo, alice)
    shutil.copyfile(demo, bob)
    _keep_only(alice, "alice")
    _keep_only(bob, "bob")
    with Project.open(demo, "pw", readonly=True) as original:
        expected = _codings(original)
        n_docs = original.documents.count()
    assert {c[4] for c in expected} == {"alice", "bob"}

    report = merge_files(alice, "pw", bob, "pw", coder="alice")
    with Project.open(alice, "pw", readonly=True) as merged:
        got = _codings(merged)
        per_coder = {name: sum(1 for c in got if c[4] == name) for name in ("alice", "bob")}
    assert got == expected
    assert per_coder["bob"] == sum(1 for c in expected if c[4] == "bob") > 0
    assert report.counts["codings added"] == per_coder["bob"]
    assert report.counts["documents matched"] == n_docs
    assert report.conflicts == []

    # What the agreement statistics compare: the merged copy scores exactly as the original demo.
    from qualcoder_cse.analysis.agreement import intercoder_agreement
    from qualcoder_cse.analysis.data import load
    from qualcoder_cse.core.errors import InvalidValue

    with Project.open(demo, "pw", readonly=True) as original, Project.open(alice, "pw", readonly=True) as merged:
        expected_pooled = intercoder_agreement(load(original)).pooled
        got_pooled = intercoder_agreement(load(merged)).pooled
    assert len(got_pooled) > 0
    pd.testing.assert_frame_equal(got_pooled, expected_pooled)
    with Project.open(bob, "pw", readonly=True) as only_bob, pytest.raises(InvalidValue):
        intercoder_agreement(load(only_bob))

    again = merge_files(alice, "pw", bob, "pw")
    assert again.counts["codings added"] == 0
    assert again.counts["codings already present"] == per_coder["bob"]
    with Project.open(alice, "pw", readonly=True) as merged:
        assert _codings(merged) == expected


def test_new_codes_documents_memos_and_conflicts(project_path, tmp_path, passphrase):
    other_path = tmp_path / "other.qcse"
    shutil.copyfile(project_path, other_path)
    with Project.open(other_path, passphrase, coder="bob") as other:
        doc = other.documents.by_name("Police lead 1")
        new_code = other.codes.by_path("Bob's codes/Hotels", create=True)
        other.codes.recolour(new_code.id, "#abcdef")
        coding = other.codings.add(new_code.id, doc.id, 3, 20, memo="bob's memo").coding
        other.memos.add("coding", coding.id, "why bob coded it")
        other.memos.add("code", new_code.id, "hotel work")
        framework = other.codes.list()[0]
        framework_path = framework.path
        other.codes.recolour(framework.id, "#000000")
        other.documents.rename(doc.id, "Police lead one")  # renamed: still matched by its text
        young = other.documents.by_name("Young people chat")
        other.documents.replace_text(young.id, "yp1: something else entirely\n")
        other.codings.add(new_code.id, young.id, 0, 3)
        extra = other.documents.add("Field note 7", "Observed a strategy meeting.\n", kind="fieldnote")
        other.codings.add(new_code.id, extra.id, 0, 8)
        case = other.cases.add("Site B", "second site")
        other.cases.add_documents(case.id, [extra.id])
        age = other.attributes.add("Age", type="number")
        other.attributes.set_value(age.id, case.id, "40")
        other.links.add(new_code.id, framework.id, "enables", "link memo")
    with (
        Project.open(project_path, passphrase, coder="alice") as project,
        Project.open(other_path, passphrase, readonly=True) as other,
    ):
        report = merge_projects(project, other)
        merged = snapshot(project)
    assert ("Police lead 1", "Bob's codes/Hotels", 3, 20, "bob", "bob's memo") in [
        c[:6] for c in merged["codings"]
    ]
    assert merged["codes"]["Bob's codes/Hotels"][0] == "#abcdef"
    assert "Field note 7" in merged["documents"]
    assert ("Field note 7", "Bob's codes/Hotels", 0, 8, "bob") in [c[:5] for c in merged["codings"]]
    assert not [c for c in merged["codings"] if c[0] == "Young people chat" and c[4] == "bob"]
    assert merged["cases"]["Site B"] == ("second site", ["Field note 7"], {"Age": "40"})
    assert any(m[0] == "coding" and m[3] == "why bob coded it" for m in merged["memos"])
    assert any(m[0] == "code" and m[3] == "hotel work" for m in merged["memos"])
    assert ("Bob's codes/Hotels", framework_path, "enables", "link memo") in merged["links"]
    text = "\n".join(report.lines())
    assert "'Young people chat' has a different text" in text
    assert "colour #000000" in text
    assert "matched 'Police lead 1' by its text" in text
    assert report.counts["documents added"] == 1


def test_merge_refuses_itself(project_path, passphrase):
    with pytest.raises(RefiError):
        merge_files(project_path, passphrase, project_path, passphrase)


def test_one_coder_name_used_on_two_laptops_is_reported(project_path, tmp_path, passphrase):
    other_path = tmp_path / "other.qcse"
    shutil.copyfile(project_path, other_path)
    code_path = "Shared/Name"
    for path, span in ((project_path, (0, 5)), (other_path, (6, 12))):
        with Project.open(path, passphrase, coder="researcher") as p:
            code = p.codes.by_path(code_path, create=True)
            p.codings.add(code.id, p.documents.by_name("Police lead 1").id, *span)
    report = merge_files(project_path, passphrase, other_path, passphrase)
    assert report.counts["codings added"] == 1
    assert any("coder 'researcher' has codings in both projects" in c for c in report.conflicts)


def test_quiet_holds_back_notifications_during_a_merge(project_path, tmp_path, passphrase):
    other_path = tmp_path / "other.qcse"
    shutil.copyfile(project_path, other_path)
    with Project.open(other_path, passphrase, coder="bob") as other:
        code = other.codes.by_path("Bob/New", create=True)
        other.codings.add(code.id, other.documents.list()[0].id, 0, 4)
    seen: list = []
    with (
        Project.open(project_path, passphrase) as project,
        Project.open(other_path, passphrase, readonly=True) as other,
    ):
        project.subscribe(seen.append)
        with project.quiet() as held:
            report = merge_projects(project, other)
        change = held.take()
        assert seen == [] and change.codes and change.codings
        project.publish(change)
        assert seen == [change]
    assert report.counts["codings added"] == 1


def test_cancelled_merge_changes_nothing(project_path, tmp_path, passphrase):
    from qualcoder_cse.interchange.refi_common import RefiCancelled

    other_path = tmp_path / "other.qcse"
    shutil.copyfile(project_path, other_path)
    with Project.open(other_path, passphrase, coder="bob") as other:
        code = other.codes.by_path("Bob/New", create=True)
        other.codings.add(code.id, other.documents.list()[0].id, 0, 4)
    with Project.open(project_path, passphrase) as project:
        before = snapshot(project)
    with pytest.raises(RefiCancelled):
        merge_files(project_path, passphrase, other_path, passphrase, progress=lambda d, t, s: s != "codings")
    with Project.open(project_path, passphrase, readonly=True) as project:
        assert snapshot(project) == before
