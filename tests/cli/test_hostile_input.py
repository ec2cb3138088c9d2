"""CLI under hostile input: odd files and arguments get one clear line on stderr, never 'unexpected error'."""

from __future__ import annotations

from qualcoder_cse.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_passphrase_file_not_utf8_is_a_clear_error(project_path, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("QUALCODER_CSE_PASSPHRASE", raising=False)
    bad = tmp_path / "pw.txt"
    bad.write_bytes(b"\xff\xfe\x00secret")
    code, out, err = run(capsys, "info", project_path, "--passphrase-file", bad)
    assert code != 0 and out == ""
    assert "not UTF-8" in err and "unexpected" not in err


def test_passphrase_file_with_byte_order_mark(project_path, passphrase, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("QUALCODER_CSE_PASSPHRASE", raising=False)
    pw = tmp_path / "pw.txt"
    pw.write_bytes(b"\xef\xbb\xbf" + passphrase.encode("utf-8") + b"\r\n")
    code, out, err = run(capsys, "info", project_path, "--passphrase-file", pw)
    assert code == 0 and err == ""
    assert "schema_version" in out


def test_tabs_and_line_breaks_cannot_shift_tsv_columns(project_path, passphrase, capsys, monkeypatch):
    from qualcoder_cse.core import Project

    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase) as p:
        doc = p.documents.add("Tabbed", "INT:\tWhere were you?\nP1:\tAt the\x1b[31m hotel.\n", kind="police")
        code = p.codes.add("Line\nbreak")
        p.codings.add(code.id, doc.id, 0, 30)
    code, out, err = run(capsys, "codings", project_path)
    assert code == 0 and err == ""
    mine = [line for line in out.splitlines() if line.startswith("Tabbed\t")]
    assert len(mine) == 1 and len(mine[0].split("\t")) == 6
    assert mine[0].split("\t")[1] == "Line break" and "\x1b" not in out
    code, out, _ = run(capsys, "search", project_path, "hotel")
    assert all(len(line.split("\t")) == 4 for line in out.splitlines())


def test_import_result_line_keeps_its_columns_for_a_file_name_with_a_tab(project_path, passphrase, capsys,
                                                                          tmp_path, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    src = tmp_path / "focus\tgroup.txt"
    src.write_text("INT: Where were you?\nP1: At the hotel.\n", encoding="utf-8")
    code, out, _err = run(capsys, "import", project_path, src, "--anonymise", "off")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("imported"))
    assert len(line.split("\t")) == 5
