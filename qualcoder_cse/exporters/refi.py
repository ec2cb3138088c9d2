"""REFI-QDA export: the codebook as ``.qdc`` and the whole project as ``.qdpx`` (QDA-XML 1.0).

    export_refi(project, "study.qdpx")      # or "codebook.qdc"

What goes into a ``.qdpx``: coders as Users; the code tree with colours, descriptions and code memos as
NoteRefs; attributes as Variables; cases with their attribute values, documents (SourceRef) and
case-mapped speaker turns (SelectionRef); every document as a TextSource whose UTF-8 text (no BOM, LF line
ends, exactly the stored text) lies in ``sources/<GUID>.txt``; every coding as a PlainTextSelection holding
one Coding with its coder; memos as Notes; code links as Links. Offsets are code points, end exclusive.

Every GUID comes from the project (or is derived from one with uuid5), timestamps are the stored ones, the
order is fixed and zip entries carry a fixed date, so exporting an unchanged project twice gives identical
bytes. Each file is validated against the bundled XSDs before it is moved into place; a file that would not
validate is never written. See docs/refi.md for what is and is not carried over.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from .. import __version__
from .refi_common import (
    CODEBOOK_NS,
    PROJECT_NS,
    Progress,
    RefiError,
    derived_guid,
    encode_meta,
    out_guid,
    tick,
    validation_errors,
    xml_datetime,
)

ORIGIN = f"QualCoder-CSE {__version__}"
KIND_VARIABLE = "Document kind"
ANONYMISED_VARIABLE = "Anonymised by QualCoder-CSE"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_NAME_CHARS = 100  # a selection's name: the start of the coded text, as ATLAS.ti and QualCoder write


@dataclass
class RefiExportOptions:
    coder: str | None = None  # only this coder's codings (None: everyone's)
    validate: bool = True


@dataclass
class RefiExportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the format could not hold


def export_refi(
    project, path, options: RefiExportOptions | None = None, progress: Progress | None = None
) -> RefiExportResult:
    """Write ``path`` as a codebook (.qdc) or a project (.qdpx) according to its extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".qdc":
        return export_qdc(project, path, options)
    if suffix == ".qdpx":
        return export_qdpx(project, path, options, progress)
    raise RefiError(
        f"Export to REFI-QDA needs a file ending in .qdpx (project) or .qdc (codebook), not '{suffix}'."
    )


# ---------------------------------------------------------------------------------------------- codebook
def export_qdc(project, path, options: RefiExportOptions | None = None) -> RefiExportResult:
    options = options or RefiExportOptions()
    codes = project.codes.list()
    if not codes:
        raise RefiError("The project has no codes, and a REFI-QDA codebook needs at least one.")
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=ORIGIN)
    codes_el = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    _code_tree(codes_el, codes, CODEBOOK_NS, note_refs=None)
    data = _serialise(root, "codebook", options)
    _write_atomic(Path(path), lambda fh: fh.write(data))
    return RefiExportResult(Path(path), {"codes": len(codes)})


def _code_tree(parent_el, codes, ns: str, note_refs: dict[int, list[str]] | None) -> None:
    by_parent: dict[int | None, list] = {}
    for c in codes:
        by_parent.setdefault(c.parent_id, []).append(c)

    def add(el, parent_id) -> None:
        for c in by_parent.get(parent_id, []):
            attrs = {"guid": out_guid(c.guid), "name": xml_safe(c.name), "isCodable": "true"}
            if c.colour:
                attrs["color"] = c.colour.upper()
            code_el = etree.SubElement(el, f"{{{ns}}}Code", attrs)
            if c.description:
                etree.SubElement(code_el, f"{{{ns}}}Description").text = xml_safe(c.description)
            for ref in (note_refs or {}).get(c.id, []):
                etree.SubElement(code_el, f"{{{ns}}}NoteRef", targetGUID=ref)
            add(code_el, c.id)

    add(parent_el, None)


