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


# Libraries Qt's xcb platform plugin links against that a fresh desktop install may lack: soname -> the Debian /
# Ubuntu package that ships it. Qt itself only says "could not load the Qt platform plugin xcb" or names
# another library; this names the packages.
XCB_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-render.so.0": "libxcb-render0", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-glx.so.0": "libxcb-glx0", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}


def xcb_plugin() -> Path | None:
    found = sorted(VENV.glob("lib/python3.*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    return found[0] if found else None


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries ``plugin`` needs that the dynamic loader cannot find (``ldd``), in order, once each."""
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []  # no ldd (not glibc): let Qt speak for itself
    return not_found(out)


def not_found(ldd_output: str) -> list[str]:
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def xcb_advice(missing: list[str]) -> str:
    packages = sorted({XCB_PACKAGES[name] for name in missing if name in XCB_PACKAGES})
    unknown = [name for name in missing if name not in XCB_PACKAGES]
    lines = ["The window cannot open: Qt's X11 (xcb) platform plugin needs system libraries that are missing:"]
    lines += [f"  {name}" + (f"  (package {XCB_PACKAGES[name]})" if name in XCB_PACKAGES else "") for name in missing]
    if packages:
        lines += ["Install them with (Debian/Ubuntu):", f"  sudo apt-get install -y {' '.join(packages)}"]
    if unknown:
        lines.append(f"Find the package of the others with: apt-file search {unknown[0]}")
    lines.append("Then run python3.11 dev.py start again.")
    return "\n".join(lines)


def check_xcb() -> str | None:
    """On an X11 session, the advice when Qt's xcb plugin cannot load; None when it can (or xcb is not used)."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if (platform and not platform.startswith("xcb")) or (not platform and os.environ.get("WAYLAND_DISPLAY")):
        return None  # Wayland or offscreen: xcb is not loaded
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin else []
    return xcb_advice(missing) if missing else None


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
