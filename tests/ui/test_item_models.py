"""The document list and code tree models pass Qt's model tester and show what the project holds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qualcoder_cse.ui.code_tree_model import CodeFilterProxy, CodeTreeModel
from qualcoder_cse.ui.document_list_model import DocumentListModel


def test_document_list_model(qapp, qtmodeltester, project):
    doc = project.documents.by_name("Police lead 1")
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    project.codings.add(code.id, doc.id, 0, 10)
    model = DocumentListModel(project)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    row = model.row_of(doc.id)
    assert model.index(row, 0).data() == "Police lead 1"
    assert model.index(row, 1).data() == "Police"
    assert model.index(row, 3).data() == f"{10 / doc.char_count:.0%}"
    model.set_kind("young_person")  # the model filters its own rows (no proxy)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Young people chat"
    assert model.row_of(doc.id) == -1 and model.has(doc.id)
    model.set_kind(None)
    model.set_text("board")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Board focus group"]
    qtmodeltester.check(model)


def test_code_tree_model(qapp, qtmodeltester, project):
    model = CodeTreeModel(project)
    qtmodeltester.check(model)
    roots = [model.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(model.rowCount())]
    assert roots[2] == "Disruption"
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    doc = project.documents.by_name("Police lead 1")
    project.codings.add(code.id, doc.id, 0, 10)
    project.codings.add(code.id, doc.id, 20, 30)
    model.refresh_counts()
    idx = model.index_of(code.id, 1)
    assert idx.data() == "2"
    assert model.index_of(code.parent_id, 1).data() == "2"  # the theme rolls up its children
    assert model.parent(model.index_of(code.id)).internalId() == code.parent_id
    project.codes.add("New theme")
    model.refresh()
    qtmodeltester.check(model)
    proxy = CodeFilterProxy()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("abduction")
    assert proxy.rowCount() == 1  # only the Disruption theme, kept for its matching child
    theme = proxy.index(0, 0)
    assert proxy.rowCount(theme) == 1
    assert proxy.index(0, 0, theme).data(Qt.ItemDataRole.EditRole) == "Child Abduction Warning Notices"
