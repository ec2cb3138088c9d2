"""Regression tests from driving the window as a demanding researcher: odd sequences must give a plain answer."""

from __future__ import annotations

from qualcoder_cse.ui.errors import message_for
from qualcoder_cse.ui.main_window import MainWindow


def _collect_errors(window, monkeypatch) -> list[str]:
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda e: errors.append(e if isinstance(e, str) else message_for(e)))
    return errors


def test_opening_the_demo_again_keeps_it_open_without_a_lock_error(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    errors = _collect_errors(window, monkeypatch)
    window.open_demo()
    first = window.project
    assert first is not None and first.is_open
    window.open_demo()  # File > Open the demo while it is open: it was "already open (pid ...)"
    assert errors == []
    assert window.project is first and first.is_open
    assert "already open" in window.statusBar().currentMessage()
    window.close()
