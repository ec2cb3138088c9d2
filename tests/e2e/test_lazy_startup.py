"""The window starts without pandas or spaCy: they load only when an analysis, export or import needs them.

Run in a fresh interpreter (this test process has long imported both): build the main window, open a
project, show its first document, then report which heavy libraries are loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from qualcoder_cse.app import _app
from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
app = _app()
window = MainWindow()
window.set_project(Project.open(sys.argv[1], sys.argv[2], coder="alice"))
window.show()
for _ in range(5):
    app.processEvents()
shown = window.current_document_id is not None
heavy = [m for m in ("pandas.core.frame", "spacy.language", "openpyxl.workbook") if m in sys.modules]
window.close_project()
print(json.dumps({"shown": shown, "heavy": heavy}))
"""


def test_window_opens_a_project_without_pandas_or_spacy(project_path: Path, passphrase: str, tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", PROBE, str(project_path), passphrase], check=False,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["shown"]
    assert report["heavy"] == []


IDLE_PROBE = """
import json, sys, time
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtTest import QTest
from qualcoder_cse.app import _app
from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
app = _app()
window = MainWindow()
window.show()
window.set_project(Project.open(sys.argv[1], sys.argv[2], coder="alice"))
for _ in range(5):
    app.processEvents()
handle = window.windowHandle()

def run(seconds, moving):
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        if moving == "typing":  # a researcher at work: a key every 100 ms, as the platform delivers it
            QTest.keyClick(handle, Qt.Key.Key_A)
        elif moving == "reading":  # the mouse moves, nothing is typed or clicked
            QTest.mouseMove(handle, QPoint(200 + (i % 7) * 9, 200 + (i % 5) * 7))
        i += 1
        t = time.monotonic() + 0.1
        while time.monotonic() < t:
            app.processEvents()
            time.sleep(0.005)

def heavy():
    return [m for m in ("pandas", "qualcoder_cse.analysis")
            if m in sys.modules and type(sys.modules[m]).__name__ != "_LazyModule"]

run(2.5, "typing")
busy = heavy()
job = QThread(window)  # a job of the window (an import, an export) running
job.run = lambda: job.msleep(2000)
job.start()
run(1.8, "reading")
during_job = heavy()
job.wait()
run(2.5, "reading")
idle = heavy()
window.close_project()
print(json.dumps({"busy": busy, "during_job": during_job, "idle": idle}))
"""


def test_the_analysis_modules_load_while_the_window_is_idle(project_path: Path, passphrase: str, tmp_path) -> None:
    """Opening Analysis the first time in a session paid 0.3-0.5 s of imports before its matrix: they now load
    once the window has had no key, click or wheel for 1 s after a project opens (the mouse may move), never
    while the researcher types, nor while a worker thread of the window runs."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", IDLE_PROBE, str(project_path), passphrase], check=False,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report == {"busy": [], "during_job": [], "idle": ["pandas", "qualcoder_cse.analysis"]}


START_PROBE = """
import json, sys, time
from qualcoder_cse.app import _app
from qualcoder_cse.ui.main_window import MainWindow
app = _app()
window = MainWindow()
window.show()
end = time.monotonic() + 2.5
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.005)
print(json.dumps([m for m in ("pandas", "qualcoder_cse.analysis")
                  if m in sys.modules and type(sys.modules[m]).__name__ != "_LazyModule"]))
"""


def test_the_analysis_modules_load_at_the_start_screen_when_idle(tmp_path) -> None:
    """Before any project: the start screen left alone loads them, so that opening a project (a file dialog,
    a passphrase) and then Analysis finds them loaded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", START_PROBE], check=False, capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == ["pandas", "qualcoder_cse.analysis"]
