"""Documents: the anonymised text of each source, the only text a project keeps."""

from __future__ import annotations

from collections.abc import Iterable

from .base import Manager
from .changes import Change
from .errors import DuplicateName, InvalidValue, NotFound
from .models import Document
from .schema import DOCUMENT_KINDS
from .util import new_guid, now, word_count
from .word_index import store as store_word_index

_COLS = (
    "id, name, kind, word_count, char_count, imported_at, source_sha256, source_format, anonymised, memo, guid"
)


def _doc(row) -> Document:
    r = list(row)
    r[8] = bool(r[8])
    return Document(*r)


class DocumentManager(Manager):
    def add(
        self,
        name: str,
        text: str,
        *,
        kind: str = "other",
        source_sha256: str | None = None,
        source_format: str | None = None,
        anonymised: bool = False,
        memo: str = "",
        turns: Iterable[tuple[int, int, str] | tuple[int, int, str, str | None]] = (),
        attributes: dict[str, str] | None = None,
        guid: str | None = None,
    ) -> Document:
        """Store a document with its speaker turns and document attributes, all in one transaction."""
        name = (name or "").strip()
        if not name:
            raise InvalidValue("A document needs a name.")
        if kind not in DOCUMENT_KINDS:
            raise InvalidValue(f"Unknown document kind '{kind}'; use one of {', '.join(DOCUMENT_KINDS)}.")
        if self.by_name(name):
            raise DuplicateName(f"A document called '{name}' already exists.")
        with self.project.transaction():
            cur = self.conn.execute(
                "INSERT INTO documents(name, kind, text, word_count, char_count, imported_at, source_sha256,"
                " source_format, anonymised, memo, guid) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (name, kind, text, word_count(text), len(text), now(), source_sha256, source_format,
                 int(anonymised), memo, guid or new_guid()),
            )
            doc_id = cur.lastrowid
            store_word_index(self.conn, doc_id, text)  # "words coded" counts without reading the text
            turn_rows = []
            for t in turns:
                start, end, speaker = t[0], t[1], t[2]
                stamp = t[3] if len(t) > 3 else None
                if not (0 <= start <= end <= len(text)):
                    raise InvalidValue(f"Speaker turn {start}-{end} lies outside the text.")
                turn_rows.append((doc_id, start, end, speaker, stamp))
            self.conn.executemany(
                'INSERT INTO turns(document_id, start, "end", speaker, timestamp) VALUES (?,?,?,?,?)', turn_rows
            )
            for attr_name, value in (attributes or {}).items():
                attr = self.project.attributes.get_or_create(attr_name, scope="document")
                self.project.attributes.set_value(attr.id, doc_id, value)
            self.project.audit.record("add document", "document", doc_id, f"kind={kind}")
        self.project.publish(Change(documents=True, document_ids={doc_id}))
        return self.get(doc_id)

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``... whichever is free."""
        candidate, n = name, 2
        while self.by_name(candidate):
            candidate = f"{name} ({n})"
            n += 1
        return candidate

    def get(self, doc_id: int) -> Document:
        row = self.one(f"SELECT {_COLS} FROM documents WHERE id = ?", (doc_id,))
        if not row:
            raise NotFound(f"No document with id {doc_id}.")
        return _doc(row)

    def by_name(self, name: str) -> Document | None:
        row = self.one(f"SELECT {_COLS} FROM documents WHERE name = ?", (name.strip(),))
        return _doc(row) if row else None

    def find(self, ref: str | int) -> Document:
        """A document by id or by name (the CLI's DOC argument); ``#12`` is always the id, and a bare number
        that is one document's id and another's name is refused rather than guessed."""
        text = str(ref).strip()
        forced = text.startswith("#") and text[1:].isascii() and text[1:].isdigit()
        by_id = None
        if isinstance(ref, int) or forced or (text.isascii() and text.isdigit()):
            number = int(text.lstrip("#"))
            if number < 2**63:  # SQLite integers are 64-bit
                row = self.one(f"SELECT {_COLS} FROM documents WHERE id = ?", (number,))
                by_id = _doc(row) if row else None
            if forced or isinstance(ref, int):
                if by_id is None:
                    raise NotFound(f"No document with id {number}.")
                return by_id
        doc = self.by_name(str(ref))
        if by_id is not None and doc is not None and doc.id != by_id.id:
            raise InvalidValue(
                f"'{text}' is the id of '{by_id.name}' and the name of document #{doc.id}; "
                f"write #{by_id.id} or #{doc.id}."
            )
        doc = doc or by_id
        if doc is None:
            raise NotFound(f"No document called '{ref}'.")
        return doc

    def by_sha256(self, sha: str) -> Document | None:
        row = self.one(f"SELECT {_COLS} FROM documents WHERE source_sha256 = ?", (sha,))
        return _doc(row) if row else None

    def list(self, kind: str | None = None) -> list[Document]:
        if kind:
            rows = self.q(f"SELECT {_COLS} FROM documents WHERE kind = ? ORDER BY name", (kind,))
        else:
            rows = self.q(f"SELECT {_COLS} FROM documents ORDER BY name")
        return [_doc(r) for r in rows]

    def count(self) -> int:
        return self.one("SELECT count(*) FROM documents")[0]

    def text(self, doc_id: int) -> str:
        row = self.one("SELECT text FROM documents WHERE id = ?", (doc_id,))
        if not row:
            raise NotFound(f"No document with id {doc_id}.")
        return row[0]

    def coded_fraction(self, document_ids: Iterable[int] | None = None) -> dict[int, float]:
        """Share of each document's characters covered by at least one coding (any coder); only the named
        documents when ``document_ids`` is given (what a change to their codings needs). Spans that start together
        come as the longest one (coders who agree code the same spans: half the rows), in order of the index
        ``codings_doc_span``."""
        out: dict[int, float] = {}
        if document_ids is None:
            lengths = dict(self.q("SELECT id, char_count FROM documents"))
            rows = self.q('SELECT document_id, start, max("end") FROM codings GROUP BY document_id, start'
                          " ORDER BY document_id, start")
        else:
            ids = sorted(set(document_ids))
            marks = ",".join("?" * len(ids))
            # "+id": the lengths from the covering index documents_list (schema 6), not by rowid from the rows,
            # where char_count sits after the text: reading it walked each text's overflow pages (decrypting
            # every listed text: 25 ms for the first 64 documents at each project open)
            lengths = dict(self.q(f"SELECT id, char_count FROM documents WHERE +id IN ({marks})", ids))
            rows = self.q(f'SELECT document_id, start, max("end") FROM codings WHERE document_id IN ({marks})'
                          " GROUP BY document_id, start ORDER BY document_id, start", ids)
        cur_doc, covered, reach = None, 0, -1
        for doc_id, start, end in rows:
            if doc_id != cur_doc:
                if cur_doc is not None:
                    out[cur_doc] = covered / max(1, lengths.get(cur_doc, 1))
                cur_doc, covered, reach = doc_id, 0, -1
            if end > reach:
                covered += end - max(start, reach)
                reach = end
        if cur_doc is not None:
            out[cur_doc] = covered / max(1, lengths.get(cur_doc, 1))
        return {d: out.get(d, 0.0) for d in lengths}

    def rename(self, doc_id: int, name: str) -> Document:
        name = name.strip()
        if not name:
            raise InvalidValue("A document needs a name.")
        other = self.by_name(name)
        if other and other.id != doc_id:
            raise DuplicateName(f"A document called '{name}' already exists.")
        self.get(doc_id)
        with self.project.transaction():
            self.conn.execute("UPDATE documents SET name = ? WHERE id = ?", (name, doc_id))
            self.project.audit.record("rename document", "document", doc_id)
        self.project.publish(Change(documents=True, document_ids={doc_id}))
        return self.get(doc_id)

    def set_kind(self, doc_id: int, kind: str) -> Document:
        if kind not in DOCUMENT_KINDS:
            raise InvalidValue(f"Unknown document kind '{kind}'.")
        self.get(doc_id)
        with self.project.transaction():
            self.conn.execute("UPDATE documents SET kind = ? WHERE id = ?", (kind, doc_id))
            self.project.audit.record("set document kind", "document", doc_id, kind)
        self.project.publish(Change(documents=True, document_ids={doc_id}))
        return self.get(doc_id)

    def set_memo(self, doc_id: int, memo: str) -> None:
        self.get(doc_id)
        with self.project.transaction():
            self.conn.execute("UPDATE documents SET memo = ? WHERE id = ?", (memo, doc_id))
            self.project.audit.record("document memo", "document", doc_id)
        self.project.publish(Change(documents=True, memos=True, document_ids={doc_id}))

    def replace_text(self, doc_id: int, text: str, offset_map=None) -> None:
        """Replace a document's text (e.g. a re-scan redacted a leftover name).

        ``offset_map(pos) -> pos`` maps old offsets to new ones so codings and turns follow the text; codings
        that collapse to nothing are removed. Runs in one transaction.
        """
        self.get(doc_id)
        with self.project.transaction():
            if offset_map is not None:
                for cid, s, e in self.q('SELECT id, start, "end" FROM codings WHERE document_id = ?', (doc_id,)):
                    ns, ne = offset_map(s), offset_map(e)
                    if ne <= ns:
                        self.conn.execute("DELETE FROM codings WHERE id = ?", (cid,))
                    else:
                        self.conn.execute('UPDATE codings SET start = ?, "end" = ? WHERE id = ?', (ns, ne, cid))
                for tid, s, e in self.q('SELECT id, start, "end" FROM turns WHERE document_id = ?', (doc_id,)):
                    self.conn.execute(
                        'UPDATE turns SET start = ?, "end" = ? WHERE id = ?', (offset_map(s), offset_map(e), tid)
                    )
            self.conn.execute(
                "UPDATE documents SET text = ?, word_count = ?, char_count = ? WHERE id = ?",
                (text, word_count(text), len(text), doc_id),
            )
            store_word_index(self.conn, doc_id, text)  # after the update (its trigger drops the old row)
            self.project.audit.record("replace document text", "document", doc_id)
        # the codings and turns moved with the text (or went, when their passage did)
        self.project.publish(Change(documents=True, codings=True, cases=True, memos=True, document_ids={doc_id},
                                    code_ids=None, coding_ids=None))

    def delete(self, doc_id: int) -> None:
        """Delete a document with its turns, codings, memos and search entries."""
        self.get(doc_id)
        with self.project.transaction():
            self.conn.execute(
                "DELETE FROM memos WHERE target_type = 'coding' AND target_id IN "
                "(SELECT id FROM codings WHERE document_id = ?)", (doc_id,)
            )
            self.conn.execute("DELETE FROM memos WHERE target_type = 'document' AND target_id = ?", (doc_id,))
            self.conn.execute(
                "DELETE FROM attribute_values WHERE target_id = ? AND attribute_id IN "
                "(SELECT id FROM attributes WHERE scope = 'document')", (doc_id,)
            )
            self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            self.project.audit.record("delete document", "document", doc_id)
        self.project.publish(Change(documents=True, codings=True, cases=True, attributes=True, memos=True,
                                    document_ids={doc_id}, code_ids=None, coding_ids=None))
