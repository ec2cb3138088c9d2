"""Undoable commands over the domain API: every coding and codebook change goes through the QUndoStack.

``push(stack, cmd)`` runs ``cmd.apply()`` once before pushing, so a ``ProjectError`` (a duplicate name, a bad
span) reaches the caller as an ordinary exception and nothing lands on the stack. Later redo/undo calls run
``apply()``/``revert()``; a failure there (e.g. the project was changed by an import since) is shown as a
dialog and the command is marked obsolete instead of crashing.

Undo restores exactly: removed codings and deleted codes come back with their ids (the domain's
``restore``/``unmerge``), so later commands on the stack still point at the right rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.models import Code, CodeSnapshot, Coding, MergeRecord

if TYPE_CHECKING:
    from ..core.project import Project


def _report(exc: BaseException) -> None:
    from .errors import show_error

    show_error(None, exc)


class DomainCommand(QUndoCommand):
    """Base: implement ``apply`` (first run and redo) and ``revert`` (undo)."""

    on_error: Callable[[BaseException], None] = staticmethod(_report)

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(text)
        self.project = project
        self._skip_redo = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - Qt calls us from C++; never let it crash the app
            self.setObsolete(True)
            self.on_error(exc)


def push(stack: QUndoStack, cmd: DomainCommand) -> DomainCommand:
    """Run the command now (errors propagate, nothing pushed) and put it on the stack."""
    cmd.apply()
    cmd._skip_redo = True
    stack.push(cmd)
    return cmd


# ----------------------------------------------------------------------------------------- codings
class AddCoding(DomainCommand):
    def __init__(self, project: Project, code_id: int, document_id: int, start: int, end: int,
                 code_name: str = "") -> None:
        super().__init__(project, f"Code as “{code_name}”" if code_name else "Apply code")
        self.args = (code_id, document_id, start, end)
        self.coding: Coding | None = None
        self.existed = False

    def apply(self) -> None:
        if self.coding is not None:
            self.project.codings.restore(self.coding)
            return
        added = self.project.codings.add(*self.args)
        self.coding, self.existed = added.coding, not added.created
        if self.existed:
            self.setObsolete(True)  # nothing changed; nothing to undo

    def revert(self) -> None:
        if self.coding is not None and not self.existed:
            self.project.codings.remove(self.coding.id)


class RemoveCoding(DomainCommand):
    def __init__(self, project: Project, coding_id: int, label: str = "") -> None:
        super().__init__(project, f"Remove coding {label}".strip())
        self.coding_id = coding_id
        self.coding: Coding | None = None
        self.memos: list = []

    def apply(self) -> None:
        self.memos = self.project.memos.list("coding", self.coding_id)
        self.coding = self.project.codings.remove(self.coding_id)

    def revert(self) -> None:
        assert self.coding is not None
        with self.project.transaction():
            self.project.codings.restore(self.coding)
            for memo in reversed(self.memos):
                self.project.memos.add("coding", self.coding.id, memo.text, memo.title, coder=memo.coder_id)


class ResizeCoding(DomainCommand):
    def __init__(self, project: Project, coding_id: int, start: int, end: int) -> None:
        super().__init__(project, "Resize coding")
        self.coding_id, self.start, self.end = coding_id, start, end
        self.before: Coding | None = None

    def apply(self) -> None:
        self.before, _after = self.project.codings.resize(self.coding_id, self.start, self.end)

    def revert(self) -> None:
        assert self.before is not None
        self.project.codings.resize(self.coding_id, self.before.start, self.before.end)


class SetCodingMemo(DomainCommand):
    def __init__(self, project: Project, coding_id: int, memo: str) -> None:
        super().__init__(project, "Edit coding memo")
        self.coding_id, self.memo = coding_id, memo
        self.old = ""

    def apply(self) -> None:
        self.old = self.project.codings.get(self.coding_id).memo
        self.project.codings.set_memo(self.coding_id, self.memo)

    def revert(self) -> None:
        self.project.codings.set_memo(self.coding_id, self.old)


# ----------------------------------------------------------------------------------------- codes
class AddCode(DomainCommand):
    def __init__(self, project: Project, name: str, parent_id: int | None = None, colour: str | None = None,
                 description: str = "") -> None:
        super().__init__(project, f"New code “{name}”")
        self.name, self.parent_id, self.colour, self.description = name, parent_id, colour, description
        self.code: Code | None = None
        self.snapshot: CodeSnapshot | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            self.project.codes.restore(self.snapshot)
            return
        self.code = self.project.codes.add(self.name, self.parent_id, colour=self.colour,
                                           description=self.description)

    def revert(self) -> None:
        assert self.code is not None
        self.snapshot = self.project.codes.delete(self.code.id)


class _SetCodeField(DomainCommand):
    method = ""

    def __init__(self, project: Project, code_id: int, value: str, text: str) -> None:
        super().__init__(project, text)
        self.code_id, self.value = code_id, value
        self.old: str | None = None

    def _current(self, code: Code) -> str:
        raise NotImplementedError

    def apply(self) -> None:
        self.old = self._current(self.project.codes.get(self.code_id))
        getattr(self.project.codes, self.method)(self.code_id, self.value)

    def revert(self) -> None:
        getattr(self.project.codes, self.method)(self.code_id, self.old)


class RenameCode(_SetCodeField):
    method = "rename"

    def __init__(self, project: Project, code_id: int, name: str) -> None:
        super().__init__(project, code_id, name, f"Rename code to “{name}”")

    def _current(self, code: Code) -> str:
        return code.name


class RecolourCode(_SetCodeField):
    method = "recolour"

    def __init__(self, project: Project, code_id: int, colour: str) -> None:
        super().__init__(project, code_id, colour, "Change code colour")

    def _current(self, code: Code) -> str:
        return code.colour


class DescribeCode(_SetCodeField):
    method = "describe"

    def __init__(self, project: Project, code_id: int, description: str) -> None:
        super().__init__(project, code_id, description, "Edit code description")

    def _current(self, code: Code) -> str:
        return code.description


class MoveCode(DomainCommand):
    def __init__(self, project: Project, code_id: int, new_parent_id: int | None,
                 position: int | None = None) -> None:
        super().__init__(project, "Move code")
        self.code_id, self.new_parent_id, self.position = code_id, new_parent_id, position
        self.old_parent: int | None = None
        self.old_position = 0

    def apply(self) -> None:
        code = self.project.codes.get(self.code_id)
        self.old_parent = code.parent_id
        siblings = [c.id for c in self.project.codes.children(code.parent_id)]
        self.old_position = siblings.index(self.code_id)
        self.project.codes.move(self.code_id, self.new_parent_id, self.position)

    def revert(self) -> None:
        self.project.codes.move(self.code_id, self.old_parent, self.old_position)


class MergeCodes(DomainCommand):
    def __init__(self, project: Project, source_id: int, target_id: int, label: str = "") -> None:
        super().__init__(project, f"Merge code {label}".strip())
        self.source_id, self.target_id = source_id, target_id
        self.record: MergeRecord | None = None

    def apply(self) -> None:
        self.record = self.project.codes.merge(self.source_id, self.target_id)

    def revert(self) -> None:
        assert self.record is not None
        self.project.codes.unmerge(self.record)


class DeleteCode(DomainCommand):
    def __init__(self, project: Project, code_id: int, label: str = "") -> None:
        super().__init__(project, f"Delete code {label}".strip())
        self.code_id = code_id
        self.snapshot: CodeSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.project.codes.delete(self.code_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.project.codes.restore(self.snapshot)
