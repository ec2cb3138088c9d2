"""CLI ``import``: one result per file, an error line per bad file, the rest imported, exit status, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from qualcoder_cse.workflows.file_import import anonymiser_available
from tests.importers import builders as b


@pytest.fixture()
def env(project_path, passphrase, monkeypatch) -> str:
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    return str(project_path)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _files(tmp_path: Path) -> list[Path]:
    vtt = tmp_path / "call.vtt"
    vtt.write_text(b.VTT_SOURCE, encoding="utf-8")
    txt = tmp_path / "notes.txt"
    txt.write_bytes("INT: first\r\nP1: café\r\n".encode("utf-16"))
    return [b.build_docx(tmp_path / "fg.docx"), b.build_pdf(tmp_path / "coord.pdf"), vtt, txt]


def test_import_every_format_text_output(env, capsys, tmp_path, passphrase):
    files = _files(tmp_path)
    code, out, err = run(capsys, "import", env, *files, "--kind", "police", "--anonymise", "off",
                         "--attr", "Force=Force 7", "--attr", "Year=2016")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 5
    assert all(line.startswith("imported\t") for line in lines[:4])
    assert lines[0].split("\t")[1] == str(files[0]) and lines[0].endswith("\t5 turns")
    assert lines[4].startswith("4 imported (") and lines[4].endswith("0 duplicate, 0 failed")
    with Project.open(env, passphrase, readonly=True) as p:
        doc = p.documents.by_name("fg")
        assert p.documents.text(doc.id) == b.DOCX_TEXT
        assert doc.kind == "police" and not doc.anonymised
        assert p.attributes.values_for(doc.id, "document") == {"Force": "Force 7", "Year": "2016"}
        assert p.documents.text(p.documents.by_name("notes").id) == "INT: first\nP1: café"


def test_bad_files_reported_rest_imported_exit_1_and_json(env, capsys, tmp_path, passphrase):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"MZ\x90\x00 this is a program, not a document")
    scan = b.build_blank_pdf(tmp_path / "scan.pdf")
    good = tmp_path / "good.txt"
    good.write_text("P1: fine\nP2: also fine\n")
    code, out, err = run(capsys, "import", env, empty, good, fake, scan, "--json", "--anonymise", "off")
    assert code == 1
    rows = json.loads(out)
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("empty.txt", "failed"), ("good.txt", "imported"), ("fake.docx", "failed"), ("scan.pdf", "failed"),
    ]
    assert rows[1]["words"] == 5 and rows[1]["turns"] == 2 and rows[1]["name"] == "good"
    assert isinstance(rows[1]["document_id"], int) and rows[1]["reason"] == ""
    assert "Windows program" in rows[2]["reason"] and "no text layer" in rows[3]["reason"]
    err_lines = err.splitlines()
    assert len(err_lines) == 3 and all(line.startswith("qualcoder-cse: ") for line in err_lines)
    assert "Traceback" not in err
    # Importing the good file again: a duplicate, exit 0.
    code, out, err = run(capsys, "import", env, good, "--anonymise", "off")
    assert code == 0 and out.startswith("duplicate\t") and err == ""
    with Project.open(env, passphrase, readonly=True) as p:
        assert [d.name for d in p.documents.list() if d.name in ("good", "empty", "fake", "scan")] == ["good"]


def test_folder_argument_speaker_options_and_cases(env, capsys, tmp_path, passphrase):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(12):
        (folder / f"fg{i:02d}.txt").write_text(f"[00:00:0{i % 10}] Facilitator: q{i}\nP1: a{i}\nP2: b{i}\n")
    (folder / "readme.md").write_text("not imported: unsupported extensions in a folder are skipped")
    code, out, _ = run(capsys, "import", env, folder, "--anonymise", "off", "--speakers-as-cases",
                       "--speaker-case", "Facilitator=Research team", "--kind", "lscb")
    assert code == 0 and out.count("imported\t") == 12
    with Project.open(env, passphrase, readonly=True) as p:
        doc = p.documents.by_name("fg03")
        assert p.documents.text(doc.id) == "Facilitator: q3\nP1: a3\nP2: b3"
        turns = p.turns.list(doc.id)
        assert [(t.speaker, t.timestamp) for t in turns] == [("Facilitator", "00:00:03"), ("P1", None), ("P2", None)]
        names = {c.id: c.name for c in p.cases.list()}
        assert [names[t.case_id] for t in turns] == ["Research team", "fg03: P1", "fg03: P2"]
    code, _, err = run(capsys, "import", env, tmp_path / "keep.txt", "--speaker-pattern", "(bad")
    assert code != 0 and "speaker pattern" in err


def test_help_documents_exit_status_and_anonymise_default(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "Exit status" in out and "1 when one or more files failed" in out
    assert "--anonymise {auto,off}" in out and "default is auto when the" in out


def test_unreadable_project_passphrase_changes_nothing(env, capsys, tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text("P1: fine\n")
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "wrong passphrase")
    code, out, err = run(capsys, "import", env, good, "--anonymise", "off")
    assert code != 0 and out == "" and len(err.splitlines()) == 1


@pytest.mark.skipif(not anonymiser_available(), reason="the anonymiser is not installed")
def test_default_is_auto_when_the_anonymiser_is_installed(env, capsys, tmp_path, passphrase):
    path = tmp_path / "Interview with Kayleigh Thompson.txt"
    path.write_text("INT: Who helped?\nP1: Kayleigh Thompson from Rochdale, on 07700 900123.\n")
    code, out, _ = run(capsys, "import", env, path, "--json")
    assert code == 0
    [row] = json.loads(out)
    with Project.open(env, passphrase, readonly=True) as p:
        doc = p.documents.get(row["document_id"])
        text = p.documents.text(doc.id)
        assert doc.anonymised
    for secret in ("Kayleigh", "Thompson", "Rochdale", "07700"):
        assert secret not in text and secret not in doc.name and secret not in row["name"]
