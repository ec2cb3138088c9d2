"""Where a string is mentioned: in one text (any case, across whitespace, possessive allowed) and in every
stored document of a project. Used by the review session (every mention of a decided name, a leftover
check) and by the re-scan (proposing a hand-added span in other documents)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .merging import _mention_regex
from .spans import entity_key

if TYPE_CHECKING:
    from ..core.project import Project


def find_mentions(text: str, surface: str) -> list[tuple[int, int]]:
    """Every mention of ``surface`` in ``text``: any case, across whitespace, possessive allowed after."""
    if not entity_key(surface):
        return []
    return [(m.start(1), m.end(1)) for m in _mention_regex(surface).finditer(text)]


def find_in_project(project: Project, surface: str) -> dict[int, list[tuple[int, int]]]:
    """Every stored mention of ``surface`` (any case, possessive allowed) per document id."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not surface.strip():
        return out
    for doc in project.documents.list():
        hits = find_mentions(project.documents.text(doc.id), surface)
        if hits:
            out[doc.id] = hits
    return out
