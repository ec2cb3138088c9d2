"""Benchmark (issue 16): apply a code in the real main window on the large study, from the click until every
panel has repainted, with the SQL statements one click runs.

The click is ``code_panel.code_activated`` (what a click on a code in the tree emits) on a selection in the
document view; the clock stops when the events posted by the click have run: the change hub's merged update,
each panel's refresh, and Qt's repaint of every region they marked dirty (its UpdateRequest events). Every
panel is built first (search, memos, links, cases, coded segments listing the clicked code, suggestions),
so each one's update is on the path.
Statements are counted with the connection's trace callback (what SQLite runs, commit included). The GUI
thread's CPU time per click is printed beside the wall time: all the work runs on that thread, so on a
quiet machine the two are close, and on a shared one the CPU time shows the work without the waits.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_click.py [bench/out/large.qcse]
    .venv/bin/python bench/run.py --reuse --only click      # the same, as a row of the bench table
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

PW = "bench passphrase, synthetic data only"  # make_project.BENCH_PASSPHRASE (checked in main)


def drain(app) -> None:
    """Run what the click posted (zero timers and queued signals), a few turns deep."""
    for _ in range(4):
        app.sendPostedEvents()
        app.processEvents()


def build_panels(window) -> None:
    """Build every dock's panel for the open project, as if each tab had been looked at."""
    ext = getattr(window, "workbench_extensions", None)
    if ext is not None:
        for host in (ext.search_host, ext.memo_host, ext.links_host, ext.cases_host):
            host.ensure()
    suggest = getattr(window, "suggest_extension", None)
    if suggest is not None:
        suggest.show_panel()
    seg = getattr(window, "segments_extension", None)
    if seg is not None:
        _ = seg.panel


def click_figures(path: Path, clicks: int = 30, warm: int = 3) -> dict:
    """Median/max seconds per click and statements per click on a writable copy of ``path``."""
    from qualcoder_cse.app import _app
    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    app = _app()
    with tempfile.TemporaryDirectory(prefix="qcse-bench-click-") as tmp:
        work = Path(tmp) / "click.qcse"
        shutil.copyfile(path, work)
        project = Project.open(work, PW, coder="coder1")
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))
        window.resize(1440, 900)
        window.show()
        try:
            window.set_project(project)
            doc = project.documents.by_name("Interview 0002")
            window.show_document(doc.id)
            codes = [c for c in project.codes.list() if c.codable]
            code = codes[len(codes) // 2]
            build_panels(window)
            seg = getattr(window, "segments_extension", None)
            if seg is not None:
                seg.show_codes([code.id])
            drain(app)
            window.repaint()
            statements: list[str] = []
            times: list[float] = []
            per_click: list[int] = []
            deferred: list[float] = []
            cpu: list[float] = []
            for i in range(warm + clicks):
                s = 40 + i * 61
                window.view.select_cp(s, s + 45)
                time.sleep(0.1)  # a person selects, then clicks: the details pane's cursor timer has run
                drain(app)
                statements.clear()
                project.conn.set_trace_callback(statements.append)
                c0, t0 = time.thread_time(), time.perf_counter()
                window.code_panel.code_activated.emit(code.id)
                t1 = time.perf_counter()
                drain(app)
                t2, c2 = time.perf_counter(), time.thread_time()
                project.conn.set_trace_callback(None)
                if i >= warm:
                    times.append(t2 - t0)
                    deferred.append(t2 - t1)
                    per_click.append(len(statements))
                    cpu.append(c2 - c0)
            sample = list(statements)
        finally:
            window.close()
            drain(app)
    return {"samples": times, "deferred": deferred, "statements": per_click, "last_statements": sample,
            "cpu": cpu}


def main() -> None:
    import make_project as mp

    assert mp.BENCH_PASSPHRASE == PW
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out" / "large.qcse"
    got = click_figures(path)
    ms = [t * 1000 for t in got["samples"]]
    print(f"click to every panel repainted: median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms "
          f"(target <= 30 / <= 50 ms); after the click returned: median "
          f"{statistics.median(got['deferred']) * 1000:.1f} ms")
    print(f"SQL statements per click: median {statistics.median(got['statements']):.0f}; CPU time of the GUI "
          f"thread per click: median {statistics.median(got['cpu']) * 1000:.1f} ms (on a shared machine the wall "
          "time also counts the waits for a core)")
    for s in got["last_statements"]:
        print("   ", " ".join(s.split())[:150])


if __name__ == "__main__":
    main()
