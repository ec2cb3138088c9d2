"""The coding section of the workbench: apply a code to the selection (a click, keys 1-9, Ctrl+K, the text
menu), remove a coding, fit it to the selection, its memo; the recent-codes bar; what the view and the
details pane show of the codings (the code and coder names they paint with).

Every change goes through an undoable command (``ui.commands``) on the window's undo stack; the panels hear
of it through the project's change hub (``ui.workbench_updates``), not from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from ..core.codes import split_path
from ..core.models import Coding
from . import code_keys
from . import commands as cmd
from .code_shades import display_colours
from .code_tree_model import colour_icon
from .merge_dialog import CodePickerDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

MAX_RECENT_CODES = 9


class CodingController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.recent_codes: list[int] = []  # key n applies recent_codes[n - 1]; keys never move
        self._key_use: dict[int, int] = {}  # code id -> when it was last applied (for keys 1-9)
        self.code_info: dict[int, tuple[str, str, str]] = {}  # id -> (readable path, colour, name)
        self.coder_names: dict[int, str] = {}
        self._recent_hint: QAction | None = None  # the recent bar's fixed part, made once per window
        self._recent_actions: list[QAction] = []

    # ----------------------------------------------------------------- what the view paints with
    def refresh_lookup(self) -> None:
        project = self.w.project
        if project is None:
            return
        codes = project.codes.list()
        shown = display_colours(codes)  # sub-codes in shades of their theme's colour
        self.code_info = {c.id: (readable_path(c.path), shown[c.id], c.name) for c in codes}
        self.coder_names = {c.id: c.name for c in project.coders.list()}
        self.w.view.set_lookup(self.code_info, self.coder_names)

    def load_document(self, doc_id: int) -> None:
        """The document's text into the view, its speaker labels marked, then its codings."""
        project = self.w.project
        text = project.documents.text(doc_id)
        labels = []
        for t in project.turns.list(doc_id):
            if t.speaker and text.startswith(t.speaker, t.start):
                e = t.start + len(t.speaker)
                labels.append((t.start, e + 1 if text[e:e + 1] == ":" else e))
        self.w.view.load(doc_id, text, labels or None)
        self.reload_codings()

    def reload_codings(self) -> None:
        """The codings of the document shown, as the coder filter allows, into the view."""
        w = self.w
        if w.project is None or w.current_document_id is None:
            return
        rows = w.project.codings.spans(w.current_document_id, w.coder_filter())
        if any(r[2] not in self.coder_names for r in rows):  # a coder new to this session (e.g. a merge)
            self.refresh_lookup()
            self.fill_coder_filter(keep=True)
        elif any(r[1] not in self.code_info for r in rows):  # a code made a moment ago
            self.refresh_lookup()
        w.view.set_codings(rows)

    def fill_coder_filter(self, keep: bool = False) -> None:
        """The "Show codings of" box and menu: all coders, mine, then every other coder of the project."""
        w = self.w
        box = w.coder_filter_box
        current = box.currentData() if keep else None
        box.blockSignals(True)
        box.clear()
        box.addItem("All coders", None)
        me = w.project.coder
        if me is not None:
            box.addItem(f"My codings ({me.name})", me.id)
        for coder in w.project.coders.list():
            if me is None or coder.id != me.id:
                box.addItem(coder.name, coder.id)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)
        w.coder_menu.clear()
        for i in range(box.count()):
            w.coder_menu.addAction(box.itemText(i), lambda i=i: box.setCurrentIndex(i))

    def code_name(self, code_id: int) -> str:
        if code_id not in self.code_info and self.w.project is not None:
            self.refresh_lookup()
        return self.code_info.get(code_id, ("?", "", "?"))[2]

    # ----------------------------------------------------------------- applying codes
    def add_key_shortcuts(self, view: QWidget) -> list[QAction]:
        """Keys 1-9 in the document view apply the recent code with that key."""
        actions = []
        for digit in range(1, MAX_RECENT_CODES + 1):
            act = QAction(view)
            act.setShortcut(QKeySequence(str(digit)))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False, d=digit: self.apply_recent(d))
            view.addAction(act)
            actions.append(act)
        return actions

    def selection_changed(self) -> None:
        sel = self.w.view.selection_cp()
        self.w.selection_label.setText(
            f"Selected {sel[1] - sel[0]:,} characters — click a code, press 1-9, or drag the selection onto a "
            "code" if sel else "")

    def apply_code(self, code_id: int) -> bool:
        """What a click on a code does: apply it to the selected text (one undoable step)."""
        w = self.w
        if w.project is None:
            return False
        sel = w.selection()
        if sel is None:
            w.show_message("Select some text first, then click a code to apply it.", 5000)
            return False
        doc_id, start, end = sel
        name = self.code_name(code_id)
        try:
            command = cmd.push(w.undo_stack, cmd.AddCoding(w.project, code_id, doc_id, start, end, name))
        except Exception as exc:  # noqa: BLE001 - plain dialog, nothing changed
            w.show_error(exc)
            return False
        self._remember_code(code_id)
        if command.existed:
            w.show_message(f"Already coded as “{name}”.", 4000)
        else:
            w.coding_feedback.coded(command, name, w.view.textCursor().selectedText())
        return True

    def apply_recent(self, digit: int) -> bool:
        if 1 <= digit <= len(self.recent_codes):
            return self.apply_code(self.recent_codes[digit - 1])
        self.w.show_message(f"No code on key {digit} yet: codes you apply get keys 1-9.", 4000)
        return False

    def _remember_code(self, code_id: int) -> None:
        keys = code_keys.remember(self.recent_codes, code_id, self._key_use)
        if keys != self.recent_codes:
            self.recent_codes = keys
            self._keep_keys()
            self.refresh_recent_bar()

    def clear_recent_codes(self) -> None:
        self.recent_codes = []
        self._keep_keys()
        self.refresh_recent_bar()

    def _keep_keys(self) -> None:
        """The keys live in the project, so that "1" is the same code tomorrow (rebuilt from the newest codings
        on open, they moved)."""
        p = self.w.project
        if p is not None and p.coder is not None:
            p.codings.set_code_keys(p.coder.id, self.recent_codes)

    def refresh_recent_bar(self) -> None:
        bar = self.w.recent_bar
        if self._recent_hint is None:  # the labels made and styled once (not at each open, nor each new key)
            label = QLabel(" Recent codes: ")
            label.setStyleSheet("color: #555;")
            bar.addWidget(label)
            hint = QLabel("codes you apply appear here with keys 1-9")
            hint.setStyleSheet("color: #888;")
            self._recent_hint = bar.addWidget(hint)
        for act in self._recent_actions:
            bar.removeAction(act)
            act.deleteLater()
        self._recent_actions = []
        self._recent_hint.setVisible(not self.recent_codes)
        for i, cid in enumerate(self.recent_codes, start=1):
            path, colour, name = self.code_info.get(cid, ("?", "#999999", "?"))
            short = name if len(name) <= 20 else name[:18].rstrip() + "…"
            act = bar.addAction(colour_icon(colour), f"{i} {short}", lambda cid=cid: self.apply_code(cid))
            act.setToolTip(f"{path} (key {i})")
            self._recent_actions.append(act)
        self.w.code_panel.model.set_shortcuts({cid: i for i, cid in enumerate(self.recent_codes, start=1)})

    def apply_code_dialog(self) -> None:
        w = self.w
        if w.project is None or w.selection() is None:
            w.show_message("Select some text first.", 4000)
            return
        dlg = CodePickerDialog(w.project, "Apply code", "Type part of a code's name, then Enter.", "Apply",
                               parent=w)
        current = w.code_panel.current_code_id()
        if current is not None:
            dlg.select_code(current)
        if dlg.exec() and dlg.target_id() is not None:
            self.apply_code(dlg.target_id())

    # ----------------------------------------------------------------- the codings at the cursor
    def codings_at_cursor(self) -> list[Coding]:
        w = self.w
        if w.project is None or w.current_document_id is None:
            return []
        ids = set(w.view.coding_ids_at(w.view.cursor_cp()))
        sel = w.view.selection_cp()
        if sel and not ids:
            ids = set(w.view.coding_ids_at(sel[0]))
        return w.project.codings.get_many(sorted(ids))

    def refresh_details(self) -> None:
        w = self.w
        if w.project is None or w.locked:
            return
        keep = w.details.current_coding_id()
        w.details.show_codings(w.project, self.codings_at_cursor(), self.code_info, self.coder_names, keep)

    def remove_coding(self, coding_id: int) -> bool:
        w = self.w
        try:
            c = w.project.codings.get(coding_id)
            name = self.code_name(c.code_id)
            cmd.push(w.undo_stack, cmd.RemoveCoding(w.project, coding_id, f"“{name}”"))
        except Exception as exc:  # noqa: BLE001
            w.show_error(exc)
            return False
        w.show_message(f"Removed the “{name}” coding. Ctrl+Z brings it back.", 4000)
        return True

    def fit_coding_to_selection(self, coding_id: int) -> bool:
        w = self.w
        sel = w.selection()
        if sel is None:
            w.show_message("Select the text the coding should cover, then choose Fit.", 5000)
            return False
        try:
            cmd.push(w.undo_stack, cmd.ResizeCoding(w.project, coding_id, sel[1], sel[2]))
        except Exception as exc:  # noqa: BLE001
            w.show_error(exc)
            return False
        return True

    def set_coding_memo(self, coding_id: int, memo: str) -> None:
        try:
            cmd.push(self.w.undo_stack, cmd.SetCodingMemo(self.w.project, coding_id, memo))
            self.w.show_message("Memo saved.", 3000)
        except Exception as exc:  # noqa: BLE001
            self.w.show_error(exc)

    def remove_current_coding(self) -> None:
        cid = self.w.details.current_coding_id()
        if cid is not None:
            self.remove_coding(cid)

    def fit_current_coding(self) -> None:
        cid = self.w.details.current_coding_id()
        if cid is not None:
            self.fit_coding_to_selection(cid)

    # ----------------------------------------------------------------- the text menu
    def text_context_menu(self, global_pos, cp: int) -> None:
        if self.w.project is not None:
            self.build_text_menu(cp).exec(global_pos)

    def build_text_menu(self, cp: int) -> QMenu:
        """The document view's context menu for the position ``cp`` (code points)."""
        w = self.w
        menu = QMenu(w)
        has_sel = w.selection() is not None
        apply_menu = _submenu(menu, "Apply code")
        apply_menu.setEnabled(has_sel)
        for i, cid in enumerate(self.recent_codes, start=1):
            apply_menu.addAction(f"{i}  {self.code_info.get(cid, ('?',))[0]}", lambda cid=cid: self.apply_code(cid))
        if self.recent_codes:
            apply_menu.addSeparator()
        apply_menu.addAction("Choose a code…", self.apply_code_dialog)
        current = w.code_panel.current_code_id()
        if current is not None:
            menu.addAction(f"Apply “{self.code_name(current)}” (selected in the tree)",
                           lambda: self.apply_code(current)).setEnabled(has_sel)
        here = w.project.codings.get_many(w.view.coding_ids_at(cp))
        if here:
            menu.addSeparator()
            rm = _submenu(menu, "Remove coding")
            fit = _submenu(menu, "Fit coding to selection")
            fit.setEnabled(has_sel)
            for c in here:
                label = f"{self.code_info.get(c.code_id, ('?',))[0]} — {self.coder_names.get(c.coder_id, '?')}"
                rm.addAction(label, lambda cid=c.id: self.remove_coding(cid))
                fit.addAction(label, lambda cid=c.id: self.fit_coding_to_selection(cid))
        menu.addSeparator()
        menu.addAction("Copy", w.view.copy_explicit).setEnabled(has_sel)
        return menu


def _submenu(menu: QMenu, title: str) -> QMenu:
    """A submenu owned by its menu (``addMenu(title)``'s wrapper can be collected before the menu shows)."""
    sub = QMenu(title, menu)
    menu.addMenu(sub)
    return sub


def readable_path(path: str) -> str:
    """``Theme/Code`` (with ``\\/`` escapes) as ``Theme › Code`` for people."""
    return " › ".join(split_path(path))
