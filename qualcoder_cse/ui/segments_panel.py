"""The coded-segments panel: every passage coded with the chosen code(s), to read, sort, jump to, recode,
uncode, copy and export.

Codes are chosen from the tree (Code > Show coded segments, a double-click on a code, or "Use selected
code") or with "Add code…"; a click on a row opens its passage in the document; several combine with OR, AND or NOT (``core.segments``), child codes included
or not; filters by document, kind, case, attribute value and coder. The list follows the project: any change
to codings, codes or cases re-reads it (once per burst of changes, and only when the panel is visible).
Recode and uncode go through the window's undo stack as one step each. No text reaches the clipboard except
by Copy.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from ..core.codes import codes_below, split_path
from ..core.errors import ProjectError
from ..core.models import Code
from ..core.segments import Segment, SegmentQuery
from ..lazy import lazy_import
from . import commands as cmd
from .change_hub import hub_for
from .clear_export import confirm_clear_export
from .clipboard import copy_text
from .code_shades import display_colours
from .errors import show_error
from .segments_filters import SegmentFilters
from .segments_model import (
    COL_CASE,
    COL_CODE,
    COL_CODER,
    COL_DOCUMENT,
    COL_MEMO,
    COL_SPEAKER,
    COL_TEXT,
    SEGMENT_ROLE,
    SegmentsModel,
)
from .steady_layout import SteadyLabel
from .workbench_commands import RecodeCodings, RemoveCodings

if TYPE_CHECKING:
    from ..core.project import Project

_export = lazy_import("qualcoder_cse.exporters.segments_export")  # openpyxl and python-docx on first export

MODES = (("or", "any of them (OR)"), ("and", "all of them, overlapping (AND)"),
         ("not", "the first, not the others (NOT)"))


def _pale(colour: str, keep: float = 0.3) -> str:
    """``colour`` mixed with white (rich text has no alpha), for the passage's highlight."""
    c = QColor(colour)
    return QColor(*(round(255 - (255 - v) * keep) for v in (c.red(), c.green(), c.blue()))).name()


