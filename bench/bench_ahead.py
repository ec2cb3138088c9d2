"""Issue 22's rows for ``run.py``: the operations where QualCoder 4.0 was level with us or ahead, at scale 0.1
and on the large study, each beside a raw floor measured in the same run and the peer's figure from the issue.

- ``hits``: every hit of a common word ("police"): ``project.search.all_hits``, what "code all results",
  auto-code and the agreement previews use. Floor: the FTS5 match and the matched documents' texts.
- ``window``: the main window set up on a project, no document open yet (``MainWindow.set_project`` with the
  first document's display left out, then the window painted). Floor: the lists it shows, in raw SQL.
- ``analysis``: the Analysis view's first matrix (Code x Case, codings) shown, then "Words coded" (all four
  measures come from one ``code_by_case_all``). Floor: the raw GROUP BY code, case.
- ``matrix-memory``: peak memory of a process computing Code x Case with all four measures (``analysis.load``
  + ``code_by_case``). Floor: a process running the raw GROUP BY.

The functions take run.py's ``Row`` and helpers as arguments (run.py imports this module).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import make_project as mp

PW = mp.BENCH_PASSPHRASE

# QualCoder 4.0, timed by the session that filed issue 22 (same study, same machine class, medians)
PEER = {
    ("hits", "0.1"): "15 ms", ("hits", "1.0"): "148 ms", ("window", "0.1"): "70 ms",
    ("analysis", "0.1"): "135 ms", ("matrix-memory", "1.0"): "394 MB",
}
# Our figures in the issue (before this work)
BEFORE = {
    ("hits", "0.1"): "41 ms", ("hits", "1.0"): "453 ms", ("window", "0.1"): "164 ms",
    ("window", "1.0"): "568 ms", ("analysis", "0.1"): "156 ms", ("analysis", "1.0"): "632 ms",
    ("matrix-memory", "1.0"): "499 MB",
}


def _scales(ctx) -> list[tuple[str, Path]]:
    out = [("0.1", ctx.small)] if ctx.small is not None and Path(ctx.small).exists() else []
    return out + [("1.0", ctx.large)]


def _note(key: str, scale: str, text: str) -> str:
    extra = []
    if (key, scale) in PEER:
        extra.append(f"QualCoder {PEER[(key, scale)]}")
    if (key, scale) in BEFORE:
        extra.append(f"ours in the issue {BEFORE[(key, scale)]}")
    return text + (f" ({'; '.join(extra)})" if extra else "")


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench_hits(ctx, Row, raw_connect) -> list:
    from qualcoder_cse.core import Project
    from qualcoder_cse.core.search import parse_query

    rows = []
    fts = parse_query("police").fts
    sql = ("SELECT d.id, d.text FROM documents_fts f JOIN documents d ON d.id = f.rowid"
           " WHERE documents_fts MATCH ? ORDER BY d.name")
    for scale, path in _scales(ctx):
        limit = 0.1 if scale == "1.0" else 0.015
        row = Row(f"hits-{scale}", f'every hit of a common word ("police"), scale {scale}',
                  "<= 100 ms" if scale == "1.0" else "<= 15 ms (QualCoder's figure)", limit=limit,
                  floor_title="FTS5 MATCH + the matched texts")
        p = Project.open(path, PW, readonly=True)
        try:
            hits = p.search.all_hits("police")
            row.samples = [_timed(lambda p=p: p.search.all_hits("police")) for _ in range(ctx.repeat)]
        finally:
            p.close()
        conn = raw_connect(path)
        conn.execute(sql, (fts,)).fetchall()
        row.floor = [_timed(lambda conn=conn: conn.execute(sql, (fts,)).fetchall()) for _ in range(ctx.repeat)]
        conn.close()
        row.note = _note("hits", scale, f"{len(hits):,} hits; search.all_hits on an open project")
        rows.append(row)
    return rows


def bench_window(ctx, Row, raw_connect, qt_app) -> list:
    import tempfile

    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    app = qt_app()
    rows = []
    with tempfile.TemporaryDirectory(prefix="qcse-bench-window-") as tmp:
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        window.show_document = lambda *_a, **_k: None  # no document open: the first one's display left out
        try:
            for scale, path in _scales(ctx):
                limit = 0.3 if scale == "1.0" else 0.06
                row = Row(f"window-{scale}", f"main window set up on a project, no document open, scale {scale}",
                          f"<= {limit * 1000:.0f} ms", limit=limit,
                          floor_title="SELECT documents, codes, counts")
                samples, cpu = [], []
                for _ in range(ctx.repeat + 1):
                    project = Project.open(path, PW, coder="coder1", readonly=True)
                    t0, c0 = time.perf_counter(), time.thread_time()
                    window.set_project(project)
                    app.processEvents()
                    window.repaint()
                    samples.append(time.perf_counter() - t0)
                    cpu.append(time.thread_time() - c0)  # all of it runs on this (the GUI) thread
                    window.close_project()
                    app.processEvents()
                row.samples = samples[1:]
                conn = raw_connect(path)

                def floor(conn=conn) -> None:
                    conn.execute("SELECT id, name, kind, word_count, char_count FROM documents ORDER BY name"
                                 ).fetchall()
                    conn.execute("SELECT id, parent_id, name, colour FROM codes").fetchall()
                    conn.execute("SELECT code_id, count(*) FROM codings GROUP BY code_id").fetchall()

                floor()
                row.floor = [_timed(floor) for _ in range(ctx.repeat)]
                conn.close()
                row.note = _note("window", scale, "set_project + paint on a shown 1440x900 window, Qt offscreen;"
                                 " the panels behind other tabs are built when shown; CPU time of the GUI thread:"
                                 f" median {statistics.median(cpu[1:]) * 1000:.1f} ms")
                rows.append(row)
        finally:
            del window.show_document
            window.close()
            QApplication.processEvents()
    return rows


def bench_analysis_view(ctx, Row, raw_connect, qt_app) -> list:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.analysis_view import AnalysisView

    app = qt_app()

    def wait(view) -> None:
        # an event loop, as in the app (a processEvents/sleep polling loop fights the worker for the GIL:
        # the worker ran 40 % slower under it)
        if view.busy():
            loop = QEventLoop()
            view.computed.connect(loop.quit)
            loop.exec()
            view.computed.disconnect(loop.quit)
        app.processEvents()

    rows = []
    sql = ("SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
           " ON cd.document_id = c.document_id GROUP BY c.code_id, cd.case_id")
    for scale, path in _scales(ctx):
        limit = 0.3 if scale == "1.0" else 0.12
        row = Row(f"analysis-{scale}", f"Analysis view: first matrix, then all four measures, scale {scale}",
                  f"<= {limit * 1000:.0f} ms", limit=limit, floor_title="GROUP BY code, case")
        firsts, totals = [], []
        for _ in range(ctx.repeat + 1):
            project = Project.open(path, PW, coder="bench", readonly=True)
            try:
                t0 = time.perf_counter()
                view = AnalysisView(project)
                view.resize(1324, 792)  # the size the app first opens it at: 92% x 88% of a 1440x900 window
                view.show()
                wait(view)
                t1 = time.perf_counter()
                view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
                wait(view)
                firsts.append(t1 - t0)
                totals.append(time.perf_counter() - t0)
                view.close()
                view.deleteLater()
                QApplication.processEvents()
            finally:
                project.close()
        row.samples = totals[1:]
        conn = raw_connect(path)
        conn.execute(sql).fetchall()
        row.floor = [_timed(lambda conn=conn: conn.execute(sql).fetchall()) for _ in range(ctx.repeat)]
        conn.close()
        first = sorted(firsts[1:])[len(firsts[1:]) // 2]
        with Project.open(path, PW, readonly=True) as p:
            version = p.schema_version()
        row.note = _note("analysis", scale, f"AnalysisView built and shown, Code x Case by codings in "
                         f"{first * 1000:.0f} ms (median; all four measures computed at once by "
                         "code_by_case_all from the codings' segment index and the stored word starts, no text "
                         "read; computed while the view is built), then switched to Words coded (the same "
                         f"result, cells updated in place); study at schema {version}"
                         + ("" if version >= 9 else " (open it for writing once: the codings' index comes "
                            "with schema 9)"))
        rows.append(row)
    return rows


MATRIX_CHILD = """
import json, sys, time
from qualcoder_cse import analysis as an
from qualcoder_cse.core import Project
p = Project.open(sys.argv[1], sys.argv[2], readonly=True)
t0 = time.perf_counter()
m = an.code_by_case(an.load(p))
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""

