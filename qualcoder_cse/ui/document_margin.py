"""The document view's left margin: one coloured stripe per coding, in a lane of its own, with the code's name
written along it from the top of its visible part (as NVivo's coding stripes), elided to the stripe's
length; the tooltip names the codings of the stripes under the mouse.

Every click repaints the margin (the new coding's stripe, lanes that moved), so what stays the same between
paints is kept rather than measured again: where each coded position's line sits in its paragraph (until
the text is laid out again: another width, font or text), each name elided to each length, the label
colour of each stripe colour, the label font. The paragraphs in sight are walked once per paint.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTransform
from PySide6.QtWidgets import QToolTip, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock

    from .document_view import CodingTextEdit, PaintedCoding

LANE_WIDTH = 14  # wide enough for the code's name, written along the stripe
LANE_STEP = LANE_WIDTH + 2
MAX_LANES = 12
LABEL_MIN_HEIGHT = 16  # a shorter stripe shows its name in the tooltip only
_BACKGROUND = QColor("#f3f3f3")
_EDGE = QColor("#d0d0d0")
_DARK_LABEL, _LIGHT_LABEL = QColor("#111111"), QColor("#ffffff")


class Sight:
    """The paragraphs in sight: their start positions and tops, and the range of positions they hold."""

    def __init__(self, view: CodingTextEdit, height: int) -> None:
        self.starts: list[int] = []
        self.tops: list[float] = []
        self.blocks: list[QTextBlock] = []
        block = view.firstVisibleBlock()
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top() if block.isValid() else 0.0
        end = 0
        while block.isValid() and top <= height - 1:  # the paragraph at the last row of pixels too
            self.starts.append(block.position())
            self.tops.append(top)
            self.blocks.append(block)
            end = block.position() + block.length()
            top += view.blockBoundingRect(block).height()
            block = block.next()
        self.first = self.starts[0] if self.starts else 0
        self.end = end


class CodingMargin(QWidget):
    def __init__(self, view: CodingTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self._layout_key: tuple | None = None
        self._lines: dict[int, tuple[float, float]] = {}  # Qt position -> its line's top, bottom in its block
        self._font_key = ""
        self._font = QFont()
        self._metrics = QFontMetrics(self._font)
        self._elided: dict[tuple[str, int], str] = {}
        self._label_colours: dict[int, QColor] = {}

    def sizeHint(self) -> QSize:
        return QSize(self.view.margin_width(), 0)

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ToolTip:
            self.tooltip(ev.pos(), ev.globalPos())
            return True
        return super().event(ev)

    # ----------------------------------------------------------------- where a stripe runs
    def forget_layout(self) -> None:
        """Measure every line again at the next paint."""
        self._layout_key = None

    def _check_layout(self) -> None:
        """Forget the line positions when the text may have been laid out again."""
        view = self.view
        key = (view.viewport().width(), view.document().revision(), view.font().key(), view.document_id)
        if key != self._layout_key:
            self._layout_key = key
            self._lines.clear()

    def _line_y(self, sight: Sight, qpos: int, bottom: bool) -> float:
        i = bisect_right(sight.starts, qpos) - 1
        span = self._lines.get(qpos)
        if span is None:
            block = sight.blocks[i]
            line = block.layout().lineForTextPosition(qpos - sight.starts[i])
            if line.isValid():
                r = line.rect()
                span = (r.top(), r.bottom())
            else:
                span = (0.0, self.view.blockBoundingRect(block).height())
            self._lines[qpos] = span
        return sight.tops[i] + span[1 if bottom else 0]

    def _y_range(self, sight: Sight, p: PaintedCoding, height: int) -> tuple[float, float]:
        y1 = -2.0 if p.qs < sight.first else self._line_y(sight, p.qs, False)
        y2 = height + 2.0 if p.qe > sight.end else self._line_y(sight, max(p.qs, p.qe - 1), True)
        return y1, y2

    def _in_sight(self, height: int) -> tuple[Sight, list[PaintedCoding]]:
        self._check_layout()
        sight = Sight(self.view, height)
        if not sight.starts:
            return sight, []
        return sight, self.view.painted_between(sight.first, sight.end)

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = event.rect()
        painter.fillRect(rect, _BACKGROUND)
        painter.setPen(_EDGE)
        painter.drawLine(self.width() - 1, rect.top(), self.width() - 1, rect.bottom())
        if self.view.painted:
            height = self.height()
            sight, visible = self._in_sight(height)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setFont(self._label_font())
            metrics = self._metrics
            baseline = (LANE_WIDTH + metrics.ascent() - metrics.descent()) / 2
            code_info = self.view.code_info
            for p in visible:
                if p.lane >= MAX_LANES:
                    continue
                y1, y2 = self._y_range(sight, p, height)
                left = 4 + p.lane * LANE_STEP
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(p.colour)
                painter.drawRoundedRect(QRectF(left, y1 + 1, LANE_WIDTH, y2 - y1 - 2), 3, 3)
                # the code's name along the stripe, top to bottom, from the top of its visible part
                top, bottom = max(y1 + 1, 0.0), min(y2 - 1, float(height))
                room = int(bottom - top - 6)
                info = code_info.get(p.code_id)
                if room < LABEL_MIN_HEIGHT or not info:
                    continue
                text = self._elide(info[2] if len(info) > 2 else info[0], room)
                if not text or text == "…":
                    continue
                # local x runs down the stripe, local y leftwards across it (a turn of 90 degrees)
                painter.setTransform(QTransform(0, 1, -1, 0, left + LANE_WIDTH, top + 3))
                painter.setPen(self._label_colour(p.colour))
                painter.drawText(QPointF(0, baseline), text)
                painter.resetTransform()
        painter.end()

    def _label_font(self) -> QFont:
        key = self.view.font().key()
        if key != self._font_key:
            self._font_key = key
            self._font = QFont(self.view.font())
            self._font.setPointSizeF(7.5)
            self._metrics = QFontMetrics(self._font)
            self._elided.clear()
        return self._font

    def _elide(self, name: str, room: int) -> str:
        text = self._elided.get((name, room))
        if text is None:
            if len(self._elided) > 4000:  # names x lengths seen: a bound, not a leak
                self._elided.clear()
            text = self._elided[(name, room)] = self._metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        return text

    def _label_colour(self, colour: QColor) -> QColor:
        """Black or white, whichever reads better on the stripe."""
        rgb = colour.rgb()
        label = self._label_colours.get(rgb)
        if label is None:
            luminance = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()
            label = self._label_colours[rgb] = _DARK_LABEL if luminance > 0.6 else _LIGHT_LABEL
        return label

    # ----------------------------------------------------------------- tooltip
    def tooltip(self, pos: QPoint, global_pos: QPoint) -> None:
        lane = (pos.x() - 4) // LANE_STEP
        sight, visible = self._in_sight(self.height())
        hits = []
        for p in visible:
            if p.lane == lane:
                y1, y2 = self._y_range(sight, p, self.height())
                if y1 <= pos.y() <= y2:
                    hits.append(p)
        if hits:
            QToolTip.showText(global_pos, self.view.describe(hits), self)
        else:
            QToolTip.hideText()
