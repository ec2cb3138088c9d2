"""The installed ``qualcoder-cse gui`` on a Linux desktop missing a library of Qt's xcb plugin names the
packages (as ``dev.py start`` does) instead of Qt's abort "could not load the Qt platform plugin xcb"."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from qualcoder_cse import xcb_check

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("gcc")
                                or not shutil.which("ldd"), reason="an ELF plugin built with gcc, read by ldd")


@pytest.fixture()
def plugin_missing_a_library(tmp_path):
    """A real shared object linked against libxcb-cursor.so.0 and a library that is then removed."""
    (tmp_path / "gone.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int gone(void);\nint plugin(void) { return gone(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", tmp_path / "libqcsegone.so.1", tmp_path / "gone.c",
                    "-Wl,-soname,libqcsegone.so.1"], check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", tmp_path / "libqxcb.so", tmp_path / "plugin.c",
                    tmp_path / "libqcsegone.so.1"], check=True)
    (tmp_path / "libqcsegone.so.1").unlink()
    return tmp_path / "libqxcb.so"


@pytest.fixture()
def loadable_plugin(tmp_path):
    """A real shared object whose every library is there (the C library only): what ldd finds loadable, on
    any machine, whether or not Qt's own xcb plugin could load there."""
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "plugin.c").write_text("int plugin(void) { return 1; }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", tmp_path / "good" / "libqxcb.so", tmp_path / "good" / "plugin.c"],
                   check=True)
    return tmp_path / "good" / "libqxcb.so"


def test_a_missing_library_is_named_with_how_to_get_it(plugin_missing_a_library, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    advice = xcb_check.check_xcb(plugin_missing_a_library)
    assert advice is not None and "libqcsegone.so.1" in advice
    assert "apt-file search libqcsegone.so.1" in advice and advice.endswith("Then run qualcoder-cse gui again.")


def test_not_checked_where_xcb_is_not_used(plugin_missing_a_library, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert xcb_check.check_xcb(plugin_missing_a_library) is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert xcb_check.check_xcb(plugin_missing_a_library) is None


def test_the_installed_pyside_plugin_is_found():
    plugin = xcb_check.installed_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so" and plugin.is_file()


def test_a_plugin_found_loadable_is_not_checked_again_until_it_changes(plugin_missing_a_library, loadable_plugin,
                                                                        tmp_path, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    good = loadable_plugin  # not the installed one: a machine without Qt's xcb libraries (a fresh CI) runs it too
    assert xcb_check.check_xcb(good, remember=True) is None
    assert (tmp_path / "cache" / "qualcoder-cse" / "xcb-ok").read_text().startswith(str(good))
    assert xcb_check.check_xcb(plugin_missing_a_library, remember=True) is not None  # another plugin: checked
    assert xcb_check.check_xcb(good, remember=True) is None
