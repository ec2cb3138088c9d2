"""The workbench's own panels follow the project's changes: the document view, the document list, the code
tree, the recent-codes bar, the coder filter and the details pane.

A change comes from the project's change hub (``ui.change_hub``) twice: at once (``immediate``: the view's
highlight follows a click before anything reads it) and merged with the others of the same event-loop
turn (``changed``: everything else, each part updating only what the change names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.changes import Change
from .change_hub import ChangeHub, hub_for

if TYPE_CHECKING:
    from ..core.project import Project
    from .main_window import MainWindow


class WorkbenchUpdates:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.hub: ChangeHub | None = None

    def attach(self, project: Project) -> None:
        self.hub = hub_for(project)
        self.hub.immediate.connect(self.on_immediate)
        self.hub.listen(self.on_change)

    def detach(self) -> None:
        if self.hub is not None:
            self.hub.immediate.disconnect(self.on_immediate)
            self.hub.stop(self.on_change)
            self.hub = None

    def on_immediate(self, change: Change) -> None:
        """The highlight follows a coding at once (before anything reads the view, e.g. its context menu)."""
        w = self.w
        if change.codings and w.current_document_id is not None \
                and change.touches("document", w.current_document_id):
            w.coding.reload_codings()

    def on_change(self, change: Change) -> None:
        """Once per event-loop turn, with the changes of that turn merged: update only what they touch."""
        w = self.w
        if w.project is None:
            return
        coding = w.coding
        if change.codes or change.coders:
            coding.refresh_lookup()
        if change.coders:
            coding.fill_coder_filter(keep=True)
        if change.codes:
            w.code_panel.model.refresh()
            coding.recent_codes = [c for c in coding.recent_codes if c in coding.code_info]
            coding.refresh_recent_bar()
            coding.reload_codings()
        elif change.codings:
            w.code_panel.model.refresh_counts(change.code_ids)  # the named codes only
        if change.documents:
            current = w.current_document_id
            w.doc_model.refresh()
            if current is None or not w.doc_model.has(current):  # gone (not merely filtered out)
                w.clear_view()  # also turns the empty-project hint into "No document open"
            else:
                w.documents_panel.select(current)
        elif change.codings:
            w.doc_model.refresh_coded(change.document_ids)  # the named documents only
        here = w.current_document_id is not None and change.touches("document", w.current_document_id)
        if change.codes or change.coders or change.memos or (change.codings and here):
            coding.refresh_details()
