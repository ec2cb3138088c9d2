"""Help > User guide: the offline guide (``resources/guide/``) in a window with its contents, a search box and
the text, opened at a section by context help (F1 or the Help button of a dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import guide as guide_text

ID_ROLE = Qt.ItemDataRole.UserRole


class GuideWindow(QWidget):
    """The guide in its own top-level window. Parented to a modal dialog it stays usable beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setWindowTitle("QualCoder-CSE — User guide")
        self.resize(1100, 760)
        self.current_section = ""
        self.anchors: dict[str, int] = {}  # section id -> position of its heading in the document
        try:
            self.guide: guide_text.Guide | None = guide_text.load()
            problem = "" if self.guide.sections else "The guide's files were not found in this installation."
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            self.guide, problem = None, f"The guide could not be read ({exc})."

        self.search_box = QLineEdit(objectName="guideSearch", placeholderText="Search the guide…")
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget(objectName="guideResults")
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        self.contents = QTreeWidget(objectName="guideContents")
        self.contents.setHeaderHidden(True)
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenLinks(False)  # links are handled in _link: inside the guide only
        self.browser.setSearchPaths([str(guide_text.guide_dir())])
        self.status = QLabel(problem, objectName="guideStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(bool(problem))

        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.search_box)
        col.addWidget(self.results, 1)
        col.addWidget(self.contents, 3)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.browser)
        split.setSizes([300, 800])
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)

        if self.guide is not None:
            self.browser.document().setDefaultStyleSheet("body { font-size: 11pt; }")
            self.browser.setHtml(self.guide.html)
            self._index_anchors()
            self._fill_contents()
        self.contents.itemClicked.connect(lambda it, _c=0: self.show_section(it.data(0, ID_ROLE)))
        self.contents.itemActivated.connect(lambda it, _c=0: self.show_section(it.data(0, ID_ROLE)))
        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self._open_first_result)
        self.results.itemActivated.connect(self._open_result)
        self.results.itemClicked.connect(self._open_result)
        self.browser.anchorClicked.connect(self._link)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_box.setFocus)
        QShortcut(QKeySequence("Esc"), self, activated=self.close)

    def _index_anchors(self) -> None:
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    self.anchors.setdefault(name, block.position())
                it += 1
            block = block.next()

    def _fill_contents(self) -> None:
        parents: dict[int, QTreeWidgetItem | QTreeWidget] = {0: self.contents}
        for s in self.guide.sections:
            if s.level > 3:
                continue
            parent = parents.get(s.level - 1) or self.contents
            item = QTreeWidgetItem(parent, [s.title])
            item.setData(0, ID_ROLE, s.id)
            parents[s.level] = item
        self.contents.expandToDepth(0)

    def has_section(self, section_id: str) -> bool:
        return section_id in self.anchors

    def show_section(self, section_id: str | None, highlight: str = "") -> bool:
        """Scroll to a section (its heading at the top) and select it in the contents; with HIGHLIGHT, select
        the first occurrence of that word in the section. False when there is no such section."""
        if not section_id or section_id not in self.anchors:
            if section_id:
                self.status.setText(f"No section '{section_id}' in this guide; showing the start.")
                self.status.show()
            return False
        self.browser.scrollToAnchor(section_id)
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self.anchors[section_id])
        if highlight:
            found = self.browser.document().find(highlight, cursor)
            if not found.isNull():
                cursor = found
        self.browser.setTextCursor(cursor)
        if highlight:
            self.browser.ensureCursorVisible()
        self._select_in_contents(section_id)
        self.current_section = section_id
        return True

    def _select_in_contents(self, section_id: str) -> None:
        section = self.guide.section(section_id) if self.guide else None
        ids = [section_id]
        if section is not None:  # a level-4 heading is not listed: select the section above it
            ids += [s.id for s in reversed(self.guide.sections[: self.guide.sections.index(section)])
                    if s.level < section.level]
        for sid in ids:
            for item in self._items():
                if item.data(0, ID_ROLE) == sid:
                    self.contents.setCurrentItem(item)
                    self.contents.scrollToItem(item)
                    return

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.contents.topLevelItem(i) for i in range(self.contents.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def search(self, text: str) -> int:
        """List the sections holding every word typed; returns how many."""
        self.results.clear()
        query = text.strip()
        if not query or self.guide is None:
            self.results.hide()
            return 0
        hits = self.guide.search(query)
        for section, snippet in hits:
            chapter = self.guide.section(section.chapter)
            where = section.title if section.level == 1 or chapter is None else f"{chapter.title} › {section.title}"
            item = QListWidgetItem(f"» {where}\n      “{snippet}”")
            item.setData(ID_ROLE, section.id)
            item.setToolTip(snippet)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(QListWidgetItem("Nothing found. Try fewer or shorter words."))
        self.results.show()
        return len(hits)

    def _open_result(self, item: QListWidgetItem) -> None:
        words = self.search_box.text().split()
        self.show_section(item.data(ID_ROLE), highlight=words[0] if words else "")

    def _open_first_result(self) -> None:
        if self.results.count() and self.results.item(0).data(ID_ROLE):
            self._open_result(self.results.item(0))

    def _link(self, url) -> None:
        if url.hasFragment() and not url.path():
            self.show_section(url.fragment())
        else:  # no web browser from a secure laptop: say where, do not open it
            self.status.setText(f"Links outside the guide are not opened from here: {url.toString()}")
            self.status.show()


def open_guide(parent: QWidget, section_id: str | None = None) -> GuideWindow:
    """Show the guide at SECTION_ID, one guide window per parent window (made on first use)."""
    window = getattr(parent, "_guide_window", None)
    if window is None:
        window = GuideWindow(parent)
        parent._guide_window = window  # type: ignore[attr-defined]
    window.show()
    window.raise_()
    window.activateWindow()
    if section_id:
        window.show_section(section_id)
    return window
