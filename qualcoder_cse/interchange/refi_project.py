"""The ``project.qde`` of a .qdpx export: what each part of a project becomes, and where peers read it.

- Memos are written both ways: as ``Notes`` referenced by ``NoteRef`` (NVivo, ATLAS.ti, MAXQDA, our
  importer) and inside the ``Description`` of the Project, TextSource, Code and PlainTextSelection
  (QualCoder reads only those), after the element's own text.
- Speaker turns are never uncoded ``PlainTextSelection``s (peers make empty annotations of them): they
  travel as a document Variable of ours listing each turn, its speaker and its case.
- Cases keep their documents as ``SourceRef`` and their values as ``VariableValue``; document kinds are a
  document Variable (QualCoder and MAXQDA show it as a document attribute).
- Categories (codes that take no codings) are ``isCodable="false"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from .refi_common import (
    PROJECT_NS,
    Progress,
    RefiError,
    derived_guid,
    encode_meta,
    out_guid,
    tick,
    xml_datetime,
)
from .refi_names import repeated
from .refi_store import TURNS_VARIABLE
from .refi_write import RefiExportOptions, code_tree, joined, origin, position_map, variable_value, xml_safe

if TYPE_CHECKING:
    from ..core.project import Project

KIND_VARIABLE = "Document kind"
ANONYMISED_VARIABLE = "Anonymised by QualCoder-CSE"
_NAME_CHARS = 100  # a selection's name: the start of the coded text, as ATLAS.ti and QualCoder write
_VAR_TYPE = {"text": "Text", "number": "Float", "date": "Date", "category": "Text"}


def build_project(project: Project, options: RefiExportOptions, result, progress: Progress | None):
    """The Project element and the texts to put in ``sources/`` as (file name, text)."""
    return _ProjectWriter(project, options, result, progress).build()


class _ProjectWriter:
    """Writes one project's ``Project`` element, a part at a time: users, codebook, variables, cases, sources
    (each document's case links, codings and variable values), then notes and links."""

    def __init__(self, project: Project, options: RefiExportOptions, result,
                 progress: Progress | None) -> None:
        self.project, self.options, self.result, self.progress = project, options, result, progress
        self.coders = project.coders.list()
        self.coder_guid = {c.id: out_guid(c.guid) for c in self.coders}
        self.codes = project.codes.list()
        self.code_guid = {c.id: out_guid(c.guid) for c in self.codes}
        self.docs = sorted(project.documents.list(), key=lambda d: (d.name.casefold(), d.id))
        self.doc_guid = {d.id: out_guid(d.guid) for d in self.docs}
        self.memos = sorted(project.memos.list(), key=lambda m: m.id)
        self.links = project.links.list()
        self.cases = sorted(project.cases.list(), key=lambda c: (c.name.casefold(), c.id))
        self.attributes = project.attributes.list()
        self.attr_by_id = {a.id: a for a in self.attributes}
        self.var_guid = {a.id: out_guid(a.guid) for a in self.attributes}
        self.values = {scope: project.attributes.table(scope) for scope in ("case", "document")}
        self.memos_of: dict[tuple[str, int | None], list] = {}
        for m in self.memos:
            self.memos_of.setdefault((m.target_type, m.target_id), []).append(m)
        self.only_coder = self._only_coder()
        self._warn_repeated_names()
        case_docs = {c.id: project.cases.documents_of(c.id) for c in self.cases} if options.case_codes else {}
        self.case_docs = case_docs
        self.case_codes = [c for c in self.cases if case_docs.get(c.id)]
        self.kind_guid = derived_guid("variable", "document-kind")
        self.anon_guid = derived_guid("variable", "anonymised")
        self.turns_guid = derived_guid("variable", "speaker-turns")
        self.turns_of = {d.id: project.turns.list(d.id) for d in self.docs}
        self.case_name = {c.id: c.name for c in self.cases}
        self.n_codings = 0

    def sub(self, parent, tag: str, **attrs):
        clean = {k: xml_safe(v) for k, v in attrs.items() if v is not None}
        return etree.SubElement(parent, f"{{{PROJECT_NS}}}{tag}", clean)

    def _only_coder(self) -> int | None:
        """``options.coder``: export this coder's codings only (a coder that does not exist is an error)."""
        if not self.options.coder:
            return None
        found = self.project.coders.by_name(self.options.coder)
        if found is None:
            raise RefiError(f"No coder called '{self.options.coder}' in this project.")
        return found.id

    def _warn_repeated_names(self) -> None:
        names = repeated(self.codes)
        if names and not self.options.unique_code_names:
            self.result.warnings.append(
                f"{len(names)} code name(s) are used under more than one parent (e.g. '{names[0]}'); "
                "QualCoder keeps one code per name and loses the codings of the others: for QualCoder, "
                "export with unique code names"
            )

    def build(self):
        root = self.root()
        self.users(root)
        self.codebook(root)
        self.variables(root)
        self.cases_element(root)
        texts = self.sources(root)
        _notes_and_links(self.sub, root, self.project, self.memos, self.memos_of, self.links, self.cases,
                         self.coder_guid, self.code_guid, self.result)
        self.result.counts = {
            "users": len(self.coders),
            "codes": len(self.codes),
            "variables": len(self.attributes),
            "cases": len(self.cases),
            "sources": len(self.docs),
            "codings": self.n_codings,
            "notes": len(self.memos) + sum(1 for lk in self.links if lk.memo),
            "links": len(self.links),
        }
        return root, texts

    def root(self):
        attrs_root = {
            "name": xml_safe(self.project.name) or "project",
            "origin": origin(self.options),
            "creatingUserGUID": self.coder_guid.get(self.coders[0].id) if self.coders else None,
            "creationDateTime": xml_datetime(self.project.meta("created_at")),
        }
        return etree.Element(f"{{{PROJECT_NS}}}Project", {k: v for k, v in attrs_root.items() if v},
                             nsmap={None: PROJECT_NS})

    def users(self, root) -> None:
        if self.coders:
            users = self.sub(root, "Users")
            for c in self.coders:
                self.sub(users, "User", guid=self.coder_guid[c.id], name=c.name)

    def codebook(self, root) -> None:
        if self.codes or self.case_codes:
            codes_el = self.sub(self.sub(root, "CodeBook"), "Codes")
            code_memos = {cid: ms for (t, cid), ms in self.memos_of.items() if t == "code"}
            code_tree(codes_el, self.codes, PROJECT_NS, self.options, code_memos)
            _case_codes(self.sub, codes_el, self.case_codes, self.codes)

    def variables(self, root) -> None:
        """The project's attributes, plus ours for the document kind, the anonymised flag and turns."""
        sub = self.sub
        if not (self.attributes or self.docs):
            return
        variables = sub(root, "Variables")
        for a in self.attributes:
            var = sub(variables, "Variable", guid=self.var_guid[a.id], name=a.name,
                      typeOfVariable=_VAR_TYPE[a.type])
            meta = {"scope": a.scope, "type": a.type}
            if a.choices:
                meta["choices"] = list(a.choices)
            sub(var, "Description").text = xml_safe(encode_meta(meta))
        if self.docs:
            for guid, name, kind, role in (
                (self.kind_guid, KIND_VARIABLE, "Text", "kind"),
                (self.anon_guid, ANONYMISED_VARIABLE, "Boolean", "anonymised"),
            ):
                var = sub(variables, "Variable", guid=guid, name=name, typeOfVariable=kind)
                sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": role}))
        if any(self.turns_of.values()):
            var = sub(variables, "Variable", guid=self.turns_guid, name=TURNS_VARIABLE, typeOfVariable="Text")
            sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": "turns"}))

    def _values(self, parent, scope: str, target_id: int) -> None:
        """The attribute values of one case or document, in the attributes' order."""
        by_id = self.attr_by_id
        for attr_id, value in sorted(self.values[scope].get(target_id, {}).items(),
                                     key=lambda kv: (by_id[kv[0]].position, kv[0])):
            variable_value(self.sub, parent, self.var_guid[attr_id], by_id[attr_id].type, value)

    def cases_element(self, root) -> None:
        if not self.cases:
            return
        cases_el = self.sub(root, "Cases")
        for case in self.cases:
            case_el = self.sub(cases_el, "Case", guid=out_guid(case.guid), name=case.name)
            if case.description:
                self.sub(case_el, "Description").text = xml_safe(case.description)
            self._values(case_el, "case", case.id)
            doc_ids = sorted(self.project.cases.documents_of(case.id), key=lambda i: self.doc_guid.get(i, ""))
            for doc_id in doc_ids:
                if doc_id in self.doc_guid:
                    self.sub(case_el, "SourceRef", targetGUID=self.doc_guid[doc_id])

    def sources(self, root) -> list[tuple[str, str]]:
        texts: list[tuple[str, str]] = []
        if not self.docs:
            return texts
        sources = self.sub(root, "Sources")
        for i, d in enumerate(self.docs):
            texts.append(self.source(sources, d))
            tick(self.progress, i + 1, len(self.docs), "documents")
        return texts

    def source(self, sources, d) -> tuple[str, str]:
        """One document as a TextSource: memo, case links, codings, notes and variable values."""
        sub = self.sub
        text = self.project.documents.text(d.id)
        at = position_map(text, self.options)
        fname = f"{self.doc_guid[d.id]}.txt"
        src = sub(sources, "TextSource", guid=self.doc_guid[d.id], name=d.name,
                  plainTextPath=f"internal://{fname}", creationDateTime=xml_datetime(d.imported_at))
        doc_memos = self.memos_of.get(("document", d.id), [])
        if description := joined(d.memo, [m.text for m in doc_memos]):
            sub(src, "Description").text = xml_safe(description)
        self._case_links(src, d, at(len(text)))
        self._codings(src, d, text, at)
        for m in doc_memos:
            sub(src, "NoteRef", targetGUID=out_guid(m.guid))
        self._values(src, "document", d.id)
        variable_value(sub, src, self.kind_guid, "text", d.kind)
        variable_value(sub, src, self.anon_guid, "boolean", "true" if d.anonymised else "false")
        if self.turns_of[d.id]:
            listed = "\n".join(f"{t.start}-{t.end}\t{t.speaker}\t{self.case_name.get(t.case_id, '')}"
                                for t in self.turns_of[d.id])
            variable_value(sub, src, self.turns_guid, "text", listed)
        return fname, text

    def _case_links(self, src, d, end: int) -> None:
        """Each case's link to this whole document, as a coding of its case code."""
        for case in self.case_codes:
            if d.id in self.case_docs[case.id]:
                link = f"{out_guid(case.guid)}:{self.doc_guid[d.id]}"
                sel = self.sub(src, "PlainTextSelection", guid=derived_guid("case-link", link),
                               name=f"{case.name} (case)", startPosition="0", endPosition=str(end))
                coding = self.sub(sel, "Coding", guid=derived_guid("case-coding", link))
                self.sub(coding, "CodeRef", targetGUID=out_guid(case.guid))

    def _codings(self, src, d, text: str, at) -> None:
        """The document's codings (of one coder when asked), in text order, each with its memo and notes."""
        sub = self.sub
        codings = self.project.codings.list(document_id=d.id, coder_id=self.only_coder)
        codings.sort(key=lambda c: (c.start, c.end, c.id))
        for c in codings:
            who = self.coder_guid.get(c.coder_id)
            when = xml_datetime(c.created_at)
            sel = sub(
                src,
                "PlainTextSelection",
                guid=derived_guid("selection", c.guid),
                name=xml_safe(text[c.start : c.end][:_NAME_CHARS]) or None,
                startPosition=str(at(c.start)),
                endPosition=str(at(c.end)),
                creatingUser=who,
                creationDateTime=when,
            )
            coding_memos = self.memos_of.get(("coding", c.id), [])
            if description := joined(c.memo, [m.text for m in coding_memos]):
                sub(sel, "Description").text = xml_safe(description)
            coding = sub(sel, "Coding", guid=out_guid(c.guid), creatingUser=who, creationDateTime=when)
            sub(coding, "CodeRef", targetGUID=self.code_guid[c.code_id])
            for m in coding_memos:
                sub(sel, "NoteRef", targetGUID=out_guid(m.guid))
        self.n_codings += len(codings)


def _case_codes(sub, codes_el, cases, codes) -> None:
    """Each case with documents also as a code with the case's GUID (NVivo writes cases so; QualCoder turns
    the codings of such a code into its case links and drops the code). Named "<case> (case)", kept apart
    from every code name since QualCoder matches codes by name."""
    taken = {c.name.casefold() for c in codes}
    for case in cases:
        name, n = f"{case.name} (case)", 2
        while name.casefold() in taken:
            name, n = f"{case.name} (case {n})", n + 1
        taken.add(name.casefold())
        sub(codes_el, "Code", guid=out_guid(case.guid), name=name, isCodable="true")


def _notes_and_links(sub, root, project: Project, memos, memos_of, links, cases, coder_guid, code_guid,
                     result) -> None:
    """Notes (every memo, plus one per link memo), Links (code links; a case memo is tied to its case by a
    Link, as a Case cannot hold a NoteRef in QDA-XML 1.0), then the project's Description and NoteRefs."""
    case_guid = {c.id: out_guid(c.guid) for c in cases}
    link_notes = [(derived_guid("link-memo", lk.guid), lk) for lk in links if lk.memo]
    if memos or link_notes:
        notes = sub(root, "Notes")
        for m in memos:
            note = sub(
                notes,
                "Note",
                guid=out_guid(m.guid),
                name=m.title or None,
                creatingUser=coder_guid.get(m.coder_id),
                creationDateTime=xml_datetime(m.created_at),
                modifiedDateTime=xml_datetime(m.updated_at),
            )
            sub(note, "PlainTextContent").text = xml_safe(m.text)
        for guid, lk in link_notes:
            note = sub(
                notes,
                "Note",
                guid=guid,
                name=f"Link memo: {lk.relation}",
                creatingUser=coder_guid.get(lk.coder_id),
                creationDateTime=xml_datetime(lk.created_at),
            )
            sub(note, "PlainTextContent").text = xml_safe(lk.memo)
    case_memos = [m for m in memos if m.target_type == "case" and m.target_id in case_guid]
    if links or case_memos:
        links_el = sub(root, "Links")
        for lk in links:
            link = sub(
                links_el,
                "Link",
                guid=out_guid(lk.guid),
                name=lk.relation,
                direction="Associative" if lk.relation == "associated" else "OneWay",
                originGUID=code_guid[lk.from_code_id],
                targetGUID=code_guid[lk.to_code_id],
            )
            if lk.memo:
                sub(link, "NoteRef", targetGUID=derived_guid("link-memo", lk.guid))
            if lk.coding_ids:
                result.notes.append(
                    f"link '{lk.relation}' cites {len(lk.coding_ids)} coding(s) as evidence; "
                    "QDA-XML links cannot hold them, so they are not exported"
                )
        for m in case_memos:
            sub(
                links_el,
                "Link",
                guid=derived_guid("case-memo", m.guid),
                name="memo",
                direction="OneWay",
                originGUID=out_guid(m.guid),
                targetGUID=case_guid[m.target_id],
            )
    project_memos = memos_of.get(("project", None), [])
    if description := joined("", [m.text for m in project_memos]):
        sub(root, "Description").text = xml_safe(description)
    for m in project_memos:
        sub(root, "NoteRef", targetGUID=out_guid(m.guid))
