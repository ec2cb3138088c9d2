"""The code tree panel: framework themes and codes with counts and colours, a filter box, drag to move,
drop text on a code to apply it, and a context menu for every codebook change (each one undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.backup import take_before as take_backup_first
from ..core.errors import BackupFailed
from . import commands as cmd
from .code_tree_model import SPAN_MIME, CodeFilterProxy, CodeTreeModel
from .merge_dialog import MergeCodeDialog

if TYPE_CHECKING:
    from ..core.project import Project


class _CodeTreeView(QTreeView):
    """Text dropped from the document goes to the code under the mouse (not between rows, as a move would)."""

    span_dropped = Signal(QModelIndex)

    def _span_target(self, event) -> QModelIndex | None:
        if not event.mimeData().hasFormat(SPAN_MIME):
            return None
        index = self.indexAt(event.position().toPoint())
        return index if index.isValid() else QModelIndex()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(SPAN_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        target = self._span_target(event)
        if target is None:
            super().dragMoveEvent(event)
        elif target.isValid():
            self.setCurrentIndex(target)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        target = self._span_target(event)
        if target is None:
            super().dropEvent(event)
            return
        if target.isValid():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.span_dropped.emit(target)
        else:
            event.ignore()


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped name needs at the column's current width (QTreeView alone keeps one
    line per row and cuts the rest)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        # a name's row height by what decides it: a new count on a click asks for the row's height again
        self._hints: dict[tuple, QSize] = {}
        # the width the style leaves a name by what decides it (not the name): every row of a depth has the same
        self._widths: dict[tuple, int] = {}

    def sizeHint(self, option, index) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        item_width = self.view.columnWidth(0) - depth * self.view.indentation()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        no_icon = index.data(Qt.ItemDataRole.DecorationRole) is None
        font, dw, dh = option.font.key(), option.decorationSize.width(), option.decorationSize.height()
        layout = (item_width, font, dw, dh, no_icon, not text, option.direction, option.decorationPosition)
        width = self._widths.get(layout)
        if width is None:
            if len(self._widths) > 500:  # widths x depths seen while a column is dragged: a bound
                self._widths.clear()
            width = self._widths[layout] = self._text_width(option, index, item_width)
        key = (text, width, font, dw, dh, no_icon)
        hint = self._hints.get(key)
        if hint is None:
            if len(self._hints) > 5000:  # names x widths seen: a bound, not a leak
                self._hints.clear()
            hint = self._hints[key] = self._measure(option, index, text, width)
        return QSize(hint)

    def _text_width(self, option, index, item_width: int) -> int:
        """The width the style gives the name in a row of ``item_width`` (after the colour icon and margins):
        measured as painted, so a name that fits on one line is not given two lines' height."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, max(item_width, 0), 1000)
        style = self.view.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.view).width()

    def _measure(self, option, index, text: str, width: int) -> QSize:
        base = super().sizeHint(option, index)
        if width < 40 or not text:
            return base
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(min(base.width(), width), max(base.height(), rect.height() + 4))


