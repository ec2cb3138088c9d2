"""Paths with spaces and non-ASCII characters, end to end through the installed command in fresh processes.

University and force laptops put projects under "OneDrive - Université de X" or a user folder named Zoë.
The project is created, a transcript with such a name imported, coded, exported (workbook read back with
openpyxl, REFI .qdpx), backed up, and the project and its backup reopened, all under such folders. The C
locale is used on purpose: the command must not depend on the terminal's encoding for file names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

PASS = "unicode paths passphrase"


def _cli(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_")}
    env.update(QUALCODER_CSE_PASSPHRASE=PASS, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               LC_ALL="C", LANG="C")
    proc = subprocess.run([sys.executable, "-m", "qualcoder_cse", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=180, check=False)
    assert proc.returncode == 0, f"{args[0]}: {proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
    return proc


def test_project_lifecycle_under_spaces_and_non_ascii(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    folder = tmp_path / "OneDrive - Université de Zoë" / "Études 2026 – Ørsted" / "日本 データ"
    folder.mkdir(parents=True)
    project = folder / "Projet d'été (v2) ø.qcse"
    transcript = folder / "Entretien n°3 – Zoë Ångström.txt"
    transcript.write_text("INT: Où étiez-vous ?\nP1: À la maison des jeunes, près de la gare.\n",
                          encoding="utf-8")

    _cli(tmp_path, "new", project, "--framework", "none", "--coder", "Zoë")
    assert project.is_file()
    out = _cli(tmp_path, "import", project, transcript, "--anonymise", "off", "--json").stdout
    [result] = json.loads(out)
    assert result["status"] == "imported" and result["name"] == "Entretien n°3 – Zoë Ångström"
    text = _cli(tmp_path, "text", project, "1").stdout
    start = text.index("maison des jeunes")
    _cli(tmp_path, "code", project, "--doc", "1", "--code", "Lieux/Maison des jeunes", "--start", start,
         "--end", start + len("maison des jeunes"), "--create")

    xlsx = folder / "Export – analyse ü.xlsx"
    _cli(tmp_path, "export", project, xlsx)
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    cells = [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
    wb.close()
    assert "maison des jeunes" in cells
    assert any("Entretien n°3 – Zoë Ångström" in c for c in cells)

    qdpx = folder / "Échange REFI ø.qdpx"
    _cli(tmp_path, "export-refi", project, qdpx)
    with zipfile.ZipFile(qdpx) as zf:
        assert "project.qde" in zf.namelist()

    backup = folder / "Sauvegardes – été" / "copie ø.qcse"
    backup.parent.mkdir()
    _cli(tmp_path, "backup", project, backup)

    for path in (project, backup):  # reopened in a new process: the name round-trips through the file system
        info = json.loads(_cli(tmp_path, "info", path, "--json").stdout)
        assert (info["documents"], info["codings"]) == (1, 1), path
        codings = _cli(tmp_path, "codings", path).stdout
        assert "Lieux/Maison des jeunes" in codings and "maison des jeunes" in codings
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".qcse") == [project.name]
