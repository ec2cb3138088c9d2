"""Small parts of the Analysis view: the heat-map cell delegate, the worker thread an analysis runs in, the
tickable filter lists and what they offer, the panes it is laid out in, the table's headers and the column
widths of its table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QThread, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ProjectError
from .errors import log_unexpected
from .matrix_model import HEAT_ROLE, PAINT_ROLE

if TYPE_CHECKING:
    from ..core.attributes import Attribute
    from ..core.project import Project


class HeatDelegate(QStyledItemDelegate):
    """Paints a cell's background from white to red by its HEAT_ROLE (0..1), then the text. A plain number
    (not selected, not the current cell, in an enabled view) is painted here from one PAINT_ROLE call: the
    style's own item painting asked the model eight roles per cell (~0.1 ms a cell, most of a repaint)."""

    # Flags compared as plain ints: each & of Qt's enum flags builds a Python enum (~16 per cell)
    _PLAIN = QStyle.StateFlag.State_Enabled.value  # the only state flag the fast paint handles
    _OTHER = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus).value
    _ACTIVE = QStyle.StateFlag.State_Active.value
    _margin: int | None = None

    def paint(self, painter, option, index) -> None:
        cell = index.data(PAINT_ROLE)
        state = option.state.value
        if cell is None or state & self._OTHER or not state & self._PLAIN:
            heat = index.data(HEAT_ROLE)
            if heat is not None:
                painter.fillRect(option.rect, _heat_colour(heat))
            super().paint(painter, option, index)
            return
        text, heat = cell
        if heat is not None:
            painter.fillRect(option.rect, _heat_colour(heat))
        if self._margin is None:  # as the style's item text margin
            style = option.widget.style() if option.widget is not None else QApplication.style()
            self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        rect = option.rect.adjusted(self._margin, 0, -self._margin, 0)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(_ACTIVE_GROUP if state & self._ACTIVE else _INACTIVE_GROUP, _TEXT))
        painter.drawText(rect, _RIGHT, option.fontMetrics.elidedText(text, _ELIDE, rect.width()))
        painter.restore()


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight
_ACTIVE_GROUP, _INACTIVE_GROUP = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
_TEXT = QPalette.ColorRole.Text


def _heat_colour(heat: float) -> QColor:
    return QColor(255, int(255 - 150 * heat), int(255 - 150 * heat))


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
            log_unexpected(exc)
            self.done.emit((False, f"The analysis failed ({type(exc).__name__}); details are in the log."))


class MatrixHeader(QHeaderView):
    """A table header that measures only its few longest labels for its size: Qt's own size hint measures up
    to 200 sections, asking the model four roles for each, at every layout pass (about 5,000 Python calls
    before the first matrix was painted). The widest labels of the row header and the labels with the most
    lines of the column header are measured by Qt's ``sectionSizeFromContents``, once per set of labels."""

    def __init__(self, orientation: Qt.Orientation, parent=None) -> None:
        super().__init__(orientation, parent)
        self.setSectionsClickable(True)  # as the header QTableView makes itself
        self.setHighlightSections(True)
        self._hint: tuple = ()  # (labels, font, sort indicator shown, size)

    def sizeHint(self) -> QSize:
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
        texts = source.header_texts(self.orientation()) if hasattr(source, "header_texts") else None
        if not texts or proxy.rowCount() == 0 or proxy.columnCount() == 0:
            return super().sizeHint()
        key = (self.font().key(), self.isSortIndicatorShown())
        if self._hint and self._hint[0] is texts and self._hint[1] == key:
            return self._hint[2]
        vertical = self.orientation() == Qt.Orientation.Vertical
        if vertical:
            metrics = self.fontMetrics()
            weight = [metrics.horizontalAdvance(t) for t in texts]
        else:
            weight = [t.count("\n") * 10_000 + len(t) for t in texts]
        size = QSize(0, 0)
        for i in sorted(range(len(texts)), key=weight.__getitem__)[-3:]:
            at = proxy.mapFromSource(source.index(i, 0) if vertical else source.index(0, i))
            if at.isValid():
                size = size.expandedTo(self.sectionSizeFromContents(at.row() if vertical else at.column()))
        if size.isEmpty():
            return super().sizeHint()
        self._hint = (texts, key, size)
        return size