class CodeTreePanel(QWidget):
    code_activated = Signal(int)  # a code was clicked: apply it to the selection when there is one
    current_code_changed = Signal(object)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.model = CodeTreeModel(None, self)
        self.model.on_move = self.move_code
        self.model.on_apply = self.code_activated.emit
        self.model.on_rename = self.rename_code
        self.proxy = CodeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(placeholderText="Filter codes…")
        self.filter.setObjectName("codeFilter")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.view = _CodeTreeView()
        self.view.setObjectName("codeTree")
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(False)
        # Long names wrap instead of being cut (rows re-flow when the dock is resized); the tooltip has the path.
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegateForColumn(0, _WrapDelegate(self.view))
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed width that fits the header and seven digits: fitting to contents measured every visible
        # row again on each count change (a click's update).
        fm = self.view.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, max(fm.horizontalAdvance("Codings"), fm.horizontalAdvance("8888888")) + 24)
        header.sectionResized.connect(lambda *_: self.view.doItemsLayout())
        layout.addWidget(self.view)
        self.empty_hint = QLabel("No codes yet. Use Code > New code… or right-click in the list to add one.")
        self.empty_hint.setObjectName("codeTreeEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555;")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_empty_hint)
        self._expanded: set[int] = set()
        self.model.modelAboutToBeReset.connect(self._save_expanded)
        self.model.modelReset.connect(self._restore_expanded)
        self.filter.textChanged.connect(self._on_filter)
        self.view.clicked.connect(self._clicked)
        self.view.span_dropped.connect(lambda idx: self._apply_at(idx))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _prev: self.current_code_changed.emit(self.code_id_at(cur))
        )

    # ----------------------------------------------------------------- state
    @property
    def project(self):
        return self.window_.project

    def set_project(self, project: Project | None) -> None:
        self._expanded = set()
        self.model.set_project(project)
        self._update_empty_hint()

    def _update_empty_hint(self, *_args) -> None:
        self.empty_hint.setVisible(self.project is not None and self.model.rowCount() == 0)

    def code_id_at(self, proxy_index: QModelIndex) -> int | None:
        return self.model.code_id(self.proxy.mapToSource(proxy_index)) if proxy_index.isValid() else None

    def current_code_id(self) -> int | None:
        return self.code_id_at(self.view.currentIndex())

    def proxy_index_of(self, code_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(code_id))

    def select_code(self, code_id: int) -> None:
        idx = self.proxy_index_of(code_id)
        if idx.isValid():
            self.view.scrollTo(idx)
            self.view.setCurrentIndex(idx)

    def _save_expanded(self) -> None:
        self._expanded = set()
        for cid in self.model.codes:
            idx = self.proxy_index_of(cid)
            if idx.isValid() and self.view.isExpanded(idx):
                self._expanded.add(cid)

    def _restore_expanded(self) -> None:
        for cid in self._expanded:
            idx = self.proxy_index_of(cid)
            if idx.isValid():
                self.view.setExpanded(idx, True)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()

    def _apply_at(self, index: QModelIndex) -> None:
        cid = self.code_id_at(index)
        if cid is not None:
            self.code_activated.emit(cid)

    def _clicked(self, index: QModelIndex) -> None:
        cid = self.code_id_at(index)
        if cid is not None and index.column() == 0:
            self.code_activated.emit(cid)

    # ----------------------------------------------------------------- context menu
    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        cid = self.code_id_at(index)
        menu = self.build_menu(cid)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def build_menu(self, cid: int | None) -> QMenu:
        menu = QMenu(self)
        if cid is not None:
            sel = self.window_.selection()
            act = menu.addAction("Apply to selected text", lambda: self.code_activated.emit(cid))
            act.setEnabled(sel is not None)
            menu.addSeparator()
            menu.addAction("New child code…", lambda: self.new_code(cid))
        menu.addAction("New top-level code…", lambda: self.new_code(None))
        if cid is not None:
            menu.addSeparator()
            menu.addAction("Rename", lambda: self.view.edit(self.proxy_index_of(cid)))
            menu.addAction("Colour…", lambda: self.choose_colour(cid))
            menu.addAction("Description…", lambda: self.edit_description(cid))
            menu.addAction("Move to top level", lambda: self.move_code(cid, None, -1)).setEnabled(
                self.model.codes[cid].parent_id is not None
            )
            menu.addSeparator()
            menu.addAction("Merge into…", lambda: self.merge_code(cid))
            menu.addAction("Delete…", lambda: self.delete_code(cid))
        return menu

    # ----------------------------------------------------------------- operations (all undoable)
    def _push(self, command) -> bool:
        try:
            cmd.push(self.window_.undo_stack, command)
            return True
        except Exception as exc:  # noqa: BLE001 - shown to the researcher, nothing was changed
            self.window_.show_error(exc)
            return False

    def new_code(self, parent_id: int | None, name: str | None = None) -> int | None:
        if self.project is None:  # e.g. Code > New code reached from the start screen
            self.window_.statusBar().showMessage("Open or create a project first.", 4000)
            return None
        if name is None:
            where = f" under “{self.model.codes[parent_id].name}”" if parent_id else ""
            name, ok = QInputDialog.getText(self, "New code", f"Name of the new code{where}:")
            if not ok or not name.strip():
                return None
        command = cmd.AddCode(self.project, name.strip(), parent_id)
        if self._push(command):
            if parent_id is not None:
                self.view.expand(self.proxy_index_of(parent_id))
            self.select_code(command.code.id)
            return command.code.id
        return None

    def rename_code(self, code_id: int, name: str) -> None:
        self._push(cmd.RenameCode(self.project, code_id, name))

    def choose_colour(self, code_id: int) -> None:
        current = QColor(self.model.codes[code_id].colour)
        colour = QColorDialog.getColor(current, self, "Code colour")
        if colour.isValid() and colour.name() != current.name():
            self._push(cmd.RecolourCode(self.project, code_id, colour.name()))

    def edit_description(self, code_id: int) -> None:
        code = self.model.codes[code_id]
        text, ok = QInputDialog.getMultiLineText(self, "Code description", f"What “{code.name}” means and when "
                                                 "to use it:", code.description)
        if ok and text != code.description:
            self._push(cmd.DescribeCode(self.project, code_id, text))

    def move_code(self, code_id: int, parent_id: int | None, row: int = -1) -> None:
        code = self.model.codes.get(code_id)
        if code is None or (parent_id == code.parent_id and row < 0):
            return
        self._push(cmd.MoveCode(self.project, code_id, parent_id, None if row < 0 else row))

    def merge_code(self, code_id: int, target_id: int | None = None) -> bool:
        if target_id is None:
            dlg = MergeCodeDialog(self.project, code_id, self)
            if not dlg.exec():
                return False
            target_id = dlg.target_id()
            if target_id is None:
                return False
        label = f"“{self.model.codes[code_id].name}” into “{self.model.codes[target_id].name}”"
        # a merge of codes is undoable in this session only: a verified backup first, as for every risky step
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = take_backup_first(self.project, "merge of codes")
        except BackupFailed as exc:
            self.window_.show_error(exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if not self._push(cmd.MergeCodes(self.project, code_id, target_id, label)):
            return False
        self.window_.statusBar().showMessage(f"Merged {label}. Backup before the merge: {saved}", 10000)
        return True

    def delete_code(self, code_id: int, confirm: bool = True) -> bool:
        code = self.model.codes[code_id]
        n_codes = len(self.project.codes.descendants(code_id))
        n_codings = self.model.totals.get(code_id, 0) if self.model.coder_id is None else sum(
            self.project.codes.counts().get(c, 0) for c in self.project.codes.descendants(code_id)
        )
        if confirm:
            extra = f" and its {n_codes - 1} child code(s)" if n_codes > 1 else ""
            answer = QMessageBox.question(
                self, "Delete code",
                f"Delete “{code.name}”{extra}, with {n_codings} coding(s)? You can undo this with Ctrl+Z.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._push(cmd.DeleteCode(self.project, code_id, f"“{code.name}”"))
