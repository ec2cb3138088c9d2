"""The start screen shown when no project is open: new project, open a project, recent projects, the demo, and
on first start the offer of a guided tour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    open_path_requested = Signal(str)
    demo_requested = Signal()
    tour_requested = Signal()
    tour_declined = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        outer.addLayout(col, 3)
        outer.addStretch(1)
        col.addStretch(1)
        title = QLabel("<h1>QualCoder-CSE</h1>")
        col.addWidget(title)
        sub = QLabel("Code anonymised transcripts against policing models for child sexual exploitation. "
                     "Everything stays on this computer, in an encrypted project file.")
        sub.setWordWrap(True)
        col.addWidget(sub)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("New project…", objectName="newProject")
        self.open_button = QPushButton("Open project…", objectName="openProject")
        self.demo_button = QPushButton("Open the demo", objectName="openDemo")
        self.demo_button.setToolTip("A small synthetic project (invented, already anonymised transcripts) to try "
                                    "every screen.")
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        col.addSpacing(12)
        col.addLayout(buttons)
        col.addSpacing(12)
        self.tour_offer = self._tour_offer()
        col.addWidget(self.tour_offer)
        col.addSpacing(16)
        line = QFrame(frameShape=QFrame.Shape.HLine)
        col.addWidget(line)
        col.addWidget(QLabel("<b>Recent projects</b>"))
        self.recent = QListWidget(objectName="recentProjects")
        self.recent.setMaximumHeight(220)
        col.addWidget(self.recent)
        self.no_recent = QLabel("No recent projects yet.")
        self.no_recent.setStyleSheet("color: #666;")
        col.addWidget(self.no_recent)
        col.addStretch(2)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent.itemActivated.connect(lambda it: self.open_path_requested.emit(it.data(Qt.ItemDataRole.UserRole)))

    def _tour_offer(self) -> QFrame:
        box = QFrame(objectName="tourOffer", frameShape=QFrame.Shape.StyledPanel)
        box.setStyleSheet("#tourOffer { background: #eef4fb; border: 1px solid #9bb7d8; border-radius: 6px; }")
        lay = QHBoxLayout(box)
        text = QLabel("<b>New to QualCoder-CSE?</b> A six-step tour on the demo project shows the workflow: "
                      "import and review, code, memo, analysis, export. It takes about five minutes.")
        text.setWordWrap(True)
        lay.addWidget(text, 1)
        self.tour_button = QPushButton("Take the tour", objectName="startTour")
        self.skip_tour_button = QPushButton("No thanks", objectName="skipTour")
        self.skip_tour_button.setToolTip("The tour stays under Help > Guided tour.")
        lay.addWidget(self.tour_button)
        lay.addWidget(self.skip_tour_button)
        self.tour_button.clicked.connect(self.tour_requested)
        self.skip_tour_button.clicked.connect(self.tour_declined)
        return box

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            path = Path(p)
            item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p if path.exists() else f"{p} (not found)")
            if not path.exists():
                item.setForeground(Qt.GlobalColor.gray)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
