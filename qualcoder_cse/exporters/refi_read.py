"""Reading REFI-QDA files leniently into plain dataclasses (no project, no Qt); ``refi_import`` stores them.

Tolerated, as the research notes (shared/refi/NOTES.md) ask: a ``.qdpx`` with ``sources/`` or ``Sources/``
and any ``*.qde`` name; a bare ``.qde`` with its sources folder beside it; the namespaces ``1.0``, ``1:0``,
``0:4``, ``0:10`` or none (elements are matched by local name); a UTF-8 BOM before the XML or a text; CRLF
texts (positions counted either way are recognised, the stored text gets LF); GUIDs in either case, with or
without braces; ``plainTextPath`` with or without ``internal://``; missing optional attributes; empty
containers. Whatever is tolerated or cannot be read is written to the ``notes`` list, never dropped silently.
"""

from __future__ import annotations

import bisect
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .refi_common import RefiError, norm_guid, validation_errors

MAX_DEPTH = 200  # XML nesting; real code trees are a few levels deep, and the readers recurse
MAX_ENTRY = 2_147_483_647  # the standard's limit for an internal file (SPEC §8.5)
_MAX_RATIO = 200  # a zip entry inflating more than this (and above 64 MB) is treated as a zip bomb


@dataclass
class RCode:
    guid: str | None
    name: str
    colour: str | None
    description: str
    codable: bool
    note_refs: list[str] = field(default_factory=list)
    children: list[RCode] = field(default_factory=list)


