"""The anonymised import with detection in worker processes stores exactly what the serial import stores:
the same texts, placeholders (numbered across the project), speaker turns and cases, anonymisation logs and
per-file results, with the same progress calls; a duplicate and a damaged file on the way behave as serially;
cancelling stops between files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.workflows import batch_import, file_import, parallel_import
from qualcoder_cse.workflows.file_import import CANCELLED, DUPLICATE, FAILED, IMPORTED, ImportOptions
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(not file_import.anonymiser_available(), reason="the anonymiser is not installed")

TEXTS = [
    ("INT: Tell me about the night Jodie Smith went missing.\n"
    "P1: Jodie was found at 14 Mill Lane, Ashworth by PC Daniel Price. Her mum rang 07700 900123.\n"
    "P1: Jodie said Kyle had taken her to the Premier Inn on the ring road.\n"),
    ("Facilitator: How do partners share information?\n"
    "Sarah Jones: Through the MASH in Breckley. I email sarah.jones@example.org most days.\n"
    "Tom: Kyle's name came up again, and Jodie Smith's too.\n"),
    ("YP1: my social worker Amy Clarke never listens tbh\n"
    "YP2: Amy did ring my nan in Hollinsbury once\n"),
    "P3: Detective Sergeant Ravi Patel met Kyle Brown at the station on 3 March 2021.\n",
]


def _files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i, text in enumerate(TEXTS):
        p = folder / f"interview_{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    dup = folder / "copy_of_0.txt"
    shutil.copyfile(paths[0], dup)
    bad = folder / "damaged.docx"
    bad.write_bytes(b"not a zip at all")
    return [paths[0], paths[1], dup, bad, paths[2], paths[3]]


def _stored(project) -> dict:
    docs = {}
    for d in project.documents.list():
        turns = [(t.start, t.end, t.speaker, t.case_id and project.cases.get(t.case_id).name)
                 for t in project.turns.list(d.id)]
        log = [(e.label, e.placeholder, e.decision, e.coder) for e in project.pseudonyms.log(d.id)]
        docs[d.name] = (project.documents.text(d.id), d.anonymised, d.source_sha256, turns, log)
    pseudonyms = [(p.kind, p.placeholder, p.number) for p in project.pseudonyms.list()]
    return {"documents": docs, "pseudonyms": pseudonyms}


def _results(results) -> list:
    return [(r.as_dict() | {"document_id": None}) for r in results]


def test_parallel_import_stores_what_the_serial_import_stores(project_path: Path, tmp_path: Path):
    paths = _files(tmp_path)
    options = ImportOptions(kind="police", anonymise=True, cases_from_speakers=True)
    other = tmp_path / "other.qcse"
    shutil.copyfile(project_path, other)  # the same project secret, so that the same HMAC keys

    parallel_calls: list = []
    with Project.open(project_path, PASSPHRASE, coder="alice") as p:
        serial = []
        for path in paths:  # one file at a time: always the in-process path
            serial += batch_import.import_files(p, [path], options)
        want = _stored(p)
    with Project.open(other, PASSPHRASE, coder="alice") as p:
        got = parallel_import.import_parallel(
            p, paths, options, file_import.load_anonymiser(), 2,
            progress=lambda d, t, path, r: parallel_calls.append((d, t, Path(path).name, r and r.status)),
        )
        have = _stored(p)

    assert [r.status for r in got] == [IMPORTED, IMPORTED, DUPLICATE, FAILED, IMPORTED, IMPORTED]
    assert _results(got) == _results(serial)
    assert have == want
    assert len(want["pseudonyms"]) >= 5  # names, places, phone, email were replaced
    assert all("Jodie" not in text and "Kyle" not in text for text, *_ in have["documents"].values())
    expected_calls = []
    for i, (path, r) in enumerate(zip(paths, got, strict=True)):
        expected_calls += [(i, len(paths), path.name, None), (i + 1, len(paths), path.name, r.status)]
    assert parallel_calls == expected_calls


def test_parallel_import_cancel_stops_between_files(project, tmp_path: Path):
    paths = _files(tmp_path)
    done: list[str] = []
    got = parallel_import.import_parallel(
        project, paths, ImportOptions(anonymise=True), file_import.load_anonymiser(), 2,
        progress=lambda d, t, p, r: r and done.append(r.status), cancel=lambda: len(done) >= 2,
    )
    assert [r.status for r in got] == [IMPORTED, IMPORTED] + [CANCELLED] * 4
    names = {d.name for d in project.documents.list()}
    assert sum(1 for n in names if "interview" in n) == 2


def test_import_files_uses_workers_only_for_several_files():
    assert parallel_import.worker_count(1) == 0
    assert parallel_import.worker_count(5) in (0, *range(2, parallel_import.MAX_WORKERS + 1))