# ---------------------------------------------------------------------------------------------- project
def export_qdpx(
    project, path, options: RefiExportOptions | None = None, progress: Progress | None = None
) -> RefiExportResult:
    options = options or RefiExportOptions()
    path = Path(path)
    result = RefiExportResult(path)
    root, texts = _build_project(project, options, result, progress)
    data = _serialise(root, "project", options)

    def write(fh) -> None:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            _zip_entry(zf, "project.qde", data)
            for i, (name, text) in enumerate(texts):
                _zip_entry(zf, f"sources/{name}", text.encode("utf-8"))
                tick(progress, i + 1, len(texts), "writing sources")

    _write_atomic(path, write)
    return result


def _build_project(project, options: RefiExportOptions, result: RefiExportResult, progress: Progress | None):
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

    # Memos become Notes; collect the NoteRefs each owner carries.
    memo_refs: dict[tuple[str, int | None], list[str]] = {}
    for m in memos:
        memo_refs.setdefault((m.target_type, m.target_id), []).append(out_guid(m.guid))

    attrs_root = {
        "name": xml_safe(project.name) or "project",
        "origin": ORIGIN,
        "creatingUserGUID": coder_guid.get(coders[0].id) if coders else None,
        "creationDateTime": xml_datetime(project.meta("created_at")),
    }
    root = etree.Element(f"{{{P}}}Project", {k: v for k, v in attrs_root.items() if v}, nsmap={None: P})

    if coders:
        users = sub(root, "Users")
        for c in coders:
            sub(users, "User", guid=coder_guid[c.id], name=c.name)
    if codes:
        codes_el = sub(sub(root, "CodeBook"), "Codes")
        code_notes = {cid: refs for (t, cid), refs in memo_refs.items() if t == "code"}
        _code_tree(codes_el, codes, P, code_notes)

    # Variables: the project's attributes, plus two of ours for the document kind and the anonymised flag.
    values = {scope: project.attributes.table(scope) for scope in ("case", "document")}
    var_guid = {a.id: out_guid(a.guid) for a in attributes}
    kind_guid = derived_guid("variable", "document-kind")
    anon_guid = derived_guid("variable", "anonymised")
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
            var = sub(variables, "Variable", guid=kind_guid, name=KIND_VARIABLE, typeOfVariable="Text")
            sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": "kind"}))
            var = sub(
                variables, "Variable", guid=anon_guid, name=ANONYMISED_VARIABLE, typeOfVariable="Boolean"
            )
            sub(var, "Description").text = xml_safe(encode_meta({"scope": "document", "role": "anonymised"}))

    # Speaker turns mapped to a case travel as selections without codes, referenced by the case.
    turn_sel: dict[int, list] = {}  # document id -> turns with a case
    for d in docs:
        mapped = [t for t in project.turns.list(d.id) if t.case_id is not None]
        if mapped:
            turn_sel[d.id] = mapped
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
                _variable_value(sub, case_el, var_guid[attr_id], attr_by_id[attr_id].type, value)
            for doc_id in sorted(project.cases.documents_of(case.id), key=lambda i: doc_guid.get(i, "")):
                if doc_id in doc_guid:
                    sub(case_el, "SourceRef", targetGUID=doc_guid[doc_id])
            for doc_id, turns in turn_sel.items():
                for t in turns:
                    if t.case_id == case.id:
                        sub(
                            case_el,
                            "SelectionRef",
                            targetGUID=derived_guid("turn", f"{doc_guid[doc_id]}:{t.id}"),
                        )

    texts: list[tuple[str, str]] = []
    n_codings = 0
    if docs:
        sources = sub(root, "Sources")
        attr_by_id = {a.id: a for a in attributes}
        for i, d in enumerate(docs):
            text = project.documents.text(d.id)
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
            if d.memo:
                sub(src, "Description").text = xml_safe(d.memo)
            for t in turn_sel.get(d.id, []):
                sub(
                    src,
                    "PlainTextSelection",
                    guid=derived_guid("turn", f"{doc_guid[d.id]}:{t.id}"),
                    name=t.speaker or None,
                    startPosition=str(t.start),
                    endPosition=str(t.end),
                )
            codings = project.codings.list(document_id=d.id, coder_id=only_coder)
            codings.sort(key=lambda c: (c.start, c.end, c.id))
            for c in codings:
                who = coder_guid.get(c.coder_id)
                when = xml_datetime(c.created_at)
                sel = sub(
                    src,
                    "PlainTextSelection",
                    guid=derived_guid("selection", c.guid),
                    name=_selection_name(text[c.start : c.end]),
                    startPosition=str(c.start),
                    endPosition=str(c.end),
                    creatingUser=who,
                    creationDateTime=when,
                )
                if c.memo:
                    sub(sel, "Description").text = xml_safe(c.memo)
                coding = sub(sel, "Coding", guid=out_guid(c.guid), creatingUser=who, creationDateTime=when)
                sub(coding, "CodeRef", targetGUID=code_guid[c.code_id])
                for ref in memo_refs.get(("coding", c.id), []):
                    sub(sel, "NoteRef", targetGUID=ref)
            n_codings += len(codings)
            for ref in memo_refs.get(("document", d.id), []):
                sub(src, "NoteRef", targetGUID=ref)
            for attr_id, value in sorted(
                values["document"].get(d.id, {}).items(), key=lambda kv: (attr_by_id[kv[0]].position, kv[0])
            ):
                _variable_value(sub, src, var_guid[attr_id], attr_by_id[attr_id].type, value)
            _variable_value(sub, src, kind_guid, "text", d.kind)
            _variable_value(sub, src, anon_guid, "boolean", "true" if d.anonymised else "false")
            tick(progress, i + 1, len(docs), "documents")

    # Notes: the memos, plus one per link memo. A case memo is tied to its case by a Link (a Case cannot hold
    # a NoteRef in QDA-XML 1.0).
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
    for ref in memo_refs.get(("project", None), []):
        sub(root, "NoteRef", targetGUID=ref)

    result.counts = {
        "users": len(coders),
        "codes": len(codes),
        "variables": len(attributes),
        "cases": len(cases),
        "sources": len(docs),
        "codings": n_codings,
        "notes": len(memos) + len(link_notes),
        "links": len(links),
    }
    return root, texts


