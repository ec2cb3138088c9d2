"""Fixtures for the window tests: a MainWindow with settings in tmp_path, opened on a copy of the template."""

from __future__ import annotations

import shutil

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings
from tests.analysis.sample import build_sample
from tests.conftest import PASSPHRASE


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


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    """The hand-counted analysis sample (tests/analysis/sample.py), built once for the Analysis view tests."""
    return build_sample(tmp_path_factory.mktemp("uisample") / "sample.qcse", PASSPHRASE)


@pytest.fixture()
def sample_rw(sample_template, tmp_path):
    """A writable copy of the sample, open as coder 'alice'."""
    path = tmp_path / "sample.qcse"
    shutil.copyfile(sample_template, path)
    p = Project.open(path, PASSPHRASE, coder="alice")
    yield p
    p.close()
