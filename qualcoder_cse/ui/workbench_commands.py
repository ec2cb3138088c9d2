"""Undoable commands for the workbench panels: batch auto-coding, attribute values (a pasted column is one
step), and links between codes. Built on ``commands.DomainCommand``; push them with ``commands.push``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.autocode import Segment
from ..core.errors import InvalidValue
from ..core.models import Coding, Link
from .commands import DomainCommand

if TYPE_CHECKING:
    from ..core.project import Project


class AutocodeSegments(DomainCommand):
    """Code many segments with one code as ONE undo step (search "code all results", auto-code by speaker).
    Undo removes exactly the codings it made; redo puts the same rows back with the same ids."""

    def __init__(self, project: Project, code_id: int, segments: Sequence[Segment], label: str = "") -> None:
        super().__init__(project, label or f"Auto-code {len(segments)} segments")
        self.code_id = code_id
        self.segments = list(segments)
        self.made: list[Coding] | None = None

    def apply(self) -> None:
        if self.made is None:
            self.made = self.project.autocode.apply(self.code_id, self.segments)
            self.setText(f"{self.text()} ({len(self.made)} codings)")
            if not self.made:
                self.setObsolete(True)  # everything was coded already: nothing to undo
        else:
            self.project.codings.restore_many(self.made)

    def revert(self) -> None:
        if self.made:
            self.project.codings.remove_many([c.id for c in self.made])


class SetAttributeValues(DomainCommand):
    """Set many attribute values at once: [(attribute_id, target_id, new stored value)]; one undo step."""

    def __init__(self, project: Project, changes: Sequence[tuple[int, int, str]],
                 label: str = "Set attribute values") -> None:
        super().__init__(project, label)
        self.changes = list(changes)
        self.old: list[tuple[int, int, str]] = []

    def apply(self) -> None:
        attrs = self.project.attributes
        with self.project.transaction():
            self.old = [(a, t, attrs.value(a, t)) for a, t, _v in self.changes]
            for a, t, v in self.changes:
                attrs.set_value(a, t, v)

    def revert(self) -> None:
        with self.project.transaction():
            for a, t, v in reversed(self.old):
                self.project.attributes.set_value(a, t, v)


class AddLink(DomainCommand):
    def __init__(self, project: Project, from_code_id: int, to_code_id: int, relation: str, memo: str = "",
                 coding_ids: Sequence[int] = ()) -> None:
        super().__init__(project, f"Link codes ({relation})")
        self.args = (from_code_id, to_code_id, relation, memo, tuple(coding_ids))
        self.link: Link | None = None

    def apply(self) -> None:
        if self.link is None:
            self.link = self.project.links.add(*self.args)
        else:
            self.project.links.restore(self.link)

    def revert(self) -> None:
        if self.link is not None:
            self.project.links.delete(self.link.id)


class EditLink(DomainCommand):
    def __init__(self, project: Project, link_id: int, relation: str, memo: str,
                 coding_ids: Sequence[int]) -> None:
        super().__init__(project, "Edit link")
        self.link_id = link_id
        self.new = (relation, memo, list(coding_ids))
        self.old: Link | None = None

    def apply(self) -> None:
        self.old = self.project.links.get(self.link_id)
        relation, memo, coding_ids = self.new
        with self.project.transaction():
            self.project.links.update(self.link_id, relation=relation, memo=memo)
            self.project.links.set_codings(self.link_id, coding_ids)

    def revert(self) -> None:
        assert self.old is not None
        with self.project.transaction():
            self.project.links.update(self.link_id, relation=self.old.relation, memo=self.old.memo)
            self.project.links.set_codings(self.link_id, list(self.old.coding_ids))


class DeleteLink(DomainCommand):
    def __init__(self, project: Project, link_id: int) -> None:
        super().__init__(project, "Delete link")
        self.link_id = link_id
        self.link: Link | None = None

    def apply(self) -> None:
        self.link = self.project.links.delete(self.link_id)

    def revert(self) -> None:
        if self.link is not None:
            self.project.links.restore(self.link)


class MapSpeakers(DomainCommand):
    """Map speakers to cases ({speaker: case name or ""}) in one document (or all); one undo step.
    Cases created for new names stay when undone (they may already carry attributes); the turns go back."""

    def __init__(self, project: Project, document_id: int | None, changes: dict[str, str]) -> None:
        super().__init__(project, "Map speakers to cases")
        self.document_id = document_id
        self.changes = dict(changes)
        self.before: dict[int, int | None] = {}
        self.after: dict[int, int | None] = {}
        self.turns_changed = 0

    def apply(self) -> None:
        turns = self.project.turns
        if self.after:
            turns.set_case_ids(self.after)
            return
        with self.project.transaction():
            for speaker, case_name in self.changes.items():
                self.before.update(turns.case_ids(self.document_id, speaker))
                case_id = self.project.cases.get_or_create(case_name).id if case_name else None
                self.turns_changed += turns.map_speaker(self.document_id, speaker, case_id)
                self.after.update(turns.case_ids(self.document_id, speaker))

    def revert(self) -> None:
        self.project.turns.set_case_ids(self.before)


class AddCase(DomainCommand):
    """A new case; undo removes it (later steps that used it are undone first), redo puts it back, same id."""

    def __init__(self, project: Project, name: str) -> None:
        super().__init__(project, f"Add case “{name}”")
        self.name = name
        self.case = None

    def apply(self) -> None:
        if self.case is None:
            self.case = self.project.cases.add(self.name)
        else:
            self.project.cases.restore(self.case)

    def revert(self) -> None:
        if self.case is None:
            return
        cid = self.case.id
        p = self.project
        in_use = (p.memos.list("case", cid) or p.cases.documents_of(cid)
                  or any(seg[0] == cid for seg in p.cases.segments()) or p.attributes.table("case").get(cid))
        if in_use:  # memos and mappings are not on the undo stack: never delete them silently
            raise InvalidValue(f"The case '{self.case.name}' now has memos, documents, turns or values; "
                               "delete it in the cases editor instead.")
        p.cases.delete(cid)


class RenameCase(DomainCommand):
    def __init__(self, project: Project, case_id: int, name: str) -> None:
        super().__init__(project, "Rename case")
        self.case_id, self.name, self.old = case_id, name, ""

    def apply(self) -> None:
        self.old = self.project.cases.get(self.case_id).name
        self.project.cases.rename(self.case_id, self.name)

    def revert(self) -> None:
        self.project.cases.rename(self.case_id, self.old)


class SetCaseDocuments(DomainCommand):
    """The whole documents a case covers, set at once; one undo step."""

    def __init__(self, project: Project, case_id: int, document_ids) -> None:
        super().__init__(project, "Set the documents of a case")
        self.case_id = case_id
        self.new = set(document_ids)
        self.old: set[int] = set()

    def _set(self, wanted: set[int]) -> None:
        have = set(self.project.cases.documents_of(self.case_id))
        with self.project.transaction():
            if wanted - have:
                self.project.cases.add_documents(self.case_id, sorted(wanted - have))
            for doc_id in sorted(have - wanted):
                self.project.cases.remove_document(self.case_id, doc_id)

    def apply(self) -> None:
        self.old = set(self.project.cases.documents_of(self.case_id))
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class RecodeCodings(DomainCommand):
    """Move codings to another code (from the coded-segments list) as one undo step; all or none."""

    def __init__(self, project: Project, coding_ids: Sequence[int], code_id: int, label: str = "") -> None:
        super().__init__(project, label or f"Recode {len(coding_ids)} segment(s)")
        self.coding_ids = list(coding_ids)
        self.code_id = code_id
        self.before: list[Coding] = []

    def apply(self) -> None:
        with self.project.transaction():
            self.before = [self.project.codings.recode(cid, self.code_id)[0] for cid in self.coding_ids]

    def revert(self) -> None:
        with self.project.transaction():
            for c in reversed(self.before):
                self.project.codings.recode(c.id, c.code_id)


class RemoveCodings(DomainCommand):
    """Uncode several segments as one undo step; undo puts them back with their ids and memos."""

    def __init__(self, project: Project, coding_ids: Sequence[int], label: str = "") -> None:
        super().__init__(project, label or f"Uncode {len(coding_ids)} segment(s)")
        self.coding_ids = list(coding_ids)
        self.removed: list[Coding] = []
        self.memos: list = []

    def apply(self) -> None:
        memos = self.project.memos
        self.memos = [m for cid in self.coding_ids for m in memos.list("coding", cid)]
        self.removed = self.project.codings.remove_many(self.coding_ids)

    def revert(self) -> None:
        with self.project.transaction():
            self.project.codings.restore_many(self.removed)
            for memo in reversed(self.memos):
                self.project.memos.add("coding", memo.target_id, memo.text, memo.title, coder=memo.coder_id)
