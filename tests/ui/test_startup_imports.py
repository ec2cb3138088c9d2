"""The window starts without the heavy libraries: pandas, numpy, spaCy and openpyxl load when a feature
needs them, never while the main window is built (a fresh interpreter, since the test session may have
imported them already)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings
window = MainWindow(Settings(sys.argv[1]))
window.show()
app.processEvents()
heavy = ["pandas.core.frame", "numpy._core.multiarray", "spacy.language", "openpyxl.workbook"]
print(",".join(m for m in heavy if m in sys.modules))
"""


def test_window_starts_without_heavy_libraries(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "s.ini")], capture_output=True, text=True,
                         env=env, cwd=Path(__file__).resolve().parents[2], check=True)
    assert out.stdout.strip().splitlines()[-1:] in ([], [""])
