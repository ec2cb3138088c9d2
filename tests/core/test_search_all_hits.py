"""Every hit of a search (``all_hits``, what "code all results" and auto-code use) and each page of hits are
exactly what the query regex finds in every matched document's text: the fast scanner changes no result."""

from __future__ import annotations

import random

import pytest

from qualcoder_cse.core.search import parse_query

TRICKY = [
    "police", "Police", "POLICE", "pOlIcE", "pólice", "PÓLICE", "políce", "police_station", "_police",
    "policeman", "Policemen", "police's", "police-led", "police?", "?police", "police😕", "😕police",
    "café", "cafe", "CAFÉ", "Café-owner", "cafe\u0301", "naïve", "NAIVE", "Zoë", "zoe", "kite", "\u212aite",
    "ſtrategy", "strategy", "Strategy  meetings", "strategy\nmeetings", "strategy_meetings", "strategy—meetings",
    "strategy meeting", "don't", "don’t", "DON'T", "e-mail", "email", "İstanbul", "istanbul", "Straße",
    "strasse", "1234", "x1234", "PC", "pc's", "Pc", "œuvre", "child", "children", "Child-centred", "??",
    "naïveté", "naivete",
]
QUERIES = [
    "police", "POLICE", "police*", "polic*", "pólice", '"strategy meetings"', "strategy meetings", "cafe",
    "café owner", "naive zoe", "kite", "strategy", "don't", "e-mail", "istanbul", "1234", "pc", "child*",
    '"child centred" police', "naïveté", "straße", "œuvre", '"police led"', "police police*",
]


def _reference(project, query: str) -> list[tuple[int, int, int]]:
    """The straightforward implementation: every matched document's text, the query regex from its start."""
    regex = parse_query(query).regex
    out = []
    for doc_id in project.search.document_ids(query):
        text = project.documents.text(doc_id)
        out += [(doc_id, m.start(), m.end()) for m in regex.finditer(text)]
    return out


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    seps = [" ", " ", " ", "\n", ", ", ". ", "  ", "-", "—", " (", ") ", "'", "’", "?", "_", "😕"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(50, 400)):
            parts.append(rng.choice(TRICKY))
            parts.append(rng.choice(seps))
        out.append("".join(parts))
    return out


@pytest.fixture
def tricky_project(project):
    for i, text in enumerate(_texts(22, 12)):
        project.documents.add(f"Doc {i:02d}", text, kind="other")
    project.documents.add("Plain", "P1: the police came round. Police again! POLICE.\n" * 200, kind="other")
    project.documents.add("Emoji", "yp1: police never listen 😕 pólice? " * 150, kind="other")
    return project


@pytest.mark.parametrize("query", QUERIES)
def test_all_hits_equal_the_reference(tricky_project, query):
    got = tricky_project.search.all_hits(query)
    assert got == _reference(tricky_project, query)


def test_the_fast_path_is_taken_and_finds_hits(tricky_project):
    # Not a vacuous comparison: these queries use the scanner, and it finds accented/odd-case hits too.
    assert parse_query("police").scanner is not None
    assert parse_query('"strategy meetings"').scanner is not None
    hits = tricky_project.search.all_hits("police")
    texts = {d.id: tricky_project.documents.text(d.id) for d in tricky_project.documents.list()}
    found = {texts[d][s:e] for d, s, e in hits}
    assert {"police", "Police", "POLICE", "pOlIcE", "pólice", "PÓLICE", "políce"} <= found
    assert len(hits) > 1000


def test_restricted_to_documents(tricky_project):
    docs = [d.id for d in tricky_project.documents.list()][:3]
    got = tricky_project.search.all_hits("police*", docs)
    assert got == [h for h in _reference(tricky_project, "police*") if h[0] in set(docs)]


@pytest.mark.parametrize("query", ["police", "cafe", '"strategy meetings"', "child*"])
def test_pages_equal_the_reference(tricky_project, query):
    ref = _reference(tricky_project, query)
    got, offset = [], 0
    while True:
        page = tricky_project.search.query(query, limit=37, offset=offset)
        got += [(h.document_id, h.start, h.end) for h in page.hits]
        offset += len(page.hits)
        if not page.has_more:
            break
    assert got == ref
