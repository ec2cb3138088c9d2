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

KIND_VARIABLE = "Document kind"
ANONYMISED_VARIABLE = "Anonymised by QualCoder-CSE"
_NAME_CHARS = 100  # a selection's name: the start of the coded text, as ATLAS.ti and QualCoder write
_VAR_TYPE = {"text": "Text", "number": "Float", "date": "Date", "category": "Text"}


def build_project(project, options: RefiExportOptions, result, progress: Progress | None):
    """The Project element and the texts to put in ``sources/`` as (file name, text)."""
    P = PROJECT_NS

    def sub(parent, tag: str, **attrs):
        clean = {k: xml_safe(v) for k, v in attrs.items() if v is not None}
        return etree.SubElement(parent, f"{{{P}}}{tag}", clean)

    coders = project.coders.list()
    coder_guid = {c.id: out_guid(c.guid) for c in coders}
    codes = project.codes.list()
    code_guid = {c.id: out_guid(c.guid) for c in codes}
    docs = sorted(project.documents.list(), key=lambda d: (d.name.casefold(), d.id))
    memos = sorted(project.memos.list(), key=lambda m: m.id)
    links = project.links.list()
    cases = sorted(project.cases.list(), key=lambda c: (c.name.casefold(), c.id))
    attributes = project.attributes.list()
    only_coder = None
    if options.coder:
        found = project.coders.by_name(options.coder)
        if found is None:
            raise RefiError(f"No coder called '{options.coder}' in this project.")
        only_coder = found.id
    names = repeated(codes)
    if names and not options.unique_code_names:
        result.warnings.append(
            f"{len(names)} code name(s) are used under more than one parent (e.g. '{names[0]}'); QualCoder "
            "keeps one code per name and loses the codings of the others: for QualCoder, export with "
            "unique code names"
        )

    memos_of: dict[tuple[str, int | None], list] = {}
    for m in memos:
        memos_of.setdefault((m.target_type, m.target_id), []).append(m)

    attrs_root = {
        "name": xml_safe(project.name) or "project",
        "origin": origin(options),
        "creatingUserGUID": coder_guid.get(coders[0].id) if coders else None,
        "creationDateTime": xml_datetime(project.meta("created_at")),
    }
    root = etree.Element(f"{{{P}}}Project", {k: v for k, v in attrs_root.items() if v}, nsmap={None: P})

    if coders:
        users = sub(root, "Users")
        for c in coders:
            sub(users, "User", guid=coder_guid[c.id], name=c.name)
    case_docs = {c.id: project.cases.documents_of(c.id) for c in cases} if options.case_codes else {}
    case_codes = [c for c in cases if case_docs.get(c.id)]
    if codes or case_codes:
        codes_el = sub(sub(root, "CodeBook"), "Codes")
        code_tree(codes_el, codes, P, options, {cid: ms for (t, cid), ms in memos_of.items() if t == "code"})
        _case_codes(sub, codes_el, case_codes, codes)

    # Variables: the project's attributes, plus ours for the document kind, the anonymised flag and turns.
    values = {scope: project.attributes.table(scope) for scope in ("case", "document")}
    var_guid = {a.id: out_guid(a.guid) for a in attributes}
    kind_guid = derived_guid("variable", "document-kind")
    anon_guid = derived_guid("variable", "anonymised")
    turns_guid = derived_guid("variable", "speaker-turns")
    case_name = {c.id: c.name for c in cases}
    turns_of = {d.id: project.turns.list(d.id) for d in docs}
    if attributes or docs:
        variables = sub(root, "Variables")
        for a in attributes:
            var = sub(
                variables, "Variable", guid=var_guid[a.id], name=a.name, typeOfVariable=_VAR_TYPE[a.type]
            )
            meta = {"scope": a.scope, "type": a.type}
            if a.choices:
                meta["choices"] = list(a.choices)
            sub(var, "Description").text = xml_safe(encode_meta(meta))
        if docs:
            for guid, name, kind, role in (
                (kind_guid, KIND_VARIABLE, "Text", "kind"),
                (anon_guid, ANONYMISED_VARIABLE, "Boolean", "anonymised"),
            ):
                var = sub(variables, "Variable", guid=guid, name=name, typeOfVariable=kind)
                sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": role}))
        if any(turns_of.values()):
            var = sub(variables, "Variable", guid=turns_guid, name=TURNS_VARIABLE, typeOfVariable="Text")
            sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": "turns"}))

    doc_guid = {d.id: out_guid(d.guid) for d in docs}
    if cases:
        cases_el = sub(root, "Cases")
        attr_by_id = {a.id: a for a in attributes}
        for case in cases:
            case_el = sub(cases_el, "Case", guid=out_guid(case.guid), name=case.name)
            if case.description:
                sub(case_el, "Description").text = xml_safe(case.description)
            for attr_id, value in sorted(
                values["case"].get(case.id, {}).items(), key=lambda kv: (attr_by_id[kv[0]].position, kv[0])
            ):
                variable_value(sub, case_el, var_guid[attr_id], attr_by_id[attr_id].type, value)
            for doc_id in sorted(project.cases.documents_of(case.id), key=lambda i: doc_guid.get(i, "")):
                if doc_id in doc_guid:
                    sub(case_el, "SourceRef", targetGUID=doc_guid[doc_id])

    texts: list[tuple[str, str]] = []
    n_codings = 0
    if docs:
        sources = sub(root, "Sources")
        attr_by_id = {a.id: a for a in attributes}
        for i, d in enumerate(docs):
            text = project.documents.text(d.id)
            at = position_map(text, options)
            fname = f"{doc_guid[d.id]}.txt"
            texts.append((fname, text))
            src = sub(
                sources,
                "TextSource",
                guid=doc_guid[d.id],
                name=d.name,
                plainTextPath=f"internal://{fname}",
                creationDateTime=xml_datetime(d.imported_at),
            )
            doc_memos = memos_of.get(("document", d.id), [])
            if description := joined(d.memo, [m.text for m in doc_memos]):
                sub(src, "Description").text = xml_safe(description)
            for case in case_codes:  # the case's link to this whole document, as a coding of its case code
                if d.id in case_docs[case.id]:
                    link = f"{out_guid(case.guid)}:{doc_guid[d.id]}"
                    sel = sub(
                        src,
                        "PlainTextSelection",
                        guid=derived_guid("case-link", link),
                        name=f"{case.name} (case)",
                        startPosition="0",
                        endPosition=str(at(len(text))),
                    )
                    coding = sub(sel, "Coding", guid=derived_guid("case-coding", link))
                    sub(coding, "CodeRef", targetGUID=out_guid(case.guid))
            codings = project.codings.list(document_id=d.id, coder_id=only_coder)
            codings.sort(key=lambda c: (c.start, c.end, c.id))
            for c in codings:
                who = coder_guid.get(c.coder_id)
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
                coding_memos = memos_of.get(("coding", c.id), [])
                if description := joined(c.memo, [m.text for m in coding_memos]):
                    sub(sel, "Description").text = xml_safe(description)
                coding = sub(sel, "Coding", guid=out_guid(c.guid), creatingUser=who, creationDateTime=when)
                sub(coding, "CodeRef", targetGUID=code_guid[c.code_id])
                for m in coding_memos:
                    sub(sel, "NoteRef", targetGUID=out_guid(m.guid))
            n_codings += len(codings)
            for m in doc_memos:
                sub(src, "NoteRef", targetGUID=out_guid(m.guid))
            for attr_id, value in sorted(
                values["document"].get(d.id, {}).items(), key=lambda kv: (attr_by_id[kv[0]].position, kv[0])
            ):
                variable_value(sub, src, var_guid[attr_id], attr_by_id[attr_id].type, value)
            variable_value(sub, src, kind_guid, "text", d.kind)
            variable_value(sub, src, anon_guid, "boolean", "true" if d.anonymised else "false")
            if turns_of[d.id]:
                listed = "\n".join(
                    f"{t.start}-{t.end}\t{t.speaker}\t{case_name.get(t.case_id, '')}" for t in turns_of[d.id]
                )
                variable_value(sub, src, turns_guid, "text", listed)
            tick(progress, i + 1, len(docs), "documents")

    _notes_and_links(sub, root, project, memos, memos_of, links, cases, coder_guid, code_guid, result)

    result.counts = {
        "users": len(coders),
        "codes": len(codes),
        "variables": len(attributes),
        "cases": len(cases),
        "sources": len(docs),
        "codings": n_codings,
        "notes": len(memos) + sum(1 for lk in links if lk.memo),
        "links": len(links),
    }
    return root, texts


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


def _notes_and_links(sub, root, project, memos, memos_of, links, cases, coder_guid, code_guid, result) -> None:
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
