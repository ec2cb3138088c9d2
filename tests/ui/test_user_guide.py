"""The user guide (Help > User guide, F1 in every dialog) and the first-start guided tour, driven as a user would."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLineEdit, QToolButton

import qualcoder_cse
import qualcoder_cse.ui
from qualcoder_cse import guide
from qualcoder_cse.core.errors import ProjectError
from qualcoder_cse.ui import guide_shots
from qualcoder_cse.ui.backup_settings_dialog import BackupSettingsDialog
from qualcoder_cse.ui.context_help import HELP_BUTTON
from qualcoder_cse.ui.guide_actions import DOCK_SECTIONS
from qualcoder_cse.ui.guide_window import GuideWindow, open_guide
from qualcoder_cse.ui.import_dialog import ImportDialog
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.merge_dialog import CodePickerDialog, MergeCodeDialog
from qualcoder_cse.ui.new_project_dialog import NewProjectDialog
from qualcoder_cse.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _ui_dialog_classes() -> list[type]:
    for info in pkgutil.iter_modules(qualcoder_cse.ui.__path__):
        if info.name != "guide_shots":  # a script, not a part of the window
            importlib.import_module(f"qualcoder_cse.ui.{info.name}")
    found: dict[str, type] = {}
    stack = list(QDialog.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("qualcoder_cse.ui."):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def _help_call(cls: type) -> str | None:
    """The section id given to ``install_help(self, "id")`` in the __init__ of CLS or its nearest base."""
    for klass in cls.__mro__:
        if not klass.__module__.startswith("qualcoder_cse."):
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        init = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
        if init is None:
            continue
        for node in ast.walk(init):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "install_help"
                    and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
                return node.args[1].value
    return None


@pytest.fixture(scope="module")
def user_guide() -> guide.Guide:
    return guide.load()


def test_every_dialog_has_a_help_section_that_exists_in_the_guide(qtbot, user_guide):
    classes = _ui_dialog_classes()
    assert len(classes) >= 20  # every dialog module of the window, not an empty scan
    window = GuideWindow()
    qtbot.addWidget(window)
    missing, unknown = [], []
    for cls in classes:
        section = _help_call(cls)
        if section is None:
            missing.append(cls.__qualname__)
        elif section not in user_guide.ids() or not window.has_section(section):
            unknown.append(f"{cls.__qualname__}: {section}")
    assert missing == [], f"dialogs without install_help(self, 'section'): {missing}"
    assert unknown == [], f"help sections that are not anchors in the guide: {unknown}"


def _heading_visible(window: GuideWindow, section: str) -> bool:
    browser = window.browser
    top = browser.cursorForPosition(browser.viewport().rect().topLeft()).position()
    bottom = browser.cursorForPosition(browser.viewport().rect().bottomRight()).position()
    return top <= window.anchors[section] <= bottom


def test_f1_and_the_help_button_open_the_guide_at_the_dialogs_section(qtbot, main_window):
    project = main_window.project
    cases = [
        (NewProjectDialog(coder="alice", parent=main_window), "new-project"),
        (BackupSettingsDialog(project, main_window), "backup-settings"),
        (CodePickerDialog(project, "Apply code", "Type part of a name.", "Apply", parent=main_window), "coding"),
        (MergeCodeDialog(project, project.codes.list()[1].id, main_window), "edit-codes"),
    ]
    for dialog, section in cases:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)  # F1 is the active window's shortcut
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
        guide_window = getattr(dialog, "_guide_window", None)
        assert guide_window is not None and guide_window.isVisible(), section
        assert guide_window.parent() is dialog  # a modal dialog does not block its own guide
        assert guide_window.current_section == section
        qtbot.waitUntil(lambda gw=guide_window, s=section: _heading_visible(gw, s), timeout=3000)
        guide_window.close()
        guide_window.current_section = ""
        button = dialog.findChild(object, HELP_BUTTON)
        assert button is not None and button.isVisible()
        button.click()
        assert guide_window.isVisible() and guide_window.current_section == section
        assert dialog.isVisible()  # the Help button neither accepts nor rejects the dialog
        dialog.close()


def test_help_button_does_not_take_enter_from_the_dialog(qtbot, main_window):
    dialog = CodePickerDialog(main_window.project, "Apply code", "Type.", "Apply", parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    help_button = dialog.findChild(object, HELP_BUTTON)
    assert not help_button.autoDefault() and not help_button.isDefault()


def test_guide_window_contents_search_and_links(qtbot, main_window, user_guide):
    window = open_guide(main_window)
    qtbot.waitExposed(window)
    chapters = [window.contents.topLevelItem(i).text(0) for i in range(window.contents.topLevelItemCount())]
    assert chapters == [c.title for c in user_guide.chapters()]
    for needed in ("Getting started", "The framework and how to adapt it", "Working as a team",
                   "Analysis and export", "Backups", "Security and anonymisation", "Keyboard shortcuts",
                   "Troubleshooting"):
        assert needed in chapters
    # Search: a message's words find its troubleshooting section; a click opens it with the words selected
    qtbot.keyClicks(window.search_box, "hard links")
    assert window.results.isVisible() and window.results.count() >= 1
    first = window.results.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "trouble-open"
    window.results.itemClicked.emit(first)
    assert window.current_section == "trouble-open"
    assert window.browser.textCursor().selectedText().lower() == "hard"
    assert window.contents.currentItem().data(0, Qt.ItemDataRole.UserRole) == "trouble-open"
    window.search_box.setText("zzzqqq nothing")
    assert window.results.count() == 1 and window.results.item(0).data(Qt.ItemDataRole.UserRole) is None
    window.search_box.clear()
    assert not window.results.isVisible()
    # Contents: a click scrolls to the section
    item = next(i for i in window._items() if i.data(0, Qt.ItemDataRole.UserRole) == "ethics-wording")
    window.contents.itemClicked.emit(item, 0)
    qtbot.waitUntil(lambda: _heading_visible(window, "ethics-wording"), timeout=3000)
    # Links inside the guide move within it; links outside it are never opened
    window.browser.anchorClicked.emit(QUrl("#agreement"))
    assert window.current_section == "agreement"
    window.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert window.current_section == "agreement" and "not opened" in window.status.text()
    assert not window.show_section("no-such-section")
    # Help > User guide and F1 in the main window open the same window
    main_window.guide_actions.guide_action.trigger()
    assert main_window._guide_window is window


def test_every_link_and_image_in_the_guide_resolves(user_guide):
    for target in re.findall(r'href="([^"]+)"', user_guide.html):
        assert target.startswith("#") and target[1:] in user_guide.ids(), target
    images = re.findall(r'<img src="([^"]+)"', user_guide.html)
    assert images
    for src in images:
        assert (guide.guide_dir() / src).is_file(), src


def test_troubleshooting_covers_every_exit_code_and_error_kind(user_guide):
    for info in pkgutil.walk_packages(qualcoder_cse.__path__, "qualcoder_cse."):
        if ".ui." not in info.name and not info.name.endswith((".__main__", ".train")):
            importlib.import_module(info.name)
    codes: set[int] = set()
    stack = [ProjectError]
    while stack:
        cls = stack.pop()
        codes.add(cls.exit_code)
        stack.extend(cls.__subclasses__())
    table = user_guide.section("exit-codes").text
    listed = {int(n) for n in re.findall(r"^\s+(\d+)\s{2,}", table, re.MULTILINE)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {int(n) for n in re.findall(r"(\d+) [a-z]", readme.split("Exit codes:")[1].split("\n\n")[0])}
    assert codes <= listed and documented <= listed, (codes - listed, documented - listed)


def test_markdown_subset(tmp_path):
    (tmp_path / "01-a.md").write_text(
        "# Chapter {#chap}\n\nSome **bold** and *it* and `code <x>`; see [b](#b).\n\n"
        "## Second part {#b}\n\n| a | b |\n|---|---|\n| x \\| y | z |\n\n- one\n  more\n- two\n\n> note\n",
        encoding="utf-8")
    (tmp_path / "02-b.md").write_text("# Other\n\n1. first\n2. second\n", encoding="utf-8")
    g = guide.load(tmp_path)
    assert [s.id for s in g.sections] == ["chap", "b", "other"]
    assert '<h2><a name="b">Second part</a></h2>' in g.html
    assert "<b>bold</b>" in g.html and "<i>it</i>" in g.html and "<code>code &lt;x&gt;</code>" in g.html
    assert "<td>x | y</td>" in g.html and "<li>one more</li>" in g.html and "<ol><li>first</li>" in g.html
    assert g.search("x y")[0][0].id == "b"
    (tmp_path / "03-c.md").write_text("# Again {#b}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="two sections"):
        guide.load(tmp_path)


def test_the_build_ships_the_guide():
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert '_tree("resources")' in spec  # every file under resources/, the guide and its images included
    assert (ROOT / "resources" / "guide").is_dir()


# ------------------------------------------------------------------------------------------- the tour
@pytest.fixture()
def demo_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("QUALCODER_CSE_PASSPHRASE", raising=False)
    return tmp_path


def _window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(Settings(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_tour_from_the_start_screen_finished_is_not_offered_again(qtbot, demo_home):
    settings_path = demo_home / "settings.ini"
    window = _window(qtbot, settings_path)
    start = window.start_screen
    assert start.tour_offer.isVisible()
    qtbot.mouseClick(start.tour_button, Qt.MouseButton.LeftButton)
    tour = window.guide_actions.tour
    assert window.project is not None and "demo" in str(window.project.path)
    assert tour is not None and tour.isVisible()
    seen = []
    for _ in range(len(tour.steps)):
        seen.append(tour.title.text())
        if tour.index == 0:
            assert tour.highlight.isVisible()  # the documents list is pointed at
        if tour.index == 1:  # a passage is selected, ready to click a code
            assert window.view.textCursor().hasSelection() and tour.highlight.isVisible()
        if tour.index == 2:
            assert window.docks["memos"].isVisible()
        assert window.settings.tour_state() == ""
        qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 6 and "Import and review" in seen[0] and "Export" in seen[4]
    assert not tour.isVisible() and window.guide_actions.tour is None
    assert window.settings.tour_state() == "done"
    assert not start.tour_offer.isVisibleTo(window)
    window.close()
    again = _window(qtbot, settings_path)
    assert not again.start_screen.tour_offer.isVisible()
    assert Settings(settings_path).tour_state() == "done"
    again.close()


def test_tour_skipped_mid_way_or_declined_is_recorded(qtbot, demo_home):
    settings_path = demo_home / "settings.ini"
    window = _window(qtbot, settings_path)
    tour = window.guide_actions.start_tour()  # Help > Guided tour with no project: the demo opens
    assert window.project is not None
    qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert tour.index == 1
    qtbot.mouseClick(tour.skip_button, Qt.MouseButton.LeftButton)
    assert window.settings.tour_state() == "skipped" and not tour.isVisible()
    window.close()

    other = demo_home / "other.ini"
    window = _window(qtbot, other)
    assert window.start_screen.tour_offer.isVisible()
    qtbot.mouseClick(window.start_screen.skip_tour_button, Qt.MouseButton.LeftButton)
    assert window.project is None  # declining opens nothing
    assert Settings(other).tour_state() == "skipped"
    assert not window.start_screen.tour_offer.isVisible()
    window.close()
    assert not _window(qtbot, other).start_screen.tour_offer.isVisible()


def test_tour_analysis_and_export_buttons_open_the_real_views(qtbot, main_window):
    tour = main_window.guide_actions.start_tour()  # a project is open: the tour runs on it
    tour.go(3)
    assert tour.action_button.isVisible() and "Analysis" in tour.action_button.text()
    tour.action_button.click()
    assert main_window.analysis_actions.dock.isVisible()
    main_window.analysis_actions.dock.hide()
    tour.go(4)
    tour.action_button.click()
    dialogs = [w for w in main_window.findChildren(QDialog) if w.isVisible()]
    assert any(type(d).__name__ == "ExportDialog" for d in dialogs)
    for d in dialogs:
        d.reject()
    tour.skip()
    assert main_window.settings.tour_state() == "skipped"


def test_closing_the_project_mid_tour_ends_it_without_recording(qtbot, main_window):
    tour = main_window.guide_actions.start_tour()
    tour.go(2)
    main_window.close_project()
    assert not tour.isVisible() and main_window.guide_actions.tour is None
    assert main_window.settings.tour_state() == ""


def test_f1_in_the_main_window_opens_the_section_of_the_focused_panel(qtbot, main_window, user_guide):
    assert set(DOCK_SECTIONS.values()) <= user_guide.ids()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    search_dock = main_window.docks["search"]
    search_dock.show()
    field = search_dock.widget().findChild(QLineEdit)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_F1)
    window = main_window._guide_window
    assert window.isVisible() and window.current_section == "search"
    main_window.view.setFocus()
    assert main_window.guide_actions.focused_section() == "coding"


def test_a_dialog_without_a_button_box_gets_a_question_mark_that_never_takes_the_keys(qtbot, main_window):
    dialog = ImportDialog(main_window.project, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.findChild(QToolButton, HELP_BUTTON)
    assert button is not None and button.text() == "?" and button.isVisible()
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    button.click()
    assert dialog._guide_window.current_section == "import-review" and dialog.isVisible()


def test_one_command_regenerates_every_screenshot_the_guide_shows(qtbot, demo_home, tmp_path, user_guide):
    written = guide_shots.take(tmp_path / "images")
    names = {p.name for p in written}
    shown = {Path(src).name for src in re.findall(r'<img src="([^"]+)"', user_guide.html)}
    assert shown <= names, shown - names  # every picture in the guide comes from the real window
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and 300 < image.width() <= guide_shots.MAX_WIDTH


def test_the_lock_hides_the_tour_and_a_step_never_shows_a_panel_while_locked(qtbot, main_window):
    tour = main_window.guide_actions.start_tour()
    main_window.docks["memos"].hide()
    main_window.lock()
    assert not tour.isVisible() and not tour.highlight.isVisible()
    tour.go(2)  # the memo step shows the Memos panel: not while locked
    tour._act()
    assert not main_window.docks["memos"].isVisible()
    assert main_window.unlock("correct horse battery staple")
    assert tour.isVisible() and main_window.docks["memos"].isVisible()
    tour.skip()
    main_window.lock()
    assert not tour.isVisible()
    main_window.unlock("correct horse battery staple")
    assert not tour.isVisible() and main_window.settings.tour_state() == "skipped"
