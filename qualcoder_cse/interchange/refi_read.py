"""Reading REFI-QDA files leniently into plain dataclasses (no project, no Qt); ``refi_import`` stores them.

Tolerated, as the research notes (shared/refi/NOTES.md) ask: a ``.qdpx`` with ``sources/`` or ``Sources/``
and any ``*.qde`` name; a bare ``.qde`` with its sources folder beside it; the namespaces ``1.0``, ``1:0``,
``0:4``, ``0:10`` or none (elements are matched by local name); a UTF-8 BOM before the XML or a text; CRLF
texts (positions counted either way are recognised, the stored text gets LF); GUIDs in either case, with or
without braces; ``plainTextPath`` with or without ``internal://``; missing optional attributes; empty
containers. Whatever is tolerated or cannot be read is written to the ``notes`` list, never dropped silently.
"""

from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

from lxml import etree

from .refi_common import RefiError, norm_guid, validation_errors
from .refi_files import Files, decode_text, open_qde
from .refi_model import (
    RCase,
    RCode,
    RCoding,
    RefiData,
    RLink,
    RNote,
    RSelection,
    RSource,
    RValue,
    RVariable,
)
from .refi_positions import decide_unit, settle

MAX_DEPTH = 200  # XML nesting; real code trees are a few levels deep, and the readers recurse


# ---------------------------------------------------------------------------------------------- helpers
def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _kid(el, name: str):
    for c in el:
        if _local(c) == name:
            return c
    return None


def _text(el, name: str) -> str:
    child = _kid(el, name)
    return _dedent(child.text or "") if child is not None else ""


_XML_INDENT = re.compile(r"\n[ \t]*\Z")


def _dedent(text: str) -> str:
    """A Description laid out by the writer's pretty-printer (its closing tag indented on a line of its
    own) loses that layout: the common indentation of its lines and the blank lines around it. Text
    without that trace is kept exactly (a memo's own indentation is the user's)."""
    if not _XML_INDENT.search(text):
        return text
    lines = text.split("\n")
    first = lines[0] if lines[0].strip() else None
    rest = textwrap.dedent("\n".join(lines[1:] if first is not None else lines))
    return ((first.strip() + "\n" if first is not None else "") + rest).strip("\n").rstrip()


def _refs(el, name: str, attr: str = "targetGUID") -> list[str]:
    return [g for g in (norm_guid(c.get(attr)) for c in _kids(el, name)) if g]


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------- entry point
def read_refi(path: str | Path) -> RefiData:
    """Parse a .qdpx, .qde or .qdc; raises RefiError when the file is not REFI-QDA at all."""
    path = Path(path)
    if not path.is_file():
        raise RefiError(f"{path} does not exist or is not a file.")
    suffix = path.suffix.lower()
    if suffix == ".qdpx":
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError):
            raise RefiError(f"{path.name} is not a .qdpx archive (not a zip file, or damaged).") from None
        with zf:
            info, xml, others = open_qde(zf, path.name)
            data = _parse_project(_xml(xml, path.name), Files(zf, None))
            if info.filename.lower() != "project.qde":
                data.messages.append(f"the project file inside the archive is named '{info.filename}'")
            if others:
                data.lost.append(f"{len(others)} further .qde file(s) in the archive were ignored")
            return data
    if suffix in (".qde", ".xml"):
        return _parse_project(_xml(path.read_bytes(), path.name), Files(None, path.parent))
    if suffix == ".qdc":
        return _parse_codebook(_xml(path.read_bytes(), path.name))
    raise RefiError(f"{path.name}: REFI-QDA files end in .qdpx, .qde or .qdc.")


def _xml(data: bytes, label: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)  # bytes: lxml handles a BOM and the declared encoding
    except etree.XMLSyntaxError as exc:
        raise RefiError(f"{label} is not well-formed XML (line {exc.lineno}).") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        # no REFI-QDA writer declares one; a DTD is how entity bombs work (refused, as for .docx and .odt)
        raise RefiError(f"{label} declares a DTD (<!DOCTYPE ...>), which REFI-QDA files never do; it is refused.")
    depth = {root: 0}
    for el in root.iterdescendants():  # the readers recurse into nested codes: refuse absurd nesting first
        d = depth[el] = depth[el.getparent()] + 1
        if d > MAX_DEPTH:
            raise RefiError(f"{label} nests its elements more than {MAX_DEPTH} deep; it cannot be read.")
    return root


