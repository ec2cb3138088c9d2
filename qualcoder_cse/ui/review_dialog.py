"""The anonymisation review screen of File > Import > Transcripts: the researcher decides on every proposal.

For each chosen file in turn ("File 2 of 5") a worker thread reads, normalises and runs the detector (nothing
touches the project there); the screen then shows the text with every proposal highlighted by label, the
proposals table and how many are left. Keys: A accept, R reject, U undecide, E accept every mention,
N/Space next, P/Shift+N previous, L relabel, Ctrl+1..6 add the selected text as a label (its other mentions
are proposed), Ctrl+Shift+A accept all remaining (asks first). "Store" is enabled only when nothing is
pending; it stores through ``workflows.file_import.store`` (one transaction: anonymised text, mapped turns, the
anonymisation log, anonymised name), so the original text never reaches the project. "Skip this file" and
"Cancel import" store nothing of the file under review; files already stored stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
)

from ..anonymise.review import ACCEPTED, PENDING, REJECTED, ReviewSession
from ..anonymise.spans import LABELS
from ..core.errors import ProjectError
from ..workflows.file_import import CANCELLED, DUPLICATE, FAILED, FileResult, ImportOptions
from .context_help import install_help
from .review_actions import ReviewActions
from .review_memory_dialog import ReviewMemoryDialog
from .review_view import LABEL_NAMES, ProposalTable, ReviewText, legend
from .review_work import DetectWorker, pause_review, preview, resume_and_remember, store_reviewed

if TYPE_CHECKING:
    from ..core.project import Project

SKIPPED = "skipped"
PAUSED = "paused"
TIPS = {"Accept every mention": "Accept this proposal and every other mention of the same name",
        "Reject every mention": "Reject this proposal and every other mention of the same string",
        "Undo": "Undo the last decision (one key press = one step)", "Redo": "Redo what was undone",
        "Accept all…": "Accept every remaining proposal (asks first)",
        "Undecide": "Put this proposal back to be reviewed"}


class ReviewDialog(ReviewActions, QDialog):
    import_finished = Signal(list)  # FileResults, one per path

    def __init__(self, project: Project, paths: list[Path], options: ImportOptions, parent=None) -> None:
        super().__init__(parent)
        self.project, self.paths, self.options = project, [Path(p) for p in paths], options
        self.results: list[FileResult] = []
        self.session: ReviewSession | None = None
        self.prepared = None
        self.current: int | None = None
        self._review_hint = ""
        self.index = -1
        self.cancelled = False
        self._deciding = False
        self._thread: QThread | None = None
        self._worker: DetectWorker | None = None
        self.setWindowTitle("Review anonymisation")
        self.resize(1100, 760)

        self.file_label = QLabel(objectName="reviewFile")
        font = self.file_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.file_label.setFont(font)
        self.count_label = QLabel(objectName="reviewCount")
        self.count_label.setFont(font)
        self.progress = QProgressBar(objectName="reviewProgress")
        self.progress.setRange(0, 0)
        header = QHBoxLayout()
        header.addWidget(self.file_label, 1)
        header.addWidget(self.progress)
        header.addWidget(self.count_label)

        self.text = ReviewText()
        self.text.cursorPositionChanged.connect(self._caret_moved)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.table = ProposalTable()
        self.table.picked.connect(lambda pid: self.go_to(pid, reveal=True))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.decision_actions: list[QAction] = []
        bar = QHBoxLayout()
        for text, keys, slot in (
            ("Accept", ["A"], self.accept_current), ("Reject", ["R"], self.reject_current),
            ("Undecide", ["U"], self.reset_current), ("Accept every mention", ["E"], self.accept_mentions),
            ("Reject every mention", ["Shift+R"], self.reject_mentions),
            ("Relabel…", ["L"], self.relabel_menu),
            ("Accept all…", ["Ctrl+Shift+A"], self.accept_all_remaining),
        ):
            bar.addWidget(self._button(self._action(text, keys, slot)))
        self.add_menu = QMenu(self)
        for i, label in enumerate(LABELS, start=1):
            self.add_menu.addAction(self._action(f"{LABEL_NAMES[label]}", [f"Ctrl+{i}"],
                                                 lambda _c=False, lab=label: self.add_selected(lab)))
        add_button = QPushButton("Add selected text as…", objectName="reviewAdd")
        add_button.setToolTip("A name or other identifier the detector missed: select it in the text, then "
                              "choose its label (Ctrl+1..6); its other mentions are proposed.")
        add_button.setMenu(self.add_menu)
        add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(add_button)
        bar.addStretch(1)
        self.preview_button = QPushButton("Preview anonymised text", objectName="reviewPreview", checkable=True)
        self.preview_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview_button.toggled.connect(self.show_preview)

        memory_bar = QHBoxLayout()
        for text, keys, slot in (
            ("Previous", ["P", "Shift+N"], self.previous), ("Next", ["N", "Space"], self.next),
            ("Undo", ["Ctrl+Z"], self.undo), ("Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo),
        ):
            memory_bar.addWidget(self._button(self._action(text, keys, slot)))
        self.remember_box = QCheckBox("Remember \u201cevery mention\u201d decisions for the next files",
                                      objectName="reviewRemember", checked=True)
        self.remember_box.setToolTip("Accept/Reject every mention also adds the string to this project's "
                                     "remembered lists, applied to every file reviewed later.")
        self.remember_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        memory_bar.addWidget(self.remember_box)
        self.memory_button = QPushButton("Remembered decisions…", objectName="reviewMemory",
                                         clicked=self.edit_memory)
        self.memory_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        memory_bar.addWidget(self.memory_button)
        memory_bar.addStretch(1)
        memory_bar.addWidget(self.preview_button)

        self.status_label = QLabel(objectName="reviewStatus")
        self.status_label.setWordWrap(True)
        self.skip_button = QPushButton("Skip this file", objectName="reviewSkip", clicked=self.skip)
        self.pause_button = QPushButton("Pause (resume later)", objectName="reviewPause", clicked=self.pause_current)
        self.pause_button.setToolTip("Keep this file's review with every decision in the project (encrypted) and "
                                     "go on; import the same file again to resume it.")
        self.cancel_button = QPushButton("Cancel import", objectName="reviewCancel",
                                         clicked=lambda: self.cancel_import())
        self.store_button = QPushButton("Store anonymised document", objectName="reviewStore",
                                        clicked=self.store_current)
        self.store_button.setToolTip("Enabled when every proposal has been accepted or rejected (Ctrl+Enter).")
        self.store_button.setShortcut(QKeySequence("Ctrl+Return"))
        for b in (self.pause_button, self.skip_button, self.cancel_button, self.store_button):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.pause_button)
        bottom.addWidget(self.skip_button)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.store_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(legend())
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)
        layout.addLayout(memory_bar)
        layout.addLayout(bottom)
        self._next_file()
        install_help(self, "review-screen")

    def _action(self, text: str, keys: list[str], slot) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(TIPS.get(text, text) + f" ({' or '.join(keys)})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.decision_actions.append(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        action.setIconText(f"{action.text()} ({action.shortcuts()[0].toString()})")
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # ------------------------------------------------------------------ files
    def _next_file(self) -> None:
        self.session = self.prepared = self.current = None
        self.index += 1
        if self.cancelled or self.index >= len(self.paths):
            self._finish()
            return
        path = self.paths[self.index]
        self.file_label.setText(f"File {self.index + 1} of {len(self.paths)}: {path.name}")
        self.count_label.setText("")
        self.status_label.setStyleSheet("")
        self.status_label.setText("Reading the file and looking for identifiers…")
        self.progress.setVisible(True)
        self.text.show_text("")
        self.table.setRowCount(0)
        self._update_enabled()
        self._thread = QThread(self)
        self._worker = DetectWorker(path, self.options)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._detected)
        self._thread.start()

    def _stop_worker(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = self._worker = None

    def _detected(self, prepared, found, exc) -> None:
        self._stop_worker()
        self.progress.setVisible(False)
        path = str(self.paths[self.index])
        if self.cancelled:
            return
        if exc is not None:
            reason = str(exc) if isinstance(exc, ProjectError) else (
                f"Unexpected error while reading ({type(exc).__name__}); nothing was stored for it.")
            self.results.append(FileResult(path, FAILED, reason=reason))
            self._next_file()
            return
        existing = None if self.options.allow_duplicates else self.project.documents.by_sha256(prepared.sha256)
        if existing is not None:
            self.results.append(FileResult(path, DUPLICATE, existing.id, existing.name, existing.word_count,
                                           reason=f"The same file was already imported as '{existing.name}'."))
            self._next_file()
            return
        detector, spans = found
        self.prepared = prepared
        self.session = ReviewSession(prepared.text, spans, project=self.project, detector=detector)
        resumed, remembered = resume_and_remember(self.project, self.session, prepared.sha256)
        self.session.subscribe(lambda what, _payload: self._changed(what))
        self.text.show_text(prepared.text)
        self.table.load(self.session)
        first = self.session.next_pending()
        self.status_label.setStyleSheet("")
        self._review_hint = " ".join(x for x in (resumed, remembered, (
            "Decide on each highlighted proposal; select any name the detector missed and add it (Ctrl+1..6)."
            if self.session.proposals else "Nothing was found to anonymise. Read the text: select any name or "
            "other identifier and add it (Ctrl+1..6), then Store.")) if x)
        self.status_label.setText(self._review_hint)
        self.go_to(first.id if first else None, reveal=True)
        self.text.setFocus()

    def _finish(self) -> None:
        for path in self.paths[len(self.results):]:
            self.results.append(FileResult(str(path), CANCELLED,
                                           reason="The import was cancelled before this file was stored."))
        self.session = self.prepared = None
        self.text.show_text("")  # no original text left in a hidden widget
        self.table.setRowCount(0)
        self.import_finished.emit(self.results)
        super().accept()

    # ------------------------------------------------------------------ view state
    def _changed(self, what: str) -> None:
        if what == "added":
            self.table.load(self.session)
        else:
            self.table.refresh(self.session)
        if not self._deciding:  # a decision repaints once, after moving on
            self._repaint()

    def _repaint(self) -> None:
        if self.session is not None and not self.preview_button.isChecked():
            self.text.paint(self.session, self.current)
        self._update_enabled()

    def _update_enabled(self) -> None:
        s = self.session
        reviewing = s is not None and not self.preview_button.isChecked()
        for action in self.decision_actions:
            action.setEnabled(reviewing)
        self.preview_button.setEnabled(s is not None)
        self.skip_button.setEnabled(s is not None)
        self.pause_button.setEnabled(s is not None)
        self.store_button.setEnabled(s is not None and s.pending_count == 0)
        if s is not None:
            c = s.counts()
            total = sum(c.values())
            self.count_label.setText(f"{c[PENDING]} of {total} left to review "
                                     f"({c[ACCEPTED]} accepted, {c[REJECTED]} rejected)")

    def go_to(self, pid: int | None, *, reveal: bool = False) -> None:
        self.current = pid
        if pid is not None and self.session is not None:
            self.table.select_pid(pid)
            if reveal:
                self.text.blockSignals(True)
                self.text.reveal(self.session.get(pid).start)
                self.text.blockSignals(False)
        self._repaint()

    def _caret_moved(self) -> None:
        if self.session is None or self.preview_button.isChecked() or self.text.textCursor().hasSelection():
            return
        p = self.session.at(self.text.caret())
        if p is not None and p.id != self.current:
            self.go_to(p.id)

    def show_preview(self, on: bool) -> None:
        """Show the anonymised text as it would be stored (the placeholders it would create are rolled back)."""
        if self.session is None:
            return
        if on:
            result, name = preview(self.project, self.session, self.prepared.name)
            self.preview_button.setText("Back to the review")
            self.status_label.setText(f"The text as it would be stored, as the document '{name}'; proposals "
                                      "still to review are shown unchanged.")
            self.text.show_text(result.text)
            self.text.paint_preview([(r.new_start, r.new_end, r.label) for r in result.replacements])
        else:
            self.preview_button.setText("Preview anonymised text")
            self.status_label.setText(self._review_hint)  # (session 13) the preview's hint no longer applies
            self.text.show_text(self.session.text)
            self.go_to(self.current, reveal=True)
        self._update_enabled()

    # ------------------------------------------------------------------ store, skip, cancel
    def store_current(self) -> None:
        s, prepared = self.session, self.prepared
        if s is None or s.pending_count:
            return
        path = str(self.paths[self.index])
        try:
            result = store_reviewed(self.project, path, prepared, s, self.options)
        except ProjectError as exc:
            self.status_label.setText(f"Not stored: {exc}")
            return
        self.results.append(result)
        self.preview_button.setChecked(False)
        self._next_file()

    def skip(self) -> None:
        if self.session is None:
            return
        self.results.append(FileResult(str(self.paths[self.index]), SKIPPED,
                                       reason="Skipped in the anonymisation review; nothing was stored."))
        self.preview_button.setChecked(False)
        self._next_file()

    def pause_current(self) -> None:
        """Keep this file's review in the project (encrypted) and go on with the next file."""
        if self.session is None or not self._pause():
            return
        self.results.append(FileResult(str(self.paths[self.index]), PAUSED, reason=(
            "Review paused and kept in the project; import the same file again to resume it.")))
        self.preview_button.setChecked(False)
        self._next_file()

    def _pause(self) -> bool:
        try:
            pause_review(self.project, self.session, self.prepared, str(self.paths[self.index]))
        except ProjectError as exc:
            self.status_label.setText(f"The review could not be kept: {exc}")
            return False
        return True

    def cancel_import(self, *, ask: bool = True) -> None:
        s = self.session
        if ask and s is not None and any(p.status != PENDING for p in s.proposals):
            answer = QMessageBox.question(self, "Cancel import",
                                          "Stop the import? This file is not stored, but its review is kept "
                                          "(encrypted, in the project): import the same file again to resume "
                                          "with every decision. Files already stored stay in the project.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        if s is not None and any(p.status != PENDING for p in s.proposals) and self._pause():
            self.results.append(FileResult(str(self.paths[self.index]), PAUSED, reason=(
                "Import cancelled; the review is kept in the project: import the same file again to resume.")))
        self.cancelled = True
        self._stop_worker()
        self.session = self.prepared = None
        self._finish()

    def reject(self) -> None:
        """Esc or the close button: Cancel import. The idle lock too, at once: no question may keep the
        original text on screen behind it."""
        self.cancel_import(ask=not self._window_locked())

    def _window_locked(self) -> bool:
        w = self.parentWidget()
        while w is not None:
            if getattr(w, "locked", False) is True:
                return True
            w = w.parentWidget()
        return False

    def edit_memory(self) -> None:
        """The project's remembered decisions and paused reviews (changes apply to the next files)."""
        ReviewMemoryDialog(self.project, self).exec()
        self.activateWindow()