def matrix_table(model) -> QTableView:
    """The Analysis view's table over ``model``: sortable, heat-mapped, one cell selected at a time; the
    headers show a code's own name (indented by level) and wrap, the tooltip has the whole path."""
    table = QTableView()
    table.setHorizontalHeader(MatrixHeader(Qt.Orientation.Horizontal, table))
    table.setVerticalHeader(MatrixHeader(Qt.Orientation.Vertical, table))
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setItemDelegate(HeatDelegate(table))
    table.verticalHeader().setMaximumWidth(360)
    table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.setWordWrap(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


class FirstMatrix(QThread):
    """The view's first matrix (Code x Case, no filter), computed from the moment the view is made, while its
    widgets are built and shown; ``result()`` waits for it and returns it, or raises what it raised (the view
    asks from its own worker, which reports a failure as it would its own)."""

    def __init__(self, fn, parent=None) -> None:
        super().__init__(parent)
        self.fn = fn
        self._outcome: tuple = (None, None)
        self.start()

    def run(self) -> None:
        try:
            self._outcome = (self.fn(), None)
        except Exception as exc:  # noqa: BLE001 - raised again in the worker that asks for the result
            self._outcome = (None, exc)

    def result(self):
        self.wait()
        value, exc = self._outcome
        if exc is not None:
            raise exc
        return value


@dataclass(frozen=True)
class Choices:
    """What the view's filter lists and boxes offer."""

    attributes: list[Attribute]
    case_attributes: list[Attribute]
    coders: list[str]
    kinds: list[str]
    documents: list[str]
    themes: list[str]


def read_choices(project: Project) -> Choices:
    """The filters' choices, read from the project at once (the view reads them before its worker starts)."""
    docs = project.documents.list()
    return Choices(project.attributes.list(), project.attributes.list("case"),
                   [c.name for c in project.coders.list()], sorted({d.kind for d in docs}),
                   [d.name for d in docs], [c.path for c in project.codes.children(None)])


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


def fit_columns(table: QTableView, texts: list[tuple[str, str]], widths: dict[tuple[str, str], int]) -> None:
    """Each column as wide as its longest header line or its widest value (``MatrixModel.column_texts``),
    between 56 and 240 pixels, measured with the fonts; Qt's resize-to-contents would ask every cell.
    ``widths`` keeps what was measured (the same headers come back with each measure of a matrix)."""
    header = table.horizontalHeader()
    fonts = ((header.font().key(), header.fontMetrics()), (table.font().key(), table.fontMetrics()))
    pad = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 12

    def width(font: int, text: str) -> int:  # a header: its widest line
        key, metrics = fonts[font]
        found = widths.get((key, text))
        if found is None:
            found = widths[(key, text)] = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        return found

    resize = header.resizeSection
    for c, (head, widest) in enumerate(texts):
        resize(c, min(max(max(width(0, head), width(1, widest)) + pad, 56), 240))


def form_panel(rows: list[tuple[str | None, QWidget]]) -> QWidget:
    """Labelled rows (a row without a label spans the form)."""
    form = QFormLayout()
    for label, widget in rows:
        if label is None:
            form.addRow(widget)
        else:
            form.addRow(label, widget)
    box = QWidget()
    box.setLayout(form)
    return box


def column_panel(items: list[tuple[QWidget, int]]) -> QWidget:
    """Widgets stacked top to bottom with their stretch factors, no margins."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in items:
        layout.addWidget(widget, stretch)
    return box


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area (many themes: the chart keeps readable rows and scrolls)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def three_panes(left: QWidget, middle: QWidget, right: QWidget) -> QSplitter:
    """Filters | table | chart and quotes; the table takes most of the room."""
    split = QSplitter()
    for pane in (left, middle, right):
        split.addWidget(pane)
    split.setStretchFactor(1, 3)
    split.setStretchFactor(2, 1)
    split.setSizes([230, 860, 330])
    return split
