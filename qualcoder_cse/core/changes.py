"""What a write changed, as the domain reports it to listeners (the ui's panels), like Anki's ``OpChanges``.

Every manager that writes publishes one ``Change`` after its transaction commits::

    project.publish(Change(codings=True, document_ids={doc_id}, code_ids={code_id}))

A listener registered with ``project.subscribe(listener)`` receives it and updates only what it touches:
the document list recomputes the coded share of the named documents, the code tree the counts of the named
codes. Each ``*_ids`` field is a frozenset of ids, or ``None`` for "any of them, not known which" (a merge,
an import, an undo of a code deletion). Changes carry ids, never text. ``merge`` folds a burst of changes
into one, so a listener that defers its work does it once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Ids = frozenset[int] | None  # None: any, not known which

KINDS = ("codings", "codes", "documents", "cases", "attributes", "memos", "links", "coders", "suggestions")
_ID_FIELDS = ("document_ids", "code_ids", "coding_ids", "case_ids", "attribute_ids", "memo_ids", "link_ids")


def _ids(value: Iterable[int | None] | None) -> Ids:
    if value is None:
        return None
    return frozenset(int(v) for v in value if v is not None)


@dataclass(frozen=True)
class Change:
    """Which kinds of record changed and, where known, which ids (see the module docstring)."""

    codings: bool = False
    codes: bool = False
    documents: bool = False
    cases: bool = False
    attributes: bool = False
    memos: bool = False
    links: bool = False
    coders: bool = False
    suggestions: bool = False
    document_ids: Ids = field(default=frozenset())
    code_ids: Ids = field(default=frozenset())
    coding_ids: Ids = field(default=frozenset())
    case_ids: Ids = field(default=frozenset())
    attribute_ids: Ids = field(default=frozenset())
    memo_ids: Ids = field(default=frozenset())
    link_ids: Ids = field(default=frozenset())

    def __post_init__(self) -> None:
        for name in _ID_FIELDS:  # accept any iterable of ids (a set, a list, a tuple) and freeze it
            value = getattr(self, name)
            if value is not None and not isinstance(value, frozenset):
                object.__setattr__(self, name, _ids(value))

    @classmethod
    def everything(cls) -> Change:
        """Anything may have changed (a merge, an import of a whole project)."""
        return cls(**{k: True for k in KINDS}, **{f: None for f in _ID_FIELDS})

    @classmethod
    def merged(cls, changes: Iterable[Change]) -> Change:
        out = cls()
        for c in changes:
            out = out.merge(c)
        return out

    def merge(self, other: Change) -> Change:
        """Both changes as one: kinds or-ed, ids united (``None``, any, absorbs ids)."""
        values: dict[str, object] = {k: getattr(self, k) or getattr(other, k) for k in KINDS}
        for name in _ID_FIELDS:
            a, b = getattr(self, name), getattr(other, name)
            values[name] = None if a is None or b is None else a | b
        return Change(**values)  # type: ignore[arg-type]

    @property
    def kinds(self) -> frozenset[str]:
        """The names of the kinds that changed, e.g. ``{"codings"}``."""
        return frozenset(k for k in KINDS if getattr(self, k))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, name: str, record_id: int | None) -> bool:
        """Whether ``record_id`` is among ``<name>_ids`` (always when those ids are not known)."""
        ids = getattr(self, f"{name}_ids")
        return ids is None or record_id in ids


class Pending:
    """Changes folded into one as they arrive (a burst held back while a worker writes, or waiting for the
    GUI thread's next turn). Ids gather in plain sets, so a burst of n changes costs O(n), not O(n^2)."""

    def __init__(self) -> None:
        self._kinds: set[str] = set()
        self._ids: dict[str, set[int] | None] = {}
        self._clear()

    def _clear(self) -> None:
        self._kinds = set()
        self._ids = {name: set() for name in _ID_FIELDS}

    def add(self, change: Change) -> None:
        self._kinds |= change.kinds
        for name in _ID_FIELDS:
            mine, theirs = self._ids[name], getattr(change, name)
            if theirs is None:
                self._ids[name] = None
            elif mine is not None:
                mine |= theirs

    def __bool__(self) -> bool:
        return bool(self._kinds)

    def take(self) -> Change:
        """The changes so far as one ``Change``; starts empty again."""
        out = Change(**{k: True for k in self._kinds}, **self._ids)  # type: ignore[arg-type]
        self._clear()
        return out