def _check_guids(root, data: RefiData) -> None:
    """GUIDs we cannot read. An element's own id gets a fresh GUID and an unreadable user is credited to
    the importing coder (both tolerated); only a reference that cannot be followed loses something."""
    counts = {"id": 0, "user": 0, "ref": 0}
    kinds = {"guid": "id", "creatingUser": "user", "creatingUserGUID": "user", "modifyingUser": "user",
             "modifyingUserGUID": "user", "targetGUID": "ref", "originGUID": "ref"}
    for el in root.iter():
        if isinstance(el.tag, str):
            for attr, kind in kinds.items():
                value = el.get(attr)
                if value is not None and value.strip() and norm_guid(value) is None:
                    counts[kind] += 1
    if counts["id"]:
        data.messages.append(f"{counts['id']} element id(s) that are not GUIDs were given new GUIDs")
    if counts["user"]:
        data.messages.append(f"{counts['user']} user reference(s) that are not GUIDs name no known user")
    if counts["ref"]:
        data.lost.append(f"{counts['ref']} reference(s) that are not GUIDs could not be followed")


def _check_schema(root, kind: str, data: RefiData) -> None:
    ns = etree.QName(root).namespace or ""
    expected = f"urn:QDA-XML:{kind}:1.0"
    if ns != expected:
        data.messages.append(f"the file uses the namespace '{ns or 'none'}' instead of '{expected}'")
        return
    errors = validation_errors(root, kind)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        data.messages.append(f"the file does not validate against the {kind} schema: {errors[0]}{more}")


def _parse_codebook(root) -> RefiData:
    if _local(root) != "CodeBook":
        raise RefiError(f"This is not a REFI-QDA codebook (its root element is '{_local(root)}').")
    data = RefiData(kind="codebook", name="", origin=root.get("origin") or "")
    _check_schema(root, "codebook", data)
    _check_guids(root, data)
    codes = _kid(root, "Codes")
    if codes is not None:
        data.codes = [_code(c) for c in _kids(codes, "Code")]
    sets = _kid(root, "Sets")
    if sets is not None and len(_kids(sets, "Set")):
        data.lost.append(f"{len(_kids(sets, 'Set'))} code set(s): QualCoder-CSE has no sets")
    return data


def _code(el) -> RCode:
    code = RCode(
        guid=norm_guid(el.get("guid")),
        name=(el.get("name") or "").strip(),
        colour=el.get("color"),
        description=_text(el, "Description"),
        codable=(el.get("isCodable") or "true").strip().lower() not in ("false", "0"),
        note_refs=_refs(el, "NoteRef"),
    )
    code.children = [_code(c) for c in _kids(el, "Code")]
    return code


def _parse_project(root, files: Files) -> RefiData:
    """A project element, part by part: users, codes, variables, cases, sources (their positions settled
    once the unit is decided), notes, links, and what is not carried over."""
    if _local(root) != "Project":
        if _local(root) == "CodeBook":
            return _parse_codebook(root)
        raise RefiError(f"This is not a REFI-QDA project (its root element is '{_local(root)}').")
    data = RefiData(
        kind="project",
        name=(root.get("name") or "").strip(),
        origin=root.get("origin") or "",
        creating_user=norm_guid(root.get("creatingUserGUID")),
    )
    _check_schema(root, "project", data)
    _check_guids(root, data)
    base_path = root.get("basePath") or None
    _users(root, data)
    book = _kid(root, "CodeBook")
    codes = _kid(book, "Codes") if book is not None else None
    if codes is not None:
        data.codes = [_code(c) for c in _kids(codes, "Code")]
    _variables(root, data)
    _cases(root, data)
    _sources(root, files, base_path, data)
    decide_unit(data)
    for src in data.sources:
        if src.raw is not None:
            settle(src, data, src.name or "(unnamed)")
    _notes(root, files, base_path, data)
    _links(root, data)
    _not_carried_over(root, data)
    data.description = _text(root, "Description")
    data.project_note_refs = _refs(root, "NoteRef")
    return data