MATRIX_FLOOR_CHILD = """
import json, sys, time
import sqlcipher3.dbapi2 as sqlcipher
conn = sqlcipher.connect(sys.argv[1]); conn.execute("PRAGMA key = '%s'" % sys.argv[2])
t0 = time.perf_counter()
conn.execute("SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
             " ON cd.document_id = c.document_id GROUP BY 1, 2").fetchall()
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def bench_matrix_memory(ctx, Row, child_json) -> list:
    row = Row("matrix-memory", "peak memory of the matrix process (Code x Case, all four measures), scale 1.0",
              "<= 300 MB", unit="MB", limit=300, stat="max", floor_title="process running the raw GROUP BY")
    n = max(1, min(ctx.repeat, 3))
    secs = []
    for _ in range(n):
        res, mem = child_json(MATRIX_CHILD, [str(ctx.large), PW])
        row.samples.append(mem / 2**20)
        secs.append(res["seconds"])
    for _ in range(n):
        _res, mem = child_json(MATRIX_FLOOR_CHILD, [str(ctx.large), PW])
        row.floor.append(mem / 2**20)
    row.note = _note("matrix-memory", "1.0", f"VmHWM of a child process; load + code_by_case took "
                     f"{sorted(secs)[len(secs) // 2]:.2f} s in it")
    return [row]


