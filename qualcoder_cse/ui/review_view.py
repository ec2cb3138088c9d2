"""Widgets of the anonymisation review screen: the highlighted text, the legend and the proposals table.

They are views of a headless ``anonymise.review.ReviewSession``; the review dialog owns the session and the
decisions. Proposals are painted as extra selections (nothing is written into the document): pending ones
in a light tint of their label's colour with a dashed underline, accepted ones solid, rejected ones grey
and struck through; the current one is bold and boxed with an over- and underline. Session offsets are
code points and Qt counts UTF-16 units: every conversion goes through ``ui.offsets.OffsetMap``.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..anonymise.review import ACCEPTED, PENDING, REJECTED, ReviewSession
from ..anonymise.spans import LABELS
from .offsets import OffsetMap

LABEL_NAMES = {"PERSON": "Person", "LOCATION": "Place", "ORG": "Organisation", "DATE": "Date",
               "CONTACT": "Contact", "ID": "Identifier"}
LABEL_COLOURS = {"PERSON": "#f4a259", "LOCATION": "#6fa8dc", "ORG": "#b39ddb", "DATE": "#8fd694",
                 "CONTACT": "#f48fb1", "ID": "#ffd54f"}
STATUS_TEXT = {PENDING: "to review", ACCEPTED: "accepted", REJECTED: "rejected"}


def label_colour(label: str, status: str = ACCEPTED) -> QColor:
    colour = QColor(LABEL_COLOURS.get(label, "#cccccc"))
    if status == PENDING:
        colour.setAlpha(90)
    return colour


@lru_cache(maxsize=64)
def _format(label: str, status: str, current: bool, unsure: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if status == ACCEPTED:
        fmt.setBackground(label_colour(label))
    elif status == REJECTED:
        fmt.setForeground(QColor("#8a8a8a"))
        fmt.setFontStrikeOut(True)
    else:
        fmt.setBackground(label_colour(label, PENDING))
        if unsure:  # low confidence: a red wavy underline asks for a closer look
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#b00020"))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(LABEL_COLOURS[label]).darker(150))
    if current:
        if status != REJECTED:
            fmt.setBackground(label_colour(label))
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontOverline(True)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#202020"))
    return fmt


class ReviewText(QPlainTextEdit):
    """The document, read-only, with the session's proposals painted on it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.offsets = OffsetMap("")
        self._cursors: dict[tuple[int, int], QTextCursor] = {}

    def show_text(self, text: str) -> None:
        self.offsets = OffsetMap(text)
        self._cursors: dict[tuple[int, int], QTextCursor] = {}
        self.setPlainText(text)

    def paint(self, session: ReviewSession, current: int | None) -> None:
        """Repaint every proposal (formats and cursors are cached: a long transcript has thousands)."""
        self.setExtraSelections([
            self._selection(p.start, p.end, _format(p.label, p.status, p.id == current,
                                                    p.unsure and p.source != "manual"))
            for p in session.proposals
        ])

    def paint_preview(self, spans: list[tuple[int, int, str]]) -> None:
        """The anonymised text is showing: its placeholders in their label's colour."""
        self.setExtraSelections([self._selection(s, e, _format(label, ACCEPTED, False)) for s, e, label in spans])

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = self._cursors.get((start, end))
        if cursor is None:
            qs, qe = self.offsets.span_to_qt(start, end)
            cursor = QTextCursor(self.document())
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            self._cursors[(start, end)] = cursor
        sel = QTextEdit.ExtraSelection()
        sel.cursor, sel.format = cursor, fmt
        return sel

    def reveal(self, start: int) -> None:
        """Put the caret (without a selection) at a code-point offset and scroll it into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())

    def caret(self) -> int:
        return self.offsets.to_cp(self.textCursor().position())


class ProposalTable(QTableWidget):
    """One row per proposal: label, text, confidence (unsure ones marked), status."""

    picked = Signal(int)  # proposal id

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("reviewProposals")
        self.setHorizontalHeaderLabels(["Label", "Text", "Confidence", "Status"])
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # fixed widths elsewhere: resizing
        fm = self.fontMetrics()                                          # to contents is quadratic on updates
        for col, sample in ((0, "Organisation__"), (2, "0.00  unsure_"), (3, "rejected (added)_")):
            self.setColumnWidth(col, fm.horizontalAdvance(sample))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.row_of: dict[int, int] = {}
        self.currentCellChanged.connect(self._moved)
        self._loading = False

    def load(self, session: ReviewSession) -> None:
        self._loading = True
        props = session.proposals
        self.setRowCount(len(props))
        self.row_of = {}
        for row, p in enumerate(props):
            self.row_of[p.id] = row
            surface = " ".join(session.text[p.start:p.end].split())
            conf = f"{p.confidence:.2f}" + ("  unsure" if p.unsure and p.source != "manual" else "")
            for col, value in enumerate(("", surface, conf, "")):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.setItem(row, col, item)
            if p.unsure and p.source != "manual":
                self.item(row, 2).setForeground(QColor("#b00020"))
                self.item(row, 2).setToolTip("Low confidence: look closely at this one.")
        self._loading = False
        self.refresh(session)

    def refresh(self, session: ReviewSession) -> None:
        for p in session.proposals:  # only changed cells are touched: a long transcript has thousands of rows
            row = self.row_of.get(p.id)
            if row is None:
                continue
            label = self.item(row, 0)
            if label.text() != LABEL_NAMES[p.label]:
                label.setText(LABEL_NAMES[p.label])
                label.setBackground(label_colour(p.label))
            status = self.item(row, 3)
            text = STATUS_TEXT[p.status] + (" (added)" if p.source == "manual" else "")
            if status.text() != text:
                status.setText(text)
                font = status.font()
                font.setBold(p.status == PENDING)
                status.setFont(font)

    def select_pid(self, pid: int | None) -> None:
        row = self.row_of.get(pid) if pid is not None else None
        if row is None:
            return
        self._loading = True
        self.setCurrentCell(row, self.currentColumn() if self.currentColumn() >= 0 else 1)
        self.scrollToItem(self.item(row, 1))
        self._loading = False

    def _moved(self, row: int, _col: int, _prow: int, _pcol: int) -> None:
        if not self._loading and row >= 0 and self.item(row, 0) is not None:
            self.picked.emit(int(self.item(row, 0).data(Qt.ItemDataRole.UserRole)))


def legend() -> QWidget:
    """Chips for each label (with the key that adds a selection as it) and a key to the states."""
    box = QWidget(objectName="reviewLegend")
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    row = QHBoxLayout()
    for i, label in enumerate(LABELS, start=1):
        chip = QLabel(f" {LABEL_NAMES[label]} (Ctrl+{i}) ")
        chip.setStyleSheet(f"background:{LABEL_COLOURS[label]}; color:#111; border-radius:3px; padding:1px 3px;")
        row.addWidget(chip)
    row.addStretch(1)
    column.addLayout(row)
    key = QLabel("Light with a dashed underline = to review (<span style='color:#b00020'>red wavy</span> = "
                 "unsure, look closely) · solid = accepted · "
                 "<span style='color:#8a8a8a; text-decoration:line-through'>grey struck</span> = rejected · "
                 "<b>bold</b> = current")
    key.setTextFormat(Qt.TextFormat.RichText)
    column.addWidget(key)
    return box
