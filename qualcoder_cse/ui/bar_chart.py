"""A grouped bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials), horizontal so that long
theme names stay readable: one row per category (theme) with its name on the left (wrapped over two lines,
the whole name in the tooltip), one bar per series (group) with its value at the bar's end, a legend with
the whole group names, and a value axis from zero with gridlines. ``save(path)`` writes it as PNG or SVG
(for the report), at a size where every label fits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QWidget

# Colour-blind-safe (Okabe-Ito)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
BAR_H = 12  # pixels per bar
GAP = 10  # pixels between categories


class BarChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[str] = []
        self.values: list[list[float]] = []  # [category][series]
        self.title = ""
        self.setMinimumHeight(160)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(420, max(220, self.content_height()))

    def set_data(
        self, categories: list[str], series: list[str], values: list[list[float]], title: str = ""
    ) -> None:
        self.categories, self.series, self.values, self.title = list(categories), list(series), values, title
        self.setToolTip(title)
        self.setMinimumHeight(max(160, self.content_height()))
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------- geometry
    def _legend_rows(self, width: int, fm: QFontMetrics) -> list[list[int]]:
        rows: list[list[int]] = [[]]
        x = 8
        for s, name in enumerate(self.series):
            w = 18 + fm.horizontalAdvance(name) + 14
            if rows[-1] and x + w > width - 8:
                rows.append([])
                x = 8
            rows[-1].append(s)
            x += w
        return rows

    def _top(self, width: int, fm: QFontMetrics) -> float:
        return 24 + 18 * len(self._legend_rows(width, fm)) + 4

    def content_height(self, width: int | None = None) -> int:
        fm = self.fontMetrics()
        per = max(BAR_H * max(1, len(self.series)), 2 * fm.height()) + GAP
        return int(self._top(width or self.width(), fm) + per * len(self.categories) + 28)

    def _label_width(self, width: int) -> float:
        return min(max(120.0, width * 0.36), 260.0)

    def bar_rects(self, width: int | None = None, height: int | None = None) -> list[tuple[int, int, QRectF]]:
        """(category, series, rectangle) of every bar (also used by tests)."""
        if not self.categories or not self.series:
            return []
        width = width or self.width()
        height = height or self.height()
        fm = self.fontMetrics()
        top = self._top(width, fm)
        left = self._label_width(width) + 8
        right = width - 44  # room for the value after the longest bar
        per = max(10.0, (height - top - 28) / len(self.categories))
        bar = min(float(BAR_H), (per - GAP) / len(self.series))
        peak = max((v for row in self.values for v in row), default=0) or 1
        out = []
        for c, row in enumerate(self.values):
            y0 = top + c * per + (per - bar * len(self.series)) / 2
            for s, v in enumerate(row):
                out.append((c, s, QRectF(left, y0 + s * bar, max(0.0, (right - left) * v / peak), bar - 1)))
        return out

    # ------------------------------------------------------------- painting
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        self.render_to(p, self.width(), self.height())
        p.end()

    def render_to(self, p: QPainter, width: int, height: int) -> None:
        fm = p.fontMetrics()
        text = self.palette().text().color()
        p.fillRect(QRectF(0, 0, width, height), self.palette().base())
        p.setPen(text)
        bold = p.font()
        bold.setBold(True)
        p.save()
        p.setFont(bold)
        p.drawText(QRectF(0, 2, width, 20), Qt.AlignmentFlag.AlignCenter, self.title)
        p.restore()
        if not self.categories or not self.series:
            p.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, "No data")
            return
        for r, row in enumerate(self._legend_rows(width, fm)):  # legend: whole group names
            x = 8.0
            for s in row:
                y = 24 + 18 * r
                p.fillRect(QRectF(x, y + 3, 12, 12), QColor(PALETTE[s % len(PALETTE)]))
                p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(self.series[s]) + 4, 18),
                           Qt.AlignmentFlag.AlignVCenter, self.series[s])
                x += 18 + fm.horizontalAdvance(self.series[s]) + 14
        rects = self.bar_rects(width, height)
        top = self._top(width, fm)
        left = self._label_width(width) + 8
        right = width - 44
        peak = max((v for row in self.values for v in row), default=0) or 1
        bottom = height - 24
        grid = QPen(QColor("#d0d0d0"))
        for i in range(5):  # gridlines and the value axis
            x = left + (right - left) * i / 4
            p.setPen(grid)
            p.drawLine(int(x), int(top), int(x), int(bottom))
            p.setPen(text)
            p.drawText(QRectF(x - 30, bottom + 2, 60, 18), Qt.AlignmentFlag.AlignCenter, f"{peak * i / 4:g}")
        per = (bottom - top + 4) / len(self.categories)
        for c, name in enumerate(self.categories):  # category names, wrapped over two lines
            label = name.replace("\\/", "/")
            rect = QRectF(4, top + c * per, left - 12, per)
            elided = _two_lines(label, fm, int(rect.width()))
            p.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
        for c, s, rect in rects:
            p.fillRect(rect, QColor(PALETTE[s % len(PALETTE)]))
            value = self.values[c][s]
            if value:
                p.drawText(QRectF(rect.right() + 3, rect.top() - 3, 40, rect.height() + 6),
                           Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        p.drawLine(int(left), int(top), int(left), int(bottom))

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:  # the whole theme name under the pointer
            y = e.pos().y()
            for c, _s, rect in self.bar_rects():
                if rect.top() - GAP / 2 <= y <= rect.bottom() + GAP / 2:
                    self.setToolTip(f"{self.categories[c]}: " + ", ".join(
                        f"{n} {v:g}" for n, v in zip(self.series, self.values[c], strict=False)))
                    break
            else:
                self.setToolTip(self.title)
        return super().event(e)

    # ------------------------------------------------------------- saving
    def save(self, path: str | Path, width: int = 1000) -> Path:
        """Write the chart as PNG (any other suffix) or SVG, tall enough for every label; OSError on failure."""
        path = Path(path)
        height = max(300, self.content_height(width))
        if path.suffix.lower() == ".svg":
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(QSize(width, height))
            gen.setViewBox(QRectF(0, 0, width, height))
            gen.setTitle(self.title)
            p = QPainter(gen)
            self.render_to(p, width, height)
            p.end()
        else:
            image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(2.0)  # sharp in a report
            p = QPainter(image)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.render_to(p, width, height)
            p.end()
            if not image.save(str(path), "PNG"):
                raise OSError(f"could not write {path.name}")
        if not path.exists():
            raise OSError(f"could not write {path.name}")
        return path

    def save_dialog(self, parent=None) -> tuple[str | None, str]:
        """Ask for a file name and save; (path or None, a message for the status line)."""
        if not self.categories:
            return None, "There is no chart to save yet."
        path, _ = QFileDialog.getSaveFileName(parent, "Save chart", "chart.png", "PNG image (*.png);;SVG (*.svg)")
        if not path:
            return None, ""
        try:
            self.save(path)
        except OSError as exc:
            return None, f"Cannot save the chart: {exc}."
        return path, f"Chart saved to {path}."


def _two_lines(text: str, fm: QFontMetrics, width: int) -> str:
    """``text`` on at most two lines of ``width`` pixels, the second elided."""
    if fm.horizontalAdvance(text) <= width:
        return text
    words, first = text.split(), ""
    while words and fm.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return first + "\n" + fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
