"""Memo pane and memo list: write a memo on a coding, find it by search, jump to it."""

from __future__ import annotations

from qualcoder_cse.ui.memo_panel import MemoPanel


def test_memo_on_a_coding_is_found_in_the_list(qtbot, project):
    doc = project.documents.by_name("Police lead 1")
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    coding = project.codings.add(code.id, doc.id, 120, 160).coding
    panel = MemoPanel(project)
    qtbot.addWidget(panel)
    panel.set_target("coding", coding.id)
    assert panel.about.text().startswith("Coding: Disruption/Child Abduction Warning Notices in Police lead 1")
    qtbot.keyClicks(panel.editor, "Hotel visits as disruption: ask about outcomes")
    panel.title.setText("Hotels")
    panel.save_button.click()
    memos = project.memos.list("coding", coding.id)
    assert [(m.title, m.text) for m in memos] == [("Hotels", "Hotel visits as disruption: ask about outcomes")]

    panel.set_target("project", None)  # another memo elsewhere, saved when the target changes
    qtbot.keyClicks(panel.editor, "Project-wide note on hotels and licensing")
    panel.set_target("document", doc.id)
    assert len(project.memos.list("project")) == 1 and panel.editor.toPlainText() == ""

    panel.search.setText("OUTCOMES")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data().startswith("Coding: ")
    assert panel.model.index(0, 1).data() == "Hotels"
    with qtbot.waitSignal(panel.targetActivated) as signal:
        panel.open_row(panel.model.index(0, 0))
    assert signal.args == ["coding", coding.id]
    assert panel.editor.toPlainText() == "Hotel visits as disruption: ask about outcomes"

    panel.search.setText("hotels")
    assert panel.model.rowCount() == 2
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("project"))
    assert [r.kind for r in panel.model.rows] == ["project"]


def test_coding_notes_listed_and_memo_delete(qtbot, project):
    doc = project.documents.by_name("Board focus group")
    code = project.codes.by_path("Multi-agency working/Information sharing")
    coding = project.codings.add(code.id, doc.id, 0, 20, memo="patchy with health").coding
    panel = MemoPanel(project)
    qtbot.addWidget(panel)
    panel.search.setText("patchy")
    assert [(r.memo_id, r.kind, r.target_id) for r in panel.model.rows] == [(None, "coding", coding.id)]
    panel.set_target("code", code.id)
    panel.editor.setPlainText("Definition check")
    panel.save()
    assert len(project.memos.list("code", code.id)) == 1
    panel.delete_button.click()
    assert project.memos.list("code", code.id) == [] and panel.editor.toPlainText() == ""


def test_memo_text_is_saved_shortly_after_typing(qtbot, project):
    panel = MemoPanel(project)
    qtbot.addWidget(panel)
    doc = project.documents.by_name("Young people chat")
    panel.set_target("document", doc.id)
    qtbot.keyClicks(panel.editor, "Consent language to check")
    qtbot.waitUntil(lambda: len(project.memos.list("document", doc.id)) == 1, timeout=5000)
    assert project.memos.list("document", doc.id)[0].text == "Consent language to check"
