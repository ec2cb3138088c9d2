"""The window starts without waiting for pandas or spaCy; numpy, pandas and the analysis package then load in a
background thread ("preload"), so the first Analysis of a session does not pay for them, while the window
keeps answering; spaCy and openpyxl load only when an import or an export needs them.

Run in a fresh interpreter (this test process has long imported them all).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys, time
from qualcoder_cse.app import _app
from qualcoder_cse.core import Project
from qualcoder_cse.lazy import is_loaded
from qualcoder_cse.ui.main_window import MainWindow
app = _app()
window = MainWindow()
window.set_project(Project.open(sys.argv[1], sys.argv[2], coder="alice"))
window.show()
shown = window.current_document_id is not None
at_show = [m for m in ("pandas", "spacy", "openpyxl") if is_loaded(m)]  # nothing heavy before the window
end = time.monotonic() + 6
while time.monotonic() < end and not is_loaded("qualcoder_cse.analysis"):
    app.processEvents()
    time.sleep(0.01)
later = [m for m in ("pandas", "qualcoder_cse.analysis", "spacy.language", "openpyxl.workbook") if m in sys.modules
         and is_loaded(m)]
window.close_project()
print(json.dumps({"shown": shown, "at_show": at_show, "later": later}))
"""


def _run(code: str, args: list[str], tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code, *args], check=False, capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_window_opens_a_project_before_pandas_then_loads_it_beside(project_path: Path, passphrase: str,
                                                                        tmp_path) -> None:
    report = _run(PROBE, [str(project_path), passphrase], tmp_path)
    assert report["shown"]
    assert report["at_show"] == []
    assert report["later"] == ["pandas", "qualcoder_cse.analysis"]  # spaCy and openpyxl still not loaded


TYPING_PROBE = """
import json, sys, threading, time
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qualcoder_cse.app import _app
from qualcoder_cse.core import Project
from qualcoder_cse.lazy import is_loaded
from qualcoder_cse.ui.main_window import MainWindow
app = _app()
window = MainWindow()
window.show()
window.set_project(Project.open(sys.argv[1], sys.argv[2], coder="alice"))
handle = window.windowHandle()
seen, gaps, last = set(), [], time.monotonic()
end = last + 4
while time.monotonic() < end:  # a researcher typing: a key every 50 ms, as the platform delivers it
    QTest.keyClick(handle, Qt.Key.Key_A)
    app.processEvents()
    now = time.monotonic()
    gaps.append(now - last)
    last = now
    seen.update(t.name for t in threading.enumerate())
    time.sleep(0.05)
print(json.dumps({"preload_thread": "preload" in seen, "loaded": is_loaded("qualcoder_cse.analysis"),
                  "longest_gap": max(gaps)}))
"""


def test_the_modules_load_in_a_thread_while_the_researcher_types(project_path: Path, passphrase: str,
                                                                  tmp_path) -> None:
    """On the GUI thread, pandas' import froze the window for 0.2-0.3 s at a time; in the preload thread the
    key presses keep being handled (the longest wait between two is a fraction of that, bounded loosely here
    for a loaded CI machine)."""
    report = _run(TYPING_PROBE, [str(project_path), passphrase], tmp_path)
    assert report["preload_thread"] and report["loaded"]
    assert report["longest_gap"] < 1.0, report
