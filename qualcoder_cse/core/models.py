"""Plain dataclasses returned by the domain API. No database handles, no Qt: safe to pass anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Coder:
    id: int
    name: str
    guid: str


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    kind: str
    word_count: int
    char_count: int
    imported_at: str
    source_sha256: str | None
    source_format: str | None
    anonymised: bool
    memo: str
    guid: str


@dataclass(frozen=True)
class Turn:
    id: int
    document_id: int
    start: int
    end: int
    speaker: str
    case_id: int | None
    timestamp: str | None = None


@dataclass(frozen=True)
class Code:
    id: int
    parent_id: int | None
    name: str
    description: str
    colour: str
    position: int
    origin: str
    guid: str
    path: str = ""
    codable: bool = True  # False: a category (REFI-QDA isCodable="false") that cannot take codings


@dataclass(frozen=True)
class Coding:
    id: int
    code_id: int
    document_id: int
    start: int
    end: int
    coder_id: int
    memo: str
    created_at: str
    guid: str


@dataclass(frozen=True)
class Case:
    id: int
    name: str
    description: str
    guid: str


@dataclass(frozen=True)
class Attribute:
    id: int
    name: str
    scope: str
    type: str
    choices: tuple[str, ...]
    position: int
    guid: str


@dataclass(frozen=True)
class Memo:
    id: int
    target_type: str
    target_id: int | None
    title: str
    text: str
    coder_id: int | None
    created_at: str
    updated_at: str
    guid: str


@dataclass(frozen=True)
class Link:
    id: int
    from_code_id: int
    to_code_id: int
    relation: str
    memo: str
    coder_id: int | None
    created_at: str
    guid: str
    coding_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    coder: str
    action: str
    target_type: str
    target_id: int | None
    detail: str


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    document_name: str
    start: int
    end: int
    snippet: str
    snippet_start: int  # offset of the snippet's first character in the document


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    documents_matched: int
    offset: int
    has_more: bool


@dataclass(frozen=True)
class ProjectInfo:
    name: str
    path: str
    schema_version: int
    app_version: str
    created_at: str
    documents: int
    words: int
    codes: int
    codings: int
    cases: int
    coders: int
    memos: int
    links: int
    coding_notes: int = 0  # notes written on codings (not rows of ``memos``)


@dataclass
class CodeSnapshot:
    """Everything deleted with a code subtree, so that undo can put it back exactly (same ids)."""

    codes: list[Code] = field(default_factory=list)
    codings: list[Coding] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class MergeRecord:
    """What a merge changed: codings moved to the target, duplicates dropped, and the source subtree."""

    source_id: int
    target_id: int
    moved_coding_ids: list[int] = field(default_factory=list)
    moved_child_ids: list[int] = field(default_factory=list)
    removed: CodeSnapshot = field(default_factory=CodeSnapshot)
    moved_link_ids: list[tuple[int, str, int]] = field(default_factory=list)