@dataclass
class RCoding:
    guid: str | None
    code: str | None
    user: str | None
    created: str | None
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RSelection:
    guid: str | None
    start: int
    end: int
    name: str | None
    user: str | None
    created: str | None
    description: str
    codings: list[RCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RValue:
    variable: str | None
    kind: str  # Text, Boolean, Integer, Float, Date, DateTime
    value: str


@dataclass
class RSource:
    guid: str | None
    name: str
    text: str | None  # None: the text could not be read (see notes)
    description: str
    user: str | None
    created: str | None
    selections: list[RSelection] = field(default_factory=list)
    whole_codings: list[RCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)
    values: list[RValue] = field(default_factory=list)


@dataclass
class RVariable:
    guid: str | None
    name: str
    type: str
    description: str


@dataclass
class RCase:
    guid: str | None
    name: str
    description: str
    values: list[RValue] = field(default_factory=list)
    source_refs: list[str] = field(default_factory=list)
    selection_refs: list[str] = field(default_factory=list)
    code_refs: list[str] = field(default_factory=list)


@dataclass
class RNote:
    guid: str | None
    name: str
    text: str
    user: str | None
    created: str | None
    modified: str | None = None


@dataclass
class RLink:
    guid: str | None
    name: str
    direction: str
    origin: str | None
    target: str | None
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RefiData:
    kind: str  # "project" or "codebook"
    name: str
    origin: str
    creating_user: str | None = None
    users: dict[str, str] = field(default_factory=dict)  # guid -> name
    codes: list[RCode] = field(default_factory=list)
    variables: list[RVariable] = field(default_factory=list)
    cases: list[RCase] = field(default_factory=list)
    sources: list[RSource] = field(default_factory=list)
    notes: list[RNote] = field(default_factory=list)
    links: list[RLink] = field(default_factory=list)
    project_note_refs: list[str] = field(default_factory=list)
    description: str = ""
    messages: list[str] = field(default_factory=list)  # tolerated quirks
    lost: list[str] = field(default_factory=list)  # what cannot be carried over


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
    return (child.text or "") if child is not None else ""


def _refs(el, name: str, attr: str = "targetGUID") -> list[str]:
    return [g for g in (norm_guid(c.get(attr)) for c in _kids(el, name)) if g]


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _too_big(info: zipfile.ZipInfo) -> bool:
    return info.file_size > MAX_ENTRY or (
        info.file_size > 64 * 2**20 and info.file_size > _MAX_RATIO * max(1, info.compress_size)
    )


class _Files:
    """The files a REFI document refers to: zip entries, or a folder beside a bare .qde."""

    def __init__(self, zf: zipfile.ZipFile | None, folder: Path | None) -> None:
        self.zf, self.folder = zf, folder
        self.by_name: dict[str, zipfile.ZipInfo] = {}
        if zf is not None:
            for info in zf.infolist():
                if not info.is_dir():
                    # Either case of the folder, either case of the GUID: key on the lower-cased base name.
                    self.by_name.setdefault(info.filename.rsplit("/", 1)[-1].lower(), info)

    def read(self, ref: str, base_path: str | None) -> tuple[bytes | None, str]:
        """(bytes, "") or (None, why)."""
        ref = ref.strip().replace("\\", "/")
        lower = ref.lower()
        if lower.startswith("internal://") or "://" not in lower:
            base = ref.split("://", 1)[-1].rsplit("/", 1)[-1].lower()
            if self.zf is not None:
                info = self.by_name.get(base)
                if info is None:
                    return None, "its file is not in the archive"
                if _too_big(info):
                    return None, "its file is too large or suspiciously compressed"
                try:
                    return self.zf.read(info), ""
                except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
                    return None, "its file in the archive is damaged"
            if self.folder is not None:
                for sub in ("sources", "Sources", "SOURCES", ""):
                    d = self.folder / sub if sub else self.folder
                    if d.is_dir():
                        for p in d.iterdir():
                            if p.name.lower() == base and p.is_file():
                                return p.read_bytes(), ""
            return None, "its file was not found (no sources folder beside the .qde holds it)"
        if lower.startswith(("relative://", "absolute://")):
            if self.zf is not None:  # an archive is self-contained: a hostile one must not pull in local files
                return None, "it points to a file outside the archive, which is not read from a .qdpx for safety"
            rest = (
                ref.split("://", 1)[1].lstrip("/") if lower.startswith("relative") else ref.split("://", 1)[1]
            )
            if lower.startswith("absolute://"):
                rest = rest[1:] if rest.startswith("/") and len(rest) > 2 and rest[2] == ":" else rest
                candidate = Path(rest)
            else:
                candidate = Path(base_path or (self.folder or ".")) / rest
            if candidate.is_file():
                if candidate.stat().st_size > MAX_ENTRY:
                    return None, "its external file is too large"
                try:
                    return candidate.read_bytes(), ""
                except OSError:
                    return None, "its external file cannot be read"
            return None, "it points to an external file that is not available here"
        return None, "its path is not one QDA-XML defines"


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM is dropped, not counted); UTF-16 only when it carries its BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


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
            qde = [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith(".qde")]
            if not qde:
                raise RefiError(f"{path.name} holds no project (.qde) file.")
            qde.sort(key=lambda i: (i.filename.lower() != "project.qde", i.filename.count("/"), i.filename))
            if _too_big(qde[0]):
                raise RefiError(f"{path.name}: its project file is too large or suspiciously compressed.")
            try:
                xml = zf.read(qde[0])
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
                raise RefiError(f"{path.name} is damaged (its project file cannot be read).") from None
            data = _parse_project(_xml(xml, path.name), _Files(zf, path.parent))
            if qde[0].filename.lower() != "project.qde":
                data.messages.append(f"the project file inside the archive is named '{qde[0].filename}'")
            if len(qde) > 1:
                data.lost.append(f"{len(qde) - 1} further .qde file(s) in the archive were ignored")
            return data
    if suffix in (".qde", ".xml"):
        return _parse_project(_xml(path.read_bytes(), path.name), _Files(None, path.parent))
    if suffix == ".qdc":
        return _parse_codebook(_xml(path.read_bytes(), path.name))
    raise RefiError(f"{path.name}: REFI-QDA files end in .qdpx, .qde or .qdc.")


def _xml(data: bytes, label: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)  # bytes: lxml handles a BOM and the declared encoding
    except etree.XMLSyntaxError as exc:
        raise RefiError(f"{label} is not well-formed XML (line {exc.lineno}).") from None
    depth = {root: 0}
    for el in root.iterdescendants():  # the readers recurse into nested codes: refuse absurd nesting first
        d = depth[el] = depth[el.getparent()] + 1
        if d > MAX_DEPTH:
            raise RefiError(f"{label} nests its elements more than {MAX_DEPTH} deep; it cannot be read.")
    return root


