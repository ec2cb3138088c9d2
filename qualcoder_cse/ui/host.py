"""What a feature plugged into the main window may use of it: the ``WorkbenchHost`` protocol.

An extension (``install(host)`` in workbench_extensions, segments_extension, suggest_extension,
privacy_actions) sees the window only through these members, never through its private attributes or
``hasattr`` guards, and keeps what it builds on itself (``install`` returns it; the window keeps the
reference). ``MainWindow`` satisfies the protocol; tests check an extension works through nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

    from ..core.project import Project
    from .code_tree import CodeTreePanel
    from .coding_controller import CodingController
    from .document_view import CodingTextEdit


class WorkbenchHost(Protocol):
    # the open project (None on the start screen), and the document shown in the view
    project: Project | None
    current_document_id: int | None
    undo_stack: QUndoStack  # every change a person makes goes on it (Edit > Undo)
    docks: dict[str, QDockWidget]  # by name: documents, codes, details, search, segments...
    code_panel: CodeTreePanel  # the code tree (the code selected, double-clicks)
    view: CodingTextEdit  # the document view (suggestion marks)
    coding: CodingController  # the coding at the cursor, applying codes

    # signals: a project opened (with it), is closing (still open: save edits), closed; a document shown
    project_opened: SignalInstance
    project_closing: SignalInstance
    project_closed: SignalInstance
    document_shown: SignalInstance

    def window(self) -> QWidget: ...  # the parent for the extension's dialogs and objects

    def menu(self, name: str) -> QMenu: ...  # file, edit, code, view, tools, help

    def file_submenu(self, key: str, title: str) -> QMenu: ...  # File > Import / Export

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea = ..., *, name: str | None = None,
                 visible: bool = True) -> QDockWidget: ...

    def tab_docks(self, first: QDockWidget, second: QDockWidget) -> None: ...  # tabbed in one area

    def grow_dock(self, dock: QDockWidget, height: int) -> None: ...  # a bottom dock at least this high

    def show_document(self, doc_id: int, start: int | None = None, end: int | None = None) -> None: ...

    def show_message(self, text: str, ms: int = 4000) -> None: ...  # in the status bar

    def show_error(self, error: Any) -> None: ...

    def run_in_background(self, fn: Callable, on_done: Callable, progress_label: str = ...) -> None: ...
