"""Help > User guide (F1) and Help > Guided tour in the main window, and the start screen's first-start offer
of the tour (shown until the tour is finished or declined once)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from .guide_window import GuideWindow, open_guide
from .guided_tour import GuidedTour

# F1 in the main window opens the section of the panel that has the focus (by the dock's name).
DOCK_SECTIONS = {
    "documents": "import-review", "codes": "coding", "details": "coding", "search": "search",
    "links": "links", "cases": "cases-attributes", "memos": "memos", "analysis": "analysis",
    "segments": "coded-segments", "suggestions": "suggestions",
}


class GuideActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.tour: GuidedTour | None = None
        help_menu = window.menus["help"]
        first = help_menu.actions()[0] if help_menu.actions() else None
        self.guide_action = QAction("&User guide", window)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.triggered.connect(lambda: self.show_guide(self.focused_section()))
        self.tour_action = QAction("Guided &tour (on the demo)", window)
        self.tour_action.triggered.connect(self.start_tour)
        help_menu.insertAction(first, self.guide_action)
        help_menu.insertAction(first, self.tour_action)
        help_menu.insertSeparator(first)
        start = window.start_screen
        start.tour_requested.connect(self.start_tour)
        start.tour_declined.connect(lambda: self._tour_ended("skipped"))
        start.tour_offer.setVisible(not window.settings.tour_state())

    def show_guide(self, section: str | None = None) -> GuideWindow:
        return open_guide(self.window, section)

    def focused_section(self) -> str | None:
        """The guide's section for the panel holding the keyboard focus (the text: coding), if any."""
        if self.window.project is None:
            return "getting-started"
        widget = QApplication.focusWidget()
        while widget is not None:
            if widget is self.window.view:
                return "coding"
            for name, dock in self.window.docks.items():
                if widget is dock:
                    return DOCK_SECTIONS.get(name)
            widget = widget.parentWidget()
        return None

    def start_tour(self) -> GuidedTour | None:
        """The tour on the open project, or on the demo (opened first) when none is open."""
        if self.tour is not None:
            self.tour.go(0)
            return self.tour
        if self.window.project is None:
            self.window.open_demo()
            if self.window.project is None:  # the demo could not open: the error was shown, nothing recorded
                return None
        self.tour = GuidedTour(self.window)
        self.tour.finished.connect(self._tour_ended)
        self.tour.start()
        return self.tour

    def _tour_ended(self, how: str) -> None:
        self.tour = None
        if how:
            self.window.settings.set_tour_state(how)
            self.window.start_screen.tour_offer.hide()
            if how == "done":
                self.window.statusBar().showMessage("Tour finished. Help > User guide (F1) has the rest.", 8000)


def install(window) -> GuideActions:
    window.guide_actions = GuideActions(window)
    return window.guide_actions
