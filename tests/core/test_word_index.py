"""The stored word index (``core.word_index``, schema 8): every path that writes a text writes its word starts
(file import, REFI import, merge, the demo, a re-scan's replacement text), a text changed or deleted by other
means loses its row (and is then scanned again, never miscounted), and an older project gets every row on its
first writable open, after a verified backup. Real SQLCipher files throughout."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qualcoder_cse.core import Project, schema
from qualcoder_cse.core.backup import default_folder
from qualcoder_cse.core.word_index import decode, encode, keys_of, word_starts_of
from qualcoder_cse.demo import build_demo
from qualcoder_cse.interchange.refi_import import import_refi
from qualcoder_cse.workflows.file_import import IMPORTED, ImportOptions, import_one
from qualcoder_cse.workflows.merge import merge_projects
from tests.interchange.refi_helpers import MINIMAL

TEXT = "INT: Don't go — café's shut.\n" + " " * 300 + "YP1: o’clock 😀 x_y 42\n"


def _rows(project) -> dict[int, np.ndarray]:
    """The stored rows, read back as offsets."""
    return project.frames.stored_word_starts([d.id for d in project.documents.list()])


def _assert_index_whole(project) -> None:
    rows = _rows(project)
    docs = project.documents.list()
    assert docs, "nothing to check"
    for d in docs:
        assert d.id in rows, f"no word index for {d.name}"
        assert rows[d.id].tolist() == word_starts_of(project.documents.text(d.id)).tolist(), d.name


def test_add_and_replace_text_write_the_index(project):
    doc = project.documents.add("Index me", TEXT, kind="police")
    _assert_index_whole(project)
    assert len(_rows(project)[doc.id]) == doc.word_count  # the same rule as the stored word count
    shorter = TEXT.replace("café's shut", "[PLACE] shut")
    project.documents.replace_text(doc.id, shorter, lambda pos: pos)  # what a re-scan's redaction does
    assert _rows(project)[doc.id].tolist() == word_starts_of(shorter).tolist()
    project.documents.rename(doc.id, "Renamed")  # no text change: the row stays
    _assert_index_whole(project)


def test_a_text_changed_by_another_tool_is_scanned_again(project):
    doc = project.documents.add("Edited elsewhere", TEXT, kind="police")
    with project.transaction():  # as sqlcipher's shell would: the trigger drops the stale row
        project.conn.execute("UPDATE documents SET text = ? WHERE id = ?", ("one two three", doc.id))
    assert doc.id not in _rows(project)
    w = project.frames.word_keys([doc.id])
    assert w.keys.tolist() == [0, 4, 8] and w.before.tolist() == [0] and w.length.tolist() == [9]
    project.documents.delete(doc.id)
    assert project.conn.execute("SELECT count(*) FROM document_words WHERE document_id = ?", (doc.id,)
                                ).fetchone()[0] == 0


def test_a_row_of_another_unicode_version_is_not_used(project):
    doc = project.documents.add("Old rule", TEXT, kind="police")
    with project.transaction():
        project.conn.execute("UPDATE document_words SET rule = 'unicode 1.0', gaps = x'01', far = x''")
    assert doc.id not in _rows(project)
    assert project.frames.word_keys([doc.id]).keys.tolist() == word_starts_of(TEXT).tolist()


def test_file_import_refi_import_merge_and_demo_write_the_index(tmp_path, template_project, passphrase):
    demo = tmp_path / "demo.qcse"
    build_demo(demo, passphrase)
    with Project.open(demo, passphrase, readonly=True) as p:
        _assert_index_whole(p)
    target = tmp_path / "merged.qcse"
    target.write_bytes(template_project.read_bytes())
    source = tmp_path / "note.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(target, passphrase) as p, Project.open(demo, passphrase, readonly=True) as other:
        assert import_one(p, source, ImportOptions(kind="police")).status == IMPORTED
        merge_projects(p, other)
        assert p.documents.count() > 2
        _assert_index_whole(p)
    import_refi(MINIMAL / "minimal-project.qdpx", tmp_path / "refi.qcse", passphrase, coder="tester")
    with Project.open(tmp_path / "refi.qcse", passphrase, readonly=True) as p:
        _assert_index_whole(p)


def _as_version_7(path: Path, passphrase: str) -> None:
    """Make ``path`` what schema 7 wrote: no word index table, no triggers, user_version 7."""
    with Project.open(path, passphrase) as p:
        p.conn.execute("DROP TRIGGER document_words_au")
        p.conn.execute("DROP TRIGGER document_words_ad")
        p.conn.execute("DROP TABLE document_words")
        p.conn.execute("PRAGMA user_version = 7")


def test_an_older_project_gets_every_row_after_a_backup(project_path, passphrase):
    rnd = random.Random(7)
    with Project.open(project_path, passphrase) as p:
        for i in range(5):
            p.documents.add(f"Doc {i}", " ".join(rnd.choice(["a", "b'c", "—", "Ærø", "  "]) for _ in range(400)))
    _as_version_7(project_path, passphrase)
    with Project.open(project_path, passphrase, readonly=True) as p:  # read-only: not upgraded, still counts
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert _rows(p) == {}
        ids = [d.id for d in p.documents.list()]
        w = p.frames.word_keys(ids)
        assert [(w.keys[w.before[i] : w.before[i] + n] - w.base[i]).tolist() for i, n in enumerate(
            np.diff(np.r_[w.before, len(w.keys)]))] == [word_starts_of(p.documents.text(d)).tolist() for d in ids]
    with Project.open(project_path, passphrase) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        _assert_index_whole(p)
    backups = list(default_folder(project_path).glob(f"*before-schema-v{schema.SCHEMA_VERSION}*"))
    assert backups, "no backup before the upgrade"
    with Project.open(backups[0], passphrase, readonly=True) as old:  # the backup is the version-7 file
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert old.documents.count() >= 5


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 70_000), max_size=40), st.integers(0, 300))
def test_encode_decode_round_trip(gaps, first):
    starts = np.cumsum([first, *gaps]).astype(np.int32)
    assert decode(*encode(starts)).tolist() == starts.tolist()


def test_keys_of_many_documents_with_empty_ones():
    docs = [[], [0, 3, 300, 70_000], [], [5], [1, 2]]
    w = keys_of([encode(np.array(d, dtype=np.int32)) for d in docs])
    assert w.before.tolist() == [0, 0, 4, 4, 5] and w.length.tolist() == [0, 70_001, 0, 6, 3]
    assert w.keys.dtype == np.int32 and np.all(np.diff(w.keys) > 0)
    assert w.keys.tolist() == [b + x for b, d in zip(w.base.tolist(), docs) for x in d]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**31 - 2), max_size=6, unique=True), max_size=6),
       st.lists(st.integers(-5, 2**31 + 5), min_size=1, max_size=20))
def test_words_before_an_offset_from_the_keys(docs, offsets):
    """The words of each document starting before x, for any x (past the end, negative), as a count of its
    starts; documents near 2^31 characters each force 64-bit keys."""
    docs = [sorted(d) for d in docs]
    w = keys_of([encode(np.array(d, dtype=np.int64)) for d in docs])
    for i, d in enumerate(docs):
        q = w.base[i] + np.clip(np.array(offsets), 0, w.length[i])
        got = np.searchsorted(w.keys, q) - w.before[i]
        assert got.tolist() == [sum(s < x for s in d) for x in offsets]
