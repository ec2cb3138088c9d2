"""File > Import > Transcripts: choose files, the kind of each, attributes, preview the speakers found, import.

Each file has its own kind (police, LSCB / partner agencies, young people...), guessed when it is added from
its name, speakers and words (``importers.kind_guess``; the list shows it and the tooltip says why) and
changed with the kind box for the selected file(s). Nothing carries over: every file added later gets its
own guess.

The preview reads the selected file with the same code as the import (``importers.prepare_file``) and shows
its speakers; typing a case name next to a speaker gives that speaker's turns to the case (in every file
of this import). Nothing is stored until Import: the import runs in a worker thread (``workflows.batch_import``,
one transaction per file) under ``project.quiet()``: the panels hear once, when it ends, what it changed
(one ``Change``, published on the GUI thread). Cancel stops between files:
the file being imported finishes or rolls back whole. The results table says what happened to each file.
With "Anonymise: review each file" (the default) Import opens the review screen (``ui.review_dialog``)
instead: the researcher decides on each proposal and stores each file; "accept all" is the automatic path. Files and folders can also be dropped on the dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.changes import Change
from ..core.errors import ProjectError
from ..importers.formats import EXTENSIONS
from ..importers.kind_guess import guess_kind
from ..importers.prepare import prepare_file
from ..importers.speakers import SpeakerOptions, compile_pattern, speaker_summary
from ..workflows.batch_import import folder_files, import_files
from ..workflows.file_import import FAILED, ImportOptions, anonymiser_available, check_options
from .context_help import install_help
from .key_locator import key_ready

if TYPE_CHECKING:
    from ..core.project import Project

KIND_LABELS = {"police": "Police", "lscb": "LSCB / partner agencies", "young_person": "Young people",
               "fieldnote": "Field notes", "other": "Other"}
ANONYMISE_MODES = (("review each file (recommended)", "review"),
                   ("accept all proposals automatically", "auto"),
                   ("off (the text is already anonymised)", "off"))
FILE_FILTER = "Transcripts (" + " ".join(f"*{e}" for e in EXTENSIONS) + ");;All files (*)"
PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # the file's kind
SET_ROLE = Qt.ItemDataRole.UserRole + 2  # True once the researcher chose the kind (no more guessing)
_PLAIN = {".txt", ".vtt", ".srt"}  # read a little of these for the first guess; the rest when previewed


class _ImportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, object)  # results, exception

    def __init__(self, project: Project, paths: list[Path], options: ImportOptions) -> None:
        super().__init__()
        self.project, self.paths, self.options = project, paths, options
        self.cancelled = False
        self.change = Change()  # what the import wrote, announced on the GUI thread when it ends

    def run(self) -> None:
        try:
            with self.project.quiet() as held:
                try:
                    results = import_files(
                        self.project, self.paths, self.options,
                        progress=lambda done, total, path, _r: self.progress.emit(done, total, path),
                        cancel=lambda: self.cancelled,
                    )
                finally:
                    self.change = held.take()
            self.finished.emit(results, None)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread and shown there
            self.finished.emit(None, exc)


class ImportDialog(QDialog):
    imported = Signal(list)  # the FileResults, once an import has run

    def __init__(self, project: Project, parent=None, paths: list[str] | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.results: list = []
        self._speaker_cases: dict[str, str] = {}
        self._skipped: list[str] = []  # folder entries not added: links (named in the status line)
        self._thread: QThread | None = None
        self._worker: _ImportWorker | None = None
        self.review_dialog = None  # the anonymisation review screen while it is open
        self.setWindowTitle("Import transcripts")
        self.resize(900, 680)

        self.file_list = QListWidget(objectName="importFiles")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.file_list.currentRowChanged.connect(lambda _row: self.refresh_preview())
        add_files = QPushButton("Add files…", clicked=self._pick_files)
        add_folder = QPushButton("Add folder…", clicked=self._pick_folder)
        remove = QPushButton("Remove", clicked=self._remove_selected)
        file_buttons = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)

        self.kind_box = QComboBox(objectName="importKind")
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(label, kind)
        self.kind_box.setCurrentIndex(self.kind_box.findData("other"))
        self.kind_box.setEnabled(False)  # until a file is selected: the kind is the selected file's
        self.kind_box.setToolTip("The kind of the selected file(s); guessed from the name, speakers and words.")
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.attr_table = QTableWidget(3, 2, objectName="importAttributes")
        self.attr_table.setHorizontalHeaderLabels(["Document attribute", "Value"])
        self.attr_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.attr_table.verticalHeader().setVisible(False)
        self.attr_table.setMaximumHeight(120)
        self.anonymise_mode = QComboBox(objectName="importAnonymise")
        for label, mode in ANONYMISE_MODES:
            self.anonymise_mode.addItem(label, mode)
        self.anonymise_mode.setToolTip("The original text is never stored: only the anonymised text reaches "
                                       "the project.")
        available = anonymiser_available()
        self.anonymise_mode.setCurrentIndex(self.anonymise_mode.findData("review" if available else "off"))
        self.anonymise_mode.setEnabled(available)
        if not available:
            self.anonymise_mode.setToolTip("The anonymiser is not installed in this build.")
        form = QFormLayout()
        form.addRow("Kind of this file:", self.kind_box)
        form.addRow("Attributes:", self.attr_table)
        form.addRow("Anonymise:", self.anonymise_mode)

        self.pattern_edit = QLineEdit(objectName="importSpeakerPattern")
        self.pattern_edit.setPlaceholderText(r"optional: your own label pattern, e.g. ^<(?P<speaker>\w+)>")
        self.pattern_edit.editingFinished.connect(self.refresh_preview)
        self.keep_ts_box = QCheckBox("Keep timestamps such as [00:12:31] in the text")
        self.keep_ts_box.toggled.connect(self.refresh_preview)
        self.cases_box = QCheckBox("Make each speaker except the interviewer a case (focus groups)",
                                   objectName="importCasesFromSpeakers")
        self.speaker_table = QTableWidget(0, 3, objectName="importSpeakers")
        self.speaker_table.setHorizontalHeaderLabels(["Speaker", "Turns", "Case (optional)"])
        self.speaker_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.speaker_table.verticalHeader().setVisible(False)
        self.speaker_table.itemChanged.connect(self._case_edited)
        self.preview_label = QLabel("Select a file to preview its speakers.", objectName="importPreviewLabel")
        self.preview_label.setWordWrap(True)
        speakers = QGroupBox("Speakers in the selected file")
        sv = QVBoxLayout(speakers)
        sv.addWidget(self.preview_label)
        sv.addWidget(self.speaker_table)
        sv.addWidget(self.pattern_edit)
        sv.addWidget(self.keep_ts_box)
        sv.addWidget(self.cases_box)

        self.progress_bar = QProgressBar(objectName="importProgress")
        self.progress_bar.setVisible(False)
        self.status_label = QLabel("", objectName="importStatus")
        self.results_table = QTableWidget(0, 5, objectName="importResults")
        self.results_table.setHorizontalHeaderLabels(["File", "Result", "Document", "Words", "Reason"])
        self.results_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.setVisible(False)
        self.import_button = QPushButton("Import", objectName="importStart", clicked=self.start_import)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", objectName="importCancel", clicked=self.cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)

        left = QVBoxLayout()
        left.addWidget(QLabel("Files (txt, docx, odt, rtf, pdf, vtt, srt):"))
        left.addWidget(self.file_list)
        left.addLayout(file_buttons)
        left.addLayout(form)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(speakers, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.results_table, 1)
        layout.addLayout(bottom)
        self.setAcceptDrops(True)
        if paths:
            self.add_paths(paths)
        install_help(self, "import-review")

    # ------------------------------------------------------------------ files
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self._thread is None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Files or folders dropped from the file manager join the list."""
        local = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if local and self._thread is None:
            self.add_paths(local)
            event.acceptProposedAction()

    def add_paths(self, paths) -> None:
        known = {self.file_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.file_list.count())}
        for p in paths:
            path = Path(p)
            found = [path]
            if path.is_dir():  # a folder's links are not followed (folder_files): each is named as skipped
                found, skipped = folder_files(path)
                self._skipped.extend(f"{f.name} ({why})" for f, why in skipped)
            for f in found:
                if str(f) not in known:
                    known.add(str(f))
                    self.file_list.addItem(f.name)
                    item = self.file_list.item(self.file_list.count() - 1)
                    item.setData(PATH_ROLE, str(f))
                    self._set_kind(item, *guess_kind(f.stem, _first_text(f)))
        if self.file_list.currentRow() < 0 and self.file_list.count():
            self.file_list.setCurrentRow(0)
        self._update_status()

    def paths(self) -> list[Path]:
        return [Path(self.file_list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.file_list.count())]

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Choose transcripts", "", FILE_FILTER)
        self.add_paths(files)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of transcripts")
        if folder:
            self.add_paths([folder])

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._update_status()

    def _update_status(self) -> None:
        n = self.file_list.count()
        text = f"{n} file{'s' if n != 1 else ''} to import." if n else "Add files to import."
        if self._skipped:
            text += " Skipped: " + "; ".join(self._skipped) + "."
        self.status_label.setText(text)
        self.import_button.setEnabled(n > 0 and self._thread is None)

    # ------------------------------------------------------------------ options and preview
    def speaker_options(self) -> SpeakerOptions:
        pattern = self.pattern_edit.text().strip()
        return SpeakerOptions(patterns=(pattern,) if pattern else (),
                              strip_timestamps=not self.keep_ts_box.isChecked())

    # ------------------------------------------------------------------ kinds
    def _set_kind(self, item: QListWidgetItem, kind: str, why: str = "", chosen: bool = False) -> None:
        item.setData(KIND_ROLE, kind)
        item.setData(SET_ROLE, chosen)
        name = Path(item.data(PATH_ROLE)).name
        item.setText(f"{name}  —  {KIND_LABELS.get(kind, kind)}")
        item.setToolTip(f"{name}: {'kind chosen by you' if chosen else 'kind guessed: ' + why}")
        if item is self.file_list.currentItem():
            self._show_kind(kind)

    def _show_kind(self, kind: str) -> None:
        self.kind_box.blockSignals(True)  # showing the file's kind is not choosing one
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.kind_box.blockSignals(False)

    def _kind_chosen(self, _index: int) -> None:
        """The researcher chose a kind: it applies to the selected file(s), never to files added later."""
        kind = self.kind_box.currentData()
        items = self.file_list.selectedItems() or [i for i in [self.file_list.currentItem()] if i is not None]
        for item in items:
            self._set_kind(item, kind, chosen=True)

    def kinds(self) -> dict[str, str]:
        """{file path: kind} for every file in the list."""
        return {
            self.file_list.item(i).data(PATH_ROLE): self.file_list.item(i).data(KIND_ROLE)
            for i in range(self.file_list.count())
        }

    def options(self) -> ImportOptions:
        attributes = {}
        for row in range(self.attr_table.rowCount()):
            name, value = (self.attr_table.item(row, c) for c in (0, 1))
            if name is not None and name.text().strip():
                attributes[name.text().strip()] = value.text().strip() if value is not None else ""
        return ImportOptions(
            kind="other", kinds=self.kinds(), attributes=attributes, anonymise=self.anonymise_mode.currentData() != "off",
            speakers=self.speaker_options(), cases_from_speakers=self.cases_box.isChecked(),
            speaker_cases={s: c for s, c in self._speaker_cases.items() if c},
        )

    def refresh_preview(self) -> None:
        """Read the selected file (nothing is stored) and list its speakers with their case boxes."""
        self.speaker_table.blockSignals(True)
        self.speaker_table.setRowCount(0)
        self.speaker_table.blockSignals(False)
        item = self.file_list.currentItem()
        self.kind_box.setEnabled(item is not None)
        if item is None:
            self.preview_label.setText("Select a file to preview its speakers.")
            return
        self._show_kind(item.data(KIND_ROLE))
        name = Path(item.data(PATH_ROLE)).name
        try:
            for pattern in self.speaker_options().patterns:
                compile_pattern(pattern)
            prepared = prepare_file(item.data(PATH_ROLE), self.speaker_options())
        except ProjectError as exc:
            self.preview_label.setText(f"{name}: {exc}")
            return
        summary = speaker_summary(prepared.turns)
        if not item.data(SET_ROLE):  # a better guess now that the speakers and the whole text are known
            self._set_kind(item, *guess_kind(Path(name).stem, prepared.text, [s for s, _n in summary]))
        self.preview_label.setText(
            f"{name}: {prepared.words:,} words, {len(prepared.turns)} turns, {len(summary)} speakers"
            + ("" if summary else " (no speaker labels found)") + "."
        )
        self.speaker_table.blockSignals(True)
        for speaker, count in summary:
            row = self.speaker_table.rowCount()
            self.speaker_table.insertRow(row)
            for col, value in enumerate((speaker, str(count), self._speaker_cases.get(speaker, ""))):
                cell = QTableWidgetItem(value)
                if col < 2:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.speaker_table.setItem(row, col, cell)
        self.speaker_table.blockSignals(False)

    def _case_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            speaker = self.speaker_table.item(item.row(), 0).text()
            self._speaker_cases[speaker] = item.text().strip()

    # ------------------------------------------------------------------ running
    def start_import(self) -> None:
        paths = self.paths()
        if not paths or self._thread is not None:
            return
        if self.anonymise_mode.currentData() != "off" and not key_ready(self.project, self):
            return
        if self.anonymise_mode.currentData() == "review":
            self._start_review(paths)
            return
        self.import_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.progress_bar.setRange(0, len(paths))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self._thread = QThread(self)
        self._worker = _ImportWorker(self.project, paths, self.options())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    def _start_review(self, paths: list[Path]) -> None:
        """Anonymise with the researcher's review of each file (``ui.review_dialog``), then show the results."""
        from .review_dialog import ReviewDialog

        options = self.options()
        try:
            check_options(self.project, options)
        except ProjectError as exc:
            self.status_label.setText(str(exc))
            return
        self.review_dialog = ReviewDialog(self.project, paths, options, self)
        self.review_dialog.import_finished.connect(self._on_reviewed)
        self.review_dialog.open()

    def _on_reviewed(self, results) -> None:
        self.review_dialog.deleteLater()
        self.review_dialog = None
        self.cancel_button.setText("Close")
        self.results = results
        self._show_results(results)
        self.imported.emit(results)

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress_bar.setValue(done)
        if done < total:
            self.status_label.setText(f"Importing {Path(path).name} ({done + 1} of {total})…")

    def _on_finished(self, results, exc) -> None:
        worker, thread = self._worker, self._thread
        thread.quit()
        thread.wait()
        self._thread = self._worker = None
        if worker.change:
            self.project.publish(worker.change)
        self.progress_bar.setVisible(False)
        self.cancel_button.setText("Close")
        if exc is not None:
            self.status_label.setText(str(exc) if isinstance(exc, ProjectError) else
                                      f"The import stopped: unexpected error ({type(exc).__name__}).")
            self._update_status()
            return
        self.results = results
        self._show_results(results)
        self.imported.emit(results)

    def _show_results(self, results) -> None:
        self.results_table.setRowCount(len(results))
        for row, r in enumerate(results):
            values = (Path(r.path).name, r.status, r.name or "", str(r.words) if r.words else "", r.reason)
            for col, value in enumerate(values):
                self.results_table.setItem(row, col, QTableWidgetItem(value))
        self.results_table.setVisible(True)
        counts = {s: sum(1 for r in results if r.status == s)
                  for s in ("imported", "duplicate", FAILED, "skipped", "paused")}
        cancelled = len(results) - sum(counts.values())
        self.status_label.setText(
            f"{counts['imported']} imported, {counts['duplicate']} duplicate, {counts[FAILED]} failed"
            + (f", {counts['skipped']} skipped" if counts["skipped"] else "")
            + (f", {counts['paused']} paused (kept to resume)" if counts["paused"] else "")
            + (f", {cancelled} cancelled" if cancelled else "") + "."
        )
        self.file_list.clear()
        self.import_button.setEnabled(False)

    def running(self) -> bool:
        return self._thread is not None

    def cancel(self) -> None:
        """While importing: stop after the current file. Otherwise: close the dialog."""
        if self._worker is not None:
            self._worker.cancelled = True
            self.status_label.setText("Cancelling after the current file…")
            return
        self.reject()

    def reject(self) -> None:
        if self.running():  # Esc or the window's close button during an import: cancel, do not abandon
            self.cancel()
            return
        super().reject()


def _first_text(path: Path) -> str:
    """The start of a plain-text file, for the first guess of its kind ("" for other formats or on error)."""
    if path.suffix.lower() not in _PLAIN:
        return ""
    try:
        with open(path, "rb") as fh:
            return fh.read(20000).decode("utf-8", "replace")
    except OSError:
        return ""


def install(window) -> QAction:
    """Add File > Import > Transcripts… (Ctrl+I) to the main window."""
    menu = window.file_submenu("import", "&Import")
    action = QAction("&Transcripts (txt, docx, odt, rtf, pdf, vtt, srt)…", menu)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setObjectName("importTranscriptsAction")

    def open_dialog() -> None:
        if window.project is None:
            return
        dialog = ImportDialog(window.project, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.import_dialog = dialog
        dialog.open()

    action.triggered.connect(open_dialog)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    action.setEnabled(window.project is not None)
    window.project_opened.connect(lambda _p: action.setEnabled(True))
    window.project_closed.connect(lambda: action.setEnabled(False))
    window.import_transcripts_action = action
    return action
