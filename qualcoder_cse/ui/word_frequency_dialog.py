"""Tools > Word frequency: the most frequent words of all documents, the documents ticked, or the coded
segments of the segments panel, as a sortable table with an export (.xlsx or .csv).

Stop words (English), anonymisation placeholders, speaker labels and numbers are left out
(``analysis.word_frequency``). Counting runs off the GUI thread when the window's runner is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ..analysis.word_frequency import (
    WordFrequencies,
    WordFrequencyOptions,
    export_word_frequency,
    word_frequency,
)
from ..core.errors import ProjectError
from ..core.segments import SegmentQuery
from .clear_export import confirm_clear_export, record_export
from .context_help import install_help
from .errors import show_error
from .word_frequency_model import WordFrequencyModel, WordFrequencyProxy

if TYPE_CHECKING:
    from ..core.project import Project


class WordFrequencyDialog(QDialog):
    def __init__(self, project: Project, segments: SegmentQuery | None = None,
                 documents: list[int] | None = None, runner=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wordFrequencyDialog")
        self.setWindowTitle("Word frequency")
        self.resize(640, 620)
        self.project = project
        self.segment_query = segments
        self.runner = runner
        self.result: WordFrequencies | None = None
        layout = QVBoxLayout(self)
        self.all_docs = QRadioButton("All documents")
        self.some_docs = QRadioButton("The documents ticked below")
        self.from_segments = QRadioButton("The coded segments listed in Coded segments")
        group = QButtonGroup(self)
        for b in (self.all_docs, self.some_docs, self.from_segments):
            group.addButton(b)
            layout.addWidget(b)
        self.from_segments.setEnabled(segments is not None)
        self.doc_list = QListWidget(objectName="wordFrequencyDocuments")
        self.doc_list.setMaximumHeight(140)
        chosen = set(documents or [])
        for d in project.documents.list():
            item = QListWidgetItem(d.name)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setCheckState(Qt.CheckState.Checked if d.id in chosen else Qt.CheckState.Unchecked)
            self.doc_list.addItem(item)
        layout.addWidget(self.doc_list)
        (self.from_segments if segments is not None else self.some_docs if chosen else self.all_docs).setChecked(True)
        opts = QHBoxLayout()
        self.stop_box = QCheckBox("Leave out common English words (stop words)")
        self.stop_box.setChecked(True)
        opts.addWidget(self.stop_box)
        opts.addWidget(QLabel("Shortest word:"))
        self.min_length = QSpinBox(minimum=1, maximum=20, value=2)
        opts.addWidget(self.min_length)
        opts.addStretch(1)
        self.count_button = QPushButton("Count", objectName="wordFrequencyCount")
        opts.addWidget(self.count_button)
        layout.addLayout(opts)
        self.summary = QLabel("", objectName="wordFrequencySummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = WordFrequencyModel(self)
        self.proxy = WordFrequencyProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="wordFrequencyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.export_button = QPushButton("Export…", objectName="wordFrequencyExport")
        self.export_button.setEnabled(False)
        close = QPushButton("Close")
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.count_button.clicked.connect(self.count)
        self.export_button.clicked.connect(lambda: self.export())
        close.clicked.connect(self.reject)
        install_help(self, "word-frequency")

    def options(self) -> WordFrequencyOptions:
        common = {"stop_words": self.stop_box.isChecked(), "min_length": self.min_length.value()}
        if self.from_segments.isChecked() and self.segment_query is not None:
            return WordFrequencyOptions(segments=self.segment_query, **common)
        if self.some_docs.isChecked():
            ids = tuple(self.doc_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.doc_list.count())
                        if self.doc_list.item(i).checkState() == Qt.CheckState.Checked)
            return WordFrequencyOptions(documents=ids, **common)
        return WordFrequencyOptions(**common)

    def count(self) -> None:
        options = self.options()
        if options.documents == ():
            self.summary.setText("Tick at least one document, or choose All documents.")
            return
        if self.runner is not None:
            self.runner(lambda progress: word_frequency(self.project, options, progress), self.show_result,
                        "Counting words…")
        else:
            try:
                self.show_result(word_frequency(self.project, options))
            except ProjectError as exc:
                show_error(self, exc)

    def show_result(self, result: WordFrequencies) -> None:
        self.result = result
        self.model.set_words(result.words)
        self.export_button.setEnabled(bool(result.words))
        self.summary.setText(f"{len(result.words):,} different words, {result.counted:,} counted, from "
                             f"{result.source}. Stop words, placeholders such as [Person 3], speaker labels and "
                             "numbers are left out."
                             + ("" if result.complete else " Stopped early: these are the counts so far."))

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(self, "Export word frequency", "word-frequency.xlsx",
                                                       "Excel workbooks (*.xlsx);;CSV (*.csv)")
            if path and not path.lower().endswith((".xlsx", ".csv")):  # a name typed without its suffix
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
            if not path or not confirm_clear_export(self, [("The word frequency list", path)]):
                return
        try:
            n = export_word_frequency(self.project, path, self.options())
        except ProjectError as exc:
            show_error(self, exc)
            return
        record_export(self.project, "word frequency", path, False)
        self.summary.setText(f"Exported {n:,} words to {path}.")