_VAR_TYPE = {"text": "Text", "number": "Float", "date": "Date", "category": "Text"}


def _variable_value(sub, parent, var_guid: str, kind: str, value: str) -> None:
    vv = sub(parent, "VariableValue")
    sub(vv, "VariableRef", targetGUID=var_guid)
    if kind == "number":
        try:
            sub(vv, "FloatValue").text = xml_safe(format(Decimal(value), "f"))
            return
        except InvalidOperation:
            pass
    elif kind == "date" and len(value) == 10:
        sub(vv, "DateValue").text = xml_safe(value)
        return
    elif kind == "boolean":
        sub(vv, "BooleanValue").text = xml_safe(value)
        return
    sub(vv, "TextValue").text = xml_safe(value)


def _selection_name(text: str) -> str | None:
    return xml_safe(text[:_NAME_CHARS]) or None


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: str) -> str:
    """XML 1.0 cannot carry most control characters; they are dropped from names and memos (never from the
    source texts, which travel as files)."""
    return _XML_BAD.sub("", value)


def _serialise(root, kind: str, options: RefiExportOptions) -> bytes:
    if options.validate:
        errors = validation_errors(root, kind)
        if errors:
            raise RefiError(
                f"The REFI-QDA {kind} did not validate against its schema ({errors[0]}); "
                "nothing was written. Please report it."
            )
    body = etree.tostring(root, encoding="utf-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _zip_entry(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    zf.writestr(info, data)


def _write_atomic(path: Path, write) -> None:
    """Write through a temporary file beside ``path`` and move it into place; no partial file is left."""
    if not path.parent.exists():
        raise RefiError(f"The folder {path.parent} does not exist.")
    from .excel import refuse_to_overwrite_other_files

    refuse_to_overwrite_other_files(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except OSError as exc:
        raise RefiError(f"Cannot write {path.name}: {exc.strerror or exc}.") from None
    finally:
        if tmp.exists():
            tmp.unlink()
