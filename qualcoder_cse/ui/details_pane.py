"""The details pane: the codings at the cursor (code, coder, span, the coded words), their memo and the
memos attached to them, with buttons to remove a coding or fit it to the current selection."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from .code_tree_model import colour_icon
from .steady_layout import LayoutFence, SteadyLabel

if TYPE_CHECKING:
    from ..core.project import Project


class DetailsPane(LayoutFence):
    """A new quote or count on a click lays out the pane, not the window (``LayoutFence``)."""

    remove_requested = Signal(int)
    fit_requested = Signal(int)
    memo_changed = Signal(int, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = SteadyLabel("Codings at the cursor")  # its count changes on a click: no relayout
        layout.addWidget(self.heading)
        self.list = QTreeWidget(objectName="codingsAtCursor")
        self.list.setHeaderLabels(["Code", "Coder", "Characters"])
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 250)
        self.list.setColumnWidth(1, 60)
        layout.addWidget(self.list, 2)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton("Remove coding", objectName="removeCoding")
        self.fit_button = QPushButton("Fit to selection", objectName="fitCoding")
        self.fit_button.setToolTip("Extend or shrink the chosen coding to the selected text.")
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.fit_button)
        layout.addLayout(buttons)
        self.quote = QLabel("", objectName="quote")
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("color: #333; font-style: italic;")
        layout.addWidget(self.quote)
        layout.addWidget(QLabel("Memo on this coding:"))
        self.memo = QPlainTextEdit(objectName="codingMemo")
        self.memo.setMaximumHeight(90)
        layout.addWidget(self.memo, 1)
        self.save_memo = QPushButton("Save memo", objectName="saveMemo")
        layout.addWidget(self.save_memo, 0, Qt.AlignmentFlag.AlignRight)
        self.memos = QLabel("", objectName="memos")
        self.memos.setWordWrap(True)
        layout.addWidget(self.memos)
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        self.fit_button.clicked.connect(lambda: self._emit(self.fit_requested))
        self.save_memo.clicked.connect(self._save_memo)
        self.list.currentItemChanged.connect(lambda *_: (self.keep_memo_edit(), self._show_current()))
        self.project: Project | None = None
        self._codings: dict[int, object] = {}
        self._memo_for: int | None = None  # the coding whose memo the box shows
        self._memo_shown = ""
        self.show_codings(None, [])
        self.follow_body()

    def _emit(self, signal) -> None:
        cid = self.current_coding_id()
        if cid is not None:
            signal.emit(cid)

    def current_coding_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def keep_memo_edit(self) -> None:
        """A memo typed but not saved is saved when the pane moves on (forgiving: nothing typed is lost)."""
        if self._memo_for is not None and self.memo.toPlainText() != self._memo_shown:
            cid, text = self._memo_for, self.memo.toPlainText()
            self._memo_for, self._memo_shown = None, ""
            if self.project is not None and self.project.is_open and self.project.codings.get_many([cid]):
                self.memo_changed.emit(cid, text)  # (a removed coding takes its memo with it)

    def show_codings(self, project: Project, codings, code_info=None, coder_names=None,
                     keep: int | None = None) -> None:
        if project is not None and project is self.project:
            self.keep_memo_edit()
        else:
            self._memo_for = None
        self.project = project
        self._codings = {c.id: c for c in codings}
        self.list.blockSignals(True)
        self.list.clear()
        code_info = code_info or {}
        coder_names = coder_names or {}
        for c in codings:
            path, colour, name = code_info.get(c.code_id, ("(deleted code)", "#999999", "(deleted code)"))
            item = QTreeWidgetItem([name, coder_names.get(c.coder_id, "?"), f"{c.start}–{c.end}"])
            item.setIcon(0, colour_icon(colour))
            item.setToolTip(0, path)
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            self.list.addTopLevelItem(item)
        self.heading.setText(f"Codings at the cursor ({len(codings)})" if codings else "No coding at the cursor")
        if codings:
            row = next((i for i, c in enumerate(codings) if c.id == keep), 0)
            self.list.setCurrentItem(self.list.topLevelItem(row))
        self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        cid = self.current_coding_id()
        has = cid is not None
        for w in (self.remove_button, self.fit_button, self.memo, self.save_memo):
            w.setEnabled(has)
        if not has or self.project is None or cid not in self._codings:
            self.memo.setPlainText("")
            self._memo_for, self._memo_shown = None, ""
            self.quote.setText("")
            self.memos.setText("")
            return
        coding = self._codings[cid]
        text = self.project.codings.text(coding)
        self.quote.setText("“" + (text if len(text) <= 300 else text[:300] + "…") + "”")
        if self.memo.toPlainText() != coding.memo:  # the same memo again: no new text to lay out and paint
            self.memo.setPlainText(coding.memo)
        self._memo_for, self._memo_shown = cid, coding.memo
        memos = self.project.memos.list("coding", cid)
        self.memos.setText(
            "<br><br>".join(f"<b>{html.escape(m.title or 'Memo')}</b>: {html.escape(m.text)}" for m in memos)
        )

    def _save_memo(self) -> None:
        cid = self.current_coding_id()
        if cid is not None:
            self._memo_shown = self.memo.toPlainText()
            self.memo_changed.emit(cid, self._memo_shown)
