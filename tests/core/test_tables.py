"""``project.db``: sqlite-utils over the project's own SQLCipher connection, loaded on first use only."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from qualcoder_cse.cli import main


def test_tables_match_the_domain_counts_on_a_real_encrypted_file(project):
    doc = project.documents.list()[0]
    code = project.codes.by_path("Tables/Check", create=True)
    project.codings.add(code.id, doc.id, 0, 5)
    info = project.info()
    tables = {t.name: t for t in project.db.info()}
    assert tables["documents"].rows == info.documents and tables["codings"].rows == info.codings
    assert tables["codes"].rows == info.codes and tables["cases"].rows == info.cases
    assert {"id", "code_id", "document_id", "start", "end"} <= set(tables["codings"].columns)
    assert tables["documents_fts"].virtual and not tables["documents"].virtual
    rows = list(project.db.rows("codings"))
    assert len(rows) == info.codings and {r["code_id"] for r in rows} >= {code.id}
    # the adapter leaves the connection as it was: no recursive triggers switched on
    assert project.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0


def test_opening_a_project_loads_neither_sqlite_utils_nor_pandas(project_path, passphrase):
    code = textwrap.dedent(f"""
        import sys
        from qualcoder_cse.core import Project
        with Project.open({str(project_path)!r}, {passphrase!r}) as p:
            p.documents.list()
            # lazy_import leaves a placeholder (_LazyModule) in sys.modules until the first use: not loaded
            loaded = [m for m in ("sqlite_utils", "pandas", "numpy")
                      if m in sys.modules and type(sys.modules[m]).__name__ != "_LazyModule"]
            print(loaded)
            p.db.table_names()
            print("sqlite_utils" in sys.modules)
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    before, after = r.stdout.splitlines()
    assert before == "[]" and after == "True"


def test_info_tables_on_the_command_line(project_path, passphrase, capsys, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    assert main(["info", str(project_path), "--tables", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_name = {t["name"]: t for t in data["tables"]}
    assert by_name["documents"]["rows"] == data["documents"] and by_name["documents_fts"]["full_text_index"]
    assert main(["info", str(project_path)]) == 0  # without --tables: the same lines as before
    out = capsys.readouterr().out
    assert "table " not in out and out.startswith("name: ")
