"""Create and open a project through the real dialogs; a wrong passphrase is refused and can be retried."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit

from qualcoder_cse.ui.main_window import PAGE_START, PAGE_WORK, MainWindow
from qualcoder_cse.ui.new_project_dialog import NewProjectDialog, strength_hint
from qualcoder_cse.ui.passphrase_dialog import PassphraseDialog


def _when_modal(qtbot, handler):
    """Run ``handler(dialog)`` once the modal dialog opened by the next call is showing."""
    done = []

    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, poll)
            return
        try:
            handler(dlg)
        finally:
            done.append(True)

    QTimer.singleShot(0, poll)
    return done


def test_new_project_then_reopen_with_wrong_passphrase_first(qtbot, tmp_path, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentIndex() == PAGE_START

    def fill_new(dlg: NewProjectDialog):
        assert isinstance(dlg, NewProjectDialog)
        dlg.findChild(QLineEdit, "name").setText("Study A")
        dlg.findChild(QLineEdit, "folder").setText(str(tmp_path))
        qtbot.keyClicks(dlg.findChild(QLineEdit, "passphrase1"), "short")
        assert "Too short" in dlg.findChild(QLabel, "strength").text()
        dlg.findChild(QLineEdit, "passphrase1").setText("violet lantern harbour seven")
        dlg.findChild(QLineEdit, "passphrase2").setText("violet lantern harbour sevem")
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dlg.isVisible()
        assert "not the same" in dlg.findChild(QLabel, "message").text()
        dlg.findChild(QLineEdit, "passphrase2").setText("violet lantern harbour seven")
        dlg.findChild(QLineEdit, "coder").setText("carol")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    done = _when_modal(qtbot, fill_new)
    qtbot.mouseClick(window.start_screen.new_button, Qt.MouseButton.LeftButton)
    assert done
    assert window.stack.currentIndex() == PAGE_WORK
    assert window.project.name == "Study A"
    assert "carol" in window.coder_label.text()
    assert window.code_panel.model.rowCount() == 10  # the framework's themes
    path = window.project.path
    assert path == tmp_path / "Study A.qcse"
    window.close_project()
    assert window.stack.currentIndex() == PAGE_START
    assert window.start_screen.recent.count() == 1

    seen = {}

    def fill_open(dlg: PassphraseDialog):
        assert isinstance(dlg, PassphraseDialog)
        dlg.findChild(QLineEdit, "passphrase").setText("wrong passphrase here")
        dlg.findChild(QLineEdit, "coder").setText("carol")
        button = dlg.buttons.button(QDialogButtonBox.StandardButton.Open)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        seen["message"] = dlg.message.text()
        seen["still_open"] = dlg.isVisible()
        dlg.findChild(QLineEdit, "passphrase").setText("violet lantern harbour seven")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    done = _when_modal(qtbot, fill_open)
    item = window.start_screen.recent.item(0)
    window.start_screen.recent.itemActivated.emit(item)
    assert done
    assert seen["still_open"] and "not right" in seen["message"]
    assert window.stack.currentIndex() == PAGE_WORK
    assert window.project.path == path and window.project.coder.name == "carol"
    window.close()


def test_strength_hint_rewards_length():
    assert strength_hint("abc")[0] == 0
    assert strength_hint("correct horse battery staple")[0] >= 3
    assert strength_hint("Tr0ub4dor&3xx")[0] < strength_hint("correct horse battery staple")[0]
