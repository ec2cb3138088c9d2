"""Where each word of a document starts, found once when its text is written and kept in the project
(``document_words``, schema 8), so that "words coded" can be counted without reading any text.

A word is what ``core.util.word_count`` counts (``\\w+(?:['’]\\w+)*``); ``word_starts_of`` finds the same
starts with numpy on code points (a regex loop over 5 M words took ~3 s). The offsets are stored compactly:
one byte per word for the gap from the previous start (255 = "see ``far``"), and the gaps of 255 or more as
4-byte integers in ``far``: about 1 byte a word (5 MB for the 5-million-word study, against 20 MB as int32).

Every text write goes through ``DocumentManager.add`` / ``replace_text``, which call ``store``; triggers drop
a document's row when its text changes or it is deleted by any other means, and a row made under another
Unicode version (``rule``: which characters are letters can change with it) is not used. A document without a
usable row is read and scanned instead (``frames.word_starts``), so the counts never depend on the row.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from ..lazy import lazy_import
from .connection import DatabaseError

np = lazy_import("numpy")  # loads with the first document written or counted, not when a project opens

RULE = f"unicode {unicodedata.unidata_version}"  # what decided which characters are word characters
_ESCAPE = 255

TABLE = """CREATE TABLE IF NOT EXISTS document_words (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    words INTEGER NOT NULL,
    gaps BLOB NOT NULL,
    far BLOB NOT NULL
)"""
TRIGGERS = tuple(
    f"CREATE TRIGGER IF NOT EXISTS document_words_{name} AFTER {event} ON documents BEGIN "
    "DELETE FROM document_words WHERE document_id = old.id; END"
    for name, event in (("au", "UPDATE OF text"), ("ad", "DELETE"))
)

_WORDY_BMP = None


def _wordy(cp):
    """Which code points are word characters: ``str.isalnum`` or ``_``, as ``re``'s ``\\w``."""
    global _WORDY_BMP
    if _WORDY_BMP is None:  # one table for the Basic Multilingual Plane, built once (~10 ms)
        _WORDY_BMP = np.fromiter(
            (c == 95 or chr(c).isalnum() for c in range(0x10000)), dtype=bool, count=0x10000
        )
    bmp = cp < 0x10000
    if bmp.all():
        return _WORDY_BMP[cp]
    w = np.zeros(len(cp), dtype=bool)
    w[bmp] = _WORDY_BMP[cp[bmp]]
    for i in np.flatnonzero(~bmp).tolist():  # emoji and other astral characters: rare
        w[i] = chr(int(cp[i])).isalnum()
    return w


def word_starts_of(text: str):
    """Offsets (int32, ascending) where each word starts. An apostrophe between word characters joins them
    ("don't" is one word)."""
    if not text:
        return np.zeros(0, dtype=np.int32)
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    w = _wordy(cp)
    starts = w.copy()
    starts[1:] &= ~w[:-1]
    apostrophe = (cp == 39) | (cp == 0x2019)
    starts[2:] &= ~(apostrophe[1:-1] & w[:-2])
    return np.flatnonzero(starts).astype(np.int32)


def encode(starts) -> tuple[bytes, bytes]:
    """(gaps, far) for ascending offsets: one byte per word, the gaps of 255 or more in ``far``."""
    d = np.diff(np.asarray(starts, dtype=np.int64), prepend=0)
    return np.minimum(d, _ESCAPE).astype(np.uint8).tobytes(), d[d >= _ESCAPE].astype("<u4").tobytes()


def decode(gaps: bytes, far: bytes):
    """The offsets ``encode`` was given, as int32."""
    d = np.frombuffer(gaps, dtype=np.uint8).astype(np.int64)
    d[d == _ESCAPE] = np.frombuffer(far, dtype="<u4")
    return np.cumsum(d).astype(np.int32)


def store(conn, document_id: int, text: str) -> None:
    """Write (or replace) a document's row; call inside the transaction that writes its text."""
    starts = word_starts_of(text)
    gaps, far = encode(starts)
    conn.execute(
        "INSERT OR REPLACE INTO document_words(document_id, rule, words, gaps, far) VALUES (?,?,?,?,?)",
        (int(document_id), RULE, len(starts), gaps, far),
    )


def backfill(conn) -> None:
    """The schema-8 migration: the table, its triggers and a row for every document (one text at a time)."""
    conn.execute(TABLE)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    for doc_id in ids:
        store(conn, doc_id, conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])


def stored_rows(conn, document_ids: list[int]) -> dict[int, tuple[bytes, bytes]]:
    """{document id: (gaps, far)} for those of ``document_ids`` with a usable row; empty when the file
    predates the table (an older project opened read-only)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document_words'"
                        ).fetchone():
        return {}
    out: dict[int, tuple[bytes, bytes]] = {}
    for i in range(0, len(document_ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = [int(d) for d in document_ids[i : i + 500]]
        try:
            rows = conn.execute(
                f"SELECT document_id, gaps, far FROM document_words WHERE rule = ? AND document_id IN "
                f"({','.join('?' * len(chunk))})", [RULE, *chunk],
            ).fetchall()
        except DatabaseError:  # a damaged page (a project opened read-only to save what is intact): the
            continue  # texts are scanned instead, as for a missing row
        out.update((int(d), (gaps, far)) for d, gaps, far in rows)
    return out


class WordKeys(NamedTuple):
    """The word starts of many documents in one ascending array (``keys_of``): document i's words start at
    ``keys - base[i]`` for the keys in [base[i], base[i] + length[i]); ``length[i]`` is its last word start + 1
    (0 with no word) and ``before[i]`` the words of the documents before it. int32 keys when all the
    documents' ranges together stay below 2^31 (half the memory and twice the search speed of int64 on the
    5-million-word study)."""

    keys: np.ndarray
    base: np.ndarray
    length: np.ndarray
    before: np.ndarray


def keys_of(encoded: list[tuple[bytes, bytes]]) -> WordKeys:
    """``WordKeys`` for many documents at once, from their (gaps, far) in order. Decoded in one pass over all
    gaps (per document: 500 small decodes took 3x longer): the documents lie end to end, each at the end of
    the one before (its last start + 1), so one cumulative sum gives every key, and each document's range
    is read off the keys at its first and last word."""
    n = np.array([len(gaps) for gaps, _far in encoded], dtype=np.int64)
    small = np.frombuffer(b"".join(gaps for gaps, _far in encoded), dtype=np.uint8)
    far = np.frombuffer(b"".join(far for _gaps, far in encoded), dtype="<u4")  # each gap < 2^31
    before = np.cumsum(n) - n
    used = np.flatnonzero(n)  # documents with at least one word
    # the last key is at most this (every small gap at its largest): beyond 2^31, 64-bit keys
    bound = (_ESCAPE - 1) * len(small) + int(far.sum(dtype=np.int64)) + len(used)
    g = small.astype(np.int32 if bound < 2**31 else np.int64)
    if len(far):
        g[small == _ESCAPE] = far
    firsts = before[used]
    g[firsts[1:]] += 1  # the cumulative sum reaches base - 1 at the previous document's last word
    keys = np.cumsum(g, dtype=g.dtype, out=g)
    length = np.zeros(len(n), dtype=np.int64)
    if len(used):
        last = keys[firsts + n[used] - 1].astype(np.int64)
        length[used] = last - np.r_[-1, last[:-1]]  # each used document starts one past the one before
    return WordKeys(keys, np.cumsum(length) - length, length, before)
