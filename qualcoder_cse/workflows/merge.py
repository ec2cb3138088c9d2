"""Merging another coder's copy of a project into this one (File > Merge, ``qualcoder-cse merge``).

    report = merge_projects(project, other)       # both open; ``other`` may be read-only

What comes over: coders (matched by name), codes (matched by path; missing ones are created with their
colour and description), codings (each keeps its coder, span, memo, GUID and time), memos, cases (by name)
with their documents and attribute values, code links, and documents this project does not have yet.
Documents are matched by a SHA-256 of their stored text, so a renamed copy still matches; a document with the
same name but a different text is a conflict and its codings are left out (and reported). A coding already
present (same GUID, or same code, document, span and coder) is not duplicated, so merging twice changes
nothing. Codings stay per coder: the result is what the agreement statistics compare.

Everything runs in one transaction of ``project``; a failure leaves it as it was. Conflicts and anything not
merged are listed in the ``MergeReport``; the report names documents and codes, never transcript text.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core import Project
from ..core.errors import ProjectError
from ..interchange.refi_common import Progress, RefiError, tick

_COUNTS = (
    "documents matched",
    "documents added",
    "codes added",
    "codings added",
    "codings already present",
    "memos added",
    "cases added",
    "attribute values set",
    "links added",
)


@dataclass
class MergeReport:
    other: str
    dry_run: bool = False
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in _COUNTS})
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = (
            f"would merge {self.other} (dry run: nothing was changed)"
            if self.dry_run
            else f"merged {self.other}"
        )
        out = [head, "  " + ", ".join(f"{k}: {v}" for k, v in self.counts.items())]
        out.append("conflicts:" if self.conflicts else "conflicts: none")
        out += [f"  - {c}" for c in self.conflicts]
        if self.notes:
            out.append("notes:")
            out += [f"  - {n}" for n in self.notes]
        return out

    def as_dict(self) -> dict:
        return {
            "other": self.other,
            "dry_run": self.dry_run,
            "counts": self.counts,
            "conflicts": self.conflicts,
            "notes": self.notes,
        }


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def merge_files(
    project_path: str | os.PathLike,
    passphrase: str,
    other_path: str | os.PathLike,
    other_passphrase: str,
    *,
    coder: str | None = None,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> MergeReport:
    """Open both files (the other read-only) and merge; see ``merge_projects``."""
    if Path(project_path).resolve() == Path(other_path).resolve():
        raise RefiError("A project cannot be merged with itself.")
    with (
        Project.open(other_path, other_passphrase, readonly=True) as other,
        Project.open(project_path, passphrase, coder=coder) as project,
    ):
        return merge_projects(project, other, progress=progress, dry_run=dry_run)


class _DryRun(Exception):
    """Raised inside the merge transaction to roll back a preview."""


def merge_projects(
    project: Project, other: Project, *, progress: Progress | None = None, dry_run: bool = False
) -> MergeReport:
    """Merge ``other`` into ``project``; with ``dry_run`` the same report is computed and everything is
    rolled back (a preview of the conflicts, for headless use: listeners still hear the changes)."""
    if project.path.resolve() == other.path.resolve():
        raise RefiError("A project cannot be merged with itself.")
    report = MergeReport(other=other.path.name, dry_run=dry_run)
    try:
        with project.transaction():
            _Merge(project, other, report, progress).run()
            if dry_run:
                raise _DryRun
            project.audit.record(
                "merge project",
                "project",
                None,
                f"codings={report.counts['codings added']} conflicts={len(report.conflicts)}",
            )
    except _DryRun:
        pass
    return report


class _Merge:
    def __init__(self, project: Project, other: Project, report: MergeReport, progress) -> None:
        self.p, self.o, self.r, self.progress = project, other, report, progress
        self.c = report.counts
        self.coder_of: dict[int, int] = {}
        self.doc_of: dict[int, int] = {}
        self.code_of: dict[int, int] = {}
        self.coding_of: dict[int, int] = {}
        self.case_of: dict[int, int] = {}

    def step(self, done: int, stage: str) -> None:
        tick(self.progress, done, 7, stage)

    def run(self) -> None:
        self.step(0, "coders")
        self.coders()
        self.step(1, "documents")
        self.documents()
        self.step(2, "codes")
        self.codes()
        self.step(3, "codings")
        self.codings()
        self.step(4, "cases")
        self.cases()
        self.step(5, "memos")
        self.memos()
        self.links()
        self.step(7, "done")

    # -- coders
    def coders(self) -> None:
        self.my_coder_guids = {c.guid for c in self.p.coders.list()}
        self.their_coders = {c.id: c for c in self.o.coders.list()}

    def coder(self, other_id: int) -> int:
        """Our id for one of their coders, matched by name; created when they bring something."""
        if other_id not in self.coder_of:
            c = self.their_coders[other_id]
            mine = self.p.coders.by_name(c.name)
            if mine is None:
                mine = self.p.coders.get_or_create(
                    c.name, guid=None if c.guid in self.my_coder_guids else c.guid
                )
                self.r.notes.append(f"coder '{c.name}' is new to this project")
            self.coder_of[other_id] = mine.id
        return self.coder_of[other_id]

    # -- documents
    def documents(self) -> None:
        by_hash: dict[str, int] = {}
        for d in self.p.documents.list():
            by_hash.setdefault(text_hash(self.p.documents.text(d.id)), d.id)
        guids = {d.guid for d in self.p.documents.list()}
        self.skipped_docs: dict[int, str] = {}
        for d in self.o.documents.list():
            text = self.o.documents.text(d.id)
            h = text_hash(text)
            if h in by_hash:
                self.doc_of[d.id] = by_hash[h]
                self.c["documents matched"] += 1
                mine = self.p.documents.get(by_hash[h])
                if mine.name != d.name:
                    self.r.notes.append(f"document '{d.name}' matched '{mine.name}' by its text")
                self._attribute_values(d.id, by_hash[h], "document", d.name)
                continue
            if self.p.documents.by_name(d.name):
                self.skipped_docs[d.id] = d.name
                self.r.conflicts.append(
                    f"document '{d.name}' has a different text in the two projects; its codings and memos "
                    f"from {self.o.path.name} were not merged"
                )
                continue
            turns = [(t.start, t.end, t.speaker, t.timestamp) for t in self.o.turns.list(d.id)]
            made = self.p.documents.add(
                d.name,
                text,
                kind=d.kind,
                source_sha256=d.source_sha256,
                source_format=d.source_format,
                anonymised=d.anonymised,
                memo=d.memo,
                turns=turns,
                guid=None if d.guid in guids else d.guid,
            )
            by_hash[h] = made.id
            self.doc_of[d.id] = made.id
            self.c["documents added"] += 1
            self.r.notes.append(f"document '{d.name}' was only in {self.o.path.name}; it was added")
            self._attribute_values(d.id, made.id, "document", d.name)

    # -- codes
    def codes(self) -> None:
        guid_path = {c.guid: c.path for c in self.p.codes.list()}
        for c in self.o.codes.list():  # tree order: a parent is always mapped before its children
            try:
                mine = self.p.codes.by_path(c.path)
            except ProjectError:
                mine = None
            if mine is not None:
                self.code_of[c.id] = mine.id
                if mine.colour.lower() != c.colour.lower():
                    self.r.conflicts.append(
                        f"code '{c.path}' has colour {c.colour} in {self.o.path.name} and "
                        f"{mine.colour} here; this project's colour was kept"
                    )
                if mine.description.strip() != c.description.strip():
                    self.r.conflicts.append(
                        f"code '{c.path}' has a different description in {self.o.path.name}; "
                        "this project's description was kept"
                    )
                continue
            parent = self.code_of.get(c.parent_id) if c.parent_id is not None else None
            if c.guid in guid_path:
                self.r.conflicts.append(
                    f"code '{c.path}' in {self.o.path.name} is the code '{guid_path[c.guid]}' here, renamed "
                    "or moved; codes are matched by path, so it was added as a new code"
                )
            made = self.p.codes.add(
                c.name,
                parent,
                description=c.description,
                colour=c.colour,
                origin=c.origin,
                guid=None if c.guid in guid_path else c.guid,
            )
            guid_path[made.guid] = made.path
            self.code_of[c.id] = made.id
            self.c["codes added"] += 1

    # -- codings
    def codings(self) -> None:
        mine = self.p.codings.list()
        by_guid = {c.guid: c.id for c in mine}
        by_key = {(c.code_id, c.document_id, c.start, c.end, c.coder_id): c.id for c in mine}
        present_by_coder: dict[int, int] = {}
        new_by_coder: dict[int, int] = {}
        left_out = 0
        for c in self.o.codings.list():
            if c.document_id not in self.doc_of:
                left_out += 1
                continue
            key = (
                self.code_of[c.code_id],
                self.doc_of[c.document_id],
                c.start,
                c.end,
                self.coder(c.coder_id),
            )
            existing = by_guid.get(c.guid) or by_key.get(key)
            if existing:
                self.coding_of[c.id] = existing
                self.c["codings already present"] += 1
                present_by_coder[key[4]] = present_by_coder.get(key[4], 0) + 1
                continue
            made = self.p.codings.add(
                key[0],
                key[1],
                c.start,
                c.end,
                coder=key[4],
                memo=c.memo,
                guid=c.guid,
                created_at=c.created_at,
            ).coding
            by_guid[made.guid] = by_key[key] = made.id
            self.coding_of[c.id] = made.id
            self.c["codings added"] += 1
            new_by_coder[key[4]] = new_by_coder.get(key[4], 0) + 1
        if left_out:
            self.r.conflicts.append(f"{left_out} coding(s) on conflicting documents were not merged")
        # Two people saving under one coder name would be silently pooled: say so.
        for coder_id, added in new_by_coder.items():
            own = len([c for c in mine if c.coder_id == coder_id]) - present_by_coder.get(coder_id, 0)
            if own > 0:
                name = self.p.coders.get(coder_id).name
                self.r.conflicts.append(
                    f"coder '{name}' has codings in both projects that the other lacks ({own} here, {added} "
                    "merged); they are now pooled under one name. If these are two people, rename one coder "
                    "and merge again into a fresh copy"
                )

    # -- cases and attribute values
    def cases(self) -> None:
        guids = {c.guid for c in self.p.cases.list()}
        for case in self.o.cases.list():
            mine = self.p.cases.by_name(case.name)
            if mine is None:
                mine = self.p.cases.add(
                    case.name, case.description, guid=None if case.guid in guids else case.guid
                )
                self.c["cases added"] += 1
            elif mine.description.strip() != case.description.strip() and case.description.strip():
                self.r.conflicts.append(
                    f"case '{case.name}' has a different description in {self.o.path.name}; "
                    "this project's was kept"
                )
            self.case_of[case.id] = mine.id
            docs = [self.doc_of[d] for d in self.o.cases.documents_of(case.id) if d in self.doc_of]
            self.p.cases.add_documents(mine.id, docs)
            self._attribute_values(case.id, mine.id, "case", case.name)

    def _attribute_values(self, other_id: int, my_id: int, scope: str, label: str) -> None:
        for name, value in self.o.attributes.values_for(other_id, scope).items():
            attr = self.p.attributes.by_name(name, scope)
            if attr is None:
                theirs = self.o.attributes.by_name(name, scope)
                attr = self.p.attributes.add(name, scope=scope, type=theirs.type, choices=theirs.choices)
            current = self.p.attributes.value(attr.id, my_id)
            if current == value:
                continue
            if current:
                self.r.conflicts.append(
                    f"{scope} '{label}': '{name}' is '{current}' here and '{value}' in "
                    f"{self.o.path.name}; this project's value was kept"
                )
                continue
            try:
                self.p.attributes.set_value(attr.id, my_id, value)
                self.c["attribute values set"] += 1
            except ProjectError:
                self.r.conflicts.append(
                    f"{scope} '{label}': the value of '{name}' from {self.o.path.name} does not "
                    "fit this project's attribute type; not merged"
                )

    # -- memos and links
    def memos(self) -> None:
        mine = {m.guid: m for m in self.p.memos.list()}
        targets = {
            "document": self.doc_of,
            "code": self.code_of,
            "coding": self.coding_of,
            "case": self.case_of,
        }
        left_out = 0
        for m in sorted(self.o.memos.list(), key=lambda m: m.id):
            target = None if m.target_type == "project" else targets[m.target_type].get(m.target_id)
            if m.target_type != "project" and target is None:
                left_out += 1
                continue
            same = mine.get(m.guid)
            if same is not None:
                if same.text == m.text:
                    continue
                self.r.conflicts.append(
                    f"a {m.target_type} memo ('{m.title or 'untitled'}') was edited in both "
                    f"projects; the version from {self.o.path.name} was added beside this one"
                )
            title = m.title if same is None else f"{m.title or 'Memo'} (from {self.o.path.name})"
            coder = self.coder(m.coder_id) if m.coder_id else None
            self.p.memos.add(
                m.target_type,
                target,
                m.text,
                title,
                coder=coder,
                guid=None if same is not None else m.guid,
                created_at=m.created_at,
                updated_at=m.updated_at,
            )
            self.c["memos added"] += 1
        if left_out:
            self.r.conflicts.append(
                f"{left_out} memo(s) on conflicting documents or their codings were not merged"
            )

    def links(self) -> None:
        mine = self.p.links.list()
        guids = {lk.guid for lk in mine}
        keys = {(lk.from_code_id, lk.to_code_id, lk.relation) for lk in mine}
        for lk in self.o.links.list():
            key = (self.code_of[lk.from_code_id], self.code_of[lk.to_code_id], lk.relation)
            if lk.guid in guids or key in keys or key[0] == key[1]:
                continue
            evidence = [self.coding_of[c] for c in lk.coding_ids if c in self.coding_of]
            coder = self.coder(lk.coder_id) if lk.coder_id else None
            self.p.links.add(key[0], key[1], lk.relation, lk.memo, evidence, coder=coder, guid=lk.guid)
            keys.add(key)
            self.c["links added"] += 1
