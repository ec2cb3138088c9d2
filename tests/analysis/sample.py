"""A small hand-counted project for the analysis and export tests.

Codes: Disruption (theme) with CAWN and Hotels; Voice (theme) with Listened; Gaps (theme, never used).
Documents: Police 1 and Police 2 (police), Focus group (lscb, two speaker turns mapped to two cases),
YP chat (young_person). Coders alice and bob. Case attribute "participant group": police, board,
young people. The expected numbers in the tests were counted by hand from the spans below.
"""

from __future__ import annotations

from pathlib import Path

from qualcoder_cse.core import Project

D1 = "We use warning notices a lot. We visit hotels with licensing. Nothing else works."
D2 = "P1: The MASH works when people turn up.\nP2: Sharing with health is patchy.\n"
D3 = "police never listen tbh. the officer was kind once."
D4 = "Officers listened to the girl."


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_sample(path: Path, passphrase: str) -> Path:
    with Project.create(path, passphrase, framework="none", coder="alice", name="Sample study") as p:
        a = p.codes.by_path("Disruption", create=True)
        a1 = p.codes.by_path("Disruption/CAWN", create=True)
        a2 = p.codes.by_path("Disruption/Hotels", create=True)
        b = p.codes.by_path("Voice", create=True)
        b1 = p.codes.by_path("Voice/Listened", create=True)
        p.codes.by_path("Gaps", create=True)
        p1_end = D2.index("\n")
        p2_start = p1_end + 1
        p2_end = D2.index("\n", p2_start)
        d1 = p.documents.add("Police 1", D1, kind="police")
        d2 = p.documents.add(
            "Focus group", D2, kind="lscb", turns=[(0, p1_end, "P1"), (p2_start, p2_end, "P2")]
        )
        d3 = p.documents.add("YP chat", D3, kind="young_person")
        d4 = p.documents.add("Police 2", D4, kind="police")
        group = p.attributes.add(
            "participant group", scope="case", type="category", choices=["police", "board", "young people"]
        )
        force = p.attributes.add("force", scope="document", type="text")
        for name, docs, value in (
            ("Police A", [d1.id], "police"),
            ("Police B", [d4.id], "police"),
            ("YP 1", [d3.id], "young people"),
        ):
            case = p.cases.add(name)
            p.cases.add_documents(case.id, docs)
            p.attributes.set_value(group.id, case.id, value)
        for speaker, name in (("P1", "Board P1"), ("P2", "Board P2")):
            case = p.cases.add(name)
            p.turns.map_speaker(d2.id, speaker, case.id)
            p.attributes.set_value(group.id, case.id, "board")
        for doc, value in ((d1, "North"), (d2, "North"), (d3, "South"), (d4, "South")):
            p.attributes.set_value(force.id, doc.id, value)
        add = p.codings.add
        add(a1.id, d1.id, *span(D1, "warning notices a lot"), coder="alice", memo="CAWN use")  # c1
        add(a2.id, d1.id, *span(D1, "We visit hotels with licensing"), coder="alice")  # c2
        add(a2.id, d1.id, *span(D1, "warning notices a lot"), coder="alice")  # c3
        add(b1.id, d1.id, *span(D1, "Nothing else works"), coder="alice")  # c4
        add(a1.id, d1.id, *span(D1, "warning notices"), coder="bob")  # c5
        add(b1.id, d1.id, *span(D1, "hotels with licensing"), coder="bob")  # c6
        add(b1.id, d2.id, *span(D2, "The MASH works"), coder="alice")  # c7
        add(a.id, d2.id, *span(D2, "people turn up.\nP2: Sharing"), coder="alice")  # c8
        add(b1.id, d2.id, *span(D2, "The MASH works when"), coder="bob")  # c9
        add(b1.id, d3.id, *span(D3, "police never listen"), coder="alice")  # c10
        add(b.id, d3.id, *span(D3, "the officer was kind"), coder="alice")  # c11
        add(b1.id, d3.id, *span(D3, "police never listen tbh"), coder="bob")  # c12
        add(b1.id, d4.id, *span(D4, "listened to the girl"), coder="alice")  # c13
        p.memos.add("code", a.id, "Disruption covers CAWN and hotel work.", "Scope")
        p.links.add(a1.id, b1.id, "leads to", memo="notices reassure")
    return path


def build_agreement_units(path: Path, passphrase: str) -> Path:
    """Literature examples laid out as documents.

    - "Cohen": 50 characters; alice codes chars 0-25, bob 0-20 and 25-35: a=20, b=5, c=10, d=15, the
      2x2 table of the standard worked example (po = 0.7, pe = 0.5, kappa = 0.4).
    - "Kripp": ten one-line sentences; Krippendorff (2011) binary example, coder A 0100000010,
      coder B 1110010000 (alpha = 0.095).
    """
    with Project.create(path, passphrase, framework="none", coder="alice") as p:
        k = p.codes.by_path("Yes", create=True)
        cohen = p.documents.add("Cohen", "x" * 50)
        p.codings.add(k.id, cohen.id, 0, 25, coder="alice")
        p.codings.add(k.id, cohen.id, 0, 20, coder="bob")
        p.codings.add(k.id, cohen.id, 25, 35, coder="bob")
        lines = [f"Unit {i}." for i in range(1, 11)]
        text = "\n".join(lines)
        kripp = p.documents.add("Kripp", text)
        a = "0100000010"
        b = "1110010000"
        pos = 0
        for i, line in enumerate(lines):
            if a[i] == "1":
                p.codings.add(k.id, kripp.id, pos, pos + len(line), coder="carol")
            if b[i] == "1":
                p.codings.add(k.id, kripp.id, pos, pos + len(line), coder="dave")
            pos += len(line) + 1
        # carol and dave must both have coded something in the document for it to count: they have.
    return path
