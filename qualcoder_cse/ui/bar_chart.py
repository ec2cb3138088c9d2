"""A small grouped bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials): categories on
the x axis (themes), one bar per series (groups) in each, a legend, and the value axis from zero."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


class BarChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[str] = []
        self.values: list[list[float]] = []  # [category][series]
        self.title = ""
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_data(
        self, categories: list[str], series: list[str], values: list[list[float]], title: str = ""
    ) -> None:
        self.categories, self.series, self.values, self.title = list(categories), list(series), values, title
        self.setToolTip(title)
        self.update()

    def bar_rects(self) -> list[tuple[int, int, QRectF]]:
        """(category, series, rectangle) of every bar, in widget coordinates (also used by tests)."""
        if not self.categories or not self.series:
            return []
        top = 34 + 16 * ((len(self.series) + 3) // 4)  # below the legend, room for the peak label
        plot = QRectF(36, top, max(10, self.width() - 46), max(10, self.height() - top - 34))
        self._plot = plot
        peak = max((v for row in self.values for v in row), default=0) or 1
        group_w = plot.width() / len(self.categories)
        bar_w = max(1.0, group_w * 0.8 / len(self.series))
        out = []
        for c, row in enumerate(self.values):
            for s, v in enumerate(row):
                h = plot.height() * (v / peak)
                x = plot.left() + c * group_w + group_w * 0.1 + s * bar_w
                out.append((c, s, QRectF(x, plot.bottom() - h, bar_w, h)))
        return out

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(0, 2, self.width(), 18), Qt.AlignmentFlag.AlignCenter, self.title)
        if not self.categories or not self.series:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No data")
            return
        for s, name in enumerate(self.series):  # legend, four per line
            x, y = 10 + (s % 4) * ((self.width() - 20) / 4), 22 + 16 * (s // 4)
            p.fillRect(QRectF(x, y + 3, 10, 10), QColor(PALETTE[s % len(PALETTE)]))
            p.drawText(
                QRectF(x + 14, y, (self.width() - 20) / 4 - 16, 16), Qt.AlignmentFlag.AlignVCenter, name
            )
        rects = self.bar_rects()
        for c, s, rect in rects:
            p.fillRect(rect, QColor(PALETTE[s % len(PALETTE)]))
        bottom = rects[0][2].bottom() if rects else self.height() - 34
        p.setPen(QPen(self.palette().text().color()))
        p.drawLine(30, int(bottom), self.width() - 8, int(bottom))
        peak = max((v for row in self.values for v in row), default=0)
        p.drawText(QRectF(0, self._plot.top() - 7, 32, 14), Qt.AlignmentFlag.AlignRight, f"{peak:g}")
        group_w = (self.width() - 46) / len(self.categories)
        for c, name in enumerate(self.categories):
            label = p.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(group_w) - 2)
            p.drawText(QRectF(36 + c * group_w, bottom + 4, group_w, 16), Qt.AlignmentFlag.AlignCenter, label)
