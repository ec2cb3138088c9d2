"""The import dialog adds a folder's files but none of its symbolic links (a link to /etc/shadow planted in a
shared folder was read for its kind and imported); the status line names each link skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualcoder_cse.ui.import_dialog import ImportDialog

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")


def test_a_folder_added_to_the_dialog_leaves_out_its_links(qtbot, project, tmp_path: Path):
    outside = tmp_path / "shadow.txt"
    outside.write_text("root:$6$secret:19000:0:99999:7:::\n", encoding="utf-8")
    folder = tmp_path / "fold"
    folder.mkdir()
    (folder / "a.txt").write_text("INT: a\nP1: b\n", encoding="utf-8")
    (folder / "b.txt").symlink_to(outside)
    dialog = ImportDialog(project, paths=[str(folder)])
    qtbot.addWidget(dialog)
    assert [Path(p).name for p in dialog.paths()] == ["a.txt"]
    assert dialog.status_label.text() == "1 file to import. Skipped: b.txt (a link to a file outside the folder)."
