"""REFI-QDA import: a .qdpx / .qde project or a .qdc codebook becomes a NEW encrypted project.

    report = import_refi("study.qdpx", "study.qcse", passphrase, coder="alice", anonymise="off")
    print("\\n".join(report.lines()))

``refi_read`` parses leniently; this module stores what it read through the domain API, in one transaction
(a failure removes the half-made project file), and writes an ``ImportReport``: counts, what was tolerated,
and every item that could not be carried over. Nothing is dropped silently.

Anonymisation: with ``anonymise="off"`` (the default, the user says the texts are already anonymised) the
texts are stored as given and flagged as not anonymised by this app unless the file was written by
QualCoder-CSE from anonymised documents. With ``"auto"`` each text passes through the anonymiser with every
proposal accepted; codings are remapped onto the anonymised text, and a coding whose text was wholly
replaced is kept (on the placeholder) and reported.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import Project
from ..core.errors import ProjectError
from ..core.schema import ATTRIBUTE_TYPES, DOCUMENT_KINDS, LINK_RELATIONS
from ..core.util import PALETTE
from .refi_common import Progress, RefiError, decode_meta, new_guid_if_taken, tick
from .refi_read import RCode, RefiData, read_refi


@dataclass
class Anonymised:
    text: str
    shift: Callable[[int], int]  # offset in the original text -> offset in ``text``
    replaced: list[tuple[int, int, int, int]]  # (start, end) in the original, (start, end) of the placeholder
    log: list = field(default_factory=list)
    label: Callable[[str], str] = str  # anonymises a speaker label or a name in the same way


class Anonymiser:
    """The project's anonymiser with every proposal accepted (``--anonymise auto``). Placeholders are the
    project's own, so the same person gets the same placeholder in every imported document."""

    def __init__(self, project: Project, coder: str | None) -> None:
        from ..anonymise.pipeline import anonymise_name
        from ..anonymise.review import ReviewSession

        self.project, self.coder = project, coder
        self._session, self._name = ReviewSession, anonymise_name

    def text(self, text: str) -> Anonymised:
        session = self._session.detect(text, project=self.project, coder=self.coder, min_confidence=0.4)
        session.accept_all()
        result = session.apply(decision="auto")
        replaced = [(r.start, r.end, r.new_start, r.new_end) for r in result.replacements]
        return Anonymised(result.text, result.offset_map, replaced, result.log, session.anonymise_label)

    def name(self, name: str) -> str:
        return self._name(self.project, name)

    def note(self, text: str) -> str:
        return self.text(text).text if text.strip() else text


_COLOUR6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_COLOUR3 = re.compile(r"^#[0-9a-fA-F]{3}$")


@dataclass
class ImportReport:
    source: str
    kind: str
    origin: str
    counts: dict[str, int] = field(default_factory=dict)
    tolerated: list[str] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"imported {self.source} ({self.kind}, written by {self.origin or 'an unnamed tool'})"]
        out.append("  " + ", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        if self.tolerated:
            out.append("tolerated:")
            out += [f"  - {m}" for m in self.tolerated]
        if self.not_carried:
            out.append("not carried over:")
            out += [f"  - {m}" for m in self.not_carried]
        else:
            out.append("not carried over: nothing")
        return out

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "kind": self.kind,
            "origin": self.origin,
            "counts": self.counts,
            "tolerated": self.tolerated,
            "not_carried_over": self.not_carried,
        }


def import_refi(
    in_path: str | os.PathLike,
    project_path: str | os.PathLike,
    passphrase: str,
    *,
    coder: str = "researcher",
    anonymise: str = "off",
    progress: Progress | None = None,
) -> ImportReport:
    """Create ``project_path`` from a REFI-QDA file. Refuses an existing project file."""
    if anonymise not in ("off", "auto"):
        raise RefiError("--anonymise is 'auto' or 'off'.")
    if anonymise == "auto":
        check_anonymiser()
    data = read_refi(in_path)
    project_path = Path(project_path)
    project = Project.create(
        project_path, passphrase, framework="none", coder=coder, name=data.name or Path(in_path).stem
    )
    try:
        anonymiser = Anonymiser(project, coder) if anonymise == "auto" else None
        report = store(project, data, Path(in_path).name, anonymiser=anonymiser, progress=progress)
    except BaseException:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{project_path}{suffix}")
        raise
    project.close()
    return report


