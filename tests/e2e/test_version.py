"""The version comes from one place (``qualcoder_cse.__version__``): ``--version``, the About box, the build."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qualcoder_cse import __version__
from qualcoder_cse.cli import main


def test_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_cli_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"qualcoder-cse {__version__}"


def test_about_box_shows_the_version(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    from qualcoder_cse.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.show_about()
    assert seen and f"QualCoder-CSE {__version__}" in seen[0]
