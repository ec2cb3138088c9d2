"""Opening a project builds only the panels on show: a dock behind another tab builds its panel when its tab
is brought to the front (and then shows the project's data), or when an action needs it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def test_hidden_tabs_build_their_panels_when_brought_forward(qtbot, project_path, passphrase, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    _settle(qtbot)
    ext, seg = window.workbench_extensions, window.segments_extension
    assert ext.search_host.built is not None  # the front tab of the bottom area
    assert ext.cases_host.built is None and ext.links_host.built is None and seg._panel is None

    window.project.cases.add("Young person A")  # after the open: the panel built later shows it
    ext.cases_dock.raise_()
    _settle(qtbot)
    cases = ext.cases_host.built
    assert cases is not None and cases.isVisible()
    assert cases.model.rowCount() == len(window.project.cases.list()) == 1

    seg.dock.raise_()
    _settle(qtbot)
    assert seg._panel is not None and seg._panel.isVisible()

    # the memo pane was never shown, yet it follows the document shown once it is built
    doc = window.project.documents.by_name("Police lead 1")
    window.show_document(doc.id)
    memo = ext.memo_host.panel
    assert (memo.kind, memo.target_id) == ("document", doc.id)

    window.close_project()
    assert ext.cases_host.built is None and seg._panel is None and ext.memo_host.built is None
    window.close()
