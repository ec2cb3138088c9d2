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
