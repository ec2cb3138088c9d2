"""The first-start guided tour: six short steps over the real window (on the demo project), each pointing at
the part of the window it talks about, with Back, Next, Skip and a link into the guide. Finishing or skipping
is recorded in the settings (``tour_state``) so the start screen never offers it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .guide_window import open_guide


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    section: str  # the guide's section for "Read more"
    target: Callable[[object], QRect | None]  # where to point, in the main window's coordinates
    prepare: Callable[[object], None] | None = None
    button: str = ""  # an optional "show me" button running ACT
    act: Callable[[object], None] | None = None


def _dock_rect(name: str) -> Callable[[object], QRect | None]:
    def rect(window) -> QRect | None:
        dock = window.docks.get(name)
        if dock is None or not dock.isVisible() or dock.isFloating():
            return None
        return QRect(dock.mapTo(window, dock.rect().topLeft()), dock.size())
    return rect


def _menu_rect(key: str) -> Callable[[object], QRect | None]:
    def rect(window) -> QRect | None:
        bar = window.menuBar()
        geo = bar.actionGeometry(window.menus[key].menuAction())
        return QRect(bar.mapTo(window, geo.topLeft()), geo.size()) if geo.isValid() else None
    return rect


def _show_dock(name: str) -> Callable[[object], None]:
    def show(window) -> None:
        dock = window.docks.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
    return show


def _select_a_passage(window) -> None:
    """Open the first document and select the words of one speaker turn, ready for a click on a code."""
    _show_dock("codes")(window)
    first = window.documents_panel.first_id()
    if window.current_document_id is None and first is not None:
        window.show_document(first)
    text = window.view.toPlainText()
    lines = [ln for ln in text.split("\n") if ": " in ln and len(ln) > 60]
    if lines:
        line = lines[min(1, len(lines) - 1)]
        words = line[line.index(": ") + 2:]
        stop = words.find(". ", 40)  # the first sentence of the turn
        start = text.index(line) + line.index(": ") + 2
        window.view.select_cp(start, start + (stop + 1 if stop > 0 else min(len(words), 200)))


def _show_analysis(window) -> None:
    actions = getattr(window, "analysis_actions", None)
    if actions is not None and window.project is not None:
        actions.show_analysis()  # as from the menu: a large window over the workbench


def _show_export(window) -> None:
    actions = getattr(window, "analysis_actions", None)
    if actions is not None and window.project is not None:
        actions.export_dialog()


STEPS: tuple[Step, ...] = (
    Step("1. Import and review",
         "Transcripts come in with <b>File › Import › Transcripts…</b> (Ctrl+I). Every file is anonymised "
         "<i>before</i> it is stored: the review screen shows each proposed name, place or number; you accept or "
         "reject each one, add anything missed, and only then store it. The demo's three transcripts, listed "
         "here, went through that already.",
         "import-review", _dock_rect("documents"), _show_dock("documents")),
    Step("2. Code a passage",
         "A passage of the first transcript is selected. Click a code in the code tree to apply it, or press "
         "<b>1-9</b> for a recent code, or <b>Ctrl+K</b> and type part of a code's name. The coloured stripe "
         "in the margin shows the coding; Ctrl+Z takes it back.",
         "coding", _dock_rect("codes"), _select_a_passage),
    Step("3. Write a memo",
         "Memos hold your thinking: on the project, a document, a code, a coding or a case. The Memos panel "
         "lists and searches them; the Details pane shows the memo of the coding at the cursor "
         "(<b>Code › Memo on the coding at the cursor</b>).",
         "memos", _dock_rect("memos"), _show_dock("memos")),
    Step("4. Analyse",
         "<b>Tools › Analysis</b> (Ctrl+Shift+A) shows code × case and code × document matrices, the framework "
         "matrix, co-occurrence, themes by group, evidence gaps and agreement between coders. Click a cell to "
         "read its quotes. Close it (or drag it into the window) to come back here.",
         "analysis", _menu_rect("tools"), None, "Open the Analysis view", _show_analysis),
    Step("5. Export",
         "<b>File › Export › Excel workbook (analysis)…</b> writes every table to one workbook. Give it a "
         "password: a file without one is readable by anyone who gets it, and the app asks before writing it. "
         "REFI-QDA export takes the project to NVivo, ATLAS.ti, MAXQDA or QualCoder.",
         "export", _menu_rect("file"), None, "Open the export dialog", _show_export),
    Step("6. Help is always here",
         "<b>Help › User guide</b> (F1) has the whole workflow, working as a team, backups, what the app protects "
         "and what you must still do for your ethics approval, and every error message with what to do. "
         "In any dialog, <b>F1</b> or its <b>Help</b> button opens the guide at that dialog's section.",
         "getting-started", _menu_rect("help")),
)


class _Highlight(QWidget):
    """An orange frame drawn over the part of the window a step is about; clicks go through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("tourHighlight")

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#e8710a"), 4))
        p.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 6, 6)


