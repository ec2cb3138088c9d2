"""Tools > Analysis (a dock holding the Analysis view, built when a project opens) and File > Export >
Excel workbook (analysis) in the main window; the modules the view needs load in a background thread once
the window is up (``lazy.preload``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from ..lazy import preload
from .analysis_view import AnalysisView
from .export_dialog import ExportDialog
from .lazy_panel_host import LazyPanelHost

if TYPE_CHECKING:
    from ..core.project import Project


PRELOAD = ("numpy", "pandas", "qualcoder_cse.analysis")
PRELOAD_AFTER_MS = 200  # after the window's first paint


class AnalysisActions(QObject):
    """Tools > Analysis (a dock, built when a project opens) and File > Export > Excel workbook."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.host = LazyPanelHost(lambda p: AnalysisView(p, window))
        self.dock = window.add_dock(
            self.host, "Analysis", Qt.DockWidgetArea.BottomDockWidgetArea, name="analysis", visible=False
        )
        self._user_docked = False
        self.dock.topLevelChanged.connect(self._floating_changed)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.analysis_action = window.menus["tools"].addAction("&Analysis…", self.show_analysis)
        self.analysis_action.setShortcut("Ctrl+Shift+A")
        self.export_action = window.file_submenu("export", "&Export").addAction(
            "Excel workbook (analysis)…", self.export_dialog
        )
        window.project_opened.connect(self._opened)
        window.project_closed.connect(self._closed)
        self._enable(window.project is not None)
        # numpy, pandas and the analysis package (0.3-0.5 s) load beside the window once it is up, not when
        # Analysis is first opened; the placeholders are thread-safe (``lazy``), so a use meanwhile waits
        QTimer.singleShot(PRELOAD_AFTER_MS, lambda: preload(PRELOAD))

    def _enable(self, on: bool) -> None:
        self.analysis_action.setEnabled(on)
        self.export_action.setEnabled(on)

    def _opened(self, project: Project) -> None:
        self.host.drop()
        self._enable(True)
        self.dock.hide()

    def _closed(self) -> None:
        self.host.drop()
        self._enable(False)

    def view(self) -> AnalysisView | None:
        if self.host.panel is None and self.window.project is not None:
            self.host.open(self.window.project)
        return self.host.panel

    def show_analysis(self) -> AnalysisView | None:
        """Open the view. Matrices need room: the first time it opens as a large floating window over the
        workbench (still a dock: drag it back in, and that choice is kept)."""
        view = self.view()
        if not self.dock.isVisible() and not self.dock.isFloating() and not self._user_docked:
            self.dock.setFloating(True)
            geo = self.window.geometry()
            w, h = int(geo.width() * 0.92), int(geo.height() * 0.88)
            self.dock.resize(w, h)
            self.dock.move(geo.x() + (geo.width() - w) // 2, geo.y() + (geo.height() - h) // 2)
        self.dock.show()
        self.dock.raise_()
        self.dock.activateWindow()
        return view

    def _visibility_changed(self, visible: bool) -> None:
        """Shown by the last session's layout (or View > Analysis) with a project open: fill it, never a blank
        window."""
        if visible and self.host.panel is None and self.window.project is not None:
            self.host.open(self.window.project)

    def _floating_changed(self, floating: bool) -> None:
        if not floating and self.dock.isVisible():
            self._user_docked = True

    def export_dialog(self):
        if self.window.project is None:
            return None
        view = self.host.panel
        filters = view.filters() if view is not None else None
        dialog = ExportDialog(self.window.project, filters, self.window)
        dialog.setModal(True)
        dialog.show()
        return dialog


def install(window) -> AnalysisActions:
    window.analysis_actions = AnalysisActions(window)
    return window.analysis_actions


__all__ = ["AnalysisActions", "install"]
