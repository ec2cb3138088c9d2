"""The document list sorts and filters its own rows (no proxy): every column both ways as a user clicks the
header, the current document followed through sorts and filters, and an open that asks Python for no sort keys
(a proxy asked data() for both rows of every comparison)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from qualcoder_cse.core import Project
from qualcoder_cse.ui.document_list_model import KIND_LABELS, DocumentListModel
from qualcoder_cse.ui.document_panel import DocumentsPanel

EXTRA = {  # name: (kind, text); names that sort differently by case and by bytes
    "alpha notes": ("fieldnote", "A short field note about a visit."),
    "Zulu interview": ("police", "INT: Tell me. DI: " + "We work with partners every day. " * 12),
    "beta chat": ("young_person", "yp1: hi\nyp2: hello there, how are you doing today?\n"),
    "Émile minutes": ("lscb", "Minutes of the board. " * 5),
}


def _fill(project) -> None:
    for name, (kind, text) in EXTRA.items():
        project.documents.add(name, text, kind=kind)
    code = project.codes.list()[0].id
    for i, doc in enumerate(project.documents.list()):
        if i % 2 == 0:
            project.codings.add(code, doc.id, 0, max(1, doc.char_count // (i + 2)))


def _shown(panel: DocumentsPanel) -> list[str]:
    m = panel.table.model()
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_every_column_sorts_both_ways_from_the_header(qtbot, project):
    _fill(project)
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    panel.model.set_project(project)
    docs = project.documents.list()
    coded = project.documents.coded_fraction()
    keys = {0: lambda d: d.name.casefold(), 1: lambda d: d.kind, 2: lambda d: d.word_count,
            3: lambda d: coded[d.id]}
    assert panel.table.model() is panel.model  # the view reads the model directly
    for col, key in keys.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            panel.table.horizontalHeader().setSortIndicator(col, order)  # what a click on the header does
            QApplication.processEvents()
            want = sorted(docs, key=lambda d: (key(d), d.name.casefold()),
                          reverse=order == Qt.SortOrder.DescendingOrder)
            assert _shown(panel) == [d.name for d in want], (col, order)
            cells = [panel.model.index(r, col).data() for r in range(panel.model.rowCount())]
            shown = [d.name if col == 0 else KIND_LABELS[d.kind] if col == 1 else f"{d.word_count:,}"
                     if col == 2 else f"{coded[d.id]:.0%}" for d in want]
            assert cells == shown


def test_the_current_document_follows_sorts_and_filters(qtbot, project):
    _fill(project)
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.model.set_project(project)
    chosen: list[int] = []
    panel.document_chosen.connect(chosen.append)
    zulu = project.documents.by_name("Zulu interview").id
    panel.select(zulu)
    current = lambda: panel.model.document_id(panel.table.currentIndex().row())
    assert current() == zulu
    panel.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert current() == zulu and panel.table.currentIndex().row() == 0  # the longest text, now first
    panel.filter.setText("zu")
    assert _shown(panel) == ["Zulu interview"] and current() == zulu
    panel.filter.setText("")
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("young_person"))
    assert sorted(_shown(panel)) == ["Young people chat", "beta chat"]
    assert panel.model.row_of(zulu) == -1 and panel.model.has(zulu)  # filtered out, not gone
    assert not panel.table.currentIndex().isValid() or current() != zulu
    panel.kind_filter.setCurrentIndex(0)
    assert len(_shown(panel)) == len(project.documents.list())
    assert chosen == []  # sorting and filtering never open another document
    panel.table.setCurrentIndex(panel.model.index(1, 0))  # a click on a row opens its document
    assert chosen == [panel.model.document_id(1)]


def test_coded_share_sort_follows_a_new_coding(qtbot, project):
    _fill(project)
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.model.set_project(project)
    panel.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
    last = _shown(panel)[-1]
    doc = project.documents.by_name(last)
    project.codings.add(project.codes.list()[1].id, doc.id, 0, doc.char_count)  # all of it
    panel.model.refresh_coded([doc.id])
    assert _shown(panel)[0] == last and panel.model.index(0, 3).data() == "100%"


def test_opening_a_project_reads_no_sort_keys(qtbot, project_path, passphrase, monkeypatch):
    roles: list[int] = []
    data = DocumentListModel.data

    def counting(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        roles.append(int(role))
        return data(self, index, role)

    monkeypatch.setattr(DocumentListModel, "data", counting)  # before the panel: Qt calls this one
    project = Project.open(project_path, passphrase, coder="alice")
    try:
        for i in range(40):
            name = f"{'doc' if i % 2 else 'Doc'} {(i * 17) % 40:02d}"
            project.documents.add(name, f"Text number {i}. " * (i + 1), kind="other")
        panel = DocumentsPanel()
        qtbot.addWidget(panel)
        panel.resize(400, 300)
        panel.show()
        panel.model.set_project(project)
        QApplication.processEvents()
        panel.table.viewport().repaint()
        assert roles and int(Qt.ItemDataRole.UserRole + 1) not in roles  # SORT_ROLE: the model sorted itself
        m = panel.table.model()
        assert [m.index(r, 0).data() for r in range(4)] == ["Board focus group", "Doc 00", "doc 01", "Doc 02"]
    finally:
        project.close()
