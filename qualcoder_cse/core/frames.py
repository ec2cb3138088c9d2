"""Read-only pandas views of a project for ``analysis/``: codings, codes, documents, cases, case segments,
turns, coders and attribute values as DataFrames, plus the framework-matrix cell summaries.

The analysis layer never writes SQL; it asks here. Frames are built with ``DataFrame.from_records`` over the
project's own (SQLCipher) connection, which avoids ``pandas.read_sql``'s warning about non-SQLAlchemy
connections. Document texts are streamed one at a time (``iter_texts``) so that callers decide what to keep.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..lazy import lazy_import
from .changes import Change
from .errors import NotFound
from .presets import POLICE_FORCE
from .word_index import WordKeys, decode, encode, keys_of, stored_rows, word_starts_of

if TYPE_CHECKING:
    from .project import Project

# numpy and pandas load with the first frame, not when a project opens (``project.frames`` is built then)
np = lazy_import("numpy")
pd = lazy_import("pandas")

SUMMARIES_KEY = "framework_summaries"
END_OF_DOCUMENT = 2**31 - 1  # an end offset meaning "to the end of the document"


# the turns assigned to a case, through their index: the planner scans all of them for IS NOT NULL (180,000
# turns decrypted, 20-40 ms on the large study, where none is assigned)
CASE_TURNS = 'SELECT case_id, document_id, start, "end" FROM turns INDEXED BY turns_case WHERE case_id IS NOT NULL'
CHUNK = 20_000  # rows fetched at a time: 180,000 turns as one list of tuples peaked at +67 MB, for a 19 MB frame
TEXTS_CACHED = 16  # texts read between two releases of SQLite's page cache (iter_texts)


def int_rows(conn, sql: str, params: tuple | list = (), width: int = 5) -> np.ndarray:
    """The rows of ``sql`` (``width`` integer columns, never NULL) as one int64 array of shape (rows, width).
    SQLite writes each column as one comma-separated text and numpy parses it: 100,000 rows of five columns
    took ~220 ms as Python tuples (a tuple and five ints each) and ~45 ms this way. One text per column, not
    one of the rows joined with ``||``: each join allocates, and once the connection's cached statements hold
    its lookaside memory (as in the window, after its panels' queries) every allocation takes SQLite's
    malloc and its mutex; the joined form then took 70-120 ms, this one 30-45 ms."""
    cols = ", ".join(f"c{i}" for i in range(width))
    texts = ", ".join(f"group_concat(c{i})" for i in range(width))
    *columns, count = conn.execute(f"WITH q({cols}) AS ({sql}) SELECT {texts}, count(*) FROM q", params).fetchone()
    if not count:
        return np.zeros((0, width), dtype=np.int64)
    parsed = [np.fromstring(text or "", dtype=np.int64, sep=",") for text in columns]
    if any(len(c) != count for c in parsed):  # a NULL would drop its value from the text: never guess
        raise ValueError("int_rows: a value was not an integer")
    return np.column_stack(parsed)


class FrameManager:
    """``project.frames``: the project as read-only DataFrames for ``analysis/``."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._reads = 0  # texts read one at a time (``text``)

    def _frame(self, sql: str, columns: list[str], params: tuple | list = ()) -> pd.DataFrame:
        project = self.project
        cursor = project.conn.execute(sql, params)
        parts = []
        while rows := cursor.fetchmany(CHUNK):
            parts.append(pd.DataFrame.from_records(rows, columns=columns))
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return pd.DataFrame.from_records([], columns=columns)
        return pd.concat(parts, ignore_index=True)

    def codings(self, *, memos: bool = True) -> pd.DataFrame:
        """Every coding: id, code_id, document_id, start, end, coder_id, coder, and memo (empty strings when
        ``memos=False``, which skips reading them: the matrices do not need them)."""
        project = self.project
        cols = 'id, code_id, document_id, start, "end", coder_id' + (", memo" if memos else "")
        # a plain table scan, sorted afterwards: ORDER BY would walk an index and look every row up (2x
        # slower)
        names = ["id", "code_id", "document_id", "start", "end", "coder_id"] + (["memo"] if memos else [])
        df = self._frame(f"SELECT {cols} FROM codings", names)
        for col in names[:6]:
            df[col] = df[col].astype("int64")
        coder_names = dict(project.conn.execute("SELECT id, name FROM coders").fetchall())
        df["coder"] = df["coder_id"].map(coder_names).astype(object)
        df = df.sort_values(["document_id", "start", "id"], kind="stable").reset_index(drop=True)
        if not memos:
            df["memo"] = ""
        return df

    def codes(self) -> pd.DataFrame:
        """The code tree in tree order: id, parent_id (0 for roots), name, path, depth (1 for roots), colour,
        description, position, order (tree order)."""
        project = self.project
        items = project.codes.list()
        depth: dict[int, int] = {}
        records = []
        for order, c in enumerate(items):
            depth[c.id] = 1 if c.parent_id is None else depth.get(c.parent_id, 0) + 1
            records.append(
                (c.id, c.parent_id or 0, c.name, c.path, depth[c.id], c.colour, c.description, c.position,
                 order)
            )
        return pd.DataFrame.from_records(
            records,
            columns=["id", "parent_id", "name", "path", "depth", "colour", "description", "position",
                     "order"],
        ).astype({"id": "int64", "parent_id": "int64"})

    def documents(self) -> pd.DataFrame:
        """id, name, kind. Only the columns stored before the text are read: the others would make SQLite walk
        (and decrypt) every document's overflow pages. Sizes come from the texts when they are loaded."""
        return self._frame("SELECT id, name, kind FROM documents ORDER BY name", ["id", "name", "kind"])

    def document_ids(self) -> list[int]:
        """Every document's id, ascending (from the primary key: no frame, no text)."""
        return [row[0] for row in self.project.conn.execute("SELECT id FROM documents ORDER BY id")]

    def cases(self) -> pd.DataFrame:
        return self._frame(
            "SELECT id, name, description, guid FROM cases ORDER BY name",
            ["id", "name", "description", "guid"],
        )

    def case_segments(self) -> pd.DataFrame:
        """What each case covers: case_id, document_id, start, end, and whether it is a speaker turn. A case
        covering a whole document ends at END_OF_DOCUMENT (no need to read the document to know its
        length)."""
        project = self.project
        rows = [
            (c, d, s, e, False)
            for c, d, s, e in project.conn.execute(
                f"SELECT case_id, document_id, 0, {END_OF_DOCUMENT} FROM case_documents"
            ).fetchall()
        ]
        rows += [
            (c, d, s, e, True)
            for c, d, s, e in project.conn.execute(CASE_TURNS).fetchall()
        ]
        return pd.DataFrame.from_records(rows, columns=["case_id", "document_id", "start", "end", "turn"])

    def coding_rows(self):
        """(rows, ordered): every coding that is not empty as int64 rows of (code_id, document_id, start, end,
        coder_id), five integer columns and nothing else read (``int_rows``). From the codings_segments index
        (schema 9) they come sorted by segment (document, start, end, coder) at no cost, and ``ordered`` is
        True; an older file opened read-only reads the table in no particular order (sorting 100,000 rows in
        SQL costs more than sorting them in numpy). Empty codings are dropped here: a WHERE clause made SQLite
        decode every row twice (+8 ms on the large study)."""
        conn = self.project.conn
        ordered = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'codings_segments'"
                               ).fetchone() is not None
        rows = int_rows(conn, 'SELECT code_id, document_id, start, "end", coder_id FROM codings'
                        + (' ORDER BY document_id, start, "end", coder_id' if ordered else ""))
        keep = np.maximum(rows[:, 2], 0) < np.minimum(rows[:, 3], END_OF_DOCUMENT)
        return (rows if keep.all() else rows[keep]), ordered

    def case_segment_rows(self):
        """``case_segments`` as int64 rows of (case_id, document_id, start, end): whole documents first (to
        END_OF_DOCUMENT), then the turns assigned to a case."""
        conn = self.project.conn
        whole = int_rows(conn, f"SELECT case_id, document_id, 0, {END_OF_DOCUMENT} FROM case_documents", width=4)
        return np.concatenate([whole, int_rows(conn, CASE_TURNS, width=4)])

    def case_coding_hits(self) -> pd.DataFrame:
        """For the counts-only code x case matrix: one row per (case, coding) where the coding overlaps what
        the case covers (a non-empty clipped span, as ``analysis.matrices.code_units``): case_id, code_id,
        document_id, start, end, coder_id. A coding meeting two segments of one case appears twice (callers
        count distinct segments). Reads the non-empty codings' five integer columns and case_documents for
        whole-document cases; for speaker-turn cases only the turns that belong to a case (turns_case index)
        and the codings of their documents (codings_doc index). Never reads texts, memos, names or unassigned
        turns."""
        project = self.project
        cols = ["case_id", "code_id", "document_id", "start", "end", "coder_id"]

        def ints(sql: str, params: tuple | list = (), width: int = 5) -> np.ndarray:
            return int_rows(project.conn, sql, params, width)

        # whole-document cases: every coding that is not empty, joined to case_documents (a few hundred rows)
        coded = ints(f'SELECT code_id, document_id, start, "end", coder_id FROM codings'
                     f' WHERE max(start, 0) < min("end", {END_OF_DOCUMENT})')
        case_docs = ints("SELECT case_id, document_id FROM case_documents ORDER BY document_id", width=2)
        # each coding once per case holding its document (a join on sorted arrays: 5x pandas' merge)
        lo = np.searchsorted(case_docs[:, 1], coded[:, 1], side="left")
        n = np.searchsorted(case_docs[:, 1], coded[:, 1], side="right") - lo
        row = np.repeat(np.arange(len(coded)), n)
        pick = lo[row] + (np.arange(len(row)) - (np.cumsum(n) - n)[row])
        whole = pd.DataFrame(np.column_stack([case_docs[pick, 0], coded[row]]), columns=cols)
        seg = pd.DataFrame(
            ints(CASE_TURNS, width=4),
            columns=["case_id", "document_id", "u_start", "u_end"],
        )
        parts = [whole]
        if len(seg):
            doc_ids = sorted({int(d) for d in seg["document_id"]})
            found = []
            for i in range(0, len(doc_ids), 500):  # stay under SQLite's bound-parameter limit
                chunk = doc_ids[i : i + 500]
                found.append(ints(
                    'SELECT code_id, document_id, start, "end", coder_id FROM codings'
                    f" WHERE document_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ))
            cod = pd.DataFrame(np.concatenate(found), columns=cols[1:])
            m = cod.merge(seg, on="document_id")
            cs = np.maximum(m["start"].to_numpy(), m["u_start"].to_numpy())
            ce = np.minimum(m["end"].to_numpy(), m["u_end"].to_numpy())
            parts.append(m.loc[cs < ce, cols])
        out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else whole
        return out.astype("int64") if len(out) else pd.DataFrame({c: pd.Series(dtype="int64") for c in cols})

    def turns(self) -> pd.DataFrame:
        return self._frame(
            'SELECT id, document_id, start, "end", speaker, case_id FROM turns ORDER BY document_id, start',
            ["id", "document_id", "start", "end", "speaker", "case_id"],
        )

    def coders(self) -> pd.DataFrame:
        return self._frame("SELECT id, name FROM coders ORDER BY name", ["id", "name"])

    def attribute_values(self, scope: str) -> pd.DataFrame:
        """attribute (name), target_id, value for every case (scope 'case') or document ('document'). Police
        forces come out as "Force A", "Force B", ... when the project pseudonymises them (core/presets)."""
        project = self.project
        frame = self._frame(
            "SELECT a.name, v.target_id, v.value FROM attribute_values v"
            " JOIN attributes a ON a.id = v.attribute_id"
            " WHERE a.scope = ? ORDER BY a.position, a.id",
            ["attribute", "target_id", "value"],
            (scope,),
        )
        if scope == "case" and len(frame) and project.presets.forces_pseudonymised():
            mapping = project.presets.force_pseudonyms()
            is_force = frame["attribute"].str.casefold() == POLICE_FORCE.casefold()
            frame.loc[is_force, "value"] = frame.loc[is_force, "value"].map(lambda v: mapping.get(v, v))
        return frame

    def memos(self) -> pd.DataFrame:
        return self._frame(
            "SELECT m.id, m.target_type, m.target_id, m.title, m.text, coalesce(k.name, ''), m.created_at,"
            " m.updated_at"
            " FROM memos m LEFT JOIN coders k ON k.id = m.coder_id ORDER BY m.target_type, m.target_id, m.id",
            ["id", "target_type", "target_id", "title", "text", "coder", "created_at", "updated_at"],
        )

    def links(self) -> pd.DataFrame:
        return self._frame(
            "SELECT l.id, l.from_code_id, l.to_code_id, l.relation, l.memo, coalesce(k.name, ''),"
            " l.created_at,"
            " (SELECT count(*) FROM link_codings lc WHERE lc.link_id = l.id)"
            " FROM links l LEFT JOIN coders k ON k.id = l.coder_id ORDER BY l.id",
            ["id", "from_code_id", "to_code_id", "relation", "memo", "coder", "created_at", "codings"],
        )

    def iter_texts(self, document_ids: Iterable[int]) -> Iterator[tuple[int, str]]:
        """(document id, stored text), one document at a time. The decrypted pages of the texts are let go
        every few documents (``PRAGMA shrink_memory``): read once, they would otherwise fill the 128 MiB page
        cache (the large study's texts: about 40 MB more at the peak of an export)."""
        project = self.project
        for i, doc_id in enumerate(document_ids):
            row = project.conn.execute("SELECT text FROM documents WHERE id = ?", (int(doc_id),)).fetchone()
            if row is not None:
                yield int(doc_id), row[0]
            if i % TEXTS_CACHED == TEXTS_CACHED - 1:
                project.conn.execute("PRAGMA shrink_memory")

    def text(self, document_id: int) -> str:
        """One document's stored text ('' if there is none), releasing SQLite's decrypted pages every few
        reads, as ``iter_texts`` does (for callers that read texts one at a time in their own order)."""
        self._reads += 1
        if self._reads % TEXTS_CACHED == 0:
            self.project.conn.execute("PRAGMA shrink_memory")
        row = self.project.conn.execute("SELECT text FROM documents WHERE id = ?", (int(document_id),)).fetchone()
        return row[0] if row else ""

    def char_counts(self) -> dict[int, int]:
        """{document id: characters}, from the documents' covering index (no text is read)."""
        return dict(self.project.conn.execute("SELECT id, char_count FROM documents").fetchall())

    def stored_word_rows(self, document_ids: Iterable[int]) -> dict[int, tuple[bytes, bytes]]:
        """The stored word index's rows as they are kept (``core.word_index.decode`` makes offsets of them)."""
        return stored_rows(self.project.conn, [int(d) for d in document_ids])

    def stored_word_starts(self, document_ids: Iterable[int]) -> dict:
        """{document id: word start offsets} from the stored word index (``core.word_index``) for those of
        ``document_ids`` that have a usable row; no text is read."""
        rows = stored_rows(self.project.conn, [int(d) for d in document_ids])
        return {d: decode(gaps, far) for d, (gaps, far) in rows.items()}

    def word_keys(self, document_ids: Iterable[int]) -> WordKeys:
        """``core.word_index.keys_of`` for these documents, in this order: the word starts of all of them in
        one sorted array. From the stored index; a document without a usable row (an older project
        opened read-only) is read and scanned instead."""
        ids = [int(d) for d in document_ids]
        rows = stored_rows(self.project.conn, ids)
        missing = [d for d in ids if d not in rows]
        rows.update((d, encode(word_starts_of(text))) for d, text in self.iter_texts(missing))
        return keys_of([rows.get(d, (b"", b"")) for d in ids])

    def framework_summaries(self) -> dict[tuple[int, int], str]:
        """{(case id, code id): summary} typed by the researcher in the framework matrix. Stored in the
        project's meta table keyed by case and code GUIDs, so that renames and moves keep them."""
        project = self.project
        raw = json.loads(project.meta(SUMMARIES_KEY, "{}") or "{}")
        case_ids = dict(project.conn.execute("SELECT guid, id FROM cases").fetchall())
        code_ids = dict(project.conn.execute("SELECT guid, id FROM codes").fetchall())
        out: dict[tuple[int, int], str] = {}
        for key, text in raw.items():
            case_guid, _, code_guid = key.partition("|")
            if case_guid in case_ids and code_guid in code_ids and text:
                out[(case_ids[case_guid], code_ids[code_guid])] = text
        return out

    def set_framework_summary(self, case_id: int, code_id: int, text: str) -> None:
        """Set (or clear with an empty text) the summary of one framework-matrix cell."""
        project = self.project
        project.require_writable()
        case = project.conn.execute("SELECT guid FROM cases WHERE id = ?", (case_id,)).fetchone()
        code = project.conn.execute("SELECT guid FROM codes WHERE id = ?", (code_id,)).fetchone()
        if not case:
            raise NotFound(f"No case with id {case_id}.")
        if not code:
            raise NotFound(f"No code with id {code_id}.")
        with project.transaction():
            raw = json.loads(project.meta(SUMMARIES_KEY, "{}") or "{}")
            key = f"{case[0]}|{code[0]}"
            if text.strip():
                raw[key] = text
            else:
                raw.pop(key, None)
            project.set_meta(SUMMARIES_KEY, json.dumps(raw, ensure_ascii=False))
            project.audit.record("framework summary", "case", case_id, f"code={code_id}")
        project.publish(Change(cases=True, case_ids={case_id}, code_ids={code_id}))
