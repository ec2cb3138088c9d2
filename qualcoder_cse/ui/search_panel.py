"""The search panel: full-text search over the project, results with their context, and coding from results.

Query language (``core/search.py``): words (all must occur in a document), "exact phrases" and prefix*;
case-insensitive. Results come a page at a time (offsets are computed only for the page shown), in document
order; activating a result emits ``hitActivated(document_id, start, end)`` (code-point offsets) for the
window to open the document there. "Code all results…" widens every hit to the chosen scope (hit, sentence,
paragraph, speaker turn), shows a preview, and codes the ticked segments as ONE undo step. "Auto-code…"
does the same for every turn of a speaker or speaker group, or a regular expression.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.autocode import SCOPES
from ..core.changes import Change
from ..core.errors import ProjectError
from ..core.models import SearchHit
from .autocode_dialog import AutocodeDialog
from .autocode_preview_dialog import AutocodePreviewDialog
from .change_hub import hub_for
from .code_picker import SCOPE_LABELS, code_picker, fill_codes
from .commands import push
from .errors import show_error
from .workbench_commands import AutocodeSegments

if TYPE_CHECKING:
    from ..core.project import Project

PAGE = 100
HitRole = Qt.ItemDataRole.UserRole + 1


class HitModel(QAbstractTableModel):
    HEADERS = ("Document", "Position", "Context")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit], append: bool = False) -> None:
        if append and hits:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
            self.hits += hits
            self.endInsertRows()
        elif not append:
            self.beginResetModel()
            self.hits = list(hits)
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.hits)):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document_name, hit.start, hit.snippet)[index.column()]
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return hit.snippet
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class ContextDelegate(QStyledItemDelegate):
    """Paints the context with the hit in bold on a highlight, the words around it in the normal font."""

    def paint(self, painter, option, index):
        hit: SearchHit | None = index.data(HitRole)
        if index.column() != 2 or hit is None:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        a = max(0, hit.start - hit.snippet_start)
        b = max(a, hit.end - hit.snippet_start)
        parts = (hit.snippet[:a], hit.snippet[a:b], hit.snippet[b:])
        bold = QFont(option.font)
        bold.setBold(True)
        rect = option.rect.adjusted(4, 0, -4, 0)
        # keep the hit visible: drop the start of the left context when it would push the hit out of view
        left = parts[0]
        fm, fmb = QFontMetrics(option.font), QFontMetrics(bold)
        room = rect.width() - fmb.horizontalAdvance(parts[1]) - 40
        budget = max(room // 2, 0)
        if fm.horizontalAdvance(left) > budget:
            while left and fm.horizontalAdvance("…" + left) > budget:
                left = left[max(1, len(left) // 10):]
            left = "…" + left
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        x = rect.x()
        for i, part in enumerate((left, parts[1], parts[2])):
            font = bold if i == 1 else option.font
            painter.setFont(font)
            width = QFontMetrics(font).horizontalAdvance(part)
            if i == 1 and not selected:
                painter.fillRect(QRectF(x, rect.y() + 2, width, rect.height() - 4), Qt.GlobalColor.yellow)
            painter.setPen(colour)
            painter.drawText(QRectF(x, rect.y(), max(rect.right() - x, 0), rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), part)
            x += width
            if x > rect.right():
                break
        painter.restore()


EMPTY_HINT = 'Type words, "a phrase" or prefix* and press Enter; results appear here.'


class SearchPanel(QWidget):
    """Built once per window: ``set_project`` points it at the open project (None empties it)."""

    hitActivated = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, project: Project | None, undo_stack=None, parent=None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._hub = None
        self.undo_stack = undo_stack
        self.runner = None  # optional run_in_background(fn, on_done, label) for the slow "find every result"
        self.query = ""
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText('Search: words, "a phrase", prefix*')
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(lambda: self._guard(lambda: self.run_search(self.query_edit.text())))
        self.search_button = QPushButton("Search")
        self.search_button.clicked.connect(lambda: self._guard(lambda: self.run_search(self.query_edit.text())))
        self.model = HitModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(2, ContextDelegate(self.view))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 70)
        self.view.activated.connect(self.activate)
        self.view.clicked.connect(self.activate)
        self.status = QLabel(EMPTY_HINT)
        self.more_button = QPushButton("More results")
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(lambda: self._guard(self.more))
        self.code_box = code_picker(project)
        self.scope_box = QComboBox()
        for scope in SCOPES:
            self.scope_box.addItem(SCOPE_LABELS[scope], scope)
        self.code_all_button = QPushButton("Code all results…")
        self.code_all_button.setEnabled(False)
        self.code_all_button.clicked.connect(lambda: self._guard(self.code_all_clicked))
        self.autocode_button = QPushButton("Auto-code by speaker…")
        self.autocode_button.clicked.connect(lambda: self._guard(self.autocode_clicked))

        row = QHBoxLayout()
        row.addWidget(self.query_edit, 1)
        row.addWidget(self.search_button)
        coding = QHBoxLayout()
        coding.addWidget(QLabel("Code"))
        coding.addWidget(self.code_box, 1)
        coding.addWidget(QLabel("with"))
        coding.addWidget(self.scope_box)
        coding.addWidget(self.code_all_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.autocode_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addLayout(coding)
        if project is not None:
            self.set_project(project)

    def set_project(self, project: Project | None) -> None:
        """Show this project's search (empty: no query, no results); None clears everything of the last."""
        if self._hub is not None:
            self._hub.stop(self._on_change)
            self._hub = None
        self.project = project
        self.query = ""
        self.query_edit.clear()
        self.model.set_hits([])
        self.status.setText(EMPTY_HINT)
        self.more_button.setVisible(False)
        self.code_all_button.setEnabled(False)
        self.scope_box.setCurrentIndex(0)
        fill_codes(self.code_box, project)
        if project is not None:
            self._hub = hub_for(project)
            self._hub.listen(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.codes and self.project is not None and self.project.is_open:  # codes added, renamed, gone
            fill_codes(self.code_box, self.project)

    def closeEvent(self, event) -> None:
        if self._hub is not None:
            self._hub.stop(self._on_change)
            self._hub = None
        super().closeEvent(event)

    def _guard(self, fn) -> None:
        if self.project is None:  # emptied: the project closed
            return
        try:
            fn()
        except ProjectError as exc:
            show_error(self, exc)

    # ----------------------------------------------------------------- searching
    def run_search(self, query: str) -> int:
        """Search and show the first page; returns the number of hits shown."""
        self.query = query.strip()
        results = self.project.search.query(self.query, limit=PAGE, offset=0)
        self.model.set_hits(results.hits)
        self._after(results)
        return len(results.hits)

    def more(self) -> int:
        results = self.project.search.query(self.query, limit=PAGE, offset=len(self.model.hits))
        self.model.set_hits(results.hits, append=True)
        self._after(results)
        return len(results.hits)

    def _after(self, results) -> None:
        n = len(self.model.hits)
        more = "+" if results.has_more else ""
        docs = results.documents_matched
        where = f"{docs} document" if docs == 1 else f"{docs} documents"
        self.status.setText(f"{n}{more} hit{'' if n == 1 and not more else 's'} in {where}" if n else "No matches.")
        self.more_button.setVisible(results.has_more)
        self.code_all_button.setEnabled(n > 0)

    def activate(self, index: QModelIndex) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is not None:
            self.hitActivated.emit(hit.document_id, hit.start, hit.end)

    # ----------------------------------------------------------------- coding from results
    def set_code(self, code_id: int) -> None:
        self.code_box.setCurrentIndex(self.code_box.findData(code_id))

    def current_code_id(self) -> int:
        index = self.code_box.findText(self.code_box.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ProjectError("Choose a code from the list first.")
        return self.code_box.itemData(index)

    def preview(self, code_id: int, scope: str) -> AutocodePreviewDialog:
        """The preview dialog for coding every hit of the current query (not shown yet)."""
        if not self.query:
            raise ProjectError("Search for something first.")
        segments = self.project.autocode.for_query(self.query, scope)
        return AutocodePreviewDialog(self.project, segments, self.project.codes.path(code_id), scope, self)

    def code_segments(self, code_id: int, segments, label: str) -> int:
        """Code the segments as one undo step; returns the number of codings made."""
        cmd = AutocodeSegments(self.project, code_id, segments, label)
        if self.undo_stack is not None:
            push(self.undo_stack, cmd)
        else:
            cmd.apply()
        made = len(cmd.made or [])
        self.status.setText(f"Made {made} codings ({len(segments) - made} were already coded).")
        return made

    def code_all_clicked(self) -> None:
        code_id, scope = self.current_code_id(), self.scope_box.currentData()
        if not self.query:
            raise ProjectError("Search for something first.")
        query, project = self.query, self.project  # the panel outlives the project: the work keeps its own

        def work(progress):
            segments = project.autocode.for_query(query, scope)
            return None if progress is not None and progress(1, 1) is False else segments  # cancelled

        def done(segments) -> None:
            if segments is None or project is not self.project:  # cancelled, or another project open now
                return
            dialog = AutocodePreviewDialog(project, segments, project.codes.path(code_id), scope, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.code_segments(code_id, dialog.selected_segments(), f"Code search results for “{query}”")
                finally:
                    QApplication.restoreOverrideCursor()

        if self.runner is not None:  # the main window's run_in_background: a progress dialog, GUI stays live
            self.runner(work, lambda segs: self._guard(lambda: done(segs)), "Finding every result…")
        else:
            done(work(None))

    def autocode_clicked(self) -> None:
        dialog = AutocodeDialog(self.project, self)
        dialog.set_code(self.code_box.currentData())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        code_id, kwargs, label = dialog.request()
        project = self.project

        def work(progress):
            segments = project.autocode.segments(**kwargs)
            return None if progress is not None and progress(1, 1) is False else segments  # cancelled

        def done(segments) -> None:
            if segments is None or project is not self.project:  # cancelled, or another project open now
                return
            preview = AutocodePreviewDialog(project, segments, project.codes.path(code_id), kwargs["scope"], self)
            if preview.exec() == QDialog.DialogCode.Accepted:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.code_segments(code_id, preview.selected_segments(), label)
                finally:
                    QApplication.restoreOverrideCursor()

        if self.runner is not None:
            self.runner(work, lambda segs: self._guard(lambda: done(segs)), "Finding the segments…")
        else:
            done(work(None))
