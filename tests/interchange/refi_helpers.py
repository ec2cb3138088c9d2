"""Shared helpers for the REFI-QDA tests: the schemas and the real samples in the team's shared folder
(``../shared/refi`` beside the repository), our own fixtures in tests/data/refi, a richly coded project, and a
snapshot of everything a round trip must keep."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

DATA = Path(__file__).resolve().parents[1] / "data" / "refi"
MINIMAL = DATA / "minimal"
# Files from other repositories are never committed: they live beside the clone (in CI too).
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "refi"
SAMPLES = SHARED / "samples"

_SCHEMAS: dict[str, etree.XMLSchema] = {}


def shared(relative: str) -> Path:
    """A file of the shared REFI folder, or a clear failure saying where it is expected."""
    path = SHARED / relative
    if not path.exists():
        pytest.fail(
            f"{path.resolve()} is missing: the REFI-QDA samples and schemas are read from ../shared/refi "
            "beside the repository (see tests/data/refi/README.md); put the team's shared folder there."
        )
    return path


def sample_files() -> list[Path]:
    """Every sample file in ../shared/refi/samples (one folder per writer)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.glob("*/*") if p.suffix.lower() in (".qdpx", ".qde", ".qdc"))


def xsd(kind: str) -> etree.XMLSchema:
    if kind not in _SCHEMAS:
        name = "Project.xsd" if kind == "project" else "Codebook.xsd"
        _SCHEMAS[kind] = etree.XMLSchema(etree.parse(str(shared(name))))
    return _SCHEMAS[kind]


def qde_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde")


def assert_valid(data: bytes, kind: str) -> None:
    schema = xsd(kind)
    doc = etree.fromstring(data)
    assert schema.validate(doc), [e.message for e in schema.error_log][:5]


def fill_rich_project(project) -> None:
    """Codes, codings by two coders (emoji offsets), cases, attributes of every type, memos, links, turns."""
    docs = {d.name: d for d in project.documents.list()}
    board = docs["Board focus group"]
    police = docs["Police lead 1"]
    yp = docs["Young people chat"]
    with project.transaction():
        root = project.codes.add("Emerging", colour="#123abc", description="Codes found in the data")
        trust = project.codes.add(
            "Trust in police", root.id, colour="#ff0000", description="Said about trust"
        )
        project.codes.add("Empty child", trust.id, colour="#00ff00")
        # A category (takes no codings) and a name repeated under two parents, as frameworks have.
        themes = project.codes.add("Themes", codable=False, description="A category")
        detection = project.codes.add("Detection", themes.id)
        barriers = project.codes.add("Barriers", detection.id)
        project.codes.add("Barriers", root.id)
        framework = project.codes.list()[1]
        text = project.documents.text(board.id)
        emoji = text.index("😀")
        project.codings.add(trust.id, board.id, emoji - 9, emoji + 1, coder="alice", memo="with emoji")
        project.codings.add(trust.id, board.id, emoji + 2, emoji + 10, coder="bob")
        project.codings.add(framework.id, police.id, 0, 20, coder="bob", memo="framework coding")
        c4 = project.codings.add(trust.id, yp.id, 0, 27, coder="alice").coding
        project.codings.add(barriers.id, yp.id, 3, 12, coder="alice")
        project.codings.add(trust.id, yp.id, 0, 27, coder="bob")
        case = project.cases.add("DI Smith site", "a police lead")
        case2 = project.cases.add("YP group", "")
        project.cases.add_documents(case.id, [police.id])
        project.cases.add_documents(case2.id, [yp.id])
        age = project.attributes.add("Age", type="number")
        start = project.attributes.add("Start", type="date")
        role = project.attributes.add("Role", type="category", choices=["police", "lscb", "young person"])
        force = project.attributes.add("Force", type="text")
        wave = project.attributes.add("Wave", scope="document", type="number")
        project.attributes.set_value(age.id, case2.id, "15")
        project.attributes.set_value(start.id, case.id, "2016-03-31")
        project.attributes.set_value(role.id, case.id, "police")
        project.attributes.set_value(force.id, case.id, "Northshire")
        project.attributes.set_value(age.id, case.id, "41.5")
        project.attributes.set_value(wave.id, police.id, "2")
        project.memos.add("project", None, "Project memo\nline two", "Aims")
        project.memos.add("document", board.id, "Document memo", coder="bob")
        project.memos.add("code", trust.id, "Code memo")
        project.memos.add("coding", c4.id, "Coding memo")
        project.memos.add("case", case.id, "Case memo", "About the site")
        project.links.add(trust.id, framework.id, "leads to", "Link memo")
        project.links.add(framework.id, trust.id, "associated")
        project.documents.set_memo(police.id, "Interview memo")
    p1 = project.documents.text(board.id).index("P1:")
    project.documents.add(
        "Turns doc",
        "A: hello there\nB: hi\n",
        kind="fieldnote",
        anonymised=True,
        turns=[(0, 14, "A"), (15, 20, "B")],
    )
    turns_doc = project.documents.by_name("Turns doc")
    project.turns.map_speaker(turns_doc.id, "A", case.id)
    assert p1 >= 0


def snapshot(project) -> dict:
    """Everything a REFI round trip must keep, keyed by names and paths (ids differ between projects)."""
    docs = {d.id: d for d in project.documents.list()}
    codes = {c.id: c for c in project.codes.list()}
    coders = {c.id: c.name for c in project.coders.list()}
    cases = {c.id: c for c in project.cases.list()}

    def target(kind: str, tid):
        if kind == "project":
            return None
        if kind == "document":
            return docs[tid].name
        if kind == "code":
            return codes[tid].path
        if kind == "case":
            return cases[tid].name
        c = project.codings.get(tid)
        return (docs[c.document_id].name, codes[c.code_id].path, c.start, c.end, coders[c.coder_id])

    return {
        "documents": {
            d.name: (project.documents.text(d.id), d.kind, d.memo, d.anonymised) for d in docs.values()
        },
        "codes": {c.path: (c.colour, c.description, c.codable) for c in codes.values()},
        "codings": sorted(
            (
                docs[c.document_id].name,
                codes[c.code_id].path,
                c.start,
                c.end,
                coders[c.coder_id],
                c.memo,
                c.guid,
                c.created_at,
            )
            for c in project.codings.list()
        ),
        "coders_with_codings": sorted({coders[c.coder_id] for c in project.codings.list()}),
        "cases": {
            c.name: (
                c.description,
                sorted(docs[d].name for d in project.cases.documents_of(c.id)),
                project.attributes.values_for(c.id, "case"),
            )
            for c in cases.values()
        },
        "attributes": sorted((a.name, a.scope, a.type, a.choices) for a in project.attributes.list()),
        "document values": {d.name: project.attributes.values_for(d.id, "document") for d in docs.values()},
        "memos": sorted(
            (
                m.target_type,
                str(target(m.target_type, m.target_id)),
                m.title,
                m.text,
                coders.get(m.coder_id),
                m.created_at,
                m.updated_at,
            )
            for m in project.memos.list()
        ),
        "links": sorted(
            (codes[lk.from_code_id].path, codes[lk.to_code_id].path, lk.relation, lk.memo)
            for lk in project.links.list()
        ),
        "turns": {
            d.name: [
                (t.start, t.end, t.speaker, cases[t.case_id].name if t.case_id else None)
                for t in project.turns.list(d.id)
                if t.case_id
            ]
            for d in docs.values()
        },
    }
