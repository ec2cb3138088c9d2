"""Where settings and recent projects live: QStandardPaths' per-user config folder, not Qt's IniFormat default
(which is ~/.config on macOS and the roaming profile on Windows). Fresh processes, so Qt reads the environment
($XDG_CONFIG_HOME) the way it does at a real start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="paths checked are Linux's")

WRITE = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from qualcoder_cse.ui.main_window import MainWindow
window = MainWindow()  # the window's own default settings, as at a real start
window.settings.add_recent(sys.argv[1])
window.settings.set_last_coder("Zoë")
window.settings.sync()
print(json.dumps({"path": str(window.settings.path)}))
"""

READ = r"""
import json
from qualcoder_cse.ui.settings import Settings
s = Settings()
print(json.dumps({"recent": s.recent_projects(), "coder": s.last_coder(), "path": str(s.path)}))
"""


def _run(code: str, tmp_path: Path, config: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(config))
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_recent_projects_in_the_platform_config_folder(tmp_path: Path) -> None:
    config = tmp_path / "config dir ü"
    (tmp_path / "home").mkdir()
    project = tmp_path / "Études de cas" / "Policing study 2026 – Ørsted.qcse"
    project.parent.mkdir()
    project.write_bytes(b"")
    wrote = _run(WRITE, tmp_path, config, str(project))
    expected = config / "QualCoder-CSE" / "qualcoder-cse.ini"
    assert Path(wrote["path"]) == expected
    assert expected.is_file()
    assert expected.stat().st_mode & 0o777 == 0o600  # owner-only: recent project names can be telling
    assert expected.parent.stat().st_mode & 0o777 == 0o700
    assert not (tmp_path / "home" / ".config").exists()  # nothing went to the fallback location
    read = _run(READ, tmp_path, config)
    assert read["recent"] == [str(project.resolve())]
    assert read["coder"] == "Zoë"


def test_existing_settings_file_made_owner_only(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (tmp_path / "home").mkdir()
    old = config / "QualCoder-CSE" / "qualcoder-cse.ini"
    old.parent.mkdir(parents=True)
    old.write_text("[General]\nlast_coder=alice\n", encoding="utf-8")
    old.chmod(0o644)  # as Qt wrote it before
    read = _run(READ, tmp_path, config)
    assert read["coder"] == "alice"
    assert old.stat().st_mode & 0o777 == 0o600


def test_explicit_path_still_wins(tmp_path: Path) -> None:
    from qualcoder_cse.ui.settings import Settings

    s = Settings(tmp_path / "s.ini")
    s.set_idle_minutes(3)
    s.sync()
    assert Settings(tmp_path / "s.ini").idle_minutes() == 3
    assert (tmp_path / "s.ini").is_file()
