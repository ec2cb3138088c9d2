"""Extensions see the main window only through the WorkbenchHost protocol (ui.host): installed on a host that
lets through nothing else (and refuses attributes set on it), they still build, open with a project, and
do their work in the real window."""

from __future__ import annotations

from qualcoder_cse.core import Project
from qualcoder_cse.ui import privacy_actions, segments_extension, suggest_extension, workbench_extensions
from qualcoder_cse.ui.host import WorkbenchHost

ALLOWED = set(WorkbenchHost.__annotations__) | {
    name for name, value in vars(WorkbenchHost).items() if callable(value) and not name.startswith("_")}


class StrictHost:
    """The window as the protocol describes it, and nothing more."""

    def __init__(self, window) -> None:
        object.__setattr__(self, "_window", window)
        object.__setattr__(self, "used", set())

    def __getattr__(self, name: str):
        if name not in ALLOWED:
            raise AttributeError(f"an extension used '{name}', which is not part of WorkbenchHost")
        self.used.add(name)
        return getattr(self._window, name)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"an extension set '{name}' on its host")


def test_extensions_work_through_the_host_protocol_alone(qtbot, main_window, project_path, passphrase):
    w = main_window
    host = StrictHost(w)
    segments = segments_extension.install(host)
    suggest = suggest_extension.install(host)
    workbench = workbench_extensions.install(host)
    privacy = privacy_actions.install(host)
    w.close_project()
    w.set_project(Project.open(project_path, passphrase, coder="alice"))  # each hears project_opened
    doc = w.project.documents.list()[0]
    code = next(c for c in w.project.codes.list() if c.codable)
    coding = w.project.codings.add(code.id, doc.id, 0, 12).coding
    w.show_document(doc.id, 0, 12)

    w.code_panel.select_code(code.id)
    segments.show_current_code()  # the code selected in the tree, listed in the extension's own dock
    qtbot.waitUntil(lambda: segments.panel is not None and segments.panel.model.rowCount() >= 1)
    assert coding.id in {s.coding_id for s in segments.panel.model.segments}

    assert suggest.show_panel() is not None
    suggest.highlight()

    workbench.memo_on_coding()  # the coding at the cursor, through host.coding
    qtbot.waitUntil(lambda: workbench.memo_host.built is not None)
    assert (workbench.memo_host.built.kind, workbench.memo_host.built.target_id) == ("coding", coding.id)
    workbench.focus_search()
    assert workbench.search_host.built is not None

    assert privacy.names_action.isEnabled()
    assert {"project", "menu", "add_dock", "tab_docks", "code_panel", "coding", "show_document"} <= host.used
    w.close_project()
