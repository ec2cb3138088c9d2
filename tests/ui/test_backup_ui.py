"""The window's backups, driven through the real widgets: automatic on open (once per interval) and on close
after changes, Back up now, the settings dialog, and the restore dialog (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from qualcoder_cse.core import Project
from qualcoder_cse.core import backup_files as bf
from qualcoder_cse.core.backup import BackupSettings
from qualcoder_cse.ui.backup_settings_dialog import BackupSettingsDialog
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.restore_dialog import RestoreDialog

SHOTS = Path("/tmp/qcse-backup-shots")


@pytest.fixture(autouse=True)
def _own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_CONFIG_DIR", str(tmp_path / "config"))


def backups_of(project_path: Path, folder: Path | None = None) -> list[Path]:
    return bf.backup_files(folder or project_path.parent / "project backups", "project")


def idle(window) -> bool:
    run = window.backup_actions.current
    return run is None or not run.running


def menu_action(window, text: str):
    return next(a for a in window.menus["file"].actions() if a.text().replace("&", "") == text)


def test_opening_backs_up_in_the_background_once_per_interval(qtbot, settings, project_path, passphrase):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    window.show()
    qtbot.waitUntil(lambda: idle(window), timeout=30000)
    first = backups_of(project_path)
    assert len(first) == 1 and first[0].name.endswith("_on-open.qcse")
    assert any(e.action == "backup" and "on open" in e.detail for e in window.project.audit.list())
    assert "Backup written and verified" in window.statusBar().currentMessage()
    window.close_project()  # nothing changed: no backup on close
    assert backups_of(project_path) == first
    window.set_project(Project.open(project_path, passphrase, coder="alice"))  # within the interval: none
    qtbot.waitUntil(lambda: idle(window), timeout=30000)
    assert backups_of(project_path) == first
    window.close()


def test_closing_after_a_change_backs_up_that_change(main_window, qtbot, project_path):
    qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
    project = main_window.project
    doc = project.documents.by_name("Police lead 1")
    project.codings.add(project.codes.by_path("Disruption").id, doc.id, 0, 10)
    main_window.close_project()
    newest = backups_of(project_path)[0]
    assert newest.name.endswith("_on-close.qcse")
    info = bf.inspect(newest, "correct horse battery staple")
    assert info.opens and info.counts["codings"] == 1


def test_settings_dialog_saves_folder_keep_interval_and_rotation_follows(main_window, qtbot, tmp_path):
    qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
    project = main_window.project
    dlg = BackupSettingsDialog(project, main_window)
    qtbot.addWidget(dlg)
    dlg.show()
    target = tmp_path / "usb stick"
    dlg.folder.setText(str(target))
    dlg.keep.setValue(2)
    dlg.interval.setValue(6)
    dlg.on_close.setChecked(False)
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "backup_settings.png"))
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert project.backups.settings() == BackupSettings(str(target), 2, 6.0, True, False)
    for _ in range(3):  # File > Back up now, three times: the newest two are kept
        QTimer.singleShot(0, lambda: None)
        menu_action(main_window, "Back up now…").trigger()
        qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
        box = main_window.findChild(QMessageBox, "backupDone")
        assert box is not None and str(target) in box.text()
        box.close()
        box.deleteLater()
    assert len(bf.backup_files(target, "project")) == 2
    bad = BackupSettingsDialog(project, main_window)
    qtbot.addWidget(bad)
    bad.folder.setText(str(project.path))  # a file
    bad.save()
    assert "is a file, not a folder" in bad.message.text()
    assert project.backups.settings().folder == str(target)


def test_a_failed_backup_is_shown_not_skipped(main_window, qtbot, project_path):
    qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
    project = main_window.project
    project.backups.save_settings(BackupSettings(folder=str(project_path / "under a file")))
    seen = []

    def close_error() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, close_error)
            return
        seen.append(box.text() if isinstance(box, QMessageBox) else "")
        box.close()

    QTimer.singleShot(50, close_error)
    menu_action(main_window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert "backup failed" in seen[0] and "No backup was written" in seen[0]
    assert project.audit.list()[0].action == "backup failed"
    project.backups.save_settings(BackupSettings())  # so the backup on close (the settings changed) works


def test_restore_dialog_lists_and_restores_into_a_new_file_only(main_window, qtbot, project_path, tmp_path):
    qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
    project = main_window.project
    project.documents.add("Added later", "text")
    project.backups.take("before merge")
    damaged = project.backups.take()
    data = bytearray(damaged.path.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.path.write_bytes(bytes(data))
    dlg = RestoreDialog(project.backups.folder(), "project", "correct horse battery staple", main_window,
                        open_path=project.path)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 3, timeout=30000)
    rows = [[dlg.table.item(r, c).text() for c in range(dlg.table.columnCount())] for r in range(3)]
    assert rows[0][6].startswith("damaged") and rows[1][1] == "before merge" and rows[1][2] == "4"
    assert rows[2][1] == "on open" and rows[2][2] == "3" and rows[2][6] == "verified"
    assert dlg.selected().path != damaged.path and dlg.restore_button.isEnabled()
    dlg.table.selectRow(0)
    assert not dlg.restore_button.isEnabled()  # a backup that does not open cannot be restored
    dlg.table.selectRow(2)
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "restore_dialog.png"))
    before = project_path.read_bytes()
    dlg.restore_into(dlg.selected(), project_path)  # the open project: refused, untouched
    assert "already exists" in dlg.message.text() and project_path.read_bytes() == before
    answers = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_no)
            return
        answers.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(50, answer_no)
    dest = tmp_path / "restored"
    dlg.restore_into(dlg.selected(), dest)
    qtbot.waitUntil(lambda: dlg.restored is not None, timeout=30000)
    assert dlg.restored == tmp_path / "restored.qcse" and "restored.qcse" in answers[0]
    with Project.open(dlg.restored, "correct horse battery staple", readonly=True) as copy:
        assert copy.info().documents == 3
    assert main_window.project is project  # still the project that was open
    dlg.wait()


def test_a_merge_and_a_codebook_import_in_the_window_take_a_backup_first(main_window, qtbot, project_path,
                                                                          passphrase, tmp_path):
    import shutil

    qtbot.waitUntil(lambda: idle(main_window), timeout=30000)
    other = tmp_path / "bob.qcse"
    shutil.copyfile(project_path, other)
    with Project.open(other, passphrase, coder="bob") as p:
        doc = p.documents.by_name("Police lead 1")
        p.codings.add(p.codes.by_path("Disruption").id, doc.id, 0, 5)
    actions = main_window.refi_actions
    actions.merge_from(other, passphrase)
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=30000)
    line = actions.last_report[-1]
    assert line.startswith("Backup before the merge: ") and "_before-merge.qcse" in line
    saved = Path(line.removeprefix("Backup before the merge: "))
    with Project.open(saved, passphrase, readonly=True) as before:  # the state before the merge, verified
        assert before.coders.by_name("bob") is None and before.info().codings == 0
    assert main_window.project.info().codings == 1
    qdc = Path(__file__).resolve().parents[1] / "data" / "refi" / "minimal" / "minimal-codebook.qdc"
    actions.import_codebook(qdc)
    assert actions.last_report[-1].startswith("Backup before the import: ")
    assert Path(actions.last_report[-1].removeprefix("Backup before the import: ")).exists()


def test_opening_a_damaged_project_offers_the_newest_backup_that_opens(qtbot, project_path, passphrase):
    from PySide6.QtWidgets import QLabel, QLineEdit

    from qualcoder_cse.ui.errors import message_for
    from qualcoder_cse.ui.passphrase_dialog import PassphraseDialog

    with Project.open(project_path, passphrase) as project:
        project.documents.add("Long", "Some words of a transcript. " * 3000)
        backup = project.backups.take()
    data = bytearray(project_path.read_bytes())
    data[100] ^= 1  # page 1, after the salt
    project_path.write_bytes(bytes(data))
    dlg = PassphraseDialog(project_path, coder="alice")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.findChild(QLineEdit, "passphrase").setText(passphrase)
    dlg.try_open()
    text = dlg.findChild(QLabel, "message").text()
    assert dlg.project is None and "damaged" in text and "first page" in text
    assert "Wrong passphrase" not in text and str(backup.path) in text and "4 documents" in text
    import sqlcipher3.dbapi2 as sq

    assert "damaged" in message_for(sq.DatabaseError("database disk image is malformed"))
