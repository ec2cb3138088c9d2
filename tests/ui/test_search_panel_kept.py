"""The search panel is built once per window (while the start screen waits) and pointed at each project:
it shows the open project's codes and nothing else, nothing of a closed project stays in it, a change made
while its tab is hidden is there when it comes to the front, and work started for one project never lands
in the next."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.search_panel import EMPTY_HINT


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def _codes_in(panel) -> list[str]:
    return [panel.code_box.itemText(i) for i in range(panel.code_box.count())]


def _second_project(tmp_path, passphrase) -> Project:
    project = Project.create(tmp_path / "ferries.qcse", passphrase, framework=None, coder="bob")
    project.codes.add("Ferry crossings")
    project.documents.add("Harbour notes", "The ferry police met the night ferry at the harbour.", kind="fieldnote")
    return project


def _window(qtbot, settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_prebuilt_on_the_start_screen_then_filled_for_each_project(qtbot, tmp_path, project_path, passphrase,
                                                                  settings):
    window = _window(qtbot, settings)
    host = window.workbench_extensions.search_host
    qtbot.waitUntil(lambda: host.built is not None, timeout=3000)  # built while the start screen waits
    panel = host.built
    assert host.panel is None and panel.project is None and _codes_in(panel) == []
    assert not window.workbench_extensions.search_dock.isVisible()  # nothing shown on the start screen

    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    _settle(qtbot)
    assert host.built is panel and host.panel is panel and panel.isVisible()  # the same panel, in sight
    codes_a = _codes_in(panel)
    assert codes_a == [c.path for c in window.project.codes.list()] and len(codes_a) > 10
    assert panel.run_search("police") > 0
    panel.query_edit.setText("police")
    assert {h.document_name for h in panel.model.hits} <= {d.name for d in window.project.documents.list()}

    window.close_project()
    _settle(qtbot)
    # nothing of the closed project is left in the kept panel: no codes, no query, no results
    assert panel.project is None and _codes_in(panel) == [] and panel.query_edit.text() == ""
    assert panel.model.rowCount() == 0 and panel.status.text() == EMPTY_HINT and panel.query == ""
    assert not panel.code_all_button.isEnabled()

    window.set_project(_second_project(tmp_path, passphrase))
    _settle(qtbot)
    assert host.built is panel and panel.project is window.project
    assert _codes_in(panel) == ["Ferry crossings"] and panel.model.rowCount() == 0
    assert panel.run_search("police") == 1
    assert [h.document_name for h in panel.model.hits] == ["Harbour notes"]
    window.close()


def test_a_code_added_while_the_tab_is_hidden_is_offered_when_it_comes_back(qtbot, project_path, passphrase,
                                                                           settings):
    window = _window(qtbot, settings)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    _settle(qtbot)
    ext = window.workbench_extensions
    ext.cases_dock.raise_()  # the search tab goes behind
    _settle(qtbot)
    panel = ext.search_host.built
    assert panel is not None and panel.visibleRegion().isEmpty()
    code = window.project.codes.add("Taxi ranks")
    _settle(qtbot)
    ext.search_dock.raise_()
    _settle(qtbot)
    assert not panel.visibleRegion().isEmpty()
    assert "Taxi ranks" in _codes_in(panel)
    panel.set_code(code.id)
    assert panel.current_code_id() == code.id
    window.close()


def test_results_found_for_one_project_are_not_coded_into_the_next(qtbot, tmp_path, project_path, passphrase,
                                                                  settings):
    window = _window(qtbot, settings)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    _settle(qtbot)
    panel = window.workbench_extensions.search_host.panel
    pending = []
    panel.runner = lambda work, on_done, _label: pending.append((work, on_done))  # the work ends later
    assert panel.run_search("police") > 0
    panel.code_all_clicked()
    work, on_done = pending.pop()
    segments = work(None)  # found in the first project while it was open
    assert segments

    window.close_project()
    window.set_project(_second_project(tmp_path, passphrase))
    _settle(qtbot)
    dialogs = []

    def close_any_dialog() -> None:  # a preview shown for the old results would wait for an answer
        modal = QApplication.activeModalWidget()
        if modal is not None:
            dialogs.append(type(modal).__name__)
            modal.reject()

    timer = QTimer(interval=50, timeout=close_any_dialog)
    timer.start()
    try:
        on_done(segments)  # the first project's results arrive after the switch
        _settle(qtbot)
    finally:
        timer.stop()
    assert dialogs == []  # no preview offered them for the project open now
    assert window.project.codings.count() == 0
    window.close()
