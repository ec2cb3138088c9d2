"""Measure how long the Analysis view takes to show its first matrix (Code x Case, codings) on the large study,
and then how long switching to "Words coded" takes (the same result: all four measures come at once).

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_analysis_first.py [bench/out/large.qcse] [--repeat 3]
    ... --before <git revision>   # the same figure with analysis_view.py as it was at that revision

The project is written by ``bench/make_project.py`` (passphrase: QUALCODER_CSE_PASSPHRASE or its
BENCH_PASSPHRASE). Each run opens the project afresh; figures are the median and max over the runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)


def view_class(before: str | None):
    """AnalysisView now, or as it was at git revision ``before`` (loaded from a temporary file)."""
    if before is None:
        from qualcoder_cse.ui.analysis_view import AnalysisView

        return AnalysisView
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{before}:qualcoder_cse/ui/analysis_view.py"],
        check=True, capture_output=True, text=True,
    ).stdout
    tmp = Path(tempfile.mkdtemp()) / "analysis_view_before.py"
    tmp.write_text(source, encoding="utf-8")
    import qualcoder_cse.ui  # noqa: F401 - the package the old module's relative imports resolve in

    spec = importlib.util.spec_from_file_location("qualcoder_cse.ui._analysis_view_before", tmp)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.AnalysisView


def wait(app, view) -> None:
    while view.busy():
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(ROOT / "bench" / "out" / "large.qcse"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", default=None, help="git revision of analysis_view.py to measure instead")
    args = parser.parse_args()

    import make_project as mp
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project

    app = QApplication(sys.argv)
    cls = view_class(args.before)
    passphrase = os.environ.get("QUALCODER_CSE_PASSPHRASE") or mp.BENCH_PASSPHRASE
    first, words = [], []
    for _ in range(args.repeat):
        project = Project.open(args.project, passphrase, coder="bench")
        try:
            t0 = time.perf_counter()
            view = cls(project)
            view.resize(1324, 792)  # the size the app first opens it at: 92% x 88% of a 1440x900 window
            view.show()
            wait(app, view)
            first.append(time.perf_counter() - t0)
            rows, cols = view.model.rowCount(), view.model.columnCount()
            view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
            t1 = time.perf_counter()
            wait(app, view)
            words.append(time.perf_counter() - t1)
            view.close()
            view.deleteLater()
            app.processEvents()
        finally:
            project.close()
    label = f"before ({args.before})" if args.before else "now"
    print(f"analysis view, {label}: {rows} codes x {cols} cases")
    print(f"  first matrix shown (Code x Case, codings): median {statistics.median(first):.2f} s, "
          f"max {max(first):.2f} s")
    print(f"  then switch to Words coded:               median {statistics.median(words):.2f} s, "
          f"max {max(words):.2f} s")


if __name__ == "__main__":
    main()
