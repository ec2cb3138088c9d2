"""Regenerate the user guide's screenshots from the real window: ``python -m qualcoder_cse.ui.guide_shots``.

Runs offscreen (unless a display is asked for with ``--display``) on a fresh demo project built in a
temporary folder, with throwaway settings, so neither your settings nor your demo are touched. Writes
``resources/guide/images/*.png`` (or ``--out DIR``): the start screen with the tour offer, the workbench,
the review screen (on the invented self-check sample), the Analysis view, Restore from backup, a step of
the guided tour and the guide window itself. Images wider than 720 px are scaled down for the guide.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..demo import DEMO_PASSPHRASE
from ..paths import resources_dir
from .import_dialog import ImportDialog
from .main_window import MainWindow
from .restore_dialog import RestoreDialog
from .settings import Settings

MAX_WIDTH = 720  # fits the guide window's text pane without a horizontal scroll bar


def _wait(app, until, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.02)
    return False


def _save(widget, out: Path, name: str) -> Path:
    image = widget.grab()
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    path = out / name
    image.save(str(path))
    print(f"wrote {path} ({image.width()}x{image.height()})")
    return path


def take(out: Path) -> list[Path]:
    """Every screenshot of the guide, written into OUT. Returns the files written."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="qcse-guide-shots-") as tmp:
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))
        window.resize(1440, 900)
        window.show()
        _wait(app, lambda: False, 0.3)
        written.append(_save(window, out, "start-screen.png"))

        window.open_demo()
        if window.project is None:
            raise SystemExit("guide_shots: the demo project could not be opened")
        _wait(app, lambda: False, 0.5)
        written.append(_save(window, out, "main-window.png"))

        tour = window.guide_actions.start_tour()
        tour.go(1)
        _wait(app, lambda: False, 0.3)
        written.append(_save(window, out, "tour.png"))
        tour.skip()
        window.settings.set_tour_state("")  # throwaway settings, but keep the shot honest about a first start

        guide = window.guide_actions.show_guide("coding")
        guide.resize(1100, 720)
        _wait(app, lambda: False, 0.3)
        written.append(_save(guide, out, "guide.png"))
        guide.close()

        actions = window.analysis_actions
        view = actions.show_analysis()
        _wait(app, lambda: view.table.model() is not None and view.table.model().rowCount() > 0, 60)
        _wait(app, lambda: False, 0.5)
        written.append(_save(actions.dock, out, "analysis.png"))
        actions.dock.hide()

        sample = resources_dir() / "selfcheck" / "sample.txt"
        dialog = ImportDialog(window.project, paths=[str(sample)], parent=window)
        dialog.show()
        dialog.start_import()
        review = dialog.review_dialog
        _wait(app, lambda: review is not None and review.session is not None, 120)
        review.resize(1140, 760)
        _wait(app, lambda: False, 0.5)
        written.append(_save(review, out, "review-screen.png"))
        review.reject()
        dialog.close()

        project = window.project
        project.backups.take("on close")
        restore = RestoreDialog(project.backups.folder(), project.path.stem, DEMO_PASSPHRASE, window,
                                open_path=project.path)
        restore.show()
        _wait(app, lambda: restore.table.rowCount() > 0, 60)
        _wait(app, lambda: False, 0.3)
        written.append(_save(restore, out, "restore.png"))
        restore.close()
        window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qualcoder_cse.ui.guide_shots",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=resources_dir() / "guide" / "images")
    parser.add_argument("--display", action="store_true", help="use the real display instead of offscreen")
    args = parser.parse_args(argv)
    if not args.display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    tmp_home = tempfile.mkdtemp(prefix="qcse-guide-home-")
    os.environ["XDG_DATA_HOME"] = str(Path(tmp_home) / "data")  # the demo is built here, not in yours
    os.environ["LOCALAPPDATA"] = str(Path(tmp_home) / "data")  # the same on Windows
    os.environ["QUALCODER_CSE_CONFIG_DIR"] = str(Path(tmp_home) / "config")  # backup folders remembered here
    os.environ.pop("QUALCODER_CSE_PASSPHRASE", None)  # the demo's own passphrase, never yours
    take(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
