"""Small parts of the Analysis view: the heat-map cell delegate, the worker thread an analysis runs in, and
the tickable filter lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate

from ..core.errors import ProjectError
from .matrix_model import HEAT_ROLE


class HeatDelegate(QStyledItemDelegate):
    """Paints a cell's background from white to red by its HEAT_ROLE (0..1), then the text as usual."""

    def paint(self, painter, option, index) -> None:
        heat = index.data(HEAT_ROLE)
        if heat is not None:
            c = QColor(255, int(255 - 150 * heat), int(255 - 150 * heat))
            painter.fillRect(option.rect, c)
        super().paint(painter, option, index)


class ComputeThread(QThread):
    """Runs one analysis off the GUI thread; ``done`` carries (True, result) or (False, message)."""

    done = Signal(object)

    def __init__(self, fn, parent=None) -> None:
        super().__init__(parent)
        self.fn = fn

    def run(self) -> None:
        try:
            self.done.emit((True, self.fn()))
        except ProjectError as exc:
            self.done.emit((False, str(exc)))
        except Exception as exc:  # noqa: BLE001 - an unexpected bug: a plain line, no transcript text
            self.done.emit((False, f"The analysis failed ({type(exc).__name__})."))


def fill_check_list(widget: QListWidget, names: list[str]) -> None:
    """Fill a filter list with ticked items (no signal while filling)."""
    widget.blockSignals(True)
    widget.clear()
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.blockSignals(False)


def checked_items(widget: QListWidget) -> list[str] | None:
    """None when every item is ticked (no filter), else the ticked items (maybe none)."""
    items = [widget.item(i) for i in range(widget.count())]
    chosen = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
    return None if len(chosen) == len(items) else chosen
