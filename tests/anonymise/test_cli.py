"""The anonymiser's commands: detect (plain table and --jsonl over several files), anonymise, rescan."""

from __future__ import annotations

import json

from qualcoder_cse.cli import main

TEXT_A = "DS Patel: I spoke to Jodie Smith on the 3rd of May 2019.\r\nher snap is jaybae_x 😀 ring 07700 900123\n"
TEXT_B = "nothing to see here, just words.\n"


def test_detect_jsonl_one_line_per_file_with_offsets_into_the_text(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TEXT_A.encode("utf-8"))
    b.write_text(TEXT_B, encoding="utf-8")
    assert main(["detect", str(a), str(b), "--jsonl"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2
    first, second = (json.loads(x) for x in lines)
    assert first["file"] == str(a) and second == {"file": str(b), "spans": []}
    for span in first["spans"]:
        assert set(span) == {"start", "end", "label", "text"}
        assert TEXT_A[span["start"]:span["end"]] == span["text"]  # "\r\n" and emoji left as read
    got = {(s["text"], s["label"]) for s in first["spans"]}
    assert {("Patel", "PERSON"), ("Jodie Smith", "PERSON"), ("3rd of May 2019", "DATE"),
            ("jaybae_x", "CONTACT"), ("07700 900123", "CONTACT")} <= got


def test_detect_reports_a_missing_file_and_goes_on(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    code = main(["detect", str(tmp_path / "missing.txt"), str(a)])
    out = capsys.readouterr()
    assert code != 0
    assert "missing.txt" in out.err and "Traceback" not in out.err
    assert "Jodie Smith" in out.out and "PERSON" in out.out


def test_anonymise_prints_or_writes(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    assert main(["anonymise", str(a)]) == 0
    printed = capsys.readouterr().out
    assert "Jodie" not in printed and "Patel" not in printed and "[Person 2]" in printed
    out = tmp_path / "out.txt"
    assert main(["anonymise", str(a), "-o", str(out)]) == 0
    written = out.read_bytes().decode("utf-8")
    assert "\r\n" in written  # newlines as in the input
    assert written.replace("\r\n", "\n") == printed.replace("\r\n", "\n")
    assert main(["anonymise", str(a), "-o", str(a)]) != 0
    assert a.read_bytes() == TEXT_A.encode("utf-8")


def test_rescan_reports_and_applies(project_path, passphrase, monkeypatch, capsys):
    from qualcoder_cse.core import Project

    with Project.open(project_path, passphrase, coder="alice") as project:
        project.documents.add("Notes", "P1: we met Deeko Brannigan at the garage.\n", kind="lscb")
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    assert main(["rescan", str(project_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    notes = next(r for r in rows if r["document"] == "Notes")
    assert notes["leftovers"] >= 1 and notes["redacted"] == 0
    assert main(["rescan", str(project_path), "--apply"]) == 0
    capsys.readouterr()
    with Project.open(project_path, passphrase, readonly=True) as project:
        text = project.documents.text(project.documents.by_name("Notes").id)
    assert "Brannigan" not in text and "[Person" in text


def test_detect_refuses_utf16_without_byte_order_mark(tmp_path, capsys):
    path = tmp_path / "call.txt"
    path.write_bytes("Jane Smith rang DC Patel on 07700 900123.".encode("utf-16-le"))  # valid UTF-8, full of NULs
    code = main(["detect", str(path)])
    out, err = capsys.readouterr()
    assert code != 0 and "UTF-16" in err and "unexpected" not in err
    assert "0 proposals" not in out


def test_anonymise_refuses_a_hard_link_to_the_input_as_output(tmp_path, capsys):
    src = tmp_path / "call.txt"
    src.write_text("Jane Smith rang DC Patel.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.hardlink_to(src)
    code = main(["anonymise", str(src), "-o", str(link)])
    _out, err = capsys.readouterr()
    assert code != 0 and "must not be the input" in err
    assert src.read_text(encoding="utf-8") == "Jane Smith rang DC Patel.\n"


def test_anonymise_output_never_clobbers_a_project_file(tmp_path, capsys, project_path):
    src = tmp_path / "call.txt"
    src.write_text("Jane Smith rang DC Patel.\n", encoding="utf-8")
    victim = tmp_path / "study.qcse"
    victim.write_bytes(project_path.read_bytes())
    before = victim.read_bytes()
    code = main(["anonymise", str(src), "-o", str(victim)])
    _out, err = capsys.readouterr()
    assert code != 0 and "not a text file" in err
    assert victim.read_bytes() == before
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("an earlier run\n", encoding="utf-8")
    assert main(["anonymise", str(src), "-o", str(earlier)]) == 0
    assert "Jane Smith" not in earlier.read_text(encoding="utf-8")
