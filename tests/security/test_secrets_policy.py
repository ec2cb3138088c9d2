"""One rule for every new secret (the new-project dialog's): CLI new, rekey, import-refi and the workbook
password refuse "a" with exit 11; demo never prints a passphrase of the user's; import-refi anonymises by
default and says so when told not to."""

from __future__ import annotations

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from qualcoder_cse.core.passphrase_policy import MIN_LENGTH, problem, strength_hint
from qualcoder_cse.ui.new_project_dialog import NewProjectDialog

GOOD = "four unrelated words here"
NAME = "Zebedee Quixley"


def test_the_rule_and_the_hint_agree():
    assert problem("a") and problem("x" * (MIN_LENGTH - 1)) and problem("aaaaaaaaaaaa")
    assert problem("x" * (MIN_LENGTH - 2) + "yz") is None
    assert strength_hint("short")[0] == 0 and str(MIN_LENGTH) in strength_hint("short")[1]
    assert strength_hint(GOOD)[0] >= 3


def test_cli_refuses_a_weak_new_secret_everywhere(project_path, passphrase, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "a")
    assert main(["new", str(tmp_path / "weak.qcse")]) == 11
    assert "too short" in capsys.readouterr().err and not (tmp_path / "weak.qcse").exists()
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    monkeypatch.setenv("QUALCODER_CSE_NEW_PASSPHRASE", "a")
    before = project_path.read_bytes()
    assert main(["rekey", str(project_path)]) == 11
    assert project_path.read_bytes() == before
    monkeypatch.setenv("QUALCODER_CSE_EXPORT_PASSWORD", "a")
    assert main(["export", str(project_path), str(tmp_path / "o.xlsx"), "--encrypt"]) == 11
    assert not (tmp_path / "o.xlsx").exists()
    qdpx = tmp_path / "p.qdpx"
    assert main(["export-refi", str(project_path), str(qdpx), "--clear-ok"]) == 0
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "a")
    assert main(["import-refi", str(qdpx), str(tmp_path / "r.qcse")]) == 11
    assert not (tmp_path / "r.qcse").exists()
    capsys.readouterr()


def test_demo_never_prints_the_environment_passphrase(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "my own secret passphrase")
    assert main(["demo", str(tmp_path / "demo.qcse")]) == 0
    captured = capsys.readouterr()
    assert "my own secret passphrase" not in captured.out + captured.err


def test_import_refi_anonymises_by_default(project_path, passphrase, tmp_path, monkeypatch, capsys):
    with Project.open(project_path, passphrase) as project:
        project.documents.add("Raw", f"P1: I met {NAME} at the hotel in Leeds.\n", kind="other")
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    qdpx = tmp_path / "raw.qdpx"
    assert main(["export-refi", str(project_path), str(qdpx), "--clear-ok"]) == 0
    target = tmp_path / "imported.qcse"
    assert main(["import-refi", str(qdpx), str(target)]) == 0
    with Project.open(target, passphrase, readonly=True) as project:
        texts = [project.documents.text(d.id) for d in project.documents.list()]
    assert texts and not any("Quixley" in t for t in texts)
    capsys.readouterr()
    plain = tmp_path / "plain.qcse"
    assert main(["import-refi", str(qdpx), str(plain), "--anonymise", "off"]) == 0
    assert "NOT anonymised" in capsys.readouterr().err


@pytest.mark.parametrize("secret", ["a", "123456789"])
def test_new_project_dialog_refuses_what_the_cli_refuses(qtbot, tmp_path, secret):
    dialog = NewProjectDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.name.setText("study")
    dialog.pass1.setText(secret)
    dialog.pass2.setText(secret)
    assert "at least" in dialog.strength.text()
    dialog.try_create()
    assert dialog.project is None and problem(secret) == dialog.message.text()