def check_anonymiser() -> None:
    """Fail before anything is created when this build cannot anonymise."""
    try:
        from ..anonymise import pipeline, review  # noqa: F401
    except ImportError:
        raise RefiError(
            "--anonymise auto is not available in this build (the anonymiser is missing). "
            "Import with --anonymise off, then re-scan the documents."
        ) from None


def import_codebook(project: Project, in_path: str | os.PathLike) -> ImportReport:
    """Bring the codes of a .qdc (or of a project file's codebook) into an OPEN project: codes are matched
    by path; missing ones are added with their colour and description; differences are reported and this
    project's values kept. One transaction."""
    data = read_refi(in_path)
    report = ImportReport(source=Path(in_path).name, kind="codebook", origin=data.origin)
    report.tolerated += data.messages
    if data.kind == "codebook":
        report.not_carried += data.lost
    elif data.sources or data.cases or data.notes:
        report.not_carried.append("everything but the codebook: use import-refi to make a project of it")
    guids = {c.guid for c in project.codes.list()}
    added = matched = 0

    def walk(codes: list[RCode], parent_id: int | None) -> None:
        nonlocal added, matched
        for code in codes:
            name = code.name or "(unnamed code)"
            colour = _colour(code.colour)
            mine = project.codes.child_named(parent_id, name)
            if mine is not None:
                matched += 1
                if colour and colour != mine.colour.lower():
                    report.not_carried.append(f"the colour {colour} of '{mine.path}' (this project's kept)")
                if code.description.strip() and code.description.strip() != mine.description.strip():
                    report.not_carried.append(f"the description of '{mine.path}' (this project's kept)")
            else:
                guid = code.guid if code.guid and code.guid not in guids else None
                mine = project.codes.add(
                    name, parent_id, description=code.description, colour=colour, origin="refi", guid=guid
                )
                guids.add(mine.guid)
                added += 1
            walk(code.children, mine.id)

    with project.transaction():
        walk(data.codes, None)
        project.audit.record("import codebook", "project", None, f"added={added} matched={matched}")
    report.counts = {"codes added": added, "codes already here": matched}
    return report


def _colour(value: str | None) -> str | None:
    colour = (value or "").strip()
    if _COLOUR3.match(colour):
        colour = "#" + "".join(ch * 2 for ch in colour[1:])
    return colour.lower() if _COLOUR6.match(colour) else None


