"""Links between codes for the theory of change: a list, and a diagram of the linked codes saved as PNG/SVG.

The diagram lays the codes out left to right in layers: a code sits one column right of every code that
"leads to", "enables" or "hinders" it (longest path; cycles are broken at the first repeat), "associated"
links do not move codes. Arrows are coloured by relation: leads to grey, enables green, hinders red (with a
bar head), associated dashed without a head. Every change goes on the undo stack when one is given.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from ..core.errors import ProjectError
from .change_hub import hub_for
from .commands import push
from .errors import show_error
from .link_dialog import LinkDialog
from .workbench_commands import AddLink, DeleteLink, EditLink

if TYPE_CHECKING:
    from ..core.project import Project

RELATION_COLOURS = {"leads to": "#555555", "enables": "#2ca02c", "hinders": "#d62728", "associated": "#888888"}
NODE_W, NODE_H, COL_GAP, ROW_GAP = 200.0, 54.0, 110.0, 36.0


def layers(nodes: list[int], edges: list[tuple[int, int, str]]) -> dict[int, int]:
    """Column of each node: longest chain of directed (non-"associated") links leading to it."""
    incoming: dict[int, list[int]] = {n: [] for n in nodes}
    for a, b, rel in edges:
        if rel != "associated" and a != b:
            incoming[b].append(a)
    depth: dict[int, int] = {}

    def visit(n: int, stack: frozenset) -> int:
        if n in depth:
            return depth[n]
        if n in stack:  # a cycle: stop here
            return 0
        d = max((visit(p, stack | {n}) + 1 for p in incoming[n]), default=0)
        depth[n] = d
        return d

    for n in nodes:
        visit(n, frozenset())
    return depth


class LinkDiagram(QGraphicsView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.node_items: dict[int, object] = {}
        self.edge_items: list[object] = []

    def draw(self, project: Project, links) -> None:
        scene = self.scene()
        scene.clear()
        self.node_items, self.edge_items = {}, []
        nodes = list(dict.fromkeys(n for ln in links for n in (ln.from_code_id, ln.to_code_id)))
        if not nodes:
            scene.addText("No links yet: link two codes to see the theory of change here.")
            return
        codes = {c.id: c for c in project.codes.list()}
        depth = layers(nodes, [(ln.from_code_id, ln.to_code_id, ln.relation) for ln in links])
        columns: dict[int, list[int]] = {}
        for n in nodes:
            columns.setdefault(depth[n], []).append(n)
        rects: dict[int, QRectF] = {}
        for col, members in columns.items():
            for row, n in enumerate(members):
                rects[n] = QRectF(col * (NODE_W + COL_GAP), row * (NODE_H + ROW_GAP), NODE_W, NODE_H)
        for ln in links:
            self._edge(rects[ln.from_code_id], rects[ln.to_code_id], ln.relation, len(ln.coding_ids))
        font = QFont()
        font.setPointSize(9)
        for n, rect in rects.items():
            code = codes.get(n)
            colour = QColor(code.colour if code else "#999999")
            fill = QColor(colour)
            fill.setAlpha(60)
            box = scene.addRect(rect, QPen(colour, 2), QBrush(fill))
            box.setToolTip(code.path if code else str(n))
            text = scene.addText(code.name if code else f"Code {n}", font)
            text.setTextWidth(NODE_W - 10)
            text.setPos(rect.x() + 5, rect.y() + 4)
            self.node_items[n] = box
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def _edge(self, a: QRectF, b: QRectF, relation: str, codings: int = 0) -> None:
        scene = self.scene()
        colour = QColor(RELATION_COLOURS.get(relation, "#555555"))
        pen = QPen(colour, 2)
        if relation == "associated":
            pen.setStyle(Qt.PenStyle.DashLine)
        start = QPointF(a.right(), a.center().y()) if b.left() > a.right() else a.center()
        end = QPointF(b.left(), b.center().y()) if b.left() > a.right() else b.center()
        path = QPainterPath(start)
        if start.x() < end.x():
            mid = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        else:  # same column or backwards: bow out below
            path.quadTo(QPointF((start.x() + end.x()) / 2 + 60, (start.y() + end.y()) / 2 + 40), end)
        item = scene.addPath(path, pen)
        self.edge_items.append(item)
        angle = math.atan2(end.y() - path.pointAtPercent(0.97).y(), end.x() - path.pointAtPercent(0.97).x())
        if relation in ("leads to", "enables"):
            head = QPolygonF([end, end - QPointF(math.cos(angle - 0.45) * 12, math.sin(angle - 0.45) * 12),
                              end - QPointF(math.cos(angle + 0.45) * 12, math.sin(angle + 0.45) * 12)])
            scene.addPolygon(head, QPen(colour), QBrush(colour))
        elif relation == "hinders":
            nx, ny = -math.sin(angle) * 8, math.cos(angle) * 8
            scene.addLine(end.x() - nx, end.y() - ny, end.x() + nx, end.y() + ny, QPen(colour, 3))
        label = scene.addText(f"{relation} ({codings})" if codings else relation)  # (supporting codings)
        label.setDefaultTextColor(colour)
        mid = path.pointAtPercent(0.5)
        label.setPos(mid.x() - label.boundingRect().width() / 2, mid.y() - 22)

    def save(self, path: str) -> None:
        """Write the whole diagram to ``path``: .svg as vector, anything else as PNG."""
        scene = self.scene()
        rect = scene.sceneRect()
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(QSize(int(rect.width()), int(rect.height())))
            gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            gen.setTitle("Links between codes")
            painter = QPainter(gen)
            scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            painter.end()
            return
        scale = 2.0  # crisp in a report
        image = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
        painter.end()
        if not image.save(path, "PNG"):
            raise ProjectError(f"Could not write the picture to {path}.")


class LinksPanel(QWidget):
    linkActivated = Signal(int)  # link id

    def __init__(self, project: Project, undo_stack=None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["From", "Relation", "To", "Codings", "Memo"])
        self.table.horizontalHeader().setDefaultSectionSize(230)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(3, 70)
        self.table.doubleClicked.connect(lambda _i: self._guard(self.edit_selected))
        self.diagram = LinkDiagram()
        self.toolbar = QToolBar()
        for text, slot in (("Link codes…", self.add_clicked), ("Edit…", self.edit_selected),
                           ("Delete", self.delete_selected), ("Save diagram…", self.save_clicked)):
            action = self.toolbar.addAction(text)
            action.triggered.connect(lambda _c=False, s=slot: self._guard(s))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.diagram)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)
        self._hub = hub_for(project)
        self._hub.listen(self._on_change)
        self.reload()

    def _guard(self, fn) -> None:
        try:
            fn()
        except ProjectError as exc:
            show_error(self, exc)

    def _on_change(self, change: Change) -> None:
        """Links, code names, or a coding that a link lists (its count): anything else leaves the table."""
        linked = change.codings and any(change.touches("coding", c) for ln in self.links for c in ln.coding_ids)
        if change.links or change.codes or linked:
            self.reload()

    def _run(self, cmd) -> None:
        if self.undo_stack is not None:
            push(self.undo_stack, cmd)
        else:
            cmd.apply()
        self.reload()

    def reload(self) -> None:
        if not self.project.is_open:
            return
        self.links = self.project.links.list()
        paths = {c.id: c.path for c in self.project.codes.list()}
        self.table.setRowCount(len(self.links))
        for r, ln in enumerate(self.links):
            cells = (paths.get(ln.from_code_id, "?"), ln.relation, paths.get(ln.to_code_id, "?"),
                     str(len(ln.coding_ids)), " ".join(ln.memo.split()))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, ln.id)
                if c == 4:
                    item.setToolTip(ln.memo[:2000])
                self.table.setItem(r, c, item)
        self.diagram.draw(self.project, self.links)

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(5)) for r in range(self.table.rowCount())]

    def selected_link_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # ----------------------------------------------------------------- actions
    def add_link(self, from_code_id: int, to_code_id: int, relation: str, memo: str = "",
                 coding_ids=()) -> int:
        cmd = AddLink(self.project, from_code_id, to_code_id, relation, memo, coding_ids)
        self._run(cmd)
        return cmd.link.id

    def add_clicked(self, from_code_id: int | None = None) -> None:
        dialog = LinkDialog(self.project, self, from_code_id=from_code_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_link(*dialog.values())

    def edit_link(self, link_id: int, relation: str, memo: str, coding_ids) -> None:
        self._run(EditLink(self.project, link_id, relation, memo, coding_ids))

    def edit_selected(self) -> None:
        link_id = self.selected_link_id()
        if link_id is None:
            return
        dialog = LinkDialog(self.project, self, link=self.project.links.get(link_id))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            _f, _t, relation, memo, coding_ids = dialog.values()
            self.edit_link(link_id, relation, memo, coding_ids)

    def delete_link(self, link_id: int) -> None:
        self._run(DeleteLink(self.project, link_id))

    def delete_selected(self) -> None:
        link_id = self.selected_link_id()
        if link_id is not None:
            self.delete_link(link_id)

    def save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save diagram", "theory-of-change.png",
                                              "PNG picture (*.png);;SVG drawing (*.svg)")
        if path:
            self.diagram.save(path)
            QMessageBox.information(self, "Save diagram", f"Saved {path}.")

    def closeEvent(self, event) -> None:
        self._hub.stop(self._on_change)
        super().closeEvent(event)
