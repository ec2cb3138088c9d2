"""Layering: nothing outside qualcoder_cse/ui and app.py imports Qt, and the ui writes no SQL."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "qualcoder_cse"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt5|PyQt6)\b", re.M)
SQL_CALL = re.compile(r"\.execute(many)?\(|sqlite_utils|sqlcipher3|\bdb\.query\(")


def _headless_modules() -> list[Path]:
    return [p for p in PKG.rglob("*.py") if "ui" not in p.relative_to(PKG).parts[:1] and p.name != "app.py"
            or (p.parent != PKG and p.name == "app.py")]


def test_no_qt_import_outside_ui():
    offenders = [str(p.relative_to(PKG)) for p in _headless_modules() if QT_IMPORT.search(p.read_text("utf-8"))]
    assert offenders == []


def test_ui_writes_no_sql():
    ui = PKG / "ui"
    offenders = [str(p.relative_to(PKG)) for p in ui.rglob("*.py") if SQL_CALL.search(p.read_text("utf-8"))]
    assert offenders == []


def test_domain_imports_without_qt_at_runtime():
    modules = sorted(
        ".".join(("qualcoder_cse",) + p.relative_to(PKG).with_suffix("").parts)
        for p in _headless_modules()
        if p.name not in {"__main__.py"} and "cli" not in p.relative_to(PKG).parts[:1]
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
