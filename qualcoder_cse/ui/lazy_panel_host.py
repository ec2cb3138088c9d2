"""A dock's page that builds its panel for the open project only when the dock is first shown (or the panel
is first asked for), and drops it when the project closes: opening a project builds no panel nobody looks at.
Used by the search, memos, links and cases docks and by the Analysis dock; ``InSightPage`` alone (a callback
when the page is really in sight) by the coded-segments and suggestions docks.

A panel in sight as soon as a project opens (the search panel, the front tab) can be *kept*: built once per
window (``prebuild``, while the start screen waits) and pointed at each project with ``set_project``, which
empties it of the last project's content first (``set_project(None)`` on close)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..core.project import Project


class InSightPage(QWidget):
    """A dock's page; ``shown()`` runs when it is really in sight (a tab behind another one is not)."""

    def __init__(self, shown, parent=None) -> None:
        super().__init__(parent)
        self.shown = shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.look_soon()

    def look_soon(self, *_args) -> None:
        # Once laid out: a tab behind the front one of a tabbed dock area counts as visible but shows nothing.
        QTimer.singleShot(0, self._build_if_visible)

    def _build_if_visible(self) -> None:
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.shown()


class LazyPanelHost(InSightPage):
    """Holds one panel for the open project; ``factory(project)`` builds it the first time the dock is shown
    or the panel is asked for, so opening a project does not build panels nobody looks at. With ``keep``, the
    panel (which then has ``set_project(project | None)``) outlives the project: ``factory(None)`` may build it
    before any project is open (``prebuild``), and closing the project empties it instead of destroying it."""

    def __init__(self, factory, parent=None, *, keep: bool = False) -> None:
        super().__init__(self.ensure, parent)
        self.factory = factory
        self.keep = keep
        self.project: Project | None = None
        self.built = None  # the panel, once built
        self.on_built = None  # called with the new panel

    @property
    def panel(self):
        return self.ensure()

    def ensure(self):
        """The panel for the open project (built now if need be); None while no project is open."""
        if self.project is None:
            return None
        if self.built is None:
            self._build()
        elif self.built.isHidden():  # a kept panel, pointed at this project on open
            self.built.show()
        return self.built

    def prebuild(self) -> None:
        """A kept panel built ahead of need while no project is open, so opening one only points it there (with
        a project open, it is built when in sight, as any other)."""
        if self.keep and self.built is None and self.project is None:
            self._build()
            self.built.hide()  # shown when a project opens and its dock is in sight

    def _build(self) -> None:
        self.built = self.factory(self.project)
        self.layout().addWidget(self.built)
        self.built.show()  # now, not when Qt's queued show runs: a caller may use it right away
        if self.on_built is not None:
            self.on_built(self.built)

    def open(self, project: Project) -> None:
        self.drop()
        self.project = project
        if self.built is not None:  # a kept panel: shown when in sight, as a new one would be built then
            self.built.set_project(project)
        self.look_soon()

    def drop(self) -> None:
        closing, self.project = self.project, None
        if self.built is not None and self.keep:
            if closing is not None:
                self.built.set_project(None)  # nothing of the closed project stays in it
            self.built.hide()
        elif self.built is not None:
            self.built.close()  # panels unsubscribe from the project in closeEvent
            self.built.setParent(None)
            self.built.deleteLater()
            self.built = None
