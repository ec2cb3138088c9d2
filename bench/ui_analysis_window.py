"""The Analysis view opened as a researcher opens it, for ``run.py`` (``--only analysis-window``): in a fresh
process, the main window opens the study, then Tools > Analysis is triggered; the time runs from the click to
the first matrix shown and then switched to "Words coded". Two cases per scale:

- ``after 1 s``: Tools > Analysis one second after the window showed the project, as a researcher's first
  click at the earliest (the imports the view needs load beside the window from its start: ``lazy.preload``);
- ``at once``: the click in the same instant the project is shown, faster than anyone clicks: a worst case
  in which the click waits for those imports.

Unlike the ``analysis`` row (the view built alone, in a process that has run it before), this includes the
dock, the window's own state (its panels' queries fill the connection's statement cache) and, at once, the
imports. Floor: the raw GROUP BY code, case.
"""

from __future__ import annotations

import statistics
import time

CHILD = """
import json, os, sys, tempfile, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from qualcoder_cse.core import Project
from qualcoder_cse.ui.analysis_actions import AnalysisActions
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings
app = QApplication(sys.argv[:1])
window = MainWindow(Settings(Path(tempfile.mkdtemp()) / "settings.ini"))
window.resize(1440, 900)
window.show()
window.set_project(Project.open(sys.argv[1], sys.argv[2], coder="bench", readonly=True))
app.processEvents()
if sys.argv[3] == "idle":
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)

def wait(view):
    if view.busy():
        loop = QEventLoop()
        view.computed.connect(loop.quit)
        loop.exec()
        view.computed.disconnect(loop.quit)
    app.processEvents()

actions = window.findChild(AnalysisActions)
t0 = time.perf_counter()
actions.analysis_action.trigger()  # Tools > Analysis (Ctrl+Shift+A)
view = actions.host.panel
wait(view)
t1 = time.perf_counter()
view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
wait(view)
t2 = time.perf_counter()
shown = view.model.rowCount() > 0 and view.measure_box.currentData() == "words"
window.close_project()
print(json.dumps({"first": t1 - t0, "total": t2 - t0, "shown": shown}))
"""


def bench_analysis_window(ctx, Row, raw_connect, child_json, scales, pw: str) -> list:
    sql = ("SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
           " ON cd.document_id = c.document_id GROUP BY c.code_id, cd.case_id")
    rows = []
    for scale, path in scales:
        conn = raw_connect(path)
        conn.execute(sql).fetchall()
        floor = []
        for _ in range(ctx.repeat):
            t0 = time.perf_counter()
            conn.execute(sql).fetchall()
            floor.append(time.perf_counter() - t0)
        conn.close()
        for case in ("after 1 s", "at once"):
            limit = 0.3 if scale == "1.0" else 0.12
            row = Row(f"analysis-window-{scale}-{case.replace(' ', '-')}",
                      f"Tools > Analysis in the main window ({case}), first matrix then Words coded, scale {scale}",
                      f"<= {limit * 1000:.0f} ms", limit=limit, floor_title="GROUP BY code, case")
            firsts = []
            for _ in range(ctx.repeat):
                res, _mem = child_json(CHILD, [str(path), pw, "idle" if case == "after 1 s" else "now"])
                if not res["shown"]:
                    row.error = "the view did not show Words coded"
                    break
                row.samples.append(res["total"])
                firsts.append(res["first"])
            row.floor = floor
            if firsts:
                row.note = ("a fresh process per run: main window, study opened, "
                            + ("1 s later (the imports loaded beside it), " if case == "after 1 s"
                               else "no pause (the click waits for the imports), ")
                            + f"then Tools > Analysis; first matrix shown in {statistics.median(firsts) * 1000:.0f} ms"
                            " (median), then Words coded")
            rows.append(row)
    return rows
