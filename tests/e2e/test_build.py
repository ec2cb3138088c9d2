"""Build the one-folder app with PyInstaller from this checkout and run the BUILT executable headless.

Slow (one to two minutes on 2 cores), so it runs only when ``BUILD_INSTALLER=1`` (``.ci/run`` sets it).
It checks what the issue asks: ``--version`` and ``selfcheck`` of the built app exit 0 with the right output,
the bundled data is inside, what must stay out stays out, and the Linux archive carries the desktop entry.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from qualcoder_cse import __version__

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.build,
    pytest.mark.skipif(os.environ.get("BUILD_INSTALLER") != "1", reason="set BUILD_INSTALLER=1 to build the app"),
]


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_")}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp), HOME=str(tmp))  # no user settings leak in
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("BUILD_INSTALLER=1 but PyInstaller is not installed (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("build")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(ROOT / "build_installer.spec")],
        cwd=ROOT, check=False, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out / "dist"


def test_built_version(built: Path, tmp_path: Path) -> None:
    exe = built / "qualcoder-cse" / "qualcoder-cse"
    proc = subprocess.run([str(exe), "--version"], check=False, capture_output=True, text=True,
                          env=_env(tmp_path), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"qualcoder-cse {__version__}"


def test_built_selfcheck(built: Path, tmp_path: Path) -> None:
    exe = built / "qualcoder-cse" / "qualcoder-cse"
    proc = subprocess.run([str(exe), "selfcheck"], check=False, capture_output=True, text=True, env=_env(tmp_path),
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == "OK"
    assert not [ln for ln in lines if ln.startswith("FAILED")]
    assert "anonymiser pipeline" in proc.stdout  # the real import + anonymise path ran inside the build
    assert list(tmp_path.glob("qcse-selfcheck-*")) == []  # its temporary folder is gone


def test_built_app_runs_without_core_dumps(built: Path, tmp_path: Path) -> None:
    """The window of the BUILT app runs with RLIMIT_CORE 0 (qualcoder_cse/hardening.py made it in)."""
    exe = built / "qualcoder-cse" / "qualcoder-cse"
    proc = subprocess.Popen([str(exe), "gui"], env=_env(tmp_path), cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        limits = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            limits = Path(f"/proc/{proc.pid}/limits").read_text()
            if "Max core file size        0                    0" in limits:
                break
            time.sleep(0.5)
        assert proc.poll() is None, "the built window exited early"
        core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
        assert core.split()[4:6] == ["0", "0"], core
    finally:
        proc.kill()
        proc.wait(timeout=30)


def test_built_folder_contents(built: Path) -> None:
    internal = built / "qualcoder-cse" / "_internal"
    assert (internal / "resources" / "frameworks").is_dir()
    assert (internal / "resources" / "selfcheck" / "sample.txt").is_file()
    for path in (ROOT / "models").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
            assert (internal / path.relative_to(ROOT)).is_file(), path
    assert list((internal / "sqlcipher3").glob("_sqlite3*")), "sqlcipher3's compiled extension is missing"
    assert not (internal / "sqlcipher3_binary.libs").exists()  # the old Linux-only binding is gone
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms").is_dir()
    # What must stay out: test packages, other spaCy languages, unused Qt modules, translations.
    for unwanted in ("spacy/tests", "thinc/tests", "pandas/tests", "spacy/lang/de", "pytest", "_pytest",
                     "hypothesis", "tkinter", "PySide6/Qt/translations", "PySide6/QtWebEngineCore.abi3.so",
                     "PySide6/QtQml.abi3.so", "PySide6/Qt3DCore.abi3.so"):
        assert not (internal / unwanted).exists(), unwanted


def test_linux_archive(built: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "archive.py"), "--dist", str(built)],
                          check=False, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    archive = built / f"qualcoder-cse-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        desktop = tar.extractfile(f"qualcoder-cse-{__version__}/qualcoder-cse.desktop").read().decode()
    top = f"qualcoder-cse-{__version__}"
    for name in ("qualcoder-cse/qualcoder-cse", "qualcoder-cse.png", "install.sh", "README.txt"):
        assert f"{top}/{name}" in names, name
    assert "Exec=qualcoder-cse gui %f" in desktop and "Icon=qualcoder-cse" in desktop
