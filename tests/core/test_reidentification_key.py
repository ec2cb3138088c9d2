"""The re-identification key (the HMAC secret behind consistent placeholders) is kept apart from the project:
a coder holding a copy of the project and its passphrase cannot confirm a guessed name; sealing destroys the
key and a later import starts a new series; projects made before this migrate with their placeholders kept."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import stat

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.pipeline import anonymise_for_import
from qualcoder_cse.anonymise.spans import entity_key
from qualcoder_cse.cli import main
from qualcoder_cse.core import Project, connection
from qualcoder_cse.core.idkey import KeyUnavailable

TEXT = ("INT: Who did you work with?\n"
        "DS Kowalczyk: Mainly with Chantelle Booth. Tyreece Campbell was there, and Jodie Smith.\n")
MORE = "P1: Chantelle Booth came back on Monday with Ryan Parker.\n"
TRUE_NAMES = ["Kowalczyk", "Chantelle Booth", "Tyreece Campbell", "Jodie Smith"]
GUESSES = TRUE_NAMES + ["Emma Jones", "Liam Walsh", "Aisha Khan", "Oliver Brown", "Chloe Green", "Mo Farah"]


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


def _store(project, name, text, det):
    anon, turns, log = anonymise_for_import(project, text, [], detector=det)
    doc = project.documents.add(name, anon, turns=turns, anonymised=True)
    project.pseudonyms.write_log(doc.id, log)
    return anon


def _all_values(conn) -> list[bytes]:
    """Every text or blob value in every table of the project (what a coder with the passphrase can read)."""
    out: list[bytes] = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tables:
        try:
            rows = conn.execute(f'SELECT * FROM "{t}"').fetchall()
        except Exception:  # noqa: BLE001, S112 - a virtual table that cannot be scanned directly
            continue
        for row in rows:
            for v in row:
                if isinstance(v, str):
                    out.append(v.encode())
                elif isinstance(v, bytes):
                    out.append(v)
    return out


def _confirmed(conn, guesses) -> set[str]:
    """The attacker's test: try every value in the project, raw and hex-decoded, as the HMAC key of every
    guess, and count a guess confirmed when its hash is a stored key_hash."""
    hashes = {r[0] for r in conn.execute("SELECT key_hash FROM pseudonyms")}
    candidates = set()
    for v in _all_values(conn):
        candidates.add(v)
        try:
            candidates.add(bytes.fromhex(v.decode()))
        except ValueError:
            pass
    found = set()
    for key in candidates:
        for g in guesses:
            msg = f"PERSON\x1f{entity_key(g)}".encode()
            if hmac.new(key, msg, hashlib.sha256).hexdigest() in hashes:
                found.add(g)
    return found


def test_a_copy_of_the_project_and_its_passphrase_cannot_confirm_a_guessed_name(project_path, passphrase, det,
                                                                                 tmp_path):
    with Project.open(project_path, passphrase) as project:
        _store(project, "Interview", TEXT, det)
    key_file = project_path.with_name(project_path.name + ".idkey")
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    secret = bytes.fromhex(json.loads(key_file.read_text())["secret"])

    copy_dir = tmp_path / "coder"
    copy_dir.mkdir()
    copy = copy_dir / "shared.qcse"
    shutil.copyfile(project_path, copy)  # what a co-coder receives: the project only
    conn = connection.open_connection(copy, passphrase)
    try:
        assert _confirmed(conn, GUESSES) == set()
        assert not any(secret.hex().encode() in v or secret in v for v in _all_values(conn))
        # the lead researcher, with the key, can (this is what the attacker test would find with a leaked key)
        hashes = {r[0] for r in conn.execute("SELECT key_hash FROM pseudonyms")}
        hit = {g for g in GUESSES
               if hmac.new(secret, f"PERSON\x1f{entity_key(g)}".encode(), hashlib.sha256).hexdigest() in hashes}
        assert {"Chantelle Booth", "Tyreece Campbell"} <= hit
    finally:
        conn.close()
    raw = copy.read_bytes()
    assert secret.hex().encode() not in raw and secret not in raw

    # the copy cannot anonymise consistently without the key: it says so instead of starting a silent new series
    with Project.open(copy, passphrase) as project, pytest.raises(KeyUnavailable, match="seal"):
        _store(project, "More", MORE, det)


def test_the_key_keeps_placeholders_consistent_and_seal_starts_a_new_series(project_path, passphrase, det):
    with Project.open(project_path, passphrase) as project:
        first = _store(project, "Interview", TEXT, det)
        again = _store(project, "Second", MORE, det)
        booth = first[first.index("Mainly with ") + 12:].split(".")[0]
        assert booth.startswith("[Person") and booth in again  # same person, same placeholder
        result = project.pseudonyms.seal()
        assert result.key_destroyed and not os.path.exists(result.key_file)
        assert project.pseudonyms.status().sealed_at
        third = _store(project, "Third", MORE, det)
        assert booth not in third  # a new series: the same person gets a new placeholder
        numbers = [p.number for p in project.pseudonyms.list() if p.kind == "PERSON"]
        assert len(numbers) == len(set(numbers))  # numbering goes on, no clash with the sealed series
        assert project.documents.text(project.documents.by_name("Interview").id) == first  # stored text kept
        assert project.pseudonyms.status().series == 2


def _make_v2_project(path, passphrase):
    """A project as the release before schema 3 wrote it: migrations 1-2 only, the HMAC secret in meta, a
    document already anonymised with it (Chantelle Booth is [Person 1])."""
    from qualcoder_cse.core import schema

    secret = "ab" * 32
    conn = connection.raw_connect(path, passphrase)
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    for number, step in enumerate(schema.MIGRATIONS[:2], start=1):
        conn.execute("BEGIN")
        step(conn)
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    conn.execute("BEGIN")
    meta = {"name": "old", "created_at": "2025-01-01T00:00:00", "app_version": "0.9", "settings": "{}",
            "pseudonym_secret": secret, "default_coder": "researcher"}
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
    digest = hmac.new(bytes.fromhex(secret), f"PERSON\x1f{entity_key('Chantelle Booth')}".encode(),
                      hashlib.sha256).hexdigest()
    conn.execute("INSERT INTO pseudonyms(label, key_hash, placeholder, number, created_at) "
                 "VALUES ('PERSON', ?, '[Person 1]', 1, '2025-01-01')", (digest,))
    conn.execute("INSERT INTO documents(name, kind, text, word_count, char_count, anonymised, source_sha256, "
                 "imported_at, guid) VALUES ('Interview', 'other', 'DS: Mainly with [Person 1].', 4, 27, 1, "
                 "'x', '2025-01-01', 'b6f4c2a0-0000-4000-8000-000000000001')")
    conn.execute("COMMIT")
    conn.close()
    return secret


def test_an_older_project_migrates_its_secret_out_keeping_placeholders(tmp_path, passphrase, det):
    from qualcoder_cse.core.presets import force_order

    path = tmp_path / "old.qcse"
    secret = _make_v2_project(path, passphrase)
    forces_before = force_order(secret.encode())
    with Project.open(path, passphrase) as project:
        assert project.schema_version() >= 3
        assert project.meta("pseudonym_secret") is None
        again = _store(project, "Second", MORE, det)
        assert "[Person 1]" in again  # Chantelle Booth keeps the placeholder she had before the migration
        mapping = project.presets.force_pseudonyms()
        assert [f for f, _ in sorted(mapping.items(), key=lambda kv: (len(kv[1]), kv[1]))] == forces_before
        assert _confirmed(project.conn, GUESSES) == set()
    key = json.loads(path.with_name(path.name + ".idkey").read_text())
    assert key["secret"] == secret
    assert secret.encode() not in path.read_bytes()


def test_cli_seal_and_import_with_a_key_file(project_path, passphrase, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    src = tmp_path / "one.txt"
    src.write_text(TEXT, encoding="utf-8")
    key = tmp_path / "lead" / "study.idkey"
    key.parent.mkdir()
    assert main(["import", str(project_path), str(src), "--key-file", str(key)]) == 0
    err = capsys.readouterr().err
    assert str(key) in err and "seal" in err
    assert key.exists() and not project_path.with_name(project_path.name + ".idkey").exists()
    src2 = tmp_path / "two.txt"
    src2.write_text(MORE, encoding="utf-8")
    assert main(["import", str(project_path), str(src2)]) == 17  # the key is not beside the project
    assert "--key-file" in capsys.readouterr().err
    assert main(["seal", str(project_path), "--key-file", str(key), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "destroyed" in out and not key.exists()
    assert main(["import", str(project_path), str(src2)]) == 0
    err = capsys.readouterr().err
    assert "new placeholder series" in err


def test_seal_discards_paused_reviews_and_remembered_names(project_path, passphrase):
    """A paused review holds a file's original text and the review's 'always accept' list holds names: a
    project sealed for sharing with co-coders keeps neither (the rejected strings, which are not names, stay)."""
    with Project.open(project_path, passphrase) as project:
        project.review_memory.pause("ab" * 32, "Interview 9", "/tmp/interview9.txt",
                                    {"text": "Kayleigh Brennan told me"}, 3)
        project.review_memory.remember("accept", "Kayleigh Brennan", "PERSON")
        project.review_memory.remember("reject", "Sergeant")
        result = project.pseudonyms.seal()
        assert (result.paused_reviews_discarded, result.accepted_names_discarded) == (1, 1)
        assert project.review_memory.paused("ab" * 32) is None
        assert [r.surface for r in project.review_memory.remembered()] == ["Sergeant"]
    with Project.open(project_path, passphrase) as project:  # and it stays so after a reopen
        assert [r.kind for r in project.review_memory.remembered()] == ["reject"]
        assert project.review_memory.paused("ab" * 32) is None
