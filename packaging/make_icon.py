"""Draw the application icon with QPainter: ``resources/icons/qualcoder-cse.png`` (256 px), ``.ico``, ``.icns``.

Run once when the design changes (the outputs are committed):  ``.venv/bin/python packaging/make_icon.py``.
The design: a rounded navy square, a white page with three text lines, two of them highlighted in code
colours, and a small shield (encryption) in the corner.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int = 256) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    s = size / 256
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1d3557"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor("#f1faee"))  # the page
    p.drawRoundedRect(QRectF(52 * s, 36 * s, 140 * s, 184 * s), 12 * s, 12 * s)
    lines = [(72, 76, 100, "#e9c46a"), (72, 112, 84, None), (72, 148, 100, "#2a9d8f"), (72, 184, 64, None)]
    for x, y, w, colour in lines:
        if colour:
            p.setBrush(QColor(colour))
            p.drawRoundedRect(QRectF((x - 6) * s, (y - 12) * s, (w + 12) * s, 24 * s), 6 * s, 6 * s)
        p.setPen(QPen(QColor("#1d3557"), 8 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(x * s, y * s), QPointF((x + w) * s, y * s))
        p.setPen(Qt.PenStyle.NoPen)
    shield = QPainterPath()  # the encryption shield, bottom right
    shield.addPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in
                                 [(176, 150), (228, 166), (224, 206), (202, 232), (176, 244), (150, 232),
                                  (128, 206), (124, 166)]]))
    shield.closeSubpath()
    p.setBrush(QColor("#e63946"))
    p.setPen(QPen(QColor("#f1faee"), 6 * s))
    p.drawPath(shield)
    p.setPen(QPen(QColor("#f1faee"), 9 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.drawPolyline(QPolygonF([QPointF(154 * s, 196 * s), QPointF(170 * s, 212 * s), QPointF(200 * s, 180 * s)]))
    p.end()
    return img


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw(256)
    ok = img.save(str(OUT / "qualcoder-cse.png"), "PNG")
    ok = draw(64).save(str(OUT / "qualcoder-cse-64.png"), "PNG") and ok
    ico = img.save(str(OUT / "qualcoder-cse.ico"), "ICO")  # needs Qt's ico image plugin
    # macOS app bundle icon (Qt's icns plugin); drawn at 512 px so Retina Finder views stay sharp.
    icns = draw(512).save(str(OUT / "qualcoder-cse.icns"), "ICNS")
    print("wrote", OUT, "" if ico else "(no .ico: Qt's ico plugin is missing)",
          "" if icns else "(no .icns: Qt's icns plugin is missing)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
