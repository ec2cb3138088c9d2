"""A folder import follows no symbolic link: ``ln -s /etc/shadow fold/b.txt`` put another file's content into
the project. Each link in the folder is skipped with one line saying why; a file named on its own still
imports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from qualcoder_cse.workflows.batch_import import LINK_INSIDE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")

SECRET = "root:$6$not-for-the-project:19000:0:99999:7:::"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "elsewhere" / "shadow.txt"
    outside.parent.mkdir()
    outside.write_text(SECRET + "\n", encoding="utf-8")
    folder = tmp_path / "fold"
    folder.mkdir()
    (folder / "a.txt").write_text("INT: How is the team set up?\nDI: Well.\n", encoding="utf-8")
    (folder / "b.txt").symlink_to(outside)  # a link out of the folder
    (folder / "c.txt").symlink_to("a.txt")  # a link inside it: not followed either
    (folder / "d.txt").symlink_to("missing.txt")  # broken
    return folder, outside


def _texts(project_path: Path, passphrase: str) -> str:
    with Project.open(project_path, passphrase, readonly=True) as p:
        return "\n".join(p.documents.text(d.id) for d in p.documents.list())


def test_a_folder_import_skips_links_and_says_so(project_path, passphrase, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    folder, _ = _folder(tmp_path)
    code, out, err = run(capsys, "import", project_path, folder, "--anonymise", "off")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:3] == [
        f"skipped\t{folder / 'b.txt'}\ta link to a file outside the folder",
        f"skipped\t{folder / 'c.txt'}\t{LINK_INSIDE}",
        f"skipped\t{folder / 'd.txt'}\ta broken link",
    ]
    assert lines[3].startswith(f"imported\t{folder / 'a.txt'}\t")
    assert lines[4].endswith("0 failed, 3 skipped (links)")
    assert "root:" not in _texts(project_path, passphrase)

    # --json: stdout stays the JSON list; the skipped entries are named on stderr
    (folder / "e.txt").write_text("P1: another\n", encoding="utf-8")
    code, out, err = run(capsys, "import", project_path, folder, "--anonymise", "off", "--json")
    assert code == 0
    assert [(Path(r["file"]).name, r["status"]) for r in json.loads(out)] == [
        ("a.txt", "duplicate"), ("e.txt", "imported"),
    ]
    assert err.splitlines() == [
        f"qualcoder-cse: skipped {folder / 'b.txt'}: a link to a file outside the folder",
        f"qualcoder-cse: skipped {folder / 'c.txt'}: {LINK_INSIDE}",
        f"qualcoder-cse: skipped {folder / 'd.txt'}: a broken link",
    ]
    assert "root:" not in _texts(project_path, passphrase)


def test_a_folder_of_only_links_imports_nothing(project_path, passphrase, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    _, outside = _folder(tmp_path)
    only = tmp_path / "only"
    only.mkdir()
    (only / "x.txt").symlink_to(outside)
    code, out, err = run(capsys, "import", project_path, only, "--anonymise", "off")
    assert code == 2 and "a link to a file outside the folder" in out and "Nothing to import" in err
    assert "root:" not in _texts(project_path, passphrase)


def test_a_link_named_on_its_own_still_imports(project_path, passphrase, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    folder, _ = _folder(tmp_path)
    code, out, _ = run(capsys, "import", project_path, folder / "b.txt", "--anonymise", "off")
    assert code == 0 and out.startswith("imported\t")
    assert SECRET in _texts(project_path, passphrase)
