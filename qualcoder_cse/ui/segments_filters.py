"""The filter row of the coded-segments panel: document, kind, case, attribute value and coder.

Each is a combo box with "all" first; ``documents()``, ``kinds()``... return what ``SegmentQuery`` wants
(None for "all"). The choices are re-read from the project when it changes (``mark_stale``) and whenever a
box opens, keeping what was chosen when it still exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from .document_list_model import KIND_LABELS

if TYPE_CHECKING:
    from ..core.project import Project


class _FreshCombo(QComboBox):
    """Re-reads its choices just before it opens (a coder or case may have come since)."""

    def __init__(self, refill, **kwargs) -> None:
        super().__init__(**kwargs)
        self._refill = refill

    def showPopup(self) -> None:
        self._refill()
        super().showPopup()


class SegmentFilters(QWidget):
    changed = Signal()

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Filter:"))
        self.document_box = self._box("segmentDocument", row)
        self.kind_box = self._box("segmentKind", row)
        self.case_box = self._box("segmentCase", row)
        self.attribute_box = self._box("segmentAttribute", row)
        self.coder_box = self._box("segmentCoder", row)
        row.addStretch(1)
        self._refill_timer = QTimer(self, singleShot=True, interval=0)
        self._refill_timer.timeout.connect(self.fill)
        self.fill()

    def _box(self, name: str, row: QHBoxLayout) -> QComboBox:
        box = _FreshCombo(self.fill, objectName=name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMaximumWidth(220)
        box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(box)
        return box

    def mark_stale(self) -> None:
        self._refill_timer.start()

    def fill(self) -> None:
        if not self.project.is_open:
            return
        p = self.project
        self._set(self.document_box, "All documents", [(d.name, d.id) for d in p.documents.list()])
        self._set(self.kind_box, "All kinds", [(label, key) for key, label in KIND_LABELS.items()])
        self._set(self.case_box, "All cases", [(c.name, c.id) for c in p.cases.list()])
        values = []
        tables = {scope: p.attributes.table(scope) for scope in ("case", "document")}
        for attr in p.attributes.list():
            seen = sorted({v for row in tables.get(attr.scope, {}).values()
                           if (v := row.get(attr.id))}, key=str.casefold)
            values += [(f"{attr.name} = {v}", f"{attr.name}\x00{v}") for v in seen[:200]]
        self._set(self.attribute_box, "Any attribute value", values)
        self._set(self.coder_box, "All coders", [(c.name, c.id) for c in p.coders.list()])

    def _set(self, box: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        keep = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for label, data in items:
            box.addItem(label, data)
        index = box.findData(keep) if keep is not None else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        if keep is not None and index < 0:  # what was chosen is gone: the list must widen again
            self.changed.emit()

    def documents(self) -> tuple[int, ...] | None:
        d = self.document_box.currentData()
        return None if d is None else (d,)

    def kinds(self) -> tuple[str, ...] | None:
        k = self.kind_box.currentData()
        return None if k is None else (k,)

    def cases(self) -> tuple[int, ...] | None:
        c = self.case_box.currentData()
        return None if c is None else (c,)

    def coders(self) -> tuple[int, ...] | None:
        c = self.coder_box.currentData()
        return None if c is None else (c,)

    def attributes(self) -> dict[str, tuple[str, ...]]:
        a = self.attribute_box.currentData()
        if a is None:
            return {}
        name, _sep, value = a.partition("\x00")  # data is "name NUL value": strings compare in findData
        return {name: (value,)}

    def choose(self, box: QComboBox, data) -> None:
        """Select the entry holding ``data`` (tests and callers that set a filter)."""
        self.fill()
        box.setCurrentIndex(max(0, box.findData(data)))
