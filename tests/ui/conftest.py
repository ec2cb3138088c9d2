"""Fixtures for the window tests: a MainWindow with settings in tmp_path, opened on a copy of the template."""

from __future__ import annotations

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture()
def main_window(qtbot, project_path, passphrase, settings):
    """The real main window, shown, with the template project open as coder 'alice'."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
