"""Measure the anonymisation review screen on a long transcript: open (read + detect), one key press, accept all.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_review_screen.py [--repeat-paragraph 300]

The transcript is synthetic (fictional names) and the project a fresh encrypted file in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPH = (
    "YP: It was at the Kingsway chippy in Rochdale, me and Jodie Smith used to go there after school. "
    "Jodie knew Tariq from before. He drove a silver car and texted on 07700 900123. We talked about school "
    "and the bus and what happened after, and nobody really listened to us at the time, honestly.\n"
    "INT: Go on.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat-paragraph", type=int, default=300)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.review_dialog import ReviewDialog
    from qualcoder_cse.workflows.file_import import ImportOptions

    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = Project.create(folder / "bench.qcse", "bench passphrase 123", coder="bench")
        path = folder / "long.txt"
        path.write_text(PARAGRAPH * args.repeat_paragraph, encoding="utf-8")
        t0 = time.perf_counter()
        dialog = ReviewDialog(project, [path], ImportOptions(anonymise=True))
        dialog.show()
        while dialog.session is None:
            app.processEvents()
            time.sleep(0.005)
        t1 = time.perf_counter()
        session = dialog.session
        keys = 20
        for _ in range(keys):
            dialog.accept_current()
            app.processEvents()
        t2 = time.perf_counter()
        session.accept_all()
        app.processEvents()
        t3 = time.perf_counter()
        print(f"{len(session.text.split()):,} words, {len(session.proposals):,} proposals")
        print(f"open (read + detect + show): {t1 - t0:.2f} s")
        print(f"one decision (accept, repaint, move on): {(t2 - t1) / keys * 1000:.0f} ms")
        print(f"accept all remaining: {t3 - t2:.2f} s")
        dialog.cancel_import(ask=False)
        project.close()


if __name__ == "__main__":
    main()
