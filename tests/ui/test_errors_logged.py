"""The dialogs promise "details are in the log": an unexpected failure in a background export or analysis,
or one shown with ``show_error``, leaves its type and stack in the log (never its message, which may hold
transcript text), once. Before, the export worker said "(TypeError)" and the log stayed empty."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from qualcoder_cse.ui import errors
from qualcoder_cse.ui.analysis_widgets import ComputeThread
from qualcoder_cse.ui.export_dialog import _ExportWorker

SECRET = "Jade Morris told DS Whitfield"


def logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "qualcoder_cse" and r.levelno >= logging.ERROR]


def test_a_failed_background_export_is_logged_without_its_message(qtbot, project, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="qualcoder_cse")
    worker = _ExportWorker(project, tmp_path / "out.xlsx", object(), None)  # options of no use: a bug
    failures: list[str] = []
    worker.failed.connect(failures.append)
    worker.run()
    assert failures and "nothing was written" in failures[0] and "qualcoder-cse.log" in failures[0]
    lines = logged(caplog)
    assert len(lines) == 1 and "AttributeError" in lines[0] and "export_workbook" in lines[0]
    assert not (tmp_path / "out.xlsx").exists()


def test_a_failed_analysis_is_logged(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="qualcoder_cse")

    def analysis():
        return {}[SECRET]

    worker = ComputeThread(analysis)
    results: list = []
    worker.done.connect(results.append)
    worker.run()
    assert results == [(False, "The analysis failed (KeyError); details are in the log.")]
    lines = logged(caplog)
    assert len(lines) == 1 and "KeyError" in lines[0] and SECRET not in lines[0]


def test_show_error_logs_a_bug_once_and_not_a_researchers_error(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="qualcoder_cse")

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close_box)
        else:
            box.close()

    try:
        raise ValueError(SECRET)
    except ValueError as exc:
        QTimer.singleShot(20, close_box)
        errors.show_error(None, exc)
        QTimer.singleShot(20, close_box)
        errors.show_error(None, exc)  # shown again: logged once
    lines = logged(caplog)
    assert len(lines) == 1 and "ValueError" in lines[0] and "test_show_error" in lines[0]
    assert SECRET not in "\n".join(lines)
    from qualcoder_cse.core.errors import InvalidValue

    QTimer.singleShot(20, close_box)
    errors.show_error(None, InvalidValue("A code needs a name."))
    assert len(logged(caplog)) == 1