# ---------------------------------------------------------------------------------------------- storing
def store(
    project: Project,
    data: RefiData,
    label: str,
    *,
    anonymiser: Anonymiser | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Write ``data`` into an open (normally empty) project in one transaction; returns the report."""
    report = ImportReport(source=label, kind=data.kind, origin=data.origin)
    report.tolerated += data.messages
    report.not_carried += data.lost
    with project.transaction():
        _Store(project, data, report, anonymiser, progress).run()
        detail = f"codings={report.counts.get('codings', 0)} not_carried={len(report.not_carried)}"
        project.audit.record("import refi", "project", None, detail)
    return report


_COUNTS = (
    "coders",
    "codes",
    "documents",
    "codings",
    "cases",
    "attributes",
    "attribute values",
    "memos",
    "links",
)


class _Store:
    def __init__(self, project: Project, data: RefiData, report: ImportReport, anonymiser, progress) -> None:
        self.p, self.d, self.r = project, data, report
        self.anonymiser, self.progress = anonymiser, progress
        self.ours = data.origin.startswith("QualCoder-CSE")
        self.coder_of: dict[str, int] = {}
        self.code_of: dict[str, int] = {}
        self.doc_of: dict[str, int] = {}
        self.case_of: dict[str, int] = {}
        self.used: dict[str, set[str]] = {}
        self.counts = dict.fromkeys(_COUNTS, 0)
        self.unknown_users = 0
        self.code_notes: list[tuple[str, int]] = []  # (note guid, our id) of every NoteRef met
        self.doc_notes: list[tuple[str, int]] = []
        self.coding_notes: list[tuple[str, int]] = []
        # selection guid -> (document id, start, end, speaker) of an uncoded selection a case refers to
        self.turn_of: dict[str, tuple[int, int, int, str]] = {}
        self.coding_keys: set[tuple[int, int, int, int, int]] = set()

    def clean(self, text: str) -> str:
        """Free text from the file (memos, descriptions, names of cases), anonymised when asked."""
        return self.anonymiser.note(text) if self.anonymiser is not None and text else text

    def guid(self, table: str, g: str | None) -> str | None:
        return new_guid_if_taken(self.used.setdefault(table, set()), g)

    def run(self) -> None:
        self.users()
        self.codes()
        if self.d.kind == "project":
            variables = self.variables()
            turns = self.turn_selections()
            self.sources(variables, turns)
            self.cases(variables, turns)
            self.notes_and_links()
            if self.d.description.strip():
                self.p.memos.add("project", None, self.clean(self.d.description), "Project description")
                self.counts["memos"] += 1
        if self.unknown_users:
            self.r.tolerated.append(
                f"{self.unknown_users} item(s) named no known user; they are credited "
                f"to '{self.p.coder.name}'"
            )
        self.r.counts = self.counts

    # -- users and codes
    def users(self) -> None:
        for g, name in self.d.users.items():
            existing = self.p.coders.by_name(name)
            coder = self.p.coders.get_or_create(name, guid=None if existing else self.guid("coders", g))
            if existing is None:
                self.counts["coders"] += 1
            self.coder_of[g] = coder.id

    def coder_id(self, user: str | None) -> int:
        if user and user in self.coder_of:
            return self.coder_of[user]
        if user is None and self.d.creating_user in self.coder_of:
            return self.coder_of[self.d.creating_user]
        self.unknown_users += 1
        return self.p.coder.id

    def codes(self) -> None:
        renamed, recoloured, categories = 0, 0, 0

        def add(code: RCode, parent_id: int | None, index: int) -> None:
            nonlocal renamed, recoloured, categories
            name = code.name or "(unnamed code)"
            base, n = name, 2
            while self.p.codes.child_named(parent_id, name):
                name, n = f"{base} ({n})", n + 1
            if name != code.name:
                renamed += 1
            colour = (code.colour or "").strip()
            if _COLOUR3.match(colour):
                colour = "#" + "".join(ch * 2 for ch in colour[1:])
            if not _COLOUR6.match(colour):
                if colour:
                    recoloured += 1
                colour = None if parent_id is not None else PALETTE[index % len(PALETTE)]
            if not code.codable:
                categories += 1
            made = self.p.codes.add(
                name,
                parent_id,
                description=code.description,
                colour=colour,
                origin="refi",
                guid=self.guid("codes", code.guid),
            )
            self.counts["codes"] += 1
            if code.guid:
                self.code_of.setdefault(code.guid, made.id)
            self.code_notes.extend((ref, made.id) for ref in code.note_refs)
            for i, child in enumerate(code.children):
                add(child, made.id, i)

        for i, code in enumerate(self.d.codes):
            add(code, None, i)
        if renamed:
            self.r.tolerated.append(
                f"{renamed} code(s) with an empty or repeated name under the same parent were "
                "renamed with a number"
            )
        if recoloured:
            self.r.tolerated.append(
                f"{recoloured} code colour(s) not in #rrggbb form were replaced by a default"
            )
        if categories:
            self.r.tolerated.append(f"{categories} category code(s) marked not codable became ordinary codes")

    # -- variables
    def variables(self) -> dict[str, dict]:
        """guid -> {"name", "type", "role", "choices", "attr": {scope: attribute id}}; attributes are created
        lazily per scope (case values -> case attribute, source values -> document attribute)."""
        out: dict[str, dict] = {}
        values_by_var: dict[str, list[str]] = {}
        for holder in [*self.d.cases, *self.d.sources]:
            for v in holder.values:
                if v.variable:
                    values_by_var.setdefault(v.variable, []).append(v.value)
        for var in self.d.variables:
            if not var.guid:
                continue
            meta = decode_meta(var.description) if self.ours else None
            kind = {"Integer": "number", "Float": "number", "Date": "date"}.get(var.type, "text")
            choices: list[str] = []
            if var.type == "Boolean":
                kind, choices = "category", ["true", "false"]
            if meta:
                kind = meta.get("type", kind) if meta.get("type") in ATTRIBUTE_TYPES else kind
                choices = [str(c) for c in meta.get("choices", []) if str(c).strip()]
            role = meta.get("role") if meta else None
            if (
                role is None
                and kind != "text"
                and not _all_valid(kind, choices, values_by_var.get(var.guid, []))
            ):
                self.r.tolerated.append(
                    f"variable '{var.name}' has values that are not of its type "
                    f"{var.type}; it is stored as text"
                )
                kind, choices = "text", []
            if var.type == "DateTime" and role is None:
                self.r.tolerated.append(f"variable '{var.name}' (date and time) is stored as text")
            out[var.guid] = {
                "name": var.name or "(unnamed variable)",
                "type": kind,
                "choices": choices,
                "role": role,
                "attr": {},
            }
        return out

    def attribute(self, variables: dict, guid: str | None, scope: str) -> int | None:
        var = variables.get(guid or "")
        if var is None:
            return None
        if scope not in var["attr"]:
            existing = self.p.attributes.by_name(var["name"], scope)
            if existing is None:
                existing = self.p.attributes.add(
                    var["name"],
                    scope=scope,
                    type=var["type"],
                    choices=var["choices"],
                    guid=self.guid("attributes", guid),
                )
                self.counts["attributes"] += 1
            var["attr"][scope] = existing.id
        return var["attr"][scope]

    def set_values(self, variables: dict, holder, scope: str, target_id: int) -> None:
        for v in holder.values:
            var = variables.get(v.variable or "")
            if var is None:
                self.r.not_carried.append(f"a value on {scope} '{holder.name}' refers to no known variable")
                continue
            if var["role"]:
                continue
            attr_id = self.attribute(variables, v.variable, scope)
            try:
                if self.p.attributes.set_value(attr_id, target_id, v.value):
                    self.counts["attribute values"] += 1
            except ProjectError:
                self.r.not_carried.append(
                    f"the value of '{var['name']}' on {scope} '{holder.name}' is not valid for its type"
                )

    # -- sources, selections, codings
    def turn_selections(self) -> set[str]:
        """Selections referenced by a case (our speaker turns, or another tool's case segments)."""
        return {g for case in self.d.cases for g in case.selection_refs}

    def sources(self, variables: dict, turn_refs: set[str]) -> None:
        annotations, ignored, dup_codings, wholly_replaced = 0, 0, 0, 0
        for i, src in enumerate(self.d.sources):
            tick(self.progress, i, len(self.d.sources), "documents")
            if src.text is None:
                continue
            label = src.name or "(unnamed)"
            anon = Anonymised(src.text, lambda pos: pos, [])
            if self.anonymiser is not None:
                anon = self.anonymiser.text(src.text)
                self.counts["redactions"] = self.counts.get("redactions", 0) + len(anon.replaced)
            text, shift = anon.text, anon.shift
            kind, anonymised = "other", self.anonymiser is not None
            for v in src.values:
                role = variables.get(v.variable or "", {}).get("role")
                if role == "kind" and v.value in DOCUMENT_KINDS:
                    kind = v.value
                elif role == "anonymised" and self.anonymiser is None:
                    anonymised = v.value.strip().lower() in ("true", "1")
            name = src.name or "(unnamed source)"
            if self.anonymiser is not None:
                name = self.anonymiser.name(name) or name
            if self.p.documents.by_name(name):
                name = self.p.documents.unique_name(name)
                self.r.tolerated.append(f"source '{label}' renamed '{name}' (the name was taken)")
            if not text.strip():
                self.r.tolerated.append(
                    f"source '{label}' has no text (empty or only line breaks); imported as an empty document"
                )
            turns = []
            for sel in src.selections:
                if sel.guid in turn_refs and not sel.codings:
                    s, e = shift(sel.start), shift(sel.end)
                    if 0 <= s <= e <= len(text):
                        turns.append((s, e, anon.label((sel.name or "").strip() or "speaker")))
            # REFI has no speaker turns: find them from the labels in the text, as a file import does
            # (the text is not changed); turns a case refers to win where they overlap.
            covered = bytearray(len(text) + 1)
            for s, e, _ in turns:
                covered[s:e] = b"\x01" * (e - s)
            turns += [t for t in _detect_turns(text) if covered.find(1, t[0], max(t[1], t[0] + 1)) < 0]
            self.counts["speaker turns"] = self.counts.get("speaker turns", 0) + len(turns)
            doc = self.p.documents.add(
                name,
                text,
                kind=kind,
                anonymised=anonymised,
                memo=self.clean(src.description),
                turns=turns,
                guid=self.guid("documents", src.guid),
                source_format="refi-qda",
            )
            if anon.log:
                self.p.pseudonyms.write_log(doc.id, anon.log)
            self.counts["documents"] += 1
            if src.guid:
                self.doc_of[src.guid] = doc.id
            self.set_values(variables, src, "document", doc.id)
            self.doc_notes.extend((ref, doc.id) for ref in src.note_refs)
            for sel in src.selections:
                if not sel.codings:
                    if sel.guid in turn_refs:
                        self.turn_of[sel.guid] = (
                            doc.id,
                            shift(sel.start),
                            shift(sel.end),
                            anon.label((sel.name or "").strip() or "speaker"),
                        )
                    elif sel.description.strip() or sel.note_refs:
                        annotations += 1
                        body = self.clean(sel.description.strip()) or "(see the linked note)"
                        self.p.memos.add(
                            "document",
                            doc.id,
                            body,
                            f"Annotation at {sel.start}-{sel.end}",
                            coder=self.coder_id(sel.user),
                        )
                        self.counts["memos"] += 1
                        self.doc_notes.extend((ref, doc.id) for ref in sel.note_refs)
                    else:
                        ignored += 1
                    continue
                if not (0 <= sel.start < sel.end <= len(src.text)):
                    self.r.not_carried.append(
                        f"{len(sel.codings)} coding(s) in source '{label}' at {sel.start}-{sel.end}: outside "
                        f"the text (0-{len(src.text)}) or empty"
                    )
                    continue
                s, e = shift(sel.start), shift(sel.end)
                for a, b, new_a, new_b in anon.replaced:
                    if a <= sel.start and sel.end <= b:  # all of it was replaced: keep it on the placeholder
                        s, e = new_a, new_b
                        wholly_replaced += len(sel.codings)
                        break
                ids = []
                for c in sel.codings:
                    code_id = self.code_of.get(c.code or "")
                    if code_id is None:
                        self.r.not_carried.append(f"a coding in source '{label}' refers to no known code")
                        continue
                    coder_id = self.coder_id(c.user)
                    key = (code_id, doc.id, s, e, coder_id)
                    if key in self.coding_keys:
                        dup_codings += 1
                        continue
                    self.coding_keys.add(key)
                    made = self.p.codings.add(
                        code_id,
                        doc.id,
                        s,
                        e,
                        coder=coder_id,
                        memo=self.clean(sel.description),
                        guid=self.guid("codings", c.guid),
                        created_at=_stamp(c.created),
                    )
                    self.counts["codings"] += 1
                    ids.append(made.id)
                    self.coding_notes.extend((ref, made.id) for ref in c.note_refs)
                for ref in sel.note_refs:
                    self.coding_notes.extend((ref, cid) for cid in ids)
            for c in src.whole_codings:
                code_id = self.code_of.get(c.code or "")
                if code_id is None or not text:
                    self.r.not_carried.append(
                        f"a whole-source coding of '{label}': "
                        + ("unknown code" if code_id is None else "the source is empty")
                    )
                    continue
                self.p.codings.add(
                    code_id,
                    doc.id,
                    0,
                    len(text),
                    coder=self.coder_id(c.user),
                    guid=self.guid("codings", c.guid),
                    created_at=_stamp(c.created),
                )
                self.counts["codings"] += 1
                self.r.tolerated.append(
                    f"a coding of the whole source '{label}' became a coding of all its text"
                )
        if annotations:
            self.r.tolerated.append(
                f"{annotations} annotation(s) (selections with a note but no code) became document memos"
            )
        if ignored:
            self.r.not_carried.append(f"{ignored} selection(s) with neither a code nor a note")
        if dup_codings:
            self.r.tolerated.append(
                f"{dup_codings} repeated coding(s) (same code, span and coder) were stored once"
            )
        if wholly_replaced:
            self.r.tolerated.append(
                f"{wholly_replaced} coding(s) covered only text the anonymiser replaced; they "
                "are kept on the placeholder. Review them."
            )
        tick(self.progress, len(self.d.sources), len(self.d.sources), "documents")

    # -- cases
    def cases(self, variables: dict, turn_refs: set[str]) -> None:
        for case in self.d.cases:
            name = self.clean(case.name) or "(unnamed case)"
            if self.p.cases.by_name(name):
                base, n = name, 2
                while self.p.cases.by_name(name):
                    name, n = f"{base} ({n})", n + 1
                self.r.tolerated.append(f"case '{case.name}' renamed '{name}' (the name was taken)")
            made = self.p.cases.add(name, self.clean(case.description), guid=self.guid("cases", case.guid))
            self.counts["cases"] += 1
            if case.guid:
                self.case_of[case.guid] = made.id
            self.set_values(variables, case, "case", made.id)
            docs = [self.doc_of[g] for g in case.source_refs if g in self.doc_of]
            if len(docs) < len(case.source_refs):
                self.r.not_carried.append(
                    f"{len(case.source_refs) - len(docs)} source link(s) of case '{name}' "
                    "point to sources that were not imported"
                )
            self.p.cases.add_documents(made.id, docs)
            missing = 0
            for g in case.selection_refs:
                turn = self.turn_of.get(g)
                if turn is None:
                    missing += 1
                    continue
                self.p.turns.map_speaker(turn[0], turn[3], made.id)
            if missing:
                self.r.not_carried.append(
                    f"{missing} segment link(s) of case '{name}' (only uncoded selections "
                    "can become case turns)"
                )
            if case.code_refs:
                self.r.not_carried.append(f"{len(case.code_refs)} code link(s) of case '{name}'")

    # -- notes and links
    def notes_and_links(self) -> None:
        notes = {n.guid: n for n in self.d.notes if n.guid}
        targets: dict[str, list[tuple[str, int | None]]] = {}
        for ref, cid in self.code_notes:
            targets.setdefault(ref, []).append(("code", cid))
        for ref, did in self.doc_notes:
            targets.setdefault(ref, []).append(("document", did))
        for ref, cid in self.coding_notes:
            targets.setdefault(ref, []).append(("coding", cid))
        for ref in self.d.project_note_refs:
            targets.setdefault(ref, []).append(("project", None))
        link_memo_notes: set[str] = set()
        other_links = 0
        for lk in self.d.links:
            a, b = lk.origin or "", lk.target or ""
            if a in self.code_of and b in self.code_of and self.code_of[a] != self.code_of[b]:
                relation = lk.name if lk.name in LINK_RELATIONS else "associated"
                memo_parts = [self.clean(notes[r].text) for r in lk.note_refs if r in notes]
                link_memo_notes.update(r for r in lk.note_refs if r in notes)
                if lk.name and lk.name not in LINK_RELATIONS:
                    memo_parts.insert(0, f"Link name in {self.d.origin or 'the source'}: {lk.name}")
                self.p.links.add(
                    self.code_of[a],
                    self.code_of[b],
                    relation,
                    "\n\n".join(memo_parts),
                    coder=self.p.coder.id,
                    guid=self.guid("links", lk.guid),
                )
                self.counts["links"] += 1
            elif a in notes and (target := self._memo_target(b)) is not None:
                targets.setdefault(a, []).append(target)
            elif b in notes and (target := self._memo_target(a)) is not None:
                targets.setdefault(b, []).append(target)
            else:
                other_links += 1
        if other_links:
            self.r.not_carried.append(
                f"{other_links} link(s) between objects other than two codes or a note and its subject"
            )
        dangling = sum(len(where) for ref, where in targets.items() if ref not in notes)
        if dangling:
            self.r.not_carried.append(f"{dangling} note reference(s) pointing to no note in the file")
        unattached = 0
        for note in self.d.notes:
            where = targets.get(note.guid or "", [])
            if not where:
                if note.guid in link_memo_notes:
                    continue
                where = [("project", None)]
                unattached += 1
            for i, (kind, target_id) in enumerate(where):
                self.p.memos.add(
                    kind,
                    target_id,
                    self.clean(note.text),
                    self.clean(note.name),
                    coder=self.coder_id(note.user),
                    guid=self.guid("memos", note.guid) if i == 0 else None,
                    created_at=_stamp(note.created),
                    updated_at=_stamp(note.modified),
                )
                self.counts["memos"] += 1
        if unattached:
            self.r.tolerated.append(
                f"{unattached} note(s) attached to nothing we import became project memos"
            )
        tick(self.progress, 1, 1, "notes")

    def _memo_target(self, guid: str) -> tuple[str, int | None] | None:
        for kind, table in (("case", self.case_of), ("code", self.code_of), ("document", self.doc_of)):
            if guid in table:
                return kind, table[guid]
        return None


def _detect_turns(text: str) -> list[tuple[int, int, str]]:
    try:
        from ..importers.speakers import SpeakerOptions, detect_turns
    except ImportError:  # a build without the importers: no turns, nothing else changes
        return []
    same, found = detect_turns(text, SpeakerOptions(strip_timestamps=False))
    if same != text:
        return []
    return [(t.start, t.end, t.speaker) for t in found]


def _all_valid(kind: str, choices: list[str], values: list[str]) -> bool:
    from ..core.cases import AttributeManager
    from ..core.models import Attribute

    probe = Attribute(0, "probe", "case", kind, tuple(choices), 0, "")
    for v in values:
        try:
            AttributeManager.normalise(probe, v)
        except ProjectError:
            return False
    return True


def _stamp(value: str | None) -> str | None:
    """An xsd:dateTime as we store timestamps (UTC ``+00:00``), or None to let the store use now."""
    if not value:
        return None
    v = value.strip()
    return v[:-1] + "+00:00" if v.endswith("Z") else v
