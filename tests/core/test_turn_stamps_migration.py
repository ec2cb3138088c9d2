"""Schema 10: turns of anonymised documents stored before session 11 kept their export stamp whole, the day
included, in the turns table ("12/03/2024, 14:02"), though the review had replaced the date in the text. An
older project keeps the time only after its first writable open (after a verified backup, as every
migration); a document that was not anonymised keeps its stamps."""

from __future__ import annotations

from qualcoder_cse.core import Project, schema

TEXT = "[12/03/2024, 14:02] kez: where r u\n[12/03/2024, 14:05] jay: town\n"
TURNS = [(0, 34, "kez", "12/03/2024, 14:02"), (35, len(TEXT) - 1, "jay", "2024-03-12 14:05:09 UTC")]


def test_an_older_project_keeps_only_the_time_of_anonymised_turns(project_path, passphrase):
    with Project.open(project_path, passphrase) as p:
        anon = p.documents.add("Chat A", TEXT, kind="young_person", anonymised=True, turns=TURNS)
        clear = p.documents.add("Chat B", TEXT, kind="young_person", anonymised=False, turns=TURNS)
        p.conn.execute("PRAGMA user_version = 9")  # as a project written before schema 10
    with Project.open(project_path, passphrase, readonly=True) as p:
        assert [t.timestamp for t in p.turns.list(anon.id)] == ["12/03/2024, 14:02", "2024-03-12 14:05:09 UTC"]
    with Project.open(project_path, passphrase) as p:
        assert p.schema_version() == schema.SCHEMA_VERSION >= 10
        assert [t.timestamp for t in p.turns.list(anon.id)] == ["14:02", "14:05:09 UTC"]
        assert [t.timestamp for t in p.turns.list(clear.id)] == ["12/03/2024, 14:02", "2024-03-12 14:05:09 UTC"]
