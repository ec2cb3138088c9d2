"""The project schema as numbered migrations keyed by ``PRAGMA user_version``.

Each migration runs in one transaction together with its version bump, so a file is always at exactly one
version. ``Project.open`` takes a verified encrypted backup (through SQLCipher, -wal content included; see
``backup_files``) before upgrading, and does not upgrade without one.
To change the schema, append a function to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

from .idkey import move_out_of_project
from .turn_stamps import cut_stored_stamps
from .word_index import backfill as backfill_word_index

DOCUMENT_KINDS = ("police", "lscb", "young_person", "fieldnote", "other")
ATTRIBUTE_TYPES = ("text", "number", "date", "category")
ATTRIBUTE_SCOPES = ("case", "document")
MEMO_TARGETS = ("project", "document", "code", "coding", "case")
LINK_RELATIONS = ("leads to", "enables", "hinders", "associated")

_V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE coders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    guid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN {DOCUMENT_KINDS!r}),
    text TEXT NOT NULL,
    word_count INTEGER NOT NULL DEFAULT 0,
    char_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    source_sha256 TEXT,
    source_format TEXT,
    anonymised INTEGER NOT NULL DEFAULT 0,
    memo TEXT NOT NULL DEFAULT '',
    guid TEXT NOT NULL UNIQUE
);
CREATE INDEX documents_sha ON documents(source_sha256);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    guid TEXT NOT NULL UNIQUE
);
CREATE TABLE case_documents (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, document_id)
);
CREATE INDEX case_documents_doc ON case_documents(document_id);
CREATE TABLE turns (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    timestamp TEXT,
    CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX turns_doc ON turns(document_id, start);
CREATE INDEX turns_case ON turns(case_id);
CREATE TABLE attributes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    scope TEXT NOT NULL CHECK (scope IN {ATTRIBUTE_SCOPES!r}),
    type TEXT NOT NULL CHECK (type IN {ATTRIBUTE_TYPES!r}),
    choices TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    guid TEXT NOT NULL UNIQUE,
    UNIQUE (scope, name)
);
CREATE TABLE attribute_values (
    attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (attribute_id, target_id)
);
CREATE INDEX attribute_values_target ON attribute_values(target_id);
CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#999999',
    position INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'user',
    guid TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX codes_unique_name ON codes(coalesce(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX codes_parent ON codes(parent_id, position);
CREATE TABLE codings (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    coder_id INTEGER NOT NULL REFERENCES coders(id),
    memo TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    guid TEXT NOT NULL UNIQUE,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX codings_code_doc ON codings(code_id, document_id, start);
CREATE INDEX codings_doc ON codings(document_id, start);
CREATE INDEX codings_coder ON codings(coder_id);
CREATE TABLE memos (
    id INTEGER PRIMARY KEY,
    target_type TEXT NOT NULL CHECK (target_type IN {MEMO_TARGETS!r}),
    target_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    guid TEXT NOT NULL UNIQUE
);
CREATE INDEX memos_target ON memos(target_type, target_id);
CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    from_code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    to_code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN {LINK_RELATIONS!r}),
    memo TEXT NOT NULL DEFAULT '',
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL,
    guid TEXT NOT NULL UNIQUE,
    CHECK (from_code_id <> to_code_id)
);
CREATE TABLE link_codings (
    link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    coding_id INTEGER NOT NULL REFERENCES codings(id) ON DELETE CASCADE,
    PRIMARY KEY (link_id, coding_id)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    coder TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
-- Anonymisation: a keyed hash (HMAC under meta.pseudonym_secret) per entity, never the original in clear.
CREATE TABLE pseudonyms (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    placeholder TEXT NOT NULL,
    number INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
-- Optional mapping placeholder -> original, inside the encrypted file; the user may discard it.
CREATE TABLE pseudonym_originals (
    pseudonym_id INTEGER PRIMARY KEY REFERENCES pseudonyms(id) ON DELETE CASCADE,
    original TEXT NOT NULL
);
CREATE TABLE anonymisation_log (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    placeholder TEXT NOT NULL,
    decision TEXT NOT NULL,
    coder TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text);
END;
"""


