"""Benchmark of the document view: a 100,000-character transcript with 2,000 codings.

Prints: first paint (open the document in the real main window and paint the viewport), the time from a
click on a code (domain insert, change event, the document's codings reloaded, and the deferred update of
every panel: code counts, coded share, details) to the view repainted, the same for undo, and the start-up time of the window from source. Run: ``QT_QPA_PLATFORM=offscreen python
bench/ui_document_view.py`` (or under xvfb-run). Targets: first paint < 300 ms, apply-code repaint < 50 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASS = "bench passphrase 123"
SPEAKERS = ["INT", "DI", "P1", "P2", "yp1"]
WORDS = ["the", "team", "police", "young", "people", "disruption", "notices", "hotel", "licensing", "evidence",
         "court", "trust", "missing", "episodes", "intelligence", "partner", "agency", "referral", "MASH", "😀",
         "safeguarding", "board", "risk"]


def make_text(rng: random.Random, size: int = 100_000) -> str:
    lines, n = [], 0
    while n < size:
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 60)))
        line = f"{rng.choice(SPEAKERS)}: {body}."
        lines.append(line)
        n += len(line) + 1
    return "\n".join(lines)[:size]


def startup_time() -> float:
    code = (
        "import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication; "
        "from qualcoder_cse.ui.main_window import MainWindow; from qualcoder_cse.ui.settings import Settings; "
        "import tempfile, os; app=QApplication([]); w=MainWindow(Settings(os.path.join(tempfile.mkdtemp(), 's.ini'))); "
        "w.show(); app.processEvents(); print(time.perf_counter()-t)"
    )
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    total = time.perf_counter() - t0
    return total, float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp())
    text = make_text(rng)
    project = Project.create(tmp / "bench.qcse", PASS, coder="alice")
    codes = [c for c in project.codes.list() if c.parent_id is not None]
    doc = project.documents.add("Long transcript", text, kind="police")
    other = project.documents.add("Short", "INT: hello\nDI: hi", kind="police")
    items = []
    for _ in range(2000):
        s = rng.randrange(0, len(text) - 400)
        items.append((rng.choice(codes).id, doc.id, s, s + rng.randint(20, 400)))
    project.codings.add_many(items)
    print(f"document: {len(text):,} characters, {project.codings.count():,} codings, "
          f"{text.count(chr(10)) + 1:,} lines")

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings(tmp / "settings.ini"))
    window.resize(1440, 900)
    window.set_project(project)
    window.show()
    window.show_document(other.id)
    app.processEvents()

    firsts = []
    for _ in range(5):
        window.show_document(other.id)
        app.processEvents()
        t0 = time.perf_counter()
        window.show_document(doc.id)
        window.view.viewport().repaint()
        window.view.margin.repaint()
        firsts.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
    print(f"first paint (open + paint): median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms "
          f"(target < 300 ms)")

    applies, undos = [], []
    code = codes[3]
    for i in range(30):
        s = 500 + i * 97
        window.view.select_cp(s, s + 60)
        app.processEvents()
        t0 = time.perf_counter()
        window.code_panel.code_activated.emit(code.id)  # what a click on the code does
        app.processEvents()  # the change hub's merged update: code counts, coded %, details, the other panels
        window.view.viewport().repaint()
        window.view.margin.repaint()
        applies.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        window.undo_stack.undo()
        app.processEvents()
        window.view.viewport().repaint()
        undos.append((time.perf_counter() - t0) * 1000)
    print(f"apply a code -> every update run and the view repainted: median {statistics.median(applies):.1f} ms, "
          f"p90 {sorted(applies)[int(len(applies) * 0.9)]:.1f} ms, max {max(applies):.1f} ms (target < 50 ms)")
    print(f"undo -> the same: median {statistics.median(undos):.1f} ms, max {max(undos):.1f} ms")
    window.close()
    total, inside = startup_time()
    print(f"window start-up from source: {inside * 1000:.0f} ms to shown (imports included), "
          f"{total * 1000:.0f} ms including the Python interpreter start (target < 1.5 s)")


if __name__ == "__main__":
    main()
