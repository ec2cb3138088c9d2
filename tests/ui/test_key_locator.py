"""File > Import with the anonymiser when the project's re-identification key is not where it is looked for:
the window asks, the researcher locates the key file and the import goes on with the same placeholder series;
Cancel or another project's key imports nothing and starts no new key. (Before, every file failed with the
command line's advice "give it with --key-file".)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from qualcoder_cse.core import Project
from qualcoder_cse.ui.import_dialog import ImportDialog
from tests.conftest import PASSPHRASE

TEXT = "Interviewer: How did it start?\nP1: Kelly Marsden met him at the bus station in Rochdale.\n"


def answer_box(qtbot, button_text: str | None, seen: list[str] | None = None) -> list[str]:
    """Click ``button_text`` (None: Cancel) on the next message box; its text is added to ``seen``."""
    seen = [] if seen is None else seen

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for b in box.buttons():
            if (button_text is None and box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole) or (
                    button_text is not None and b.text() == button_text):
                b.click()
                return
        box.reject()

    QTimer.singleShot(20, click)
    return seen


@pytest.fixture()
def reopened(project_path: Path, tmp_path: Path):
    """(the project opened anew after its key was moved to a USB stick, where the key is now)."""
    with Project.open(project_path, PASSPHRASE, coder="alice") as p:
        p.pseudonyms.ensure_key()  # the first anonymised import wrote the key beside the project
    beside = Path(f"{project_path}.idkey")
    assert beside.is_file()
    away = tmp_path / "usb" / "study.idkey"
    away.parent.mkdir()
    shutil.move(beside, away)
    p = Project.open(project_path, PASSPHRASE, coder="alice")
    yield p, away
    p.close()


def dialog_for(qtbot, project: Project, tmp_path: Path) -> ImportDialog:
    f = tmp_path / "Police lead 7.txt"
    f.write_text(TEXT, encoding="utf-8")
    dialog = ImportDialog(project, paths=[str(f)])
    qtbot.addWidget(dialog)
    dialog.anonymise_mode.setCurrentIndex(dialog.anonymise_mode.findData("auto"))
    return dialog


def test_locating_the_key_lets_the_import_go_on(qtbot, reopened, tmp_path, monkeypatch):
    project, away = reopened
    key_id = project.meta("pseudonym_key_id")
    dialog = dialog_for(qtbot, project, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(away), "")))
    seen = answer_box(qtbot, "Locate key file…")
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.start_import()
    assert seen and "is not at" in seen[0] and "--key-file" not in seen[0]
    assert [r.status for r in dialog.results] == ["imported"]
    doc = project.documents.by_name("Police lead 7")
    text = project.documents.text(doc.id)
    assert "Kelly Marsden" not in text and "[Person" in text
    assert project.meta("pseudonym_key_id") == key_id  # the same series, not a new one
    assert not Path(f"{project.path}.idkey").exists() and project.pseudonyms.key_file == str(away)


def test_cancel_imports_nothing_and_writes_no_key(qtbot, reopened, tmp_path):
    project, _away = reopened
    before = len(project.documents.list())
    dialog = dialog_for(qtbot, project, tmp_path)
    seen = answer_box(qtbot, None)
    dialog.start_import()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert len(project.documents.list()) == before and dialog.results == []
    assert not Path(f"{project.path}.idkey").exists()
    assert dialog.import_button.isEnabled()


def test_another_projects_key_is_refused(qtbot, reopened, tmp_path, monkeypatch):
    project, _away = reopened
    other_path = tmp_path / "other.qcse"
    with Project.create(other_path, PASSPHRASE, framework="none") as other:
        other.pseudonyms.ensure_key()
    before = len(project.documents.list())
    dialog = dialog_for(qtbot, project, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (f"{other_path}.idkey", "")))
    first = answer_box(qtbot, "Locate key file…")
    warning: list[str] = []

    def then_warning() -> None:  # after the first box, the warning saying why (closed with OK)
        if first:
            answer_box(qtbot, "OK", warning)
        else:
            QTimer.singleShot(20, then_warning)

    QTimer.singleShot(20, then_warning)
    dialog.start_import()
    qtbot.waitUntil(lambda: bool(warning), timeout=10_000)
    assert "key of another project" in warning[0] and "Nothing was imported" in warning[0]
    assert len(project.documents.list()) == before and dialog.results == []
    assert project.pseudonyms.key_file is None
