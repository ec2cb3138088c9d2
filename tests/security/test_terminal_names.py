"""File names with terminal escape sequences, other control characters or bidi overrides are printed
escaped on stderr (and on a terminal's stdout), never raw; exit code 14 is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

from qualcoder_cse.cli import main
from qualcoder_cse.cli.safe_output import clean

HOSTILE = "evil\x1b]0;pwned\x07\x1b[2J\u202eexcod.txt"


def test_hostile_file_names_are_escaped_on_stderr(project_path, passphrase, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    bad = tmp_path / (HOSTILE.replace(".txt", ".docx"))
    bad.write_bytes(b"not a zip")
    missing = tmp_path / HOSTILE
    assert main(["import", str(project_path), str(bad), "--anonymise", "off"]) == 1
    assert main(["import", str(project_path), str(missing), "--anonymise", "off"]) != 0
    assert main(["export", str(project_path), str(tmp_path / (HOSTILE + ".xlsx"))]) == 0  # warns with the name
    assert main(["info", str(tmp_path / HOSTILE)]) != 0
    captured = capsys.readouterr()
    for stream in (captured.err, captured.out):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "\\x1b]0;pwned" in captured.err


def test_clean_keeps_ordinary_text():
    assert clean("Café – “quoted”\tand\nlines ✓ 😀") == "Café – “quoted”\tand\nlines ✓ 😀"
    assert clean("a\x1bb\x9bc\u2066") == "a\\x1bb\\u009bc\\u2066"


def test_json_output_stays_valid_json_with_hostile_names(project_path, passphrase, monkeypatch, capsys):
    import json

    from qualcoder_cse.core import Project

    with Project.open(project_path, passphrase) as project:
        project.documents.add("odd\x9b\x7f\u202ename", "P1: hello there.\n", kind="other")
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    assert main(["docs", str(project_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out and "\u202e" not in out
    assert any(d["name"] == "odd\x9b\x7f\u202ename" for d in json.loads(out))


def test_every_exit_code_the_cli_uses_is_documented():
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    line = next(l for l in readme.splitlines() if l.startswith("Exit codes:"))
    section = readme[readme.index(line):readme.index("\n\n", readme.index(line))]
    documented = {int(n) for n in re.findall(r"\b(\d{1,3}) [a-z]", section)}
    used = set()
    for path in (root / "qualcoder_cse").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= {int(n) for n in re.findall(r"exit_code = (\d+)", text)}
    assert used - documented == set(), f"undocumented exit codes: {sorted(used - documented)}"
    assert 14 in documented
