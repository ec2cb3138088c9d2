"""Issue 23, item 6: "Kind of document" applied to the whole batch and carried over to the next import. Each
file now has its own kind, guessed from its name, speakers and words, editable, and nothing carries over."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from qualcoder_cse.importers.kind_guess import guess_kind
from qualcoder_cse.ui.import_dialog import KIND_ROLE, ImportDialog

JOURNEY = Path(__file__).resolve().parents[1] / "data" / "journey"


def test_guess_kind_from_name_speakers_and_words():
    assert guess_kind("Interview 3", "DS: We use notices.", ["INT", "DS"])[0] == "police"
    assert guess_kind("Meeting", "P1: The MASH works. P2: health is patchy", ["P1", "P2", "P3"])[0] == "lscb"
    assert guess_kind("session", "yp1: police never listen tbh lol", ["yp1", "yp2"])[0] == "young_person"
    assert guess_kind("notes 12", "Observed the briefing. Field notes.", [])[0] == "fieldnote"
    kind, why = guess_kind("untitled", "Hello there.", [])
    assert kind == "other" and "nothing" in why


def _files(tmp_path) -> list[Path]:
    out = []
    for f in sorted(JOURNEY.glob("*.txt")):
        out.append(Path(shutil.copy(f, tmp_path / f.name)))
    return out


def test_each_file_has_its_own_guessed_editable_kind(qtbot, project, tmp_path):
    focus, police, chat = _files(tmp_path)  # focus_group, police_interview, young_peoples_chat
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.anonymise_mode.setCurrentIndex(dialog.anonymise_mode.findData("off"))
    dialog.add_paths([focus, police, chat])
    assert dialog.kinds() == {str(focus): "lscb", str(police): "police", str(chat): "young_person"}
    assert "Police" in dialog.file_list.item(1).text()  # the list shows each file's kind
    assert "guessed" in dialog.file_list.item(1).toolTip()
    dialog.file_list.setCurrentRow(0)
    assert dialog.kind_box.currentData() == "lscb"  # the box shows the selected file's kind
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("other"))  # the researcher corrects one file
    assert dialog.kinds()[str(focus)] == "other" and dialog.kinds()[str(police)] == "police"
    dialog.file_list.setCurrentRow(1)
    dialog.file_list.setCurrentRow(0)
    assert dialog.file_list.item(0).data(KIND_ROLE) == "other"  # a chosen kind is not guessed over
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    kinds = {d.name: d.kind for d in project.documents.list()}
    assert kinds["focus_group"] == "other"
    assert kinds["police_interview"] == "police"
    assert kinds["young_peoples_chat"] == "young_person"
    # the next import in the same dialog: the new file gets its own guess, not the last choice
    again = tmp_path / "second police interview.txt"
    again.write_text(police.read_text(encoding="utf-8") + "\nDS: One more thing.\n", encoding="utf-8")
    dialog.add_paths([again])
    assert dialog.kinds() == {str(again): "police"}
