"""The review screen's decisions (a mixin of ``ReviewDialog``): accept, reject, every mention either way,
undo/redo, move, relabel, add a missed span, accept all. Each calls the headless ``ReviewSession``; with
"Remember" ticked, "every mention" decisions also go to the project's remembered lists, so later files do
not ask again."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMessageBox

from ..anonymise.spans import LABELS
from ..core.errors import ProjectError
from .review_view import LABEL_NAMES


class ReviewActions:
    # ------------------------------------------------------------------ decisions
    def _decide(self, fn) -> None:
        if self.session is None or self.current is None:
            return
        p = self.session.get(self.current)
        self._deciding = True
        try:
            fn(p.id)
        finally:
            self._deciding = False
        nxt = self.session.next_pending(p.start)
        self.go_to(nxt.id if nxt else p.id, reveal=True)

    def accept_current(self) -> None:
        self._decide(self.session.accept if self.session else None)

    def reject_current(self) -> None:
        self._decide(self.session.reject if self.session else None)

    def accept_mentions(self) -> None:
        self._every_mention(accept=True)

    def reject_mentions(self) -> None:
        self._every_mention(accept=False)

    def _every_mention(self, *, accept: bool) -> None:
        if self.session is None or self.current is None:
            return
        p = self.session.get(self.current)
        surface, label = self.session.surface(p.id), p.label
        self._decide(self.session.accept_every_mention if accept else self.session.reject_every_mention)
        if self.remember_box.isChecked():
            kind = "accept" if accept else "reject"
            try:
                self.project.review_memory.remember(kind, surface, label if accept else "ANY")
            except ProjectError as exc:
                self.status_label.setText(f"Not remembered: {exc}")
                return
            what = "accepted as " + LABEL_NAMES[label] if accept else "rejected"
            self.status_label.setStyleSheet("")
            self.status_label.setText(f"Every mention of '{surface}' {what}; remembered for the next files of "
                                      "this project (Remembered decisions… to change it).")

    def undo(self) -> None:
        self._history_step(back=True)

    def redo(self) -> None:
        self._history_step(back=False)

    def _history_step(self, *, back: bool) -> None:
        if self.session is None:
            return
        done = self.session.undo() if back else self.session.redo()
        if not done:
            self.status_label.setText("Nothing to undo." if back else "Nothing to redo.")
            return
        ids = {q.id for q in self.session.proposals}
        if self.current not in ids:
            nxt = self.session.next_pending()
            self.current = nxt.id if nxt else None
        self.status_label.setStyleSheet("")
        self.status_label.setText("Undone." if back else "Redone.")
        self.go_to(self.current, reveal=True)

    def reset_current(self) -> None:
        if self.session is not None and self.current is not None:
            self.session.reset(self.current)

    def _step(self, delta: int) -> None:
        if self.session is None or not self.session.proposals:
            return
        ids = [p.id for p in self.session.proposals]
        i = ids.index(self.current) if self.current in ids else -delta
        self.go_to(ids[(i + delta) % len(ids)], reveal=True)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def relabel_current(self, label: str) -> None:
        if self.session is not None and self.current is not None:
            self.session.relabel(self.current, label)

    def relabel_menu(self) -> None:
        if self.session is None or self.current is None:
            return
        menu = QMenu(self)
        for label in LABELS:
            menu.addAction(LABEL_NAMES[label], lambda lab=label: self.relabel_current(lab))
        menu.exec(self.text.viewport().mapToGlobal(self.text.cursorRect().bottomLeft()))
        self.activateWindow()  # the keys are window shortcuts: make sure they work again at once

    def _context_menu(self, pos) -> None:
        """Right click: on a selection, add it as a label; elsewhere, relabel the proposal under the mouse."""
        if self.session is None or self.preview_button.isChecked():
            return
        if self.text.textCursor().hasSelection():
            self.add_menu.exec(self.text.viewport().mapToGlobal(pos))
            return
        cursor = self.text.cursorForPosition(pos)
        p = self.session.at(self.text.offsets.to_cp(cursor.position()))
        if p is not None:
            self.go_to(p.id)
            self.relabel_menu()

    def add_selected(self, label: str) -> None:
        """Add the selected text as a missed identifier (accepted); its other mentions become proposals."""
        span = self.text.selected_span() if self.session is not None else None
        if span is None:
            self.status_label.setText("Select the missed text in the document first, then choose its label.")
            return
        try:
            added = self.session.add_span(span[0], span[1], label)
        except ValueError as exc:
            self.status_label.setText(str(exc))
            return
        others = len(added) - 1
        message = (f"Added as {LABEL_NAMES[label]}; {others} other mention{'' if others == 1 else 's'} "
                   "proposed for review.")
        stored = self.session.project_mentions(added[0].id)  # a miss here may have been missed before
        if stored:
            names = sorted(self.project.documents.get(doc_id).name for doc_id in stored)
            message += (f" WARNING: the same text is in {len(names)} document{'s' if len(names) != 1 else ''} "
                        f"already stored ({', '.join(names[:5])}{', …' if len(names) > 5 else ''}): check and "
                        "redact it there.")
        self.status_label.setStyleSheet("color:#b00020; font-weight:bold;" if stored else "")
        self.status_label.setText(message)
        self.go_to(added[1].id if others else added[0].id, reveal=True)

    def accept_all_remaining(self) -> None:
        if self.session is None or not self.session.pending_count:
            return
        n = self.session.pending_count
        answer = QMessageBox.question(
            self, "Accept all remaining",
            f"Accept all {n} remaining proposals without looking at each one? Overlapping ones are rejected.")
        if answer == QMessageBox.StandardButton.Yes:
            self.session.accept_all()