class SegmentsPanel(QWidget):
    passageActivated = Signal(int, int, int)  # document id, start, end (code points)
    wordFrequencyRequested = Signal(object)  # the SegmentQuery of the list shown

    def __init__(self, project: Project, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentsPanel")
        self.project = project
        self.undo_stack = undo_stack
        self.runner = None  # optional run_in_background(fn, on_done, label) for exports
        self.pick_code = None  # optional callable() -> code id | None (the window's code picker)
        self.current_tree_code = None  # optional callable() -> code id | None (the tree's current code)
        self.code_ids: list[int] = []
        self._codes: list[Code] | None = None  # the project's codes, read again after a change of codes
        self._stale = False
        self._passage_html = ""
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)

        codes_row = QHBoxLayout()
        codes_row.addWidget(QLabel("Codes:"))
        self.codes_label = QLabel("", objectName="segmentCodes")
        self.codes_label.setWordWrap(True)
        self.codes_label.setTextFormat(Qt.TextFormat.RichText)
        codes_row.addWidget(self.codes_label, 1)
        self.use_button = QPushButton("Use selected code", objectName="useSelectedCode")
        self.add_button = QPushButton("Add code…", objectName="addSegmentCode")
        self.clear_button = QPushButton("Clear", objectName="clearSegmentCodes")
        for b in (self.use_button, self.add_button, self.clear_button):
            codes_row.addWidget(b)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel("Passages coded with"))
        self.mode_box = QComboBox(objectName="segmentMode")
        for key, label in MODES:
            self.mode_box.addItem(label, key)
        mode_row.addWidget(self.mode_box)
        self.children_box = QCheckBox("include child codes", objectName="segmentChildren")
        self.children_box.setChecked(True)
        mode_row.addWidget(self.children_box)
        mode_row.addStretch(1)
        self.count_label = SteadyLabel(align=Qt.AlignmentFlag.AlignRight, object_name="segmentCount")
        mode_row.addWidget(self.count_label)
        self.filters = SegmentFilters(project, self)

        self.model = SegmentsModel(self)
        self.view = QTableView(objectName="segmentsTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        h = self.view.horizontalHeader()
        for col in range(self.model.columnCount()):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        h.sectionResized.connect(lambda col, _old, new: col == COL_TEXT
                                 and self.model.fit_passages(new, self.view.fontMetrics()))
        for col, width in ((COL_DOCUMENT, 130), (COL_SPEAKER, 55), (COL_CODE, 170), (COL_CASE, 100),
                           (COL_CODER, 60), (COL_MEMO, 70)):
            self.view.setColumnWidth(col, width)
        self.passage = QTextBrowser(objectName="segmentPassage")
        self.passage.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)  # the table keeps the full width for the passage column
        split.addWidget(self.view)
        split.addWidget(self.passage)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        actions = QHBoxLayout()
        self.go_button = QPushButton("Go to passage", objectName="segmentGo")
        self.recode_button = QPushButton("Recode…", objectName="segmentRecode")
        self.uncode_button = QPushButton("Uncode", objectName="segmentUncode")
        self.copy_button = QPushButton("Copy", objectName="segmentCopy")
        self.words_button = QPushButton("Word frequency…", objectName="segmentWords")
        self.export_button = QPushButton("Export", objectName="segmentExport")
        export_menu = QMenu(self.export_button)
        export_menu.addAction("Word document (.docx)…", lambda: self.export_clicked("docx"))
        export_menu.addAction("Excel workbook (.xlsx)…", lambda: self.export_clicked("xlsx"))
        self.export_button.setMenu(export_menu)
        for b in (self.go_button, self.recode_button, self.uncode_button, self.copy_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.words_button)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(codes_row)
        layout.addLayout(mode_row)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        self.use_button.clicked.connect(self._use_tree_code)
        self.add_button.clicked.connect(self._add_code)
        self.clear_button.clicked.connect(lambda: self.set_codes([]))
        self.mode_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.children_box.toggled.connect(lambda _b: self.refresh())
        self.filters.changed.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_passage())
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(lambda _i: self.go_to_current())
        copy = QAction("Copy", self.view)
        copy.setShortcut(QKeySequence.StandardKey.Copy)  # the passages with their sources, not one cell
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selected)
        self.view.addAction(copy)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.go_button.clicked.connect(self.go_to_current)
        self.recode_button.clicked.connect(lambda: self._guard(self.recode_selected))
        self.uncode_button.clicked.connect(lambda: self._guard(self.uncode_selected))
        self.copy_button.clicked.connect(self.copy_selected)
        self.words_button.clicked.connect(lambda: self.code_ids and self.wordFrequencyRequested.emit(self.query()))
        self._hub = hub_for(project)
        self._hub.listen(self._on_change)
        self._update_codes_label()
        self._update_buttons()

    # ----------------------------------------------------------------- the query
    def set_codes(self, code_ids: list[int], mode: str | None = None) -> None:
        self.code_ids = list(dict.fromkeys(code_ids))
        if mode is not None:
            self.mode_box.blockSignals(True)
            self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(mode)))
            self.mode_box.blockSignals(False)
        self._update_codes_label()
        self.refresh()

    def add_code(self, code_id: int) -> None:
        self.set_codes([*self.code_ids, code_id])

    def query(self) -> SegmentQuery:
        f = self.filters
        return SegmentQuery(
            codes=tuple(self.code_ids), mode=self.mode_box.currentData(), children=self.children_box.isChecked(),
            documents=f.documents(), kinds=f.kinds(), coders=f.coders(), cases=f.cases(),
            attributes=f.attributes(),
        )

    def refresh(self, document_ids: frozenset[int] | None = None) -> None:
        """Read the list again for the current codes and filters (keeps the selection by coding id); with
        ``document_ids``, only the segments of those documents (a coding changed there), the rest kept."""
        self._timer.stop()
        if not self.project.is_open:
            return
        if not self.isVisible() and self.model.segments:
            self._stale = True
            return
        if self._stale:
            document_ids = None
        self._stale = False
        if document_ids is not None and self.code_ids:
            self._refresh_documents(document_ids)
            return
        self._update_codes_label()  # drops codes deleted since they were chosen
        keep = {s.coding_id for s in self.selected_segments()}
        segments: list[Segment] = []
        message = ""
        if self.code_ids:
            try:
                segments = self.project.segments.list(self.query(), self._code_list())
            except ProjectError as exc:
                message = str(exc)
        self.model.set_segments(segments, display_colours(self._code_list()))
        self._say_count(message)
        if keep:
            sm = self.view.selectionModel()
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(SEGMENT_ROLE).coding_id in keep:
                    sm.select(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                              | QItemSelectionModel.SelectionFlag.Rows)
        self._show_passage()
        self._update_codes_label()

    def _refresh_documents(self, document_ids: frozenset[int]) -> None:
        """A coding changed in these documents: only their segments are read again and put in place (rows
        removed and inserted, so the rest of the list and the selection stay as they are)."""
        query = self.query()
        docs = document_ids if query.documents is None else document_ids & set(query.documents)
        try:
            fresh = (self.project.segments.list(replace(query, documents=tuple(sorted(docs))), self._code_list())
                     if docs else [])
        except ProjectError as exc:
            self._say_count(str(exc))
            return
        keep = {s.coding_id for s in self.selected_segments() if s.document_id in document_ids}
        self.model.replace_documents(document_ids, fresh)
        self.view.doItemsLayout()  # now, not on a timer: the list repaints with the rest of the click
        if keep:  # a selected passage of those documents stays selected
            sm = self.view.selectionModel()
            for row, seg in enumerate(self.model.segments):
                if seg.coding_id in keep:
                    sm.select(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                              | QItemSelectionModel.SelectionFlag.Rows)
        self._say_count("")
        current = self.current_segment() if self.selected_segments() else None
        if current is None or current.document_id in document_ids:  # else the passage shown is unchanged
            self._show_passage()

    def _say_count(self, message: str) -> None:
        if message:
            self.count_label.setText(message)
        elif not self.code_ids:
            self.count_label.setText("Choose a code in the tree, then “Use selected code”.")
        else:
            segments, docs = self.model.segments, self.model.document_count()
            self.count_label.setText(f"{len(segments):,} segment{'s' if len(segments) != 1 else ''} in "
                                     f"{docs:,} document{'s' if docs != 1 else ''}")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def _on_change(self, change: Change) -> None:
        """Refresh when the change can alter the list: codings of a listed code, code names and colours, or
        what the filters offer (cases, attributes, documents, coders)."""
        if not self.project.is_open:
            return
        if change.codes:
            self._codes = None
        filters = change.cases or change.attributes or change.documents or change.coders
        if filters:
            self.filters.mark_stale()
        if filters or change.codes:
            self.refresh()
        elif change.codings and self._lists_any(change):
            self.refresh(change.document_ids)  # None (not known which): the whole list

    def _lists_any(self, change: Change) -> bool:
        if not self.code_ids:
            return False
        if change.code_ids is None:
            return True
        listed = set(self.code_ids)
        if self.children_box.isChecked():
            listed = codes_below(self._code_list(), listed)
        return not listed.isdisjoint(change.code_ids)

    def _code_list(self) -> list[Code]:
        if self._codes is None:
            self._codes = self.project.codes.list()
        return self._codes

    def closeEvent(self, event) -> None:
        self._hub.stop(self._on_change)
        super().closeEvent(event)

    def _update_codes_label(self) -> None:
        if not self.project.is_open:
            return
        codes = {c.id: c for c in self._code_list()}
        shown = display_colours(codes.values())
        parts = []
        for cid in self.code_ids:
            if cid in codes:
                name = html.escape(" › ".join(split_path(codes[cid].path)))
                parts.append(f"<span style='color:{shown[cid]}'>■</span> {name}")
        self.code_ids = [c for c in self.code_ids if c in codes]
        self.codes_label.setText(" &nbsp;·&nbsp; ".join(parts) or "<i>none chosen</i>")

    def _use_tree_code(self) -> None:
        cid = self.current_tree_code() if self.current_tree_code else None
        if cid is not None:
            self.set_codes([cid])

    def _add_code(self) -> None:
        cid = self.pick_code() if self.pick_code else None
        if cid is not None:
            self.add_code(cid)

    # ----------------------------------------------------------------- selection and the passage
    def selected_segments(self) -> list[Segment]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.index(r, 0).data(SEGMENT_ROLE) for r in rows]

    def current_segment(self) -> Segment | None:
        idx = self.view.currentIndex()
        if idx.isValid():
            return self.model.index(idx.row(), 0).data(SEGMENT_ROLE)
        chosen = self.selected_segments()
        return chosen[0] if chosen else None

    def _update_buttons(self) -> None:
        n = len(self.selected_segments())
        for b in (self.recode_button, self.uncode_button, self.copy_button):
            b.setEnabled(n > 0)
        self.go_button.setEnabled(n == 1)
        self.words_button.setEnabled(bool(self.code_ids))
        self.export_button.setEnabled(bool(self.model.segments))

    def _show_passage(self) -> None:
        self._update_buttons()
        s = self.current_segment() if self.selected_segments() else None
        if s is None:
            self._set_passage("<p style='color:#777'>Select a segment to read it with its context.</p>")
            return
        colour = _pale(self.model.colours.get(s.code_id, "#999999"))

        def esc(text: str) -> str:
            return html.escape(text).replace("\n", "<br>")

        memo = f"<p><i>Memo:</i> {esc(s.memo)}</p>" if s.memo else ""
        self._set_passage(
            f"<p><span style='color:#777'>{esc(s.before)}</span><span style='background:{colour}'><b>"
            f"{esc(s.text)}</b></span><span style='color:#777'>{esc(s.after)}</span></p>"
            f"<p style='color:#555; font-size:small'>{esc(s.source)}<br>{esc(s.code_path)} · {esc(s.coder)}"
            f"{' · ' + esc('; '.join(s.cases)) if s.cases else ''}</p>{memo}")

    def _set_passage(self, text: str) -> None:
        if text != self._passage_html:  # laying out the same passage again costs a click milliseconds
            self._passage_html = text
            self.passage.setHtml(text)

    def _clicked(self, _index) -> None:
        """A plain click opens the passage in the document; the list keeps the focus (Ctrl/Shift+click only
        select)."""
        if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
            self.go_to_current()
            self.view.setFocus()

    def go_to_current(self) -> None:
        s = self.current_segment()
        if s is not None:
            self.passageActivated.emit(s.document_id, s.start, s.end)

    # ----------------------------------------------------------------- changes (undoable)
    def _guard(self, fn) -> None:
        try:
            fn()
        except ProjectError as exc:
            show_error(self, exc)

    def recode_selected(self, code_id: int | None = None) -> bool:
        chosen = self.selected_segments()
        if not chosen:
            return False
        if code_id is None:
            code_id = self.pick_code() if self.pick_code else None
            if code_id is None:
                return False
        name = self.project.codes.get(code_id).name
        cmd.push(self.undo_stack, RecodeCodings(self.project, [s.coding_id for s in chosen], code_id,
                                                f"Recode {len(chosen)} segment(s) as “{name}”"))
        return True

    def uncode_selected(self) -> bool:
        chosen = self.selected_segments()
        if not chosen:
            return False
        cmd.push(self.undo_stack, RemoveCodings(self.project, [s.coding_id for s in chosen]))
        return True

    def copy_selected(self) -> None:
        """The explicit Copy: the selected passages with their sources, one per line."""
        lines = [f"“{' '.join(s.text.split())}” ({s.source}; {s.code_path}; {s.coder})"
                 for s in self.selected_segments()]
        if lines:
            copy_text("\n".join(lines))  # remembered, so the lock can take it back

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        has = bool(self.selected_segments())
        menu.addAction("Go to passage", self.go_to_current).setEnabled(has)
        menu.addAction("Recode…", lambda: self._guard(self.recode_selected)).setEnabled(has)
        menu.addAction("Uncode", lambda: self._guard(self.uncode_selected)).setEnabled(has)
        menu.addAction("Copy", self.copy_selected).setEnabled(has)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- export
    def export_clicked(self, kind: str, path: str | None = None) -> None:
        if not self.code_ids:
            return
        if path is None:
            filt = "Word documents (*.docx)" if kind == "docx" else "Excel workbooks (*.xlsx)"
            path, _ = QFileDialog.getSaveFileName(self, "Export coded segments", f"segments.{kind}", filt)
            if not path:
                return
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
            what = "The Word document" if kind == "docx" else "The workbook"
            if not confirm_clear_export(self, [(what, path)]):
                return
        names = [self.project.codes.get(c).name for c in self.code_ids]
        options = _export.SegmentExportOptions(self.query(), title="Coded segments: " + ", ".join(names))
        fn = _export.export_segments_docx if kind == "docx" else _export.export_segments_xlsx

        def done(n: int) -> None:
            self.count_label.setText(f"Exported {n:,} segments to {path}")

        if self.runner is not None:
            self.runner(lambda _progress: fn(self.project, path, options), done, "Exporting the segments…")
        else:
            try:
                done(fn(self.project, path, options))
            except ProjectError as exc:
                show_error(self, exc)
