"""End to end: write the demo with the CLI, open it in the window (as the `gui` command does), code a
passage, undo it; and `gui PROJECT --screenshot` writes a PNG of the painted window."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage

from qualcoder_cse.cli import main as cli_main
from qualcoder_cse.core import Project
from qualcoder_cse.demo import DEMO_PASSPHRASE
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings


@pytest.fixture()
def demo_path(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("QUALCODER_CSE_PASSPHRASE", raising=False)
    path = tmp_path / "demo.qcse"
    assert cli_main(["demo", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"passphrase: {DEMO_PASSPHRASE}" in out
    return path


def test_demo_open_code_undo(qtbot, demo_path, tmp_path, monkeypatch):
    from qualcoder_cse.app import open_with_passphrase

    with Project.open(demo_path, DEMO_PASSPHRASE, readonly=True) as p:
        info = p.info()
        assert (info.documents, info.cases) == (3, 9)
        assert {c.name for c in p.coders.list()} >= {"alice", "bob"}
        before = p.codings.count()
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", DEMO_PASSPHRASE)
    assert open_with_passphrase(window, demo_path, "carol")
    window.show()
    assert window.current_document_id is not None and window.view.painted  # demo codings are painted
    chat = window.project.documents.by_name("Young people's chat")
    window.show_document(chat.id)
    text = window.project.documents.text(chat.id)
    start = text.index("thanks for joining")
    window.view.select_cp(start, start + len("thanks for joining the chat"))
    code = window.project.codes.by_path("Young people's perspectives on policing/Positive encounters")
    assert window.coding.apply_code(code.id)
    assert window.project.codings.count() == before + 1
    window.undo_stack.undo()
    assert window.project.codings.count() == before
    window.close()
    with Project.open(demo_path, DEMO_PASSPHRASE, readonly=True) as p:
        assert p.codings.count() == before


def test_gui_screenshot(qapp, demo_path, tmp_path, monkeypatch):
    from qualcoder_cse.app import run

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its hook; put ours back after
    png = tmp_path / "shot.png"
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", DEMO_PASSPHRASE)
    assert run(str(demo_path), screenshot=str(png), settings=Settings(tmp_path / "s.ini")) == 0
    image = QImage(str(png))
    assert image.width() >= 1000 and image.height() >= 700
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "wrong")
    assert run(str(demo_path), screenshot=str(tmp_path / "no.png"), settings=Settings(tmp_path / "s.ini")) == 3
    assert not (tmp_path / "no.png").exists()


def test_gui_project_without_the_environment_asks(qtbot, demo_path, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.app import open_with_passphrase

    monkeypatch.delenv("QUALCODER_CSE_PASSPHRASE", raising=False)
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)

    def answer():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, answer)
            return
        dlg.passphrase.setText(DEMO_PASSPHRASE)
        dlg.try_open()

    QTimer.singleShot(0, answer)
    assert open_with_passphrase(window, demo_path, "bob")
    assert window.project.coder.name == "bob" and "bob" in window.coder_label.text()
    window.close()