def _users(root, data: RefiData) -> None:
    users = _kid(root, "Users")
    for u in _kids(users, "User") if users is not None else []:
        g = norm_guid(u.get("guid"))
        if g:
            data.users[g] = (u.get("name") or u.get("id") or "").strip() or f"user {g[:8]}"


def _variables(root, data: RefiData) -> None:
    variables = _kid(root, "Variables")
    for v in _kids(variables, "Variable") if variables is not None else []:
        data.variables.append(
            RVariable(
                norm_guid(v.get("guid")),
                (v.get("name") or "").strip(),
                v.get("typeOfVariable") or "Text",
                _text(v, "Description"),
            )
        )


def _cases(root, data: RefiData) -> None:
    cases = _kid(root, "Cases")
    for c in _kids(cases, "Case") if cases is not None else []:
        data.cases.append(
            RCase(
                norm_guid(c.get("guid")),
                (c.get("name") or "").strip(),
                _text(c, "Description"),
                values=_values(c),
                source_refs=_refs(c, "SourceRef"),
                selection_refs=_refs(c, "SelectionRef"),
                code_refs=_refs(c, "CodeRef"),
                named=c.get("name") is not None,
            )
        )


def _sources(root, files: Files, base_path: str | None, data: RefiData) -> None:
    """TextSources, and PDFs by their text representation; every other kind of source is reported."""
    sources = _kid(root, "Sources")
    if sources is not None:
        skipped: dict[str, int] = {}
        for s in sources:
            tag = _local(s)
            if tag == "TextSource":
                data.sources.append(_source(s, s.get("name"), files, base_path, data))
            elif tag == "PDFSource" and _kid(s, "Representation") is not None:
                # The PDF's plain-text representation carries the text codings; the PDF itself stays behind.
                data.sources.append(_source(_kid(s, "Representation"), s.get("name"), files, base_path, data))
                data.messages.append(
                    f"PDF source '{s.get('name') or '?'}' imported as its text representation"
                )
                if _kids(s, "PDFSelection"):
                    data.lost.append(
                        f"{len(_kids(s, 'PDFSelection'))} PDF area selection(s) of "
                        f"'{s.get('name') or '?'}': QualCoder-CSE codes text only"
                    )
            elif tag:
                skipped[tag] = skipped.get(tag, 0) + 1
        for tag, n in skipped.items():
            if n:
                data.lost.append(f"{n} {tag}(s): QualCoder-CSE holds text documents only")


def _notes(root, files: Files, base_path: str | None, data: RefiData) -> None:
    notes = _kid(root, "Notes")
    for n in _kids(notes, "Note") if notes is not None else []:
        text = _kid(n, "PlainTextContent")
        content = text.text or "" if text is not None else ""
        if text is None and n.get("plainTextPath"):
            raw, why = files.read(n.get("plainTextPath"), base_path)
            try:
                content = decode_text(raw) if raw is not None else ""
            except UnicodeDecodeError:
                why = "its text is not UTF-8"
                raw = None
            if raw is None:
                data.lost.append(f"the text of note '{n.get('name') or '?'}': {why}")
        data.notes.append(
            RNote(
                norm_guid(n.get("guid")),
                (n.get("name") or "").strip(),
                content.replace("\r\n", "\n"),
                norm_guid(n.get("creatingUser")),
                n.get("creationDateTime"),
                n.get("modifiedDateTime"),
            )
        )


def _links(root, data: RefiData) -> None:
    links = _kid(root, "Links")
    for lk in _kids(links, "Link") if links is not None else []:
        data.links.append(
            RLink(
                norm_guid(lk.get("guid")),
                (lk.get("name") or "").strip(),
                lk.get("direction") or "Associative",
                norm_guid(lk.get("originGUID")),
                norm_guid(lk.get("targetGUID")),
                _refs(lk, "NoteRef"),
            )
        )


