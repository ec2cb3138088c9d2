"""``dev.py start`` on a fresh Linux desktop: when Qt's xcb plugin cannot load, the missing Debian packages
are named with the one apt line, instead of Qt's "could not load the Qt platform plugin" message."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


@pytest.fixture(scope="module")
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ldd's output for PySide6 6.10's libqxcb.so on a Debian 12 container without two of the xcb libraries.
LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibfoo-unknown.so.3 => not found
"""


def test_advice_names_packages_and_one_apt_line(dev) -> None:
    missing = dev.not_found(LDD)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libfoo-unknown.so.3"]
    advice = dev.xcb_advice(missing)
    apt = [line.strip() for line in advice.splitlines() if "apt-get install" in line]
    assert apt == ["sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"]
    assert "apt-file search libfoo-unknown.so.3" in advice
    assert "Qt" in advice.splitlines()[0]


def test_real_plugin_on_this_machine(dev, monkeypatch) -> None:
    """The real check against the real plugin: what it calls missing is really not installed (dpkg says)."""
    plugin = dev.xcb_plugin()
    if plugin is None:
        pytest.skip("PySide6 is not installed in .venv")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    missing = dev.missing_libraries(plugin)
    advice = dev.check_xcb()
    if not missing:
        assert advice is None
        pytest.skip("every library of the xcb plugin is installed here")
    assert advice is not None
    if shutil.which("dpkg-query"):
        for name in missing:
            package = dev.XCB_PACKAGES.get(name)
            if package:
                status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True,
                                        text=True, check=False).stdout
                assert "install ok installed" not in status, package
                assert package in advice


def test_not_checked_off_x11(dev, monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert dev.check_xcb() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert dev.check_xcb() is None
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY")
    assert dev.check_xcb() is None
