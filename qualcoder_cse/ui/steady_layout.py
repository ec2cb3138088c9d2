"""Panels whose content changes on every click (a count, a quote, what the click did) without laying out the
main window again.

When a widget's size hint may have changed (a label's new text), Qt invalidates the layout it sits in and,
one event-loop turn after another, every layout above it up to the main window: each layout's activation
asks its parent to lay out again whether or not its own size hints changed, and each level repaints what it
moved. On a click that was four relayouts of the whole window, each followed by a repaint.

- ``SteadyLabel``: a label of fixed size (only a fixed size stops the chain at once) that fits its text: it
  grows at once when a text needs more room and shrinks only when a text needs clearly less (``shrink``, a
  share of its width), so "5,001 segments" becoming "5,002 segments" repaints the label and nothing else.
  The text keeps to the side the label hugs (``align``), so the slack is on the side of the free space.
- ``LayoutFence``: a panel whose content (``body``, laid out by the subclass) lays itself out again as
  usual, but tells the layouts above only when its size hints really changed (a quote of two lines instead
  of one in a dock does not change the dock's size).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, shrink: float = 0.3,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, object_name: str = "") -> None:
        super().__init__(text, parent)
        if object_name:
            self.setObjectName(object_name)
        self._shrink = shrink
        self._twin = QLabel(textFormat=Qt.TextFormat.RichText)  # measures rich text; never shown
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self._fit(self.text_size(text))

    def setText(self, text: str) -> None:
        super().setText(text)  # of fixed size: Qt asks no layout to run again
        self._fit(self.text_size(text))

    def set_sized_text(self, text: str, size: QSize) -> None:
        """Show rich ``text`` whose size the caller knows (measuring it again costs a millisecond)."""
        super().setText(text)
        QLabel.sizeHint(self)  # lays the rich text out now: laid out while painting, it asks for a second paint
        self._fit(size)

    def text_size(self, text: str) -> QSize:
        """The size a QLabel of this font would ask for ``text`` (its own hint is never below its fixed size)."""
        fmt = self.textFormat()
        if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
            twin = self._twin
            twin.setFont(self.font())
            twin.setText(text)
            return twin.sizeHint()
        flags = int(self.alignment()) & ~int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter)
        size = self.fontMetrics().boundingRect(QRect(0, 0, 2000, 2000), flags, text).size()
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right() + 2 * self.margin(), m.top() + m.bottom() + 2 * self.margin())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_twin"):
            self._fit(self.text_size(self.text()))

    def _fit(self, size: QSize) -> None:
        """Fix the size to the text's, unless the text fits in the size already fixed (and fills most of it)."""
        w, h = size.width(), size.height()
        fixed = self.minimumSize() == self.maximumSize()
        width = self.minimumWidth()
        if not fixed or h != self.minimumHeight() or w > width or w < width * (1 - self._shrink):
            self.setFixedSize(w, h)


class LayoutFence(QWidget):
    """A subclass lays out ``self.body`` (``QVBoxLayout(self.body)``...) and calls ``follow_body()``; the fence
    fills itself with the body and stands for it in the layout above (size hints, height for width, the
    directions it expands in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget(self)
        self._hints: tuple | None = None

    def sizeHint(self) -> QSize:
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.body.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.body.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.body.setGeometry(self.rect())
        super().resizeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.follow_body()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the body laid itself out again
            self.follow_body()
            return True
        return super().event(event)

    def follow_body(self) -> None:
        """Stand for the body as it is now (a subclass calls it once the body is laid out)."""
        body = self.body
        layout = body.layout()
        grows = layout.expandingDirections() if layout is not None else Qt.Orientation(0)
        hints = (body.sizeHint(), body.minimumSizeHint(), body.minimumSize(), body.maximumSize(),
                 body.hasHeightForWidth(), grows)
        if hints == self._hints:
            return  # the layouts above would find the same: they need not run
        self._hints = hints
        policy = QSizePolicy(body.sizePolicy())
        if grows & Qt.Orientation.Horizontal:  # as Qt makes a widget expand when its layout does
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        if grows & Qt.Orientation.Vertical:
            policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(body.hasHeightForWidth())
        self.setMinimumSize(body.minimumSize())
        self.setMaximumSize(body.maximumSize())
        self.setSizePolicy(policy)  # each of these asks the layout above to run only when it changes
        self.updateGeometry()
