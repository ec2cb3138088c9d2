"""Set up and run QualCoder-CSE from a fresh clone with nothing but Python 3.11.

    python3.11 dev.py start [PROJECT]   create .venv, install the app, open the window (the demo if no PROJECT)
    python3.11 dev.py test [PYTEST ARGS] create .venv, install the app and test tools, run the test suite

On a Linux X11 desktop, ``start`` first checks that Qt's xcb platform plugin can load; when system libraries
are missing it names the Debian/Ubuntu packages and prints the one ``apt-get install`` line to run.

The virtual environment is created in .venv beside this file and reinstalled only when pyproject.toml changes.
Works on Linux, macOS and Windows. The exit code of the app or of pytest is passed through.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
sys.path.insert(0, str(ROOT))
from qualcoder_cse import xcb_check  # standard library only: no venv needed

not_found, xcb_advice, missing_libraries = xcb_check.not_found, xcb_check.xcb_advice, xcb_check.missing_libraries
XCB_PACKAGES = xcb_check.XCB_PACKAGES
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def drop_old_binding() -> None:
    """Remove ``sqlcipher3-binary`` from a .venv made before the switch to ``sqlcipher3``.

    Both install the same ``sqlcipher3`` package folder; left side by side, uninstalling either later would
    delete the other's files.
    """
    probe = [str(PY), "-m", "pip", "show", "-q", "sqlcipher3-binary"]
    if subprocess.call(probe, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
        print("Replacing sqlcipher3-binary with sqlcipher3 (same module, wheels for every platform) ...")
        subprocess.call([str(PY), "-m", "pip", "uninstall", "-y", "-q", "sqlcipher3-binary"], cwd=ROOT)
        # pip install below would skip sqlcipher3 if it was already recorded as installed: reinstall it
        subprocess.call([str(PY), "-m", "pip", "uninstall", "-y", "-q", "sqlcipher3"], cwd=ROOT,
                        stderr=subprocess.DEVNULL)


def ensure_venv(extras: str) -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"QualCoder-CSE needs Python 3.11; this is {sys.version.split()[0]}. Run it as python3.11 dev.py ...")
    if not PY.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want:
        return
    print(f"Installing QualCoder-CSE{' and ' + extras + ' tools' if extras else ''} into .venv ...", flush=True)
    drop_old_binding()
    target = f".[{extras}]" if extras else "."
    cmd = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target]
    if subprocess.call(cmd, cwd=ROOT) != 0:
        sys.exit("Installing the dependencies failed (see the messages above).")
    stamp.write_text(want)


def xcb_plugin() -> Path | None:
    found = sorted(VENV.glob("lib/python3.*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    return found[0] if found else None


def check_xcb() -> str | None:
    """On an X11 session, the advice when Qt's xcb plugin cannot load; None when it can (or xcb is not used).
    The check itself is the app's own (``qualcoder_cse/xcb_check.py``, standard library only)."""
    if not xcb_check.uses_xcb():
        return None
    plugin = xcb_plugin()
    return xcb_check.check_xcb(plugin, "python3.11 dev.py start") if plugin else None


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"start", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "start":
        ensure_venv("")
        advice = check_xcb()
        if advice:
            print(advice, file=sys.stderr)
            return 1
        args = ["gui", *rest] if rest else ["gui", "--demo"]
        return subprocess.call([str(PY), "-m", "qualcoder_cse", *args], cwd=ROOT)
    # BUILD_INSTALLER=1 (CI) also runs tests/e2e/test_build.py, which needs PyInstaller (the "build" extra).
    ensure_venv("test,build" if os.environ.get("BUILD_INSTALLER") == "1" else "test")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
