"""Storing a REFI-QDA file's records in a project: users (as coders), the code tree, variables (as case and
document attributes, or our own document kind, anonymised flag and speaker turns), cases, notes (as memos)
and links. The texts, their turns and codings are ``refi_store.SourceStore``'s, which this extends;
``refi_import.store`` runs it in one transaction and reports what could not be carried over.
"""

from __future__ import annotations

from ..core import Project
from ..core.cases import AttributeManager
from ..core.errors import ProjectError
from ..core.models import Attribute
from ..core.schema import ATTRIBUTE_TYPES, DOCUMENT_KINDS, LINK_RELATIONS
from ..core.util import PALETTE
from .refi_codebook import colour
from .refi_common import decode_meta, tick
from .refi_model import ImportReport, RCode, RefiData
from .refi_names import UNIQUE_MARK, real_name
from .refi_store import TURNS_VARIABLE, SourceStore, own_part, parse_turns, stamp

# Our own Variables, recognised by name when a trip through another tool dropped their descriptions.
ROLE_BY_NAME = {"Document kind": "kind", "Anonymised by QualCoder-CSE": "anonymised", TURNS_VARIABLE: "turns"}

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


class RecordStore(SourceStore):
    """Everything of a REFI-QDA file but the texts' own content, stored through the domain API."""

    def __init__(self, project: Project, data: RefiData, report: ImportReport, anonymiser, progress) -> None:
        super().__init__(project, data, report, anonymiser, progress)
        self.counts = dict.fromkeys(_COUNTS, 0)
        self.unique_names = self.ours and UNIQUE_MARK in data.origin

    def run(self) -> None:
        self.users()
        self.codes()
        if self.d.kind == "project":
            self.nameless_cases()
            variables = self.variables()
            turns = self.turn_selections()
            self.sources(variables, turns)
            self.cases(variables, turns)
            self.notes_and_links()
            own = own_part(self.d.description, self.notes_of(self.d.project_note_refs))
            if own.strip():
                self.p.memos.add("project", None, self.clean(own), "Project description")
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

    def codes(self) -> None:
        renamed, recoloured, coded_categories = 0, 0, 0
        case_guids = {c.guid for c in self.d.cases if c.guid and c.named}
        coded = {
            c.code
            for src in self.d.sources
            for c in [*src.whole_codings, *(c for sel in src.selections for c in sel.codings)]
        }

        def add(code: RCode, parent_id: int | None, index: int, parent: tuple[str, str] | None) -> None:
            nonlocal renamed, recoloured, coded_categories
            if code.guid in case_guids:  # a case written as a code too (NVivo): its codings are case links
                self.case_codes.add(code.guid)
                for i, child in enumerate(code.children):
                    add(child, parent_id, index + i + 1, parent)
                return
            name = code.name or "(unnamed code)"
            if self.unique_names and parent is not None:
                name = real_name(name, *parent)
            base, n = name, 2
            while self.p.codes.child_named(parent_id, name):
                name, n = f"{base} ({n})", n + 1
            if name != code.name and not self.unique_names:
                renamed += 1
            colour_ = colour(code.colour)
            if colour_ is None:
                recoloured += bool((code.colour or "").strip())
                colour_ = None if parent_id is not None else PALETTE[index % len(PALETTE)]
            codable = code.codable
            if not codable and code.guid in coded:
                codable, coded_categories = True, coded_categories + 1
            made = self.p.codes.add(
                name,
                parent_id,
                description=own_part(code.description, self.notes_of(code.note_refs)),
                colour=colour_,
                origin="refi",
                guid=self.guid("codes", code.guid),
                codable=codable,
            )
            self.counts["codes"] += 1
            if not codable:
                self.count("categories")
            if code.guid:
                self.code_of.setdefault(code.guid, made.id)
            self.code_notes.extend((ref, made.id) for ref in code.note_refs)
            for i, child in enumerate(code.children):
                add(child, made.id, i, (made.name, made.path))

        for i, code in enumerate(self.d.codes):
            add(code, None, i, None)
        if renamed:
            self.r.tolerated.append(
                f"{renamed} code(s) with an empty or repeated name under the same parent were "
                "renamed with a number"
            )
        if recoloured:
            self.r.tolerated.append(
                f"{recoloured} code colour(s) not in #rrggbb form were replaced by a default"
            )
        if self.case_codes:
            self.r.tolerated.append(
                f"{len(self.case_codes)} code(s) that stand for cases (same GUID as a case, as NVivo writes "
                "them) became links between the case and the documents they code"
            )
        if coded_categories:
            self.r.tolerated.append(
                f"{coded_categories} code(s) marked not codable hold codings in the file; they were kept "
                "codable so that no coding is lost"
            )

    # -- variables
    @staticmethod
    def _role_by_name(name: str, values: list[str]) -> str | None:
        """One of our Variables whose description a trip through another tool lost, when its values fit."""
        role = ROLE_BY_NAME.get(name)
        fits = {
            "kind": lambda v: v in DOCUMENT_KINDS,
            "anonymised": lambda v: v.strip().lower() in ("true", "false", "1", "0"),
            "turns": lambda v: parse_turns(v, 1 << 62) is not None,
        }
        return role if role and all(fits[role](v) for v in values) else None

    def nameless_cases(self) -> None:
        """MAXQDA, Quirkos and QualCoder write a source's attribute values as a Case with no name and one
        SourceRef: those values belong to the document, and there is no case."""
        by_guid = {s.guid: s for s in self.d.sources if s.guid}
        moved = 0
        for case in list(self.d.cases):
            if case.named or len(case.source_refs) != 1 or case.selection_refs or case.code_refs:
                continue
            src = by_guid.get(case.source_refs[0])
            if src is not None:
                src.values.extend(case.values)
                self.d.cases.remove(case)
                moved += 1
        if moved:
            self.r.tolerated.append(
                f"{moved} nameless case(s) that only carry one source's values became that document's "
                "attribute values"
            )

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
            meta = decode_meta(var.description)
            kind = {"Integer": "number", "Float": "number", "Date": "date"}.get(var.type, "text")
            choices: list[str] = []
            if var.type == "Boolean":
                kind, choices = "category", ["true", "false"]
            if meta:
                kind = meta.get("type", kind) if meta.get("type") in ATTRIBUTE_TYPES else kind
                choices = [str(c) for c in meta.get("choices", []) if str(c).strip()]
            role = meta.get("role") if meta else self._role_by_name(var.name, values_by_var.get(var.guid, []))
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
            value = v.value
            if self.anonymiser is not None and var["type"] == "text" and isinstance(value, str) and value.strip():
                value = self.anonymiser.name(value) or value  # (session 14) "participant: Kayleigh Brannigan"
            try:
                if self.p.attributes.set_value(attr_id, target_id, value):
                    self.counts["attribute values"] += 1
            except ProjectError:
                self.r.not_carried.append(
                    f"the value of '{var['name']}' on {scope} '{holder.name}' is not valid for its type"
                )

    # -- sources, selections, codings
    def turn_selections(self) -> set[str]:
        """Selections referenced by a case (our speaker turns, or another tool's case segments)."""
        return {g for case in self.d.cases for g in case.selection_refs}

    # -- cases
    def cases(self, variables: dict, turn_refs: set[str]) -> None:
        by_name: dict[str, int] = {}
        for case in self.d.cases:
            # a name, read as names are ("focus_group: P1" is a document's name and a speaker, not a chat handle)
            name = (self.anonymiser.name(case.name) if self.anonymiser is not None and case.name else case.name)
            name = name or "(unnamed case)"
            if self.p.cases.by_name(name):
                base, n = name, 2
                while self.p.cases.by_name(name):
                    name, n = f"{base} ({n})", n + 1
                self.r.tolerated.append(f"case '{case.name}' renamed '{name}' (the name was taken)")
            made = self.p.cases.add(name, self.clean(case.description), guid=self.guid("cases", case.guid))
            self.counts["cases"] += 1
            if case.guid:
                self.case_of[case.guid] = made.id
            by_name.setdefault(case.name, made.id)
            self.set_values(variables, case, "case", made.id)
            docs = [self.doc_of[g] for g in case.source_refs if g in self.doc_of]
            linked = [d for g, d in self.case_links if g == case.guid and d not in docs]
            if len(docs) < len(case.source_refs):
                self.r.not_carried.append(
                    f"{len(case.source_refs) - len(docs)} source link(s) of case '{name}' "
                    "point to sources that were not imported"
                )
            self.p.cases.add_documents(made.id, docs + list(dict.fromkeys(linked)))
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
        unknown = 0
        for doc_id, speaker, case_name in self.turn_cases:  # the turns our export listed with their case
            if case_name in by_name:
                self.p.turns.map_speaker(doc_id, speaker, by_name[case_name])
            else:
                unknown += 1
        if unknown:
            self.r.not_carried.append(f"{unknown} speaker(s) mapped to a case that is not in the file")

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
                    created_at=stamp(note.created),
                    updated_at=stamp(note.modified),
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


def _all_valid(kind: str, choices: list[str], values: list[str]) -> bool:
    probe = Attribute(0, "probe", "case", kind, tuple(choices), 0, "")
    for v in values:
        try:
            AttributeManager.normalise(probe, v)
        except ProjectError:
            return False
    return True
