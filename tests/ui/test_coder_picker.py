"""Issue 23, item 6: the coder name was free text, so a typo started a new coder and split the codings.
Opening a project now picks the coder from the project's coders, or adds one only when asked to."""

from __future__ import annotations

import shutil

import pytest

from qualcoder_cse.ui.passphrase_dialog import PassphraseDialog
from tests.analysis.sample import build_sample
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def two_coders(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("coders") / "sample.qcse", PASSPHRASE)  # alice and bob


@pytest.fixture()
def path(two_coders, tmp_path):
    return shutil.copyfile(two_coders, tmp_path / "study.qcse")


def _open(qtbot, path, coder):
    dialog = PassphraseDialog(path, coder=coder)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_open()
    return dialog


def test_a_typo_offers_the_projects_coders(qtbot, path):
    dialog = _open(qtbot, path, "alcie")
    assert dialog.result() != dialog.DialogCode.Accepted  # not opened as a new coder "alcie"
    assert dialog.coder_box.isVisibleTo(dialog)
    assert [dialog.coder_box.itemText(i) for i in range(dialog.coder_box.count())] == ["alice", "bob"]
    assert dialog.coder_box.currentText() == "alice"  # the closest name
    assert "not a coder in this project" in dialog.message.text()
    dialog.try_open()  # Open as the chosen coder
    assert dialog.result() == dialog.DialogCode.Accepted
    project = dialog.project
    assert project.coder_name == "alice"
    doc = project.documents.by_name("Police 2")
    project.codings.add(project.codes.by_path("Gaps").id, doc.id, 0, 8)
    assert sorted(c.name for c in project.coders.list()) == ["alice", "bob"]
    project.close()


def test_other_case_is_the_same_coder_and_a_known_name_opens_at_once(qtbot, path):
    dialog = _open(qtbot, path, "Alice")
    assert dialog.coder_box.currentText() == "alice"
    dialog.project.close()
    dialog = _open(qtbot, path, "bob")
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.project.coder_name == "bob"
    dialog.project.close()


def test_a_new_coder_only_when_asked(qtbot, path):
    dialog = _open(qtbot, path, "carol")
    assert dialog.new_coder.text() == "Add “carol” as a new coder"
    dialog.new_coder.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.project.coder_name == "carol"
    dialog.project.close()


def test_cancel_at_the_coder_step_closes_the_project(qtbot, path):
    dialog = _open(qtbot, path, "alcie")
    project = dialog.project
    dialog.reject()
    assert dialog.project is None and project.conn is None
