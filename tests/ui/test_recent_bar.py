"""The recent-codes bar across opens and clicks: the coder's recent codes with keys 1-9 (or the hint when there
are none), its fixed labels made once per window (each open left a widget action behind before), and a new
recent code added on a click."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidgetAction

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow


def _shown(window) -> list[str]:
    return [a.text() for a in window.recent_bar.actions() if a.isVisible() and not isinstance(a, QWidgetAction)]


def _short(name: str) -> str:
    return name if len(name) <= 20 else name[:18].rstrip() + "…"


def _hint_shown(window) -> bool:
    return any(isinstance(a, QWidgetAction) and a.isVisible() and "keys 1-9" in a.defaultWidget().text()
               for a in window.recent_bar.actions())


def test_recent_codes_bar_across_opens_and_a_click(qtbot, project_path, passphrase, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    assert _shown(window) == [] and _hint_shown(window)  # nothing coded yet: the hint says what comes here

    p = window.project
    doc = p.documents.by_name("Police lead 1")
    codes = [c for c in p.codes.list() if c.parent_id is not None][:2]
    for i, code in enumerate(codes):
        p.codings.add(code.id, doc.id, i * 10, i * 10 + 5)
    window.close_project()
    widgets = None
    for _ in range(3):  # each open shows the same bar, and leaves nothing behind
        window.set_project(Project.open(project_path, passphrase, coder="alice"))
        QApplication.processEvents()
        assert _shown(window) == [f"{k} {_short(c.name)}" for k, c in zip((1, 2), reversed(codes), strict=True)]
        assert not _hint_shown(window)
        count = len(window.recent_bar.findChildren(QWidgetAction))
        assert widgets is None or count == widgets
        widgets = count
        window.close_project()

    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    window.show_document(doc.id)
    third = [c for c in window.project.codes.list() if c.parent_id is not None][2]
    window.view.select_cp(30, 40)
    window.coding.apply_code(third.id)  # a click on a code in the tree
    assert _shown(window)[-1] == f"3 {_short(third.name)}"
    window.close()


def test_a_code_keeps_its_key_after_the_project_is_reopened(qtbot, project_path, passphrase, settings):
    """Keys 1-9 were rebuilt from the newest codings on open, so "1" was another code the next day (found
    trying the window as a researcher would, session 14)."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    doc = window.project.documents.by_name("Police lead 1")
    window.show_document(doc.id)
    codes = [c.id for c in window.project.codes.list() if c.parent_id is not None][:3]
    for i, code_id in enumerate([*codes, codes[0]]):  # A, B, C get keys 1-3; A again keeps key 1
        window.view.select_cp(i * 10, i * 10 + 5)
        window.coding.apply_code(code_id)
    assert window.coding.recent_codes == codes
    window.close_project()

    window.set_project(Project.open(project_path, passphrase, coder="alice"))
    assert window.coding.recent_codes == codes
    window.show_document(doc.id)
    window.view.select_cp(60, 70)
    assert window.coding.apply_recent(2)  # key 2 is still B
    assert [c.code_id for c in window.project.codings.list(document_id=doc.id) if c.start == 60] == [codes[1]]
    window.close()