def _check_guids(root, data: RefiData) -> None:
    """Count GUIDs we cannot read: the references they carry cannot be followed, so say so."""
    bad = 0
    for el in root.iter():
        if isinstance(el.tag, str):
            for attr in ("guid", "targetGUID", "originGUID", "creatingUser", "creatingUserGUID"):
                value = el.get(attr)
                if value is not None and value.strip() and norm_guid(value) is None:
                    bad += 1
    if bad:
        data.lost.append(f"{bad} GUID(s) that are not GUIDs; the references they carry cannot be followed")


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


def _parse_project(root, files: _Files) -> RefiData:
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
    users = _kid(root, "Users")
    for u in _kids(users, "User") if users is not None else []:
        g = norm_guid(u.get("guid"))
        if g:
            data.users[g] = (u.get("name") or u.get("id") or "").strip() or f"user {g[:8]}"
    book = _kid(root, "CodeBook")
    codes = _kid(book, "Codes") if book is not None else None
    if codes is not None:
        data.codes = [_code(c) for c in _kids(codes, "Code")]
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
            )
        )
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
    sets = _kid(root, "Sets")
    n_sets = len(_kids(sets, "Set")) if sets is not None else 0
    if n_sets:
        data.lost.append(f"{n_sets} set(s) (groups of codes, documents or notes): QualCoder-CSE has no sets")
    graphs = _kid(root, "Graphs")
    if graphs is not None and len(_kids(graphs, "Graph")):
        data.lost.append(f"{len(_kids(graphs, 'Graph'))} graph(s): QualCoder-CSE does not import graphs")
    data.description = _text(root, "Description")
    data.project_note_refs = _refs(root, "NoteRef")
    return data


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


def _source(el, name: str | None, files: _Files, base_path: str | None, data: RefiData) -> RSource:
    name = (name or "").strip()
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
    raw_text: str | None = None
    if content is not None and content.text is not None:
        raw_text = content.text  # XML parsing already turned CRLF into LF
    elif el.get("plainTextPath"):
        raw, why = files.read(el.get("plainTextPath"), base_path)
        if raw is not None:
            try:
                raw_text = decode_text(raw)
            except UnicodeDecodeError:
                why = "its text file is not UTF-8"
        if raw_text is None:
            data.lost.append(f"source '{label}' and its codings: {why}")
        elif "://" not in el.get("plainTextPath"):
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
            )
        )
    src.whole_codings = [_coding(c, src.user, src.created) for c in _kids(el, "Coding")]
    src.note_refs = _refs(el, "NoteRef")
    src.values = _values(el)
    if raw_text is not None:
        src.text = _fix_line_ends(raw_text, src, data, label)
    return src


def _fix_line_ends(raw: str, src: RSource, data: RefiData, label: str) -> str:
    """Store LF line ends; move selection offsets onto the LF text, whichever way the writer counted CRLF."""
    if "\r\n" not in raw:
        return raw
    text = raw.replace("\r\n", "\n")
    crs = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]

    def from_raw(pos: int) -> int:
        return pos - bisect.bisect_left(crs, pos)  # CRs strictly before pos (a pos on a CR maps onto its LF)

    def score(convert) -> int:
        hits = 0
        for s in src.selections:
            if s.name:
                a, b = convert(s.start), convert(s.end)
                if _same(text[a:b], s.name):
                    hits += 1
        return hits

    # ATLAS.ti counts a CRLF as one position although its files hold CRLF; other writers count two.
    raw_counted, lf_counted = score(from_raw), score(lambda p: p)
    too_far = any(s.end > len(text) for s in src.selections)
    if (
        too_far
        or raw_counted > lf_counted
        or (raw_counted == lf_counted and "atlas" not in data.origin.lower())
    ):
        for s in src.selections:
            s.start, s.end = from_raw(s.start), from_raw(s.end)
        how = "two positions"
    else:
        how = "one position"
    data.messages.append(f"source '{label}': CRLF line ends stored as LF (the file counted a CRLF as {how})")
    return text


def _same(segment: str, name: str) -> bool:
    a = " ".join(segment.split())[:40]
    b = " ".join(name.split())[:40]
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]