def _v1(conn) -> None:
    for statement in _split(_V1):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    out, buf, in_trigger = [], [], False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        if stripped.upper().startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if stripped.upper() == "END;":
                out.append("\n".join(buf))
                buf, in_trigger = [], False
        elif stripped.endswith(";"):
            out.append("\n".join(buf))
            buf = []
    return out


def _v2_codable(conn) -> None:
    """A code may be a category that cannot take codings (REFI-QDA ``isCodable="false"``)."""
    conn.execute("ALTER TABLE codes ADD COLUMN codable INTEGER NOT NULL DEFAULT 1")


def _v3_key_apart(conn) -> None:
    """The re-identification key leaves the project (``core.idkey``); deleted text leaves the search index
    at once (FTS5 secure-delete, and one merge drops what earlier deletes left behind)."""
    conn.execute("PRAGMA secure_delete = ON")  # freed space is zeroed, so the old secret does not linger
    conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('secure-delete', 1)")
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
    move_out_of_project(conn)


def _v4_review_memory(conn) -> None:
    """The anonymisation review keeps paused reviews and project-wide remembered decisions
    (``core.review_memory``)."""
    conn.execute(
        "CREATE TABLE review_paused (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, source_path TEXT NOT NULL, "
        "coder TEXT NOT NULL, saved_at TEXT NOT NULL, decided INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE review_remembered (kind TEXT NOT NULL CHECK (kind IN ('reject', 'accept')), "
        "key TEXT NOT NULL, surface TEXT NOT NULL, label TEXT NOT NULL, added_at TEXT NOT NULL, "
        "PRIMARY KEY (kind, key))"
    )


def _v5_suggestion_rejections(conn) -> None:
    """Coding suggestions the researcher rejected (``suggest``): never offered again, and negative examples
    when the suggester is retrained."""
    conn.execute(
        "CREATE TABLE suggestion_rejections (id INTEGER PRIMARY KEY, "
        "code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE, "
        "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
        'start INTEGER NOT NULL, "end" INTEGER NOT NULL, coder_id INTEGER REFERENCES coders(id), '
        'rejected_at TEXT NOT NULL, UNIQUE (code_id, document_id, start, "end"))'
    )
    conn.execute("CREATE INDEX suggestion_rejections_doc ON suggestion_rejections(document_id, start)")


def _v6_documents_list_index(conn) -> None:
    """A covering index for the document list: every column after ``text`` otherwise means walking the
    text's overflow pages (decrypting the whole corpus: 140 ms to 0.8 s on the large study) to list 500 names."""
    conn.execute(
        "CREATE INDEX documents_list ON documents(name COLLATE NOCASE, kind, word_count, char_count, "
        "imported_at, source_sha256, source_format, anonymised, memo, guid)"
    )


def _v7_codings_span_index(conn) -> None:
    """Each document's spans in order without reading the codings' rows (the coded share of every document
    in the document list: a scan of this index instead of 100,000 row look-ups on the large study)."""
    conn.execute('CREATE INDEX codings_doc_span ON codings(document_id, start, "end")')


def _v8_word_index(conn) -> None:
    """Where each document's words start (``core.word_index``), so that "words coded" is counted without
    decrypting and scanning every text (0.4 s on the large study at each first matrix); every document's row
    is written here from its text."""
    backfill_word_index(conn)


def _v9_codings_segment_index(conn) -> None:
    """The five integers of every coding, in segment order, without reading the codings' rows (their memos,
    GUIDs and dates): the Analysis view's first matrix reads all 100,000 of the large study this way."""
    conn.execute('CREATE INDEX IF NOT EXISTS codings_segments ON codings(document_id, start, "end", coder_id, code_id)')


def _v10_turn_stamps_time_only(conn) -> None:
    """Turns of anonymised documents stored before session 11 kept their export stamp whole, the day
    included ("12/03/2024, 14:02"): a date the review replaced in the text stayed readable in the turns table.
    They keep the time only, as imports have since."""
    cut_stored_stamps(conn)


MIGRATIONS: list[Callable] = [_v1, _v2_codable, _v3_key_apart, _v4_review_memory, _v5_suggestion_rejections,
                              _v6_documents_list_index, _v7_codings_span_index, _v8_word_index,
                              _v9_codings_segment_index, _v10_turn_stamps_time_only]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn, from_version: int) -> None:
    """Apply every migration after ``from_version``, each in its own transaction with its version bump."""
    for number in range(from_version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
