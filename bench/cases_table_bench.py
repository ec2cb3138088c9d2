"""Benchmark: the cases editor with 5,000 cases x 10 attributes (load, first paint, scroll, sort, paste).

Builds a throw-away encrypted project in a temporary folder through the domain API, then opens the real
``CasesEditor`` offscreen and times what a researcher waits for.

Usage (from the repository root)::

    .venv/bin/python bench/cases_table_bench.py [--cases 5000] [--attributes 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from qualcoder_cse.core import Project
from qualcoder_cse.core.presets import POLICE_FORCES
from qualcoder_cse.ui.cases_editor import CasesEditor


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=5000)
    ap.add_argument("--attributes", type=int, default=10)
    a = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.qcse"
        t0 = time.perf_counter()
        project = Project.create(path, "bench only", framework="none")
        with project.transaction():
            attrs = project.presets.add_research()
            for i in range(a.attributes - len(attrs)):
                attrs.append(project.attributes.add(f"Extra {i + 1}", type="number" if i % 2 else "text"))
            for n in range(a.cases):
                case = project.cases.add(f"Participant {n:05}")
                for attr in attrs[: a.attributes]:
                    if attr.type == "category":
                        value = attr.choices[n % len(attr.choices)] if attr.name != "Police force" \
                            else POLICE_FORCES[n % 43]
                    elif attr.type == "number":
                        value = str(n % 97)
                    else:
                        value = f"value {n % 13}"
                    project.attributes.set_value(attr.id, case.id, value)
        build = ms(t0)
        stack = QUndoStack()
        t0 = time.perf_counter()
        editor = CasesEditor(project, stack)
        editor.resize(1400, 900)
        editor.show()
        app.processEvents()
        first_paint = ms(t0)
        t0 = time.perf_counter()
        editor.model.reload()
        reload_ms = ms(t0)
        bar = editor.view.verticalScrollBar()
        t0 = time.perf_counter()
        steps = 50
        for i in range(steps):
            bar.setValue(bar.maximum() * i // steps)
            editor.view.viewport().repaint()
        scroll = ms(t0) / steps
        t0 = time.perf_counter()
        editor.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        app.processEvents()
        sort_ms = ms(t0)
        col = 1 + [x.name for x in editor.model.attributes()].index("Role")
        editor.view.setCurrentIndex(editor.proxy.index(0, col))
        t0 = time.perf_counter()
        done = editor.paste_text("\n".join(f"Role {i}" for i in range(1000)))
        app.processEvents()
        paste_ms = ms(t0)
        t0 = time.perf_counter()
        stack.undo()
        app.processEvents()
        undo_ms = ms(t0)
        editor.close()
        project.close()
    print(f"{a.cases:,} cases x {a.attributes} attributes (built in {build / 1000:.1f} s)")
    print(f"  open the editor and paint: {first_paint:7.1f} ms")
    print(f"  reload the grid model:     {reload_ms:7.1f} ms")
    print(f"  scroll and repaint (each): {scroll:7.1f} ms")
    print(f"  sort by a column:          {sort_ms:7.1f} ms")
    print(f"  paste a 1,000-row column:  {paste_ms:7.1f} ms ({done} values, one undo step)")
    print(f"  undo that paste:           {undo_ms:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
