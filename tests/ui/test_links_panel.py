"""Links between codes: list, diagram, saving PNG/SVG, undo, and the link dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QUndoStack

from qualcoder_cse.ui.link_dialog import LinkDialog
from qualcoder_cse.ui.links_panel import LinksPanel, layers


def _codes(project):
    a = project.codes.by_path("Policing models and organisational arrangements/Integrated specialist CSE team")
    b = project.codes.by_path("Child-centred and victim-focused practice/Relationships, trust and continuity")
    c = project.codes.by_path("Young people's perspectives on policing/Willingness to seek police help")
    return a, b, c


def test_link_two_codes_list_diagram_and_undo(qtbot, project, tmp_path):
    a, b, c = _codes(project)
    doc = project.documents.by_name("Police lead 1")
    coding = project.codings.add(a.id, doc.id, 49, 120).coding
    stack = QUndoStack()
    panel = LinksPanel(project, stack)
    qtbot.addWidget(panel)
    assert panel.rows() == [] and panel.diagram.node_items == {}
    link_id = panel.add_link(a.id, b.id, "enables", "Continuity builds trust", [coding.id])
    panel.add_link(b.id, c.id, "leads to")
    assert panel.rows() == [
        (a.path, "enables", b.path, "1", "Continuity builds trust"),
        (b.path, "leads to", c.path, "0", ""),
    ]
    assert set(panel.diagram.node_items) == {a.id, b.id, c.id} and len(panel.diagram.edge_items) == 2
    xs = [panel.diagram.node_items[n].rect().x() for n in (a.id, b.id, c.id)]
    assert xs[0] < xs[1] < xs[2]  # the chain reads left to right
    png, svg = tmp_path / "toc.png", tmp_path / "toc.svg"
    panel.diagram.save(str(png))
    panel.diagram.save(str(svg))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 400
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "enables" in text
    panel.edit_link(link_id, "hinders", "Turnover breaks trust", [])
    assert project.links.get(link_id).relation == "hinders" and project.links.get(link_id).coding_ids == ()
    stack.undo()
    assert project.links.get(link_id).relation == "enables" and project.links.get(link_id).coding_ids == (coding.id,)
    panel.delete_link(link_id)
    assert len(panel.rows()) == 1
    stack.undo()
    qtbot.waitUntil(lambda: len(panel.rows()) == 2)
    assert project.links.get(link_id).memo == "Continuity builds trust"
    stack.undo()
    stack.undo()
    qtbot.waitUntil(lambda: panel.rows() == [])
    assert project.links.list() == []


def test_layers_survive_cycles_and_ignore_associated():
    depth = layers([1, 2, 3, 4], [(1, 2, "leads to"), (2, 3, "enables"), (3, 1, "hinders"), (1, 4, "associated")])
    assert depth[4] == 0 and len(set(depth.values())) >= 2


def test_link_dialog_lists_supporting_codings(qtbot, project):
    a, b, _c = _codes(project)
    doc = project.documents.by_name("Police lead 1")
    c1 = project.codings.add(a.id, doc.id, 0, 20).coding
    c2 = project.codings.add(b.id, doc.id, 30, 60).coding
    dialog = LinkDialog(project, from_code_id=a.id)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.to_box.setCurrentIndex(dialog.to_box.findData(a.id))
    assert not ok.isEnabled()  # a code cannot link to itself
    dialog.to_box.setCurrentIndex(dialog.to_box.findData(b.id))
    assert ok.isEnabled() and dialog.codings.count() == 2
    dialog.codings.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.relation.setCurrentText("leads to")
    dialog.memo.setPlainText("note")
    assert dialog.values() == (a.id, b.id, "leads to", "note", [c2.id])
    assert c1.id != c2.id
