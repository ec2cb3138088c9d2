"""The cases editor: a table of cases (or documents) by attributes, with the tools around it.

Add, rename (edit the name cell) and delete cases; add, edit and delete attributes of type text, number, date
or category; set values in the grid (category cells offer their choices); paste a block copied from Excel
(Ctrl+V, one undo step, in the order the rows are shown); import attributes from CSV/XLSX with a report of
unmatched rows; add the research presets; show police forces pseudonymised; map focus-group speakers to
cases; give a case whole documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ProjectError
from .attribute_dialog import AttributeDialog
from .case_table_model import CaseTableModel, ChoicesRole
from .errors import show_error
from .workbench_commands import AddCase

if TYPE_CHECKING:
    from ..core.project import Project


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the attribute's choices (plus empty) for category cells; a line edit otherwise."""

    def createEditor(self, parent, option, index):
        choices = index.data(ChoicesRole)
        if choices:
            box = QComboBox(parent)
            box.addItem("")
            box.addItems(choices)
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class CaseFilterProxy(QSortFilterProxyModel):
    """Filtering and sorting done by the source model over its plain lists (fast for 5,000 x 10)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange()
        else:
            self._needle = text.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        return not self._needle or self.sourceModel().row_matches(row, self._needle)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class CasesEditor(QWidget):
    caseSelected = Signal(int)  # the current row's case id (scope "case" only): the memo pane follows it

    def __init__(self, project: Project, undo_stack=None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.model = CaseTableModel(project, "case", undo_stack, self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setDefaultSectionSize(150)
        self.view.horizontalHeader().setStretchLastSection(True)

        self.scope_box = QComboBox()
        self.scope_box.addItem("Cases", "case")
        self.scope_box.addItem("Documents", "document")
        self.scope_box.currentIndexChanged.connect(lambda _i: self.set_scope(self.scope_box.currentData()))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter rows…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.pseudonymise = QCheckBox("Show police forces as Force A, B, …")
        self.pseudonymise.setChecked(project.presets.forces_pseudonymised())
        self.pseudonymise.toggled.connect(self._toggle_pseudonyms)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.toolbar = QToolBar()
        self.add_case_action = self._action("Add case", self._add_case_clicked)
        self.delete_case_action = self._action("Delete case", lambda: self.delete_selected(confirm=True))
        self.toolbar.addSeparator()
        self._action("Add attribute…", self._add_attribute_clicked)
        self._action("Edit attribute…", self._edit_attribute_clicked)
        self._action("Delete attribute", self._delete_attribute_clicked)
        self.toolbar.addSeparator()
        self._action("Research presets", self.add_presets)
        self._action("Import attributes…", self._import_clicked)
        self._action("Speakers…", self.open_speakers)
        self._action("Documents of case…", self._documents_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        paste = QAction("Paste", self.view)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.triggered.connect(self.paste_clipboard)
        self.view.addAction(paste)

        top = QHBoxLayout()
        top.addWidget(self.scope_box)
        top.addWidget(self.filter, 1)
        top.addWidget(self.pseudonymise)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def _action(self, text: str, slot) -> QAction:
        action = self.toolbar.addAction(text)
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        return action

    def _guard(self, slot) -> None:
        try:
            slot()
        except ProjectError as exc:
            show_error(self, exc)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # ----------------------------------------------------------------- scope and selection
    def set_scope(self, scope: str) -> None:
        self.model.close()
        self.model = CaseTableModel(self.project, scope, self.undo_stack, self)
        self.proxy.setSourceModel(self.model)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.add_case_action.setEnabled(scope == "case")
        self.delete_case_action.setEnabled(scope == "case")

    def _current_row_changed(self, current, _previous) -> None:
        if current.isValid() and self.model.scope == "case":
            self.caseSelected.emit(self.model.row_id(self.proxy.mapToSource(current).row()))

    def selected_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()}
        return [self.model.row_id(r) for r in sorted(rows)]

    def select_id(self, target_id: int, column: int = 0) -> None:
        src = self.model.index(self.model.row_of(target_id), column)
        self.view.setCurrentIndex(self.proxy.mapFromSource(src))

    # ----------------------------------------------------------------- cases
    def add_case(self, name: str | None = None) -> int:
        if name is None:
            n = len(self.project.cases.list()) + 1
            while self.project.cases.by_name(f"Case {n}"):
                n += 1
            name = f"Case {n}"
        cmd = AddCase(self.project, name)
        self.model._run(cmd)
        self.model.reload()
        self.select_id(cmd.case.id)
        return cmd.case.id

    def _add_case_clicked(self) -> None:
        self.add_case()
        self.view.edit(self.view.currentIndex())

    def delete_selected(self, confirm: bool = True) -> int:
        ids = self.selected_ids()
        if not ids or self.model.scope != "case":
            return 0
        if confirm:
            answer = QMessageBox.question(
                self, "Delete cases",
                f"Delete {len(ids)} case(s) with their attribute values and memos? Documents, turns and codings "
                "stay. This cannot be undone.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        with self.project.transaction():
            for case_id in ids:
                self.project.cases.delete(case_id)
        self.model.reload()
        return len(ids)

    # ----------------------------------------------------------------- attributes
    def add_attribute(self, name: str, type_: str = "text", choices: list[str] | tuple = ()) -> int:
        attr = self.project.attributes.add(name, scope=self.model.scope, type=type_, choices=list(choices))
        self.model.reload()
        return attr.id

    def current_attribute(self):
        index = self.view.currentIndex()
        return self.model.attribute(self.proxy.mapToSource(index).column()) if index.isValid() else None

    def _add_attribute_clicked(self) -> None:
        dialog = AttributeDialog(self, scope=self.model.scope)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, kind, choices = dialog.values()
            self.add_attribute(name, kind, choices)

    def _edit_attribute_clicked(self) -> None:
        attr = self.current_attribute()
        if attr is None:
            self._say("Click a cell of the attribute to edit first.")
            return
        dialog = AttributeDialog(self, attr, self.model.scope)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, _kind, choices = dialog.values()
            with self.project.transaction():
                if name != attr.name:
                    self.project.attributes.rename(attr.id, name)
                if attr.type == "category" and tuple(choices) != attr.choices:
                    self.project.attributes.set_choices(attr.id, choices)
            self.model.reload()

    def _delete_attribute_clicked(self) -> None:
        attr = self.current_attribute()
        if attr is None:
            self._say("Click a cell of the attribute to delete first.")
            return
        answer = QMessageBox.question(self, "Delete attribute", f"Delete '{attr.name}' and all its values?")
        if answer == QMessageBox.StandardButton.Yes:
            self.project.attributes.delete(attr.id)
            self.model.reload()

    def add_presets(self) -> None:
        self.project.presets.add_research()
        self.model.reload()
        self._say("Added the research attributes: participant group, police force, policing model, role, area type.")

    def _toggle_pseudonyms(self, on: bool) -> None:
        self._guard(lambda: self.project.presets.set_forces_pseudonymised(on))
        self.model.reload()

    # ----------------------------------------------------------------- paste and import
    def paste_text(self, text: str) -> int:
        """Paste tab-separated rows at the current cell, following the rows as shown (sorted, filtered)."""
        current = self.view.currentIndex()
        if not current.isValid():
            self._say("Click the cell where the pasted block should start.")
            return 0
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        cells = []
        for r, line in enumerate(lines):
            proxy_row = current.row() + r
            if proxy_row >= self.proxy.rowCount():
                break
            for c, value in enumerate(line.split("\t")):
                src = self.proxy.mapToSource(self.proxy.index(proxy_row, current.column() + c))
                if src.isValid() and src.column() >= 1:
                    cells.append((src.row(), src.column(), value))
        done = self.model.set_values(cells)
        errors = self.model.last_errors
        self._say(f"Pasted {done} values." + (f" Skipped {len(errors)}: " + " ".join(errors[:5]) if errors else ""))
        return done

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def import_file(self, path: str, create_missing: bool = False):
        from ..workflows.case_attributes import import_case_attributes

        report = import_case_attributes(self.project, path, create_missing=create_missing)
        self.model.reload()
        self._say(report.summary().splitlines()[0])
        return report

    def _import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import case attributes", "", "Sheets (*.xlsx *.csv)")
        if not path:
            return
        create = QMessageBox.question(
            self, "Import case attributes", "Create new cases for rows whose case does not exist yet?"
        ) == QMessageBox.StandardButton.Yes
        report = self.import_file(path, create)
        box = QMessageBox(QMessageBox.Icon.Information, "Import case attributes", report.summary().splitlines()[0],
                          parent=self)
        box.setDetailedText(report.summary())
        box.exec()

    # ----------------------------------------------------------------- speakers and documents
    def open_speakers(self, document_id: int | None = None) -> None:
        from .speaker_mapping_dialog import SpeakerMappingDialog

        SpeakerMappingDialog(self.project, document_id, self, self.undo_stack).exec()
        self.model.reload()

    def _documents_clicked(self) -> None:
        ids = self.selected_ids()
        if self.model.scope != "case" or len(ids) != 1:
            self._say("Select one case first.")
            return
        from .case_documents_dialog import CaseDocumentsDialog

        if CaseDocumentsDialog(self.project, ids[0], self, self.undo_stack).exec() == QDialog.DialogCode.Accepted:
            self._say(f"The case now covers {len(self.project.cases.documents_of(ids[0]))} whole document(s).")

    def closeEvent(self, event) -> None:
        self.model.close()
        super().closeEvent(event)
