"""Search offsets follow the full-text index in ignoring accents: a document the index matches shows its hits."""

from __future__ import annotations


def test_accents_are_ignored_both_ways(project):
    text = "P1: We met at the café. The cafe owner called us. A naïve question, Zoë said.\n"
    doc = project.documents.add("Accents", text, kind="fieldnote")
    hits = project.search.query("cafe").hits
    assert [(h.document_id, text[h.start:h.end]) for h in hits] == [(doc.id, "café"), (doc.id, "cafe")]
    assert [text[h.start:h.end] for h in project.search.query("naive zoe").hits] == ["naïve", "Zoë"]
    assert [text[h.start:h.end] for h in project.search.query('"CAFÉ OWNER"').hits] == ["cafe owner"]
