"""The self-check from a source install: every step passes, the temporary folder goes, failures are named."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.selfcheck import (
    SAMPLE_IDENTIFIERS,
    STEPS,
    SelfCheckFailed,
    _Context,
    _step_anonymised,
    run_selfcheck,
)


@pytest.fixture()
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Point the stdlib's temporary folder at tmp_path so that leftovers can be seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_selfcheck_command_passes_cleans_up_and_quotes_nothing(private_tmp: Path, capsys) -> None:
    assert main(["selfcheck"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "OK"
    assert [ln.split(":")[0].split(None, 1)[1] for ln in lines if ln.startswith("ok")] == [n for n, _ in STEPS]
    assert not any(ln.startswith("FAILED") for ln in lines)
    assert "batch importer, anonymiser pipeline" in "\n".join(lines)
    for ident in SAMPLE_IDENTIFIERS:  # the report never quotes the sample's identifiers
        assert ident not in "\n".join(lines)
    assert list(private_tmp.iterdir()) == []  # the temporary folder is gone


def test_surviving_identifier_fails_the_check(tmp_path: Path) -> None:
    ctx = _Context(folder=tmp_path, passphrase="x", stored_text="DI: I first met [Person] and Jodie at [Org].")
    with pytest.raises(SelfCheckFailed, match="1 of the sample's invented identifiers survived"):
        _step_anonymised(ctx)
    ctx.stored_text = "DI: I first met [Person] at [Org]."
    assert "none of the sample" in _step_anonymised(ctx)


def test_unusable_temporary_folder_is_a_named_failure(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    lines: list[str] = []
    assert not run_selfcheck(lines.append)
    assert lines == [lines[0]] and lines[0].startswith("FAILED  temporary folder: cannot create one in")
