"""The read-only document view: transcript text with codings painted in their code's colour.

Speed for long transcripts (100k characters, thousands of codings) comes from painting, not formatting:
codings are kept as sorted Qt-position ranges and painted as translucent rectangles behind the text of the
visible lines only, so applying a code costs one list rebuild and one repaint. Overlapping codings stack
their tints (darker where they overlap) and each coding also gets its own coloured bar in the left margin,
in a lane of its own, so overlaps stay readable. Speaker labels are bold (character formats set once).

No transcript text leaves the widget except by an explicit Copy: drags and the X11 selection carry only
``SPAN_MIME`` (document id and code-point offsets).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from heapq import heappop, heappush
from operator import itemgetter
from typing import NamedTuple

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPalette,
    QRegion,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from .clipboard import copy_text
from .code_tree_model import SPAN_MIME
from .document_margin import LANE_STEP, MAX_LANES, CodingMargin, Sight
from .offsets import OffsetMap

_LABEL_RE = re.compile(r"^[ \t]*(\[?[A-Za-z][\w .'’\-\[\]]{0,40}?\]?:)[ \t]", re.MULTILINE)


class PaintedCoding(NamedTuple):
    coding_id: int
    code_id: int
    coder_id: int
    qs: int  # Qt positions
    qe: int
    colour: QColor
    lane: int


class CodingTextEdit(QPlainTextEdit):
    """The text widget. Positions in its API are code points unless a name says ``qt``."""

    selection_changed_cp = Signal()
    cursor_moved_cp = Signal(int)
    context_requested = Signal(QPoint, int)  # global position, code-point offset under the mouse

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("documentText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setCenterOnScroll(False)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Highlight, QColor(43, 87, 151, 200))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        self.setPalette(pal)
        self.document_id: int | None = None
        self.offsets = OffsetMap("")
        self.painted: list[PaintedCoding] = []
        self._starts: list[int] = []
        self._max_len = 0
        self.lanes = 0
        self.code_info: dict[int, tuple] = {}  # code id -> (readable path, colour, ...)
        self.coder_names: dict[int, str] = {}
        self.margin = CodingMargin(self)
        self._painted_with: dict | None = None  # the code lookup the painted tints were made with
        self._xcache: dict[tuple[int, int], float] = {}
        self.updateRequest.connect(self._update_margin)
        self.selectionChanged.connect(self.selection_changed_cp)
        self.cursorPositionChanged.connect(lambda: self.cursor_moved_cp.emit(self.cursor_cp()))
        self._update_margin_width()

    # ----------------------------------------------------------------- content
    def load(self, document_id: int, text: str, labels: list[tuple[int, int]] | None = None) -> None:
        """Show a document. ``labels``: (start, end) code-point spans of speaker labels to set in bold; when
        None they are found by pattern (``NAME:`` at a line start)."""
        self.document_id = document_id
        self.offsets = OffsetMap(text)
        self.painted, self._starts = [], []
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        # The cursor may stand on the last document's bold label; without this reset the whole new
        # text would be inserted in bold.
        self.setCurrentCharFormat(QTextCharFormat())
        self._xcache.clear()
        self.setExtraSelections([])  # the last document's suggestion highlights
        self.setPlainText(text)
        if labels is None:
            labels = [(m.start(1), m.end(1)) for m in _LABEL_RE.finditer(text)]
        if labels:
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            cur = QTextCursor(doc)
            cur.beginEditBlock()
            for s, e in labels:
                cur.setPosition(self.offsets.to_qt(s))
                cur.setPosition(self.offsets.to_qt(e), QTextCursor.MoveMode.KeepAnchor)
                cur.mergeCharFormat(bold)
            cur.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear_document(self) -> None:
        self._xcache.clear()
        self.document_id = None
        self.offsets = OffsetMap("")
        self.painted, self._starts = [], []
        self.setPlainText("")

    def set_suggestions(self, spans: list[tuple[int, int]]) -> None:
        """Show suggested passages (code-point spans) apart from codings: a dashed violet underline on a pale
        violet ground, drawn over the codings' tint. An empty list clears them."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#6a1b9a"))
        fmt.setBackground(QColor(186, 104, 200, 60))
        out = []
        for s, e in spans:
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(self.document())
            cur.setPosition(self.offsets.to_qt(s))
            cur.setPosition(self.offsets.to_qt(e), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cur, fmt
            out.append(sel)
        self.setExtraSelections(out)

    def set_lookup(self, code_info: dict[int, tuple], coder_names: dict[int, str]) -> None:
        self.code_info = code_info
        self.coder_names = coder_names

    def set_codings(self, codings) -> None:
        """Replace the painted codings: domain ``Coding`` objects or ``(id, code_id, coder_id, start, end)``
        tuples (``project.codings.spans``) of this document."""
        rows = list(codings)
        if rows and hasattr(rows[0], "code_id"):
            rows = [(c.id, c.code_id, c.coder_id, c.start, c.end) for c in rows]
        rows.sort(key=itemgetter(3))  # stable: spans() already come by (start, id)
        to_qt = self.offsets.to_qt if self.offsets.qt_length != self.offsets.length else None
        colours: dict[int, QColor] = {}
        busy: list[tuple[int, int]] = []  # (end, lane) of lanes in use; interval partitioning
        free: list[int] = []
        painted: list[PaintedCoding] = []
        starts: list[int] = []
        append, add_start, push, pop, new = painted.append, starts.append, heappush, heappop, tuple.__new__
        max_len = top = 0
        for cid, code_id, coder_id, qs, qe in rows:  # a click runs this for every coding of the document
            if to_qt is not None:
                qs, qe = to_qt(qs), to_qt(qe)
            while busy and busy[0][0] <= qs:
                push(free, pop(busy)[1])
            if free:
                lane = pop(free)
            else:
                lane = len(busy)
                if lane >= top:
                    top = lane + 1
            push(busy, (qe, lane))
            colour = colours.get(code_id)
            if colour is None:
                colour = colours[code_id] = QColor(self.code_info.get(code_id, ("", "#999999"))[1])
            append(new(PaintedCoding, (cid, code_id, coder_id, qs, qe, colour, lane)))
            add_start(qs)
            max_len = max(max_len, qe - qs)
        old, self.painted = self.painted, painted
        self._starts = starts
        self._max_len = max_len
        lanes = min(top, MAX_LANES)
        if lanes != self.lanes:
            self.lanes = lanes
            self._update_margin_width()
        self._repaint_changed(old, painted)
        self.margin.update()

    def _repaint_changed(self, old: list[PaintedCoding], new: list[PaintedCoding]) -> None:
        """Repaint the paragraphs in sight whose tints changed (a click adds one coding; the whole text was
        painted again), or all of it after a new colour lookup or many changes."""
        same_colours, self._painted_with = self._painted_with is self.code_info, self.code_info
        changed = {p[:5] for p in old} ^ {p[:5] for p in new}  # id, code, coder, start, end
        if not changed:
            if not same_colours:
                self.viewport().update()
            return
        if not same_colours or len(changed) > 40:
            self.viewport().update()
            return
        sight = Sight(self, self.viewport().height())
        region = QRegion()
        width = self.viewport().width()
        for _cid, _code, _coder, qs, qe in changed:
            qs, qe = max(qs, sight.first), min(qe, sight.end)
            if qs >= qe:
                continue  # out of sight
            i = bisect_right(sight.starts, qs) - 1
            j = bisect_right(sight.starts, qe - 1) - 1
            bottom = sight.tops[j] + self.blockBoundingRect(sight.blocks[j]).height()
            region += QRect(0, int(sight.tops[i]) - 1, width, int(bottom - sight.tops[i]) + 3)
        if not region.isEmpty():
            self.viewport().update(region)

    # ----------------------------------------------------------------- positions (code points)
    def cursor_cp(self) -> int:
        return self.offsets.to_cp(self.textCursor().position())

    def selection_cp(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        s, e = self.offsets.span_to_cp(cur.selectionStart(), cur.selectionEnd())
        return (s, e) if e > s else None

    def select_cp(self, start: int, end: int | None = None) -> None:
        cur = self.textCursor()
        cur.setPosition(self.offsets.to_qt(start))
        if end is not None:
            cur.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.ensureCursorVisible()

    def painted_at_qt(self, qpos: int) -> list[PaintedCoding]:
        hi = bisect_left(self._starts, qpos + 1)
        lo = bisect_left(self._starts, qpos - self._max_len)
        return [p for p in self.painted[lo:hi] if p.qs <= qpos < p.qe]

    def coding_ids_at(self, cp: int) -> list[int]:
        return [p.coding_id for p in self.painted_at_qt(self.offsets.to_qt(cp))]

    # ----------------------------------------------------------------- painting
    def painted_between(self, qs: int, qe: int) -> list[PaintedCoding]:
        """The painted codings that overlap Qt positions ``qs``..``qe``."""
        return self._visible(qs, qe)

    def _visible(self, qs: int, qe: int) -> list[PaintedCoding]:
        hi = bisect_left(self._starts, qe)
        lo = bisect_left(self._starts, qs - self._max_len)
        return [p for p in self.painted[lo:hi] if p.qe > qs]

    def _visible_range(self, rect: QRect) -> tuple[int, int]:
        first = self.cursorForPosition(QPoint(0, rect.top())).position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), rect.bottom())).position()
        block = self.document().findBlock(last)
        return self.document().findBlock(first).position(), block.position() + block.length()

    def paintEvent(self, event) -> None:
        if self.painted:
            painter = QPainter(self.viewport())
            painter.setPen(Qt.PenStyle.NoPen)
            offset = self.contentOffset()
            block = self.firstVisibleBlock()
            bottom = event.rect().bottom()
            vs, ve = self._visible_range(event.rect())
            visible = self._visible(vs, ve)
            while block.isValid() and visible:
                geo = self.blockBoundingGeometry(block).translated(offset)
                if geo.top() > bottom:
                    break
                bpos, blen = block.position(), block.length()
                bend = bpos + blen - 1
                here = [p for p in visible if p.qs <= bend and p.qe > bpos]
                if here:
                    layout = block.layout()
                    lines = []
                    for i in range(layout.lineCount()):
                        line = layout.lineAt(i)
                        r = line.rect()
                        lines.append((line, line.textStart(), line.textStart() + line.textLength(), r,
                                      r.left() + line.naturalTextWidth()))
                    left, top = geo.left(), geo.top()
                    for p in here:
                        a_abs, b_abs = max(p.qs, bpos) - bpos, min(p.qe, bend) - bpos
                        runs_on = p.qe > bend  # continues into the next block
                        painter.setBrush(_tint(p.colour))
                        for line, ls, le, r, right in lines:
                            a, b = max(a_abs, ls), min(b_abs, le)
                            if a >= b:
                                continue
                            # cursorToX is slow; a span running past a line's end or start needs none
                            x1 = r.left() if a == ls else self._x(line, bpos, a)
                            x2 = right if b == le and (b < b_abs or runs_on) else self._x(line, bpos, b)
                            painter.drawRect(QRectF(left + x1, top + r.top(), x2 - x1, r.height()))
                block = block.next()
            painter.end()
        super().paintEvent(event)

    def _x(self, line, bpos: int, pos: int) -> float:
        """x of a position in a laid-out line, cached until the layout changes (cursorToX is slow)."""
        key = (bpos, pos)
        x = self._xcache.get(key)
        if x is None:
            x = self._xcache[key] = _x(line, pos)
        return x

    def margin_width(self) -> int:
        return 8 + max(self.lanes, 1) * LANE_STEP

    def _update_margin_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)
        cr = self.contentsRect()
        self.margin.setGeometry(QRect(cr.left(), cr.top(), self.margin_width(), cr.height()))

    def resizeEvent(self, event) -> None:
        self._xcache.clear()  # lines re-wrap
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.margin.setGeometry(QRect(cr.left(), cr.top(), self.margin_width(), cr.height()))

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    # ----------------------------------------------------------------- tooltips, context, copy
    def describe(self, items: list[PaintedCoding]) -> str:
        lines = []
        for p in items:
            path = self.code_info.get(p.code_id, ("(deleted code)", ""))[0]
            lines.append(f"■ {path} — {self.coder_names.get(p.coder_id, '?')}")
        return "\n".join(lines)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            qpos = self.cursorForPosition(event.pos()).position()
            hits = self.painted_at_qt(qpos)
            if hits:
                QToolTip.showText(event.globalPos(), self.describe(hits), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:
        qpos = self.cursorForPosition(event.pos()).position()
        self.context_requested.emit(event.globalPos(), self.offsets.to_cp(qpos))

    def createMimeDataFromSelection(self) -> QMimeData:
        """Drags and the X11 selection get ids and offsets only, never the text."""
        mime = QMimeData()
        sel = self.selection_cp()
        if sel and self.document_id is not None:
            mime.setData(SPAN_MIME, json.dumps([self.document_id, sel[0], sel[1]]).encode())
        return mime

    def copy_explicit(self) -> bool:
        """The researcher asked to copy: put the selected text on the clipboard (only then)."""
        cur = self.textCursor()
        if not cur.hasSelection():
            return False
        text = cur.selectedText().replace("\u2029", "\n")
        copy_text(text)  # remembered, so the lock can take it back
        return True

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_explicit()
            event.accept()
            return
        super().keyPressEvent(event)


_TINTS: dict[int, QColor] = {}


def _tint(colour: QColor) -> QColor:
    key = colour.rgb()
    c = _TINTS.get(key)
    if c is None:
        c = _TINTS[key] = QColor(colour)
        c.setAlpha(72)
    return c


def _x(line, pos: int) -> float:
    x = line.cursorToX(pos)
    return float(x[0] if isinstance(x, tuple) else x)
