"""Before the window opens on a Linux X11 desktop: can Qt's xcb platform plugin load? When system libraries
it links against are missing, Qt only says "could not load the Qt platform plugin xcb" (or names one other
library) and aborts the process; this names every missing library and the Debian / Ubuntu packages, with
one apt line. Standard library only: ``dev.py start`` uses it before the virtual environment exists."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

# soname -> the Debian / Ubuntu package that ships it
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


def installed_plugin() -> Path | None:
    """The xcb plugin of the PySide6 this Python imports (None: no PySide6, or not a Linux wheel)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def not_found(ldd_output: str) -> list[str]:
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries ``plugin`` needs that the dynamic loader cannot find (``ldd``), in order, once each."""
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []  # no ldd (not glibc): let Qt speak for itself
    return not_found(out)


def xcb_advice(missing: list[str], again: str = "qualcoder-cse gui") -> str:
    packages = sorted({XCB_PACKAGES[name] for name in missing if name in XCB_PACKAGES})
    unknown = [name for name in missing if name not in XCB_PACKAGES]
    lines = ["The window cannot open: Qt's X11 (xcb) platform plugin needs system libraries that are missing:"]
    lines += [f"  {name}" + (f"  (package {XCB_PACKAGES[name]})" if name in XCB_PACKAGES else "") for name in missing]
    if packages:
        lines += ["Install them with (Debian/Ubuntu):", f"  sudo apt-get install -y {' '.join(packages)}"]
    if unknown:
        lines.append(f"Find the package of the others with: apt-file search {unknown[0]}")
    lines.append(f"Then run {again} again.")
    return "\n".join(lines)


def uses_xcb() -> bool:
    """Qt will load the xcb plugin: Linux, an X display, and neither Wayland nor another platform chosen."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not os.environ.get("WAYLAND_DISPLAY")


def _stamp(plugin: Path) -> str:
    st = plugin.stat()
    return f"{plugin}\t{st.st_size}\t{st.st_mtime_ns}\n"


def _ok_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qualcoder-cse" / "xcb-ok"


def check_xcb(plugin: Path | None = None, again: str = "qualcoder-cse gui", *, remember: bool = False) -> str | None:
    """The advice when Qt's xcb plugin cannot load here; None when it can (or xcb is not used). With
    ``remember``, a plugin found loadable once is not checked again (``ldd`` costs ~20-40 ms of each start)."""
    if not uses_xcb() or getattr(sys, "frozen", False):  # a built app carries its own libraries
        return None
    plugin = plugin or installed_plugin()
    if plugin is None:
        return None
    ok = _ok_file()
    if remember:
        with contextlib.suppress(OSError):  # no remembered check (first start, unreadable cache): check now
            if ok.read_text(encoding="utf-8") == _stamp(plugin):
                return None
    missing = missing_libraries(plugin)
    if missing:
        return xcb_advice(missing, again)
    if remember:
        with contextlib.suppress(OSError):  # a read-only home: check again next start
            ok.parent.mkdir(parents=True, exist_ok=True)
            ok.write_text(_stamp(plugin), encoding="utf-8")
    return None