class GuidedTour(QFrame):
    """The tour's panel, floating over the main window's text area. ``finished`` says 'done' or 'skipped'."""

    finished = Signal(str)

    def __init__(self, window, steps: tuple[Step, ...] = STEPS) -> None:
        super().__init__(window)
        self.window_ = window
        self.steps = steps
        self.index = 0
        self.ended = False
        self.setObjectName("guidedTour")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#guidedTour { background: #fffdf5; border: 2px solid #e8710a; border-radius: 8px; }")
        self.highlight = _Highlight(window)
        self.count = QLabel(objectName="tourCount")
        self.title = QLabel(objectName="tourTitle")
        self.text = QLabel(objectName="tourText", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.more = QLabel(objectName="tourMore")
        self.more.linkActivated.connect(lambda _l: open_guide(self.window_, self.steps[self.index].section))
        self.skip_button = QPushButton("Skip tour", objectName="tourSkip")
        self.back_button = QPushButton("Back", objectName="tourBack")
        self.next_button = QPushButton("Next", objectName="tourNext")
        self.next_button.setDefault(True)
        self.action_button = QPushButton(objectName="tourAction")
        self.action_button.clicked.connect(self._act)
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.count)
        lay.addLayout(head)
        lay.addWidget(self.text)
        lay.addWidget(self.more)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.action_button)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        lay.addLayout(row)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(self._next)
        QShortcut(QKeySequence("Esc"), self, activated=self.skip)
        self.setFixedWidth(440)
        window.installEventFilter(self)
        window.project_closed.connect(self._project_closed)
        window.stack.currentChanged.connect(self._page_changed)  # the idle lock swaps the page

    def start(self) -> None:
        self.show()
        self.go(0)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        if step.prepare is not None and self.window_.project is not None and not self.window_.locked:
            step.prepare(self.window_)  # never while locked: it would show docks the lock hid
        self.title.setText(f"<b style='font-size: 13pt'>{step.title}</b>")
        self.count.setText(f"Step {self.index + 1} of {len(self.steps)}")
        self.text.setText(step.text)
        self.more.setText(f"<a href='#{step.section}'>Read more in the user guide</a>")
        last = self.index == len(self.steps) - 1
        self.next_button.setText("Finish" if last else "Next")
        self.back_button.setEnabled(self.index > 0)
        self.skip_button.setVisible(not last)
        self.action_button.setText(step.button)
        self.action_button.setVisible(bool(step.button and step.act))
        self._place()

    def _act(self) -> None:
        if not self.window_.locked and self.window_.project is not None:
            self.steps[self.index].act(self.window_)

    def _page_changed(self, _index: int) -> None:
        """Hidden while the window is locked (it would point at hidden panels), back after unlocking."""
        if self.ended:
            return
        if self.window_.locked:
            self.hide()
            self.highlight.hide()
        elif self.window_.project is not None and not self.isVisible():
            self.show()
            self.go(self.index)

    def _next(self) -> None:
        if self.index == len(self.steps) - 1:
            self._end("done")
        else:
            self.go(self.index + 1)

    def skip(self) -> None:
        self._end("skipped")

    def _end(self, how: str) -> None:
        self.ended = True
        self.window_.removeEventFilter(self)
        self.highlight.hide()
        self.hide()
        self.finished.emit(how)
        self.highlight.deleteLater()
        self.deleteLater()

    def _project_closed(self) -> None:  # the workbench is gone: end quietly, nothing recorded
        if not self.ended:
            self.ended = True
            self.window_.removeEventFilter(self)
            self.highlight.hide()
            self.hide()
            self.finished.emit("")
            self.highlight.deleteLater()
            self.deleteLater()

    def _place(self) -> None:
        self.adjustSize()
        view = self.window_.view
        area = QRect(view.mapTo(self.window_, view.rect().topLeft()), view.size())
        if not view.isVisible():
            area = self.window_.rect()
        x = area.right() - self.width() - 16
        y = area.bottom() - self.height() - 16
        self.move(max(x, 8), max(y, 8))
        target = self.steps[self.index].target(self.window_)
        if target is not None and target.isValid():
            self.highlight.setGeometry(target.adjusted(-3, -3, 3, 3))
            self.highlight.show()
            self.highlight.raise_()
        else:
            self.highlight.hide()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False
