"""Entry point of the window: start QApplication, install the error hook, open a project or the start screen.

``run(project=..., screenshot=..., demo=...)`` is what ``qualcoder-cse gui`` calls. Heavy libraries (pandas,
spaCy) are never imported here: features import them lazily when used, so the window appears quickly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .hardening import disable_crash_dumps
from .xcb_check import check_xcb

PASS_ENV = "QUALCODER_CSE_PASSPHRASE"


def _quiet_platform_notes(mode, context, message: str) -> None:
    """Drop the offscreen platform's harmless notes ("does not support raise()..."); print the rest."""
    if "This plugin does not support" in message:
        return
    print(message, file=sys.stderr)


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:  # only the real app; tests keep pytest-qt's own message handler
        qInstallMessageHandler(_quiet_platform_notes)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("QualCoder-CSE")
        app.setOrganizationName("QualCoder-CSE")
        app.setStyle("Fusion")
    return app


def open_with_passphrase(window, path: Path, coder: str | None) -> bool:
    """Open ``path`` with $QUALCODER_CSE_PASSPHRASE when set, else ask with the passphrase dialog."""
    from .core import Project
    from .ui.passphrase_dialog import PassphraseDialog

    coder = coder or window.settings.last_coder() or "researcher"
    pw = os.environ.get(PASS_ENV)
    if pw:
        window.set_project(Project.open(path, pw, coder=coder))  # errors reach the caller as ProjectError
        return True
    dlg = PassphraseDialog(path, coder=coder, parent=window)
    if dlg.exec() and dlg.project is not None:
        window.set_project(dlg.project)
        return True
    return False


def save_screenshot(window, png: Path) -> None:
    """Paint the window fully (first document open, cursor in its first coding) and save it as PNG."""
    from PySide6.QtWidgets import QApplication

    window.show()
    for _ in range(5):
        QApplication.processEvents()
    if window.project is not None and window.current_document_id is not None:
        codings = window.project.codings.list(document_id=window.current_document_id)
        if codings:
            c = max(codings[: min(len(codings), 6)], key=lambda c: len(window.view.coding_ids_at(c.start)))
            window.view.select_cp(c.start + 1)
            window.view.verticalScrollBar().setValue(0)
            window.coding.refresh_details()
            window.code_panel.select_code(c.code_id)
    for _ in range(5):
        QApplication.processEvents()
    image = window.grab()
    if not image.save(str(png), "PNG"):
        raise OSError(f"Could not write the screenshot to {png}.")


def run(project: str | None = None, *, screenshot: str | None = None, demo: bool = False,
        coder: str | None = None, settings=None) -> int:
    from .core.errors import ProjectError
    from .ui.errors import install_excepthook, show_error
    from .ui.main_window import MainWindow

    disable_crash_dumps()  # also when run() is called directly, not through the CLI
    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        if not screenshot:
            print("qualcoder-cse: no display to open the window on (DISPLAY is not set). Use the commands "
                  "(qualcoder-cse --help) or run the window in a desktop session.", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    advice = check_xcb(remember=True)  # Qt would abort with a message that names no package
    if advice:
        print(advice, file=sys.stderr)
        return 1
    app = _app()
    install_excepthook()
    window = MainWindow(settings)
    window.resize(1440, 900)
    try:
        if demo:
            from .core import Project
            from .demo import ensure_demo_project

            path, pw = ensure_demo_project()
            window.set_project(Project.open(path, pw, coder=coder or window.settings.last_coder() or "alice"))
        elif project:
            path = Path(project)
            if not open_with_passphrase(window, path, coder) and screenshot:
                print("qualcoder-cse: the project was not opened.", file=sys.stderr)
                return 2
    except ProjectError as exc:
        if screenshot:
            print(f"qualcoder-cse: {exc}", file=sys.stderr)
            window.close()
            return exc.exit_code
        show_error(window, exc)
    if screenshot:
        save_screenshot(window, Path(screenshot))
        window.close()
        return 0
    window.restore_layout()
    window.show()
    return app.exec()


def main() -> int:
    return run(sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":
    sys.exit(main())
