"""Undoable decisions on coding suggestions: accepting (the passages become codings by the current coder,
audited as accepted suggestions) and rejecting (remembered in the project). One command per button press,
so accepting or rejecting 200 suggestions at once is one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..core.models import Coding
from ..suggest.manager import Suggestion
from .commands import DomainCommand

if TYPE_CHECKING:
    from ..core.project import Project

Listener = Callable[[list[Suggestion], bool], None]  # (suggestions, decided?) for the panel's list


class AcceptSuggestions(DomainCommand):
    """Undo removes exactly the codings made; redo puts the same rows back with the same ids."""

    def __init__(self, project: Project, items: Sequence[Suggestion],
                 listener: Listener | None = None) -> None:
        super().__init__(project, f"Accept {len(items)} suggestion(s)")
        self.items = list(items)
        self.listener = listener
        self.made: list[Coding] | None = None

    def apply(self) -> None:
        if self.made is None:
            self.made = self.project.suggestions.accept(self.items)
        else:
            self.project.codings.restore_many(self.made)
            self.project.audit.record("redo accept suggestions", "coding", None, f"count={len(self.made)}")
        if self.listener:
            self.listener(self.items, True)

    def revert(self) -> None:
        if self.made:
            self.project.codings.remove_many([c.id for c in self.made])
        if self.listener:
            self.listener(self.items, False)


class RejectSuggestions(DomainCommand):
    def __init__(self, project: Project, items: Sequence[Suggestion],
                 listener: Listener | None = None) -> None:
        super().__init__(project, f"Reject {len(items)} suggestion(s)")
        self.items = list(items)
        self.listener = listener
        self.ids: list[int] = []

    def apply(self) -> None:
        self.ids = self.project.suggestions.reject(self.items)
        if self.listener:
            self.listener(self.items, True)

    def revert(self) -> None:
        self.project.suggestions.unreject(self.ids)
        if self.listener:
            self.listener(self.items, False)