def _not_carried_over(root, data: RefiData) -> None:
    """Sets and graphs have no place in a QualCoder-CSE project: reported, not imported."""
    sets = _kid(root, "Sets")
    n_sets = len(_kids(sets, "Set")) if sets is not None else 0
    if n_sets:
        data.lost.append(f"{n_sets} set(s) (groups of codes, documents or notes): QualCoder-CSE has no sets")
    graphs = _kid(root, "Graphs")
    if graphs is not None and len(_kids(graphs, "Graph")):
        data.lost.append(f"{len(_kids(graphs, 'Graph'))} graph(s): QualCoder-CSE does not import graphs")


_VALUE_TAGS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")


def _values(el) -> list[RValue]:
    out = []
    for vv in _kids(el, "VariableValue"):
        ref = _kid(vv, "VariableRef")
        for tag in _VALUE_TAGS:
            v = _kid(vv, tag)
            if v is not None:
                out.append(
                    RValue(
                        norm_guid(ref.get("targetGUID")) if ref is not None else None,
                        tag[: -len("Value")],
                        (v.text or "").strip(),
                    )
                )
                break
    return out


def _coding(el, default_user: str | None, default_when: str | None) -> RCoding:
    ref = _kid(el, "CodeRef")
    return RCoding(
        norm_guid(el.get("guid")),
        norm_guid(ref.get("targetGUID")) if ref is not None else None,
        norm_guid(el.get("creatingUser")) or default_user,
        el.get("creationDateTime") or default_when,
        _refs(el, "NoteRef"),
    )


def _source(el, name: str | None, files: Files, base_path: str | None, data: RefiData) -> RSource:
    name = (name or "").strip()
    path = (el.get("plainTextPath") or "").strip()
    if not name and path:
        # qc writes no name; the file name it gives is what its users know the source by.
        name = path.replace("\\", "/").split("://", 1)[-1].rsplit("/", 1)[-1].strip()
        if name:
            data.messages.append(f"a source without a name is named after its file '{name}'")
    src = RSource(
        guid=norm_guid(el.get("guid")),
        name=name,
        text=None,
        description=_text(el, "Description"),
        user=norm_guid(el.get("creatingUser")),
        created=el.get("creationDateTime"),
    )
    label = name or "(unnamed)"
    if el.get("richTextPath"):
        data.lost.append(
            f"the rich-text (formatted) version of source '{label}'; its plain text is what we read"
        )
    content = _kid(el, "PlainTextContent")
    if content is not None and content.text is not None:
        src.raw = content.text  # XML parsing already turned CRLF into LF
    elif path:
        raw, why = files.read(path, base_path)
        if raw is not None:
            try:
                src.raw = decode_text(raw)
            except UnicodeDecodeError:
                why = "its text file is not UTF-8"
        if src.raw is None:
            data.lost.append(f"source '{label}' and its codings: {why}")
        elif "://" not in path:
            data.messages.append(f"source '{label}': plainTextPath without internal:// read from the archive")
    else:
        data.lost.append(
            f"source '{label}' and its codings: it has no plain text (only rich text or nothing)"
        )
    for s in _kids(el, "PlainTextSelection"):
        start, end = _int(s.get("startPosition")), _int(s.get("endPosition"))
        user = norm_guid(s.get("creatingUser"))
        when = s.get("creationDateTime")
        if start is None or end is None:
            data.lost.append(f"a selection in source '{label}' without valid positions")
            continue
        src.selections.append(
            RSelection(
                norm_guid(s.get("guid")),
                start,
                end,
                s.get("name"),
                user,
                when,
                _text(s, "Description"),
                codings=[_coding(c, user, when) for c in _kids(s, "Coding")],
                note_refs=_refs(s, "NoteRef"),
                said=s.get("name") or "",
                where=f"{start}-{end}",
            )
        )
    src.whole_codings = [_coding(c, src.user, src.created) for c in _kids(el, "Coding")]
    src.note_refs = _refs(el, "NoteRef")
    src.values = _values(el)
    return src
