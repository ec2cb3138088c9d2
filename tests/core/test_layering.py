"""Layering: nothing outside qualcoder_cse/ui and app.py imports Qt; storage (SQL, the connection, the
sqlite-utils view) is reached only through ``core/`` and the few domain managers named below."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "qualcoder_cse"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt5|PyQt6)\b", re.MULTILINE)
SQL_CALL = re.compile(r"\.execute(many)?\(|sqlite_utils|sqlcipher3|\bdb\.query\(")
# What only core/ may touch: SQL, the connection (``project.conn``, ``self.conn``) and ``project.db``.
STORAGE = re.compile(r"\.execute(many|script)?\(|\bsqlite_utils\b|\bsqlcipher3\b|\.conn\b|\.db\b")
# Outside core/, only these read or write their own tables directly, and why:
STORAGE_ALLOWED = {
    # project.suggestions: a manager on the project like core's, owning the table suggestion_rejections; it
    # lives in suggest/ so that scikit-learn and numpy stay out of core (and out of the window's start-up).
    "suggest/manager.py",
    # the suggester's training material: read-only SQL over codings, turns and cases, for the manager above.
    "suggest/data.py",
}


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


def _storage_lines(path: Path) -> list[str]:
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        if STORAGE.search(code) and not code.lstrip().startswith(('"', "'")):
            out.append(f"{path.relative_to(PKG)}:{n}: {line.strip()}")
    return out


def test_no_storage_access_outside_core():
    """cli, ui, workflows, interchange, exporters, analysis, importers, anonymise ... call project managers;
    only core/ (and the managers in STORAGE_ALLOWED) run SQL or hold the connection or ``project.db``."""
    offenders = []
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(PKG)
        if rel.parts[0] == "core" or str(rel) in STORAGE_ALLOWED:
            continue
        offenders += _storage_lines(p)
    assert offenders == []


def test_the_storage_guard_sees_what_it_forbids(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "rows = project.conn.execute('SELECT 1')\n"
        "names = project.db.table_names()\n"
        "cur = self.conn\n"
        "x = 1  # project.conn in a comment is fine\n"
        "project.documents.list()\n"
    )
    global PKG
    saved, PKG = PKG, tmp_path
    try:
        found = _storage_lines(sample)
    finally:
        PKG = saved
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]


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
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
