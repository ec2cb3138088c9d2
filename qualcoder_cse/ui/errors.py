"""Showing failures to the researcher, and the global hook for unexpected exceptions.

A ``ProjectError`` is shown with its own plain sentence. Anything else is a bug: it is logged (exception
type and the stack of file/line/function only: no message, no locals, so no transcript text can reach the
log) and the researcher sees a plain dialog saying what happened and where the log is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.connection import is_damage
from ..core.errors import ProjectAliased, ProjectError, ProjectLocked

log = logging.getLogger("qualcoder_cse")


def log_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "qualcoder-cse"


def setup_logging() -> Path | None:
    """Log to a file in the user's state folder (never transcript text). Returns the log path."""
    if log.handlers:
        return getattr(log, "_qcse_path", None)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "qualcoder-cse.log"
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log._qcse_path = path  # type: ignore[attr-defined]
        return path
    except OSError:
        return None


def safe_traceback(exc_type, exc, tb) -> str:
    """Type and stack frames only: the exception's message and locals may hold transcript text."""
    frames = traceback.extract_tb(tb)
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for fr in frames:
        lines.append(f'  File "{fr.filename}", line {fr.lineno}, in {fr.name}')
    return "\n".join(lines)


def is_interrupted(exc: BaseException) -> bool:
    return type(exc).__name__ == "OperationalError" and str(exc) == "interrupted"


def log_unexpected(exc: BaseException) -> None:
    """Log a bug's type and stack (once per exception; a ProjectError is the researcher's, not a bug)."""
    if isinstance(exc, ProjectError) or getattr(exc, "_qcse_logged", False):
        return
    if is_interrupted(exc):  # a read stopped on purpose: the project was closing under it
        return
    setup_logging()
    log.error("unexpected exception\n%s", safe_traceback(type(exc), exc, exc.__traceback__))
    with contextlib.suppress(AttributeError):  # an exception type with __slots__: logged again if shown again
        exc._qcse_logged = True  # type: ignore[attr-defined]


def message_for(exc: BaseException) -> str:
    if isinstance(exc, ProjectLocked):  # the window has no read-only mode: do not suggest one
        return str(exc).replace(", or open it read-only.", ", then open it here.")
    if isinstance(exc, ProjectAliased):  # nor a shell: advice the researcher can follow from the window
        return str(exc).replace(
            "Make a real copy (cp) and open that, remove the other names, or open it read-only.",
            "Copy the file (a real copy, for example in your file manager) and open the copy here, or remove "
            "its other names.")
    if isinstance(exc, ProjectError):
        return str(exc)
    if is_damage(exc):  # a read met a damaged page of a project opened read-only
        return (
            "The project file is damaged: a page failed its integrity check while reading. Nothing was changed. "
            "File > Restore from backup… lists its backups; restore one into a new file."
        )
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"The file system refused: {exc.strerror}{where}."
    return (
        f"Something went wrong inside QualCoder-CSE ({type(exc).__name__}). Your project is safe: every "
        "finished change is saved, and the failed step was not applied. Details (without any transcript "
        f"text) are in {log_dir() / 'qualcoder-cse.log'}."
    )


def show_error(parent: QWidget | None, error: BaseException | str, title: str = "QualCoder-CSE") -> None:
    if isinstance(error, BaseException):
        log_unexpected(error)  # what the dialog promises: the details are in the log
    text = error if isinstance(error, str) else message_for(error)
    if QApplication.instance() is None:
        print(f"qualcoder-cse: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.exec()


_showing = False


def _hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, ProjectError):
        log.info("user-facing error: %s", type(exc).__name__)
    else:
        log_unexpected(exc)
    global _showing
    if _showing:  # e.g. a failing paint raising again behind the open dialog: log only, one dialog at a time
        return
    app = QApplication.instance()
    parent = app.activeWindow() if app else None
    _showing = True
    try:
        show_error(parent, exc)
    finally:
        _showing = False


def install_excepthook() -> None:
    setup_logging()
    sys.excepthook = _hook
