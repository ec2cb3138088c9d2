"""Quit with the Analysis window floating, start again on a project: the last session's layout shows the
Analysis window, and it holds the Analysis view (it came back as an empty grey window over the workbench)."""

from __future__ import annotations

from qualcoder_cse.core import Project
from qualcoder_cse.ui.analysis_view import AnalysisView
from qualcoder_cse.ui.main_window import MainWindow


def test_a_restored_analysis_window_is_filled(qtbot, project_path, passphrase, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.set_project(Project.open(project_path, passphrase, coder="alice"))
    first.show()
    first.analysis_actions.show_analysis()
    assert first.analysis_actions.dock.isFloating() and first.analysis_actions.dock.isVisible()
    first.close()  # saves the layout, as quitting does

    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.set_project(Project.open(project_path, passphrase, coder="alice"))  # gui PROJECT: opened first,
    again.restore_layout()  # then the layout restored (app.run's order)
    again.show()
    dock = again.analysis_actions.dock
    qtbot.waitUntil(dock.isVisible, timeout=5_000)
    assert isinstance(again.analysis_actions.host.panel, AnalysisView)
    assert again.analysis_actions.host.panel.isVisible()
    again.close()


def test_closing_the_project_while_the_analysis_computes_does_not_crash(qtbot, main_window, project_path,
                                                                         passphrase):
    """The Analysis view reads the project in its own thread; closing the project under it closed the
    connection in the middle of a statement and the process died (a segmentation fault)."""
    w = main_window
    for _ in range(5):
        view = w.analysis_actions.show_analysis()
        assert view is not None and view.busy()  # its first matrix is being computed
        w.close_project()
        assert w.project is None and w.analysis_actions.host.panel is None
        qtbot.wait(50)
        w.set_project(Project.open(project_path, passphrase, coder="alice"))
    assert w.project.codes.list()
