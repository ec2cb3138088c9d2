"""The Analysis view: pick a matrix and filters, read it as a sortable heat-mapped table with a bar chart of
code frequencies by group, click a cell to read its quotes (double-click a quote to open it in its
document), edit framework-matrix cell summaries, and export the workbook (export_dialog.py).

All numbers come from ``qualcoder_cse.analysis`` (pure functions; the tables in analysis_tables.py); this
module only shows them. Each matrix is computed in a worker thread (a change made meanwhile is queued); the
data are loaded once per filter set and reloaded after the project changes. Menus: analysis_actions.py.

Fast first display: Code x Case with no filter comes from ``code_by_case_all`` (all four measures from the
case hits and the word starts; no frames of codings, turns or memos), kept so that another measure shows at
once. The full data (``analysis.load``) are loaded, in the worker, only when something needs them: another
matrix, a filter, or a click on a cell for its quotes. Column widths are measured from the headers and the
widest number of each column (Qt's resize-to-contents asked every cell: 12 s for 200 codes x 500 cases).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from ..core.errors import ProjectError
from ..lazy import lazy_import
from .analysis_tables import (
    MATRICES,
    MEASURES,
    Table,
    cell_quotes,
    chart_data,
    fast_ok,
    fast_status,
    fast_table,
    matrix_frame,
)
from .analysis_widgets import (
    Choices,
    ComputeThread,
    FirstMatrix,
    checked_items,
    column_panel,
    fill_check_list,
    fit_columns,
    form_panel,
    matrix_table,
    read_choices,
    scrolled,
    three_panes,
)
from .bar_chart import BarChart
from .change_hub import hub_for
from .clipboard import copy_text
from .export_dialog import ExportDialog
from .matrix_model import KEY_ROLE, SORT_ROLE, MatrixModel
from .stale_refresh import StaleRefresh

if TYPE_CHECKING:
    from ..core.project import Project

# pandas and the analysis package are not on the window's start-up path: they load beside it once it is up
# (lazy.preload), or at first use if that comes first.
pd = lazy_import("pandas")
an = lazy_import("qualcoder_cse.analysis")
ANALYSED = frozenset({"codings", "codes", "documents", "cases", "attributes", "coders", "memos"})

class AnalysisView(QWidget):
    computed = Signal()  # a matrix has been computed and shown (or the full data loaded for a cell's quotes)

    def __init__(self, project: Project, window=None, parent=None) -> None:
        super().__init__(parent)
        self._thread: ComputeThread | None = None
        self._pending = False
        self.project = project
        self.window_ = window
        self._data: an.AnalysisData | None = None
        self._data_key = None
        self.current = ""
        self._cell: tuple | None = None
        self.fast_shown = False  # the table came from code_by_case_all; self.data not loaded
        self._quote_request = None  # a cell clicked before the full data were loaded: (row key, col key)
        self._loading_quotes = False
        self._fast_matrix = None  # (filter key, CodeMatrix with all four measures) of the fast path
        self._widths: dict[tuple[str, str], int] = {}  # text widths measured for the columns (fit_columns)
        self._generation = self._started = 0  # changes to the project seen / seen when the worker started
        # the filters' choices are read before the worker starts: read beside it, they waited ~40 ms for its
        # query on the shared connection, and the widgets were then built while it needed the GIL
        choices = read_choices(project)
        # the first matrix is computed while the widgets below are built (taken by the first refresh); the
        # analysis package loads here, in this thread (a lazy import is not thread-safe)
        compute = an.code_by_case_all
        self._first = FirstMatrix(lambda: compute(project), self)
        self._first_unused: FirstMatrix | None = self._first

        self.matrix_box = QComboBox()
        self.matrix_box.addItems(MATRICES)
        self.measure_box = QComboBox()
        self.group_box = QComboBox()
        self.units_box = QComboBox()
        for unit in an.agreement.UNITS:
            self.units_box.addItem(f"{unit} units", unit)
        self.coder_list = QListWidget()
        self.kind_list = QListWidget()
        self.doc_list = QListWidget()
        self.code_list = QListWidget()
        self.attr_box = QComboBox()
        self.value_list = QListWidget()
        self.check_lists = {
            "coder": self.coder_list,
            "kind": self.kind_list,
            "document": self.doc_list,
            "theme": self.code_list,
            "attribute value": self.value_list,
        }
        for w in self.check_lists.values():
            w.setMaximumHeight(80)
        self.export_button = QPushButton("Export workbook…")
        self.export_button.clicked.connect(self.export_dialog)

        left = form_panel([
            ("Matrix", self.matrix_box), ("Measure", self.measure_box), ("Groups", self.group_box),
            ("Agreement", self.units_box), ("Coders", self.coder_list), ("Kinds", self.kind_list),
            ("Documents", self.doc_list), ("Themes", self.code_list), ("Only where", self.attr_box),
            ("is one of", self.value_list), (None, self.export_button),
        ])

        self.model = MatrixModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = matrix_table(self.proxy)
        self.note = QLabel("", objectName="analysisNote")
        self.note.setWordWrap(True)
        self.note.setMinimumHeight(2 * self.note.fontMetrics().lineSpacing())  # a shorter note: no relayout
        self.table.clicked.connect(self._cell_clicked)
        self.table.selectionModel().currentChanged.connect(lambda cur, _prev: self._cell_clicked(cur))
        copy = QAction("Copy table", self.table)
        copy.triggered.connect(self.copy_table)
        self.table.addAction(copy)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.chart = BarChart()
        self.save_chart = QPushButton("Save chart as PNG or SVG…")
        self.save_chart.clicked.connect(self.save_chart_dialog)
        self.quote_label = QLabel("Click a cell to read its quotes.")
        self.quote_label.setWordWrap(True)
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self.quotes.itemDoubleClicked.connect(self._open_quote)
        self.summary = QPlainTextEdit(placeholderText="Summary of this framework-matrix cell")
        self.summary.setMaximumHeight(90)
        self.save_summary = QPushButton("Save summary")
        self.save_summary.clicked.connect(self._save_summary)
        self.summary.setVisible(False)
        self.save_summary.setVisible(False)
        right = column_panel([(scrolled(self.chart), 3), (self.save_chart, 0), (self.quote_label, 0),
                              (self.quotes, 2), (self.summary, 0), (self.save_summary, 0)])
        middle = column_panel([(self.note, 0), (self.table, 1)])
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(three_panes(left, middle, right), 1)
        layout.addWidget(self.status)

        self._fill_choices(choices)
        self.matrix_box.currentTextChanged.connect(self._matrix_changed)
        self.measure_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.group_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.units_box.currentIndexChanged.connect(lambda _i: self.refresh())
        for w in self.check_lists.values():
            w.itemChanged.connect(lambda _i: self.refresh())
        self.attr_box.currentIndexChanged.connect(self._attribute_changed)
        self._fresh = StaleRefresh(self, self.refresh)
        self._hub = hub_for(project)
        self._hub.listen(self._on_project_event)
        self._matrix_changed(self.matrix_box.currentText())

    @property
    def data(self) -> an.AnalysisData | None:
        """The full data of the current filters (None until loaded, and after the project changed)."""
        return self._data

    @data.setter
    def data(self, value: an.AnalysisData | None) -> None:
        self._data = value
        if value is None:  # the project changed (or the filters did): the fast path's matrix is stale too
            self._fast_matrix = self._first_unused = None

    # ------------------------------------------------------------- choices and filters
    def _fill_choices(self, choices: Choices) -> None:
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem("Document kind", "kind")
        for attr in choices.attributes:
            self.group_box.addItem(f"{attr.name} ({attr.scope})", attr.name)
        for a in choices.case_attributes:
            if a.name.casefold() in ("participant group", "group"):
                self.group_box.setCurrentIndex(self.group_box.findData(a.name))
        self.group_box.blockSignals(False)
        fill_check_list(self.coder_list, choices.coders)
        fill_check_list(self.kind_list, choices.kinds)
        fill_check_list(self.doc_list, choices.documents)
        fill_check_list(self.code_list, choices.themes)
        self.attr_box.blockSignals(True)
        self.attr_box.clear()
        self.attr_box.addItem("(no attribute filter)", None)
        for attr in choices.attributes:
            self.attr_box.addItem(f"{attr.name} ({attr.scope})", (attr.name, attr.scope))
        self.attr_box.blockSignals(False)
        fill_check_list(self.value_list, [])

    def _attribute_changed(self, _index: int) -> None:
        choice = self.attr_box.currentData()
        values: list[str] = []
        if choice is not None:
            name, scope = choice
            table = self.project.frames.attribute_values(scope)
            values = sorted(set(table.loc[table["attribute"] == name, "value"]), key=str.casefold)
        fill_check_list(self.value_list, values)
        self.refresh()

    def empty_filter(self) -> str | None:
        """The kind of filter with nothing ticked (nothing to show), if any."""
        for what, widget in self.check_lists.items():
            if widget.count() and checked_items(widget) == []:
                return what
        return None

    def filters(self) -> an.Filters:
        attributes = {}
        values = checked_items(self.value_list)
        if self.attr_box.currentData() is not None and values is not None:
            attributes[self.attr_box.currentData()[0]] = values
        return an.Filters(
            coders=checked_items(self.coder_list) or [],
            kinds=checked_items(self.kind_list) or [],
            documents=checked_items(self.doc_list) or [],
            codes=checked_items(self.code_list) or [],
            attributes=attributes,
        )

    def _on_project_event(self, change: Change) -> None:
        self.data = None  # reload on the next refresh
        self._generation += 1  # what a running worker read may be out of date: shown, never kept
        if (change.attributes or change.documents) and self.isVisible():
            self._fill_choices(read_choices(self.project))
        if change.kinds & ANALYSED:
            self._fresh.mark()  # recomputed when the changes pause (in sight) or when next shown

    # ------------------------------------------------------------- computing and showing
    def _matrix_changed(self, name: str) -> None:
        self.measure_box.blockSignals(True)
        self.measure_box.clear()
        for label, key in MEASURES.get(name, []):
            self.measure_box.addItem(label, key)
        self.measure_box.setEnabled(bool(MEASURES.get(name)))
        self.measure_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the chosen matrix in a worker thread (a second request while one runs is queued)."""
        if self._thread is not None:
            self._pending = True
            return
        name = self.matrix_box.currentText()
        self.current = name
        self._cell = None
        self._drop_quote_request()
        self.quotes.clear()
        self.quote_label.setText("Click a cell to read its quotes.")  # not the last table's count
        self.summary.setVisible(name == "Framework Matrix")
        self.save_summary.setVisible(name == "Framework Matrix")
        self.summary.setEnabled(False)
        self.save_summary.setEnabled(False)
        missing = self.empty_filter()
        if missing:
            self.model.set_frame(pd.DataFrame())
            self.chart.set_data([], [], [])
            self.status.setText(f"Tick at least one {missing}.")
            self.computed.emit()
            return
        f = self.filters()
        key = repr(f)
        data = self.data if key == self._data_key else None
        measure, group_by, unit = (
            self.measure_box.currentData(),
            self.group_by(),
            self.units_box.currentData(),
        )
        project = self.project
        if data is None and fast_ok(name, measure, f):
            cached = self._fast_matrix[1] if self._fast_matrix and self._fast_matrix[0] == key else None
            if cached is not None:  # another measure of the matrix already computed: no worker needed
                self._computed((True, (None, key, name, fast_table(cached, measure), cached)))
                return

            first, self._first_unused = self._first_unused, None

            def fast():
                m = first.result() if first is not None else an.code_by_case_all(project, f)
                return None, key, name, fast_table(m, measure), m

            self._start(fast, f"Computing {name}…")
            return

        def work():
            d = data if data is not None else an.load(project, f)
            return d, key, name, matrix_frame(name, d, measure, group_by, unit), chart_data(d, group_by)

        self._start(work, f"Computing {name}…")

    def _start(self, fn, message: str, *, quotes_only: bool = False) -> None:
        self._loading_quotes = quotes_only  # a failure then leaves the table as it is
        self._started = self._generation
        self._thread = ComputeThread(fn, self)
        self._thread.done.connect(self._computed)
        self.status.setText(message)
        self._thread.start()

    def _load_for_quotes(self) -> None:
        """Load the full data in the worker for the clicked cell's quotes (the table stays as it is)."""
        f = self.filters()
        key = repr(f)
        project, group_by = self.project, self.group_by()

        def work():
            d = an.load(project, f)
            return "data", d, key, chart_data(d, group_by)

        self._start(work, "Loading the coded passages for the quotes…", quotes_only=True)

    def busy(self) -> bool:
        return self._thread is not None or self._pending

    def _computed(self, outcome) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread = None
        ok, result = outcome
        stale = self._started != self._generation  # the project changed while the worker read it
        if ok and result[0] == "data" and stale:  # loaded again below for the quotes
            pass
        elif ok and result[0] == "data":  # the full data, loaded for a cell's quotes
            _tag, data, key, chart = result
            self.data, self._data_key = data, key
            self.fast_shown = False
            self.chart.set_data(*chart)
            self.status.setText(
                f"{self.current}: {self.model.rowCount()} rows; {len(data.codings)} codings by "
                f"{', '.join(sorted(data.codings['coder'].unique())) or 'nobody'}."
            )
            if self._pending:  # the table is about to change: the clicked cell's quotes no longer apply
                self._drop_quote_request()
            elif self._quote_request is not None:
                request, self._quote_request = self._quote_request, None
                self._show_quotes(*request)
        elif ok and result[0] is None:  # the fast path: the table, no full data (and so no chart yet)
            _none, key, name, table, matrix = result
            self.data, self._data_key = None, None
            self._fast_matrix = None if stale else (key, matrix)
            self.fast_shown = True
            self._show_table(table)
            if self.chart.categories or self.chart.title:  # already empty: no repaint of the window around it
                self.chart.set_data([], [], [], "")
            self.status.setText(fast_status(name, table))
        elif ok:
            data, key, name, table, chart = result
            self._drop_quote_request()
            self.fast_shown = False
            self.data, self._data_key = (None, None) if stale else (data, key)
            self._show_table(table)
            self.chart.set_data(*chart)
            self.status.setText(
                f"{name}: {len(table.frame)} rows; {len(data.codings)} codings by "
                f"{', '.join(sorted(data.codings['coder'].unique())) or 'nobody'}."
            )
        elif self._loading_quotes:  # the counts-only table stays; only its quotes could not be loaded
            self._drop_quote_request()
            self.status.setText(result)
        else:
            self._drop_quote_request()
            self.fast_shown = False
            self.model.set_frame(pd.DataFrame())
            self.note.setText("")
            self.chart.set_data([], [], [])
            self.status.setText(result)
        if self._pending:
            self._pending = False
            self.refresh()
        elif self._quote_request is not None and self.data is None:
            self._load_for_quotes()
        else:
            self.computed.emit()

    def _drop_quote_request(self) -> None:
        """A cell clicked on a table that has since been replaced: its quotes are no longer asked for."""
        if self._quote_request is not None:
            self._quote_request = None
            self.quote_label.setText("Click a cell to read its quotes.")

    def group_by(self) -> str:
        return self.group_box.currentData() or "kind"

    # ------------------------------------------------------------- cells and quotes
    def _cell_clicked(self, proxy_index: QModelIndex) -> None:
        if not proxy_index.isValid():
            return
        key = self.proxy.mapToSource(proxy_index).data(KEY_ROLE)
        if key is None:
            return
        if self.data is None:
            if not self.fast_shown:
                return  # nothing shown yet
            # counts-only table: load the full data in the worker, then show this cell's quotes
            self._quote_request = key
            self.quotes.clear()
            self.quote_label.setText("Loading the quotes…")
            if self._thread is None:
                self._load_for_quotes()
            return
        self._show_quotes(*key)

    def _show_table(self, table: Table) -> None:
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # first: the new rows are not sorted at all
        self.model.set_frame(
            table.frame, row_keys=table.row_keys, col_keys=table.col_keys, heat_columns=table.heat,
            row_colours=table.row_colours, indent_rows=table.indent_rows, path_rows=table.path_rows,
            path_cols=table.path_cols,
        )
        self.note.setText(table.note)
        fit_columns(self.table, self.model.column_texts(), self._widths)

    def _show_quotes(self, row_key, col_key) -> None:
        name = self.current
        if name == "Framework Matrix":
            self._cell = (int(row_key), int(col_key))
            self.summary.setEnabled(not self.project.readonly)
            self.save_summary.setEnabled(not self.project.readonly)
            self.summary.setPlainText(self.project.frames.framework_summaries().get(self._cell, ""))
        quotes = cell_quotes(self.data, name, row_key, col_key, self.group_by())
        self.quotes.clear()
        for q in quotes:
            item = QListWidgetItem(q.cite())
            item.setData(Qt.ItemDataRole.UserRole, (q.document_id, q.start, q.end))
            self.quotes.addItem(item)
        self.quote_label.setText(f"{len(quotes)} quote(s). Double-click one to open it in its document.")

    def _open_quote(self, item: QListWidgetItem) -> None:
        doc_id, start, end = item.data(Qt.ItemDataRole.UserRole)
        if self.window_ is not None and hasattr(self.window_, "show_document"):
            self.window_.show_document(doc_id, start, end)

    def _save_summary(self) -> None:
        if self._cell is None:
            return
        try:
            self.project.frames.set_framework_summary(*self._cell, self.summary.toPlainText())
            self.status.setText("Summary saved; it goes into the Framework Matrix sheet of the workbook.")
        except ProjectError as exc:
            self.status.setText(str(exc))

    def save_chart_dialog(self) -> str | None:
        """Save the bar chart as PNG or SVG (for the report); returns the path written."""
        path, message = self.chart.save_dialog(self)
        if message:
            self.status.setText(message)
        return path

    def copy_table(self) -> None:
        """Copy the table as tab-separated text (an explicit Copy, as the house rules allow)."""
        df = self.model.frame()
        copy_text(df.to_csv(sep="\t"))  # remembered, so the lock can take it back

    def export_dialog(self):
        dialog = ExportDialog(self.project, self.filters(), self, group_by=self.group_by())
        dialog.setModal(True)
        dialog.show()
        return dialog

    def closeEvent(self, event) -> None:
        self._pending = False
        for thread in (self._thread, self._first):
            if thread is not None:
                thread.wait()  # let the running analysis finish before the project may close
        self._hub.stop(self._on_project_event)
        super().closeEvent(event)

