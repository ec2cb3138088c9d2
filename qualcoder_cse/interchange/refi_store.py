"""Storing a REFI-QDA file's texts: where each document, speaker turn, coding and memo lands.

``refi_records.RecordStore`` extends ``SourceStore``; this part decides, for each source, what
its memo is (a ``Description`` that only repeats the notes the source also references is not stored twice),
which speaker turns it has (turns our own export carried, segments a case refers to, else speaker labels
found in the text, only when the text reads like a transcript), and where each coding goes (moved with
the anonymiser's offset map; a selection outside the text is reported, never stored elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.schema import DOCUMENT_KINDS
from ..importers.speakers import SpeakerOptions, detect_turns, looks_like_transcript
from .refi_common import new_guid_if_taken, tick
from .refi_model import RefiData, RSource

if TYPE_CHECKING:
    from ..core.project import Project

# A document Variable of ours listing every speaker turn ("start-end<TAB>speaker<TAB>case" per line), so
# that turns come back exactly without travelling as uncoded selections (which peers turn into empty
# annotations). Other tools show it as an ordinary document attribute.
TURNS_VARIABLE = "Speaker turns (QualCoder-CSE)"


@dataclass
class Anonymised:
    text: str
    shift: Callable[[int], int]  # offset in the original text -> offset in ``text``
    replaced: list[tuple[int, int, int, int]]  # (start, end) in the original, (start, end) of the placeholder
    log: list = field(default_factory=list)
    label: Callable[[str], str] = str  # anonymises a speaker label or a name in the same way


def own_part(description: str, note_texts: list[str]) -> str:
    """What a ``Description`` says beyond the notes its element also references. Our export writes a memo
    both ways (QualCoder reads ``Description``, others ``NoteRef``): the notes, joined by blank lines, end
    the description; the part before them is the element's own memo."""
    notes = [t for t in note_texts if t.strip()]
    if not notes or not description:
        return description
    tail = "\n\n".join(notes).strip()
    desc = description.strip()
    if desc == tail:
        return ""
    if desc.endswith("\n\n" + tail):
        return desc[: -len(tail) - 2].rstrip()
    return description


def parse_turns(value: str, length: int) -> list[tuple[int, int, str, str]] | None:
    """The turns our export listed: (start, end, speaker, case name), or None when the value is not ours
    or does not fit the text (edited elsewhere): the text's labels are then read again."""
    out = []
    for line in value.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        span = parts[0].split("-")
        if len(parts) < 2 or len(span) != 2 or not all(p.isdigit() for p in span):
            return None
        s, e = int(span[0]), int(span[1])
        if not 0 <= s <= e <= length:
            return None
        out.append((s, e, parts[1], parts[2] if len(parts) > 2 else ""))
    return out


def detect(text: str) -> tuple[list[tuple[int, int, str]], bool]:
    """(turns, whether labels were found but the text does not read like a transcript)."""
    same, found = detect_turns(text, SpeakerOptions(strip_timestamps=False))
    if same != text or not found:
        return [], False
    if not looks_like_transcript(text, found):
        return [], True
    return [(t.start, t.end, t.speaker) for t in found], False


class SourceStore:
    """State shared by every part of one import, and the storing of sources."""

    def __init__(self, project: Project, data: RefiData, report, anonymiser, progress) -> None:
        self.p, self.d, self.r = project, data, report
        self.anonymiser, self.progress = anonymiser, progress
        self.ours = data.origin.startswith("QualCoder-CSE")
        self.coder_of: dict[str, int] = {}
        self.code_of: dict[str, int] = {}
        self.doc_of: dict[str, int] = {}
        self.case_of: dict[str, int] = {}
        self.used: dict[str, set[str]] = {}
        self.counts: dict[str, int] = {}
        self.unknown_users = 0
        self.code_notes: list[tuple[str, int]] = []  # (note guid, our id) of every NoteRef met
        self.doc_notes: list[tuple[str, int]] = []
        self.coding_notes: list[tuple[str, int]] = []
        # selection guid -> (document id, start, end, speaker) of an uncoded selection a case refers to
        self.turn_of: dict[str, tuple[int, int, int, str]] = {}
        self.turn_cases: list[tuple[int, str, str]] = []  # (document id, speaker, case name) from our export
        self.pending_cases: list[tuple[str, str]] = []  # (speaker, case name) of the source being stored
        self.coding_keys: set[tuple[int, int, int, int, int]] = set()
        self.note_text = {n.guid: n.text for n in data.notes if n.guid}
        # NVivo (and our export for QualCoder) writes a case also as a code with the case's GUID: codings of
        # such a code are case links, (case guid, document id), not codings.
        self.case_codes: set[str] = set()
        self.case_links: list[tuple[str, int]] = []

    def clean(self, text: str) -> str:
        """Free text from the file (memos, descriptions, names of cases), anonymised when asked."""
        return self.anonymiser.note(text) if self.anonymiser is not None and text else text

    def guid(self, table: str, g: str | None) -> str | None:
        return new_guid_if_taken(self.used.setdefault(table, set()), g)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def coder_id(self, user: str | None) -> int:
        if user and user in self.coder_of:
            return self.coder_of[user]
        if user is None and self.d.creating_user in self.coder_of:
            return self.coder_of[self.d.creating_user]
        self.unknown_users += 1
        return self.p.coder.id

    def notes_of(self, refs: list[str]) -> list[str]:
        return [self.note_text[r] for r in refs if r in self.note_text]

    # -- sources
    def sources(self, variables: dict, turn_refs: set[str]) -> None:
        stats = dict.fromkeys(("annotations", "ignored", "dups", "replaced", "not transcripts"), 0)
        for i, src in enumerate(self.d.sources):
            tick(self.progress, i, len(self.d.sources), "documents")
            if src.text is not None:
                self.source(src, variables, turn_refs, stats)
        if stats["annotations"]:
            self.r.tolerated.append(
                f"{stats['annotations']} annotation(s) (selections with a note but no code) became document memos"
            )
        if stats["ignored"]:
            self.r.not_carried.append(f"{stats['ignored']} selection(s) with neither a code nor a note")
        if stats["dups"]:
            self.r.tolerated.append(
                f"{stats['dups']} repeated coding(s) (same code, span and coder) were stored once"
            )
        if stats["replaced"]:
            self.r.tolerated.append(
                f"{stats['replaced']} coding(s) covered only text the anonymiser replaced; they "
                "are kept on the placeholder. Review them."
            )
        if stats["not transcripts"]:
            self.r.tolerated.append(
                f"{stats['not transcripts']} document(s) have lines like 'Name:' but do not read like "
                "transcripts; no speaker turns were proposed for them"
            )
        tick(self.progress, len(self.d.sources), len(self.d.sources), "documents")

    def _kind(self, src: RSource, variables: dict) -> tuple[str, bool, str | None]:
        kind, anonymised, turns = "other", self.anonymiser is not None, None
        for v in src.values:
            role = variables.get(v.variable or "", {}).get("role")
            if role == "kind" and v.value in DOCUMENT_KINDS:
                kind = v.value
            elif role == "anonymised" and self.anonymiser is None:
                anonymised = v.value.strip().lower() in ("true", "1")
            elif role == "turns":
                turns = v.value
        return kind, anonymised, turns

    def _turns(self, src: RSource, anon: Anonymised, listed: str | None, turn_refs: set[str], stats) -> list:
        text = anon.text
        ours = parse_turns(listed, len(src.text)) if listed is not None else None
        if ours is not None:  # our own turns, moved onto the anonymised text with their labels anonymised
            ours = [(anon.shift(s), anon.shift(e), anon.label(sp), case) for s, e, sp, case in ours]
            if all(0 <= s <= e <= len(text) for s, e, _sp, _case in ours):
                self.pending_cases = [(sp, case) for _, _, sp, case in ours if case]
                return [(s, e, sp) for s, e, sp, _ in ours]
        turns = []
        for sel in src.selections:
            if sel.guid in turn_refs and not sel.codings:
                s, e = anon.shift(sel.start), anon.shift(sel.end)
                if 0 <= s <= e <= len(text):
                    turns.append((s, e, anon.label((sel.name or "").strip() or "speaker")))
        # REFI has no speaker turns: find them from the labels in the text, as a file import does (the text
        # is not changed), when it reads like a transcript; turns a case refers to win where they overlap.
        found, refused = detect(text)
        stats["not transcripts"] += refused
        covered = bytearray(len(text) + 1)
        for s, e, _ in turns:
            covered[s:e] = b"\x01" * (e - s)
        return turns + [t for t in found if covered.find(1, t[0], max(t[1], t[0] + 1)) < 0]

    def source(self, src: RSource, variables: dict, turn_refs: set[str], stats: dict) -> None:
        label = src.name or "(unnamed)"
        anon = Anonymised(src.text, lambda pos: pos, [])
        if self.anonymiser is not None:
            anon = self.anonymiser.text(src.text)
            self.count("redactions", len(anon.replaced))
        text = anon.text
        kind, anonymised, listed = self._kind(src, variables)
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
        self.pending_cases = []
        turns = self._turns(src, anon, listed, turn_refs, stats)
        self.count("speaker turns", len(turns))
        doc = self.p.documents.add(
            name,
            text,
            kind=kind,
            anonymised=anonymised,
            memo=self.clean(own_part(src.description, self.notes_of(src.note_refs))),
            turns=turns,
            guid=self.guid("documents", src.guid),
            source_format="refi-qda",
        )
        self.turn_cases += [(doc.id, sp, case) for sp, case in self.pending_cases]
        if anon.log:
            self.p.pseudonyms.write_log(doc.id, anon.log)
        self.count("documents")
        if src.guid:
            self.doc_of[src.guid] = doc.id
        self.set_values(variables, src, "document", doc.id)
        self.doc_notes.extend((ref, doc.id) for ref in src.note_refs)
        self.selections(src, doc.id, anon, turn_refs, stats)
        self.whole_codings(src, doc.id, text)

    def selections(self, src: RSource, doc_id: int, anon: Anonymised, turn_refs: set[str], stats) -> None:
        label, shift = src.name or "(unnamed)", anon.shift
        for sel in src.selections:
            if not sel.codings:
                if sel.guid in turn_refs:
                    speaker = anon.label((sel.name or "").strip() or "speaker")
                    self.turn_of[sel.guid] = (doc_id, shift(sel.start), shift(sel.end), speaker)
                elif sel.description.strip() or sel.note_refs:
                    stats["annotations"] += 1
                    body = self.clean(sel.description.strip()) or "(see the linked note)"
                    self.p.memos.add(
                        "document", doc_id, body, f"Annotation at {sel.where}", coder=self.coder_id(sel.user)
                    )
                    self.count("memos")
                    self.doc_notes.extend((ref, doc_id) for ref in sel.note_refs)
                else:
                    stats["ignored"] += 1
                continue
            if not (0 <= sel.start < sel.end <= len(src.text)):
                self.r.not_carried.append(
                    f"{len(sel.codings)} coding(s) in source '{label}' at {sel.where}: outside "
                    f"the text (0-{len(src.text)}) or empty"
                )
                continue
            s, e = shift(sel.start), shift(sel.end)
            for a, b, new_a, new_b in anon.replaced:
                if a <= sel.start and sel.end <= b:  # all of it was replaced: keep it on the placeholder
                    s, e = new_a, new_b
                    stats["replaced"] += len(sel.codings)
                    break
            memo = self.clean(own_part(sel.description, self.notes_of(sel.note_refs)))
            ids = []
            for c in sel.codings:
                if c.code in self.case_codes:
                    self.case_links.append((c.code, doc_id))
                    continue
                code_id = self.code_of.get(c.code or "")
                if code_id is None:
                    self.r.not_carried.append(f"a coding in source '{label}' refers to no known code")
                    continue
                coder_id = self.coder_id(c.user)
                key = (code_id, doc_id, s, e, coder_id)
                if key in self.coding_keys:
                    stats["dups"] += 1
                    continue
                self.coding_keys.add(key)
                made = self.p.codings.add(
                    code_id,
                    doc_id,
                    s,
                    e,
                    coder=coder_id,
                    memo=memo,
                    guid=self.guid("codings", c.guid),
                    created_at=stamp(c.created),
                ).coding
                self.count("codings")
                ids.append(made.id)
                self.coding_notes.extend((ref, made.id) for ref in c.note_refs)
            for ref in sel.note_refs:
                self.coding_notes.extend((ref, cid) for cid in ids)

    def whole_codings(self, src: RSource, doc_id: int, text: str) -> None:
        label = src.name or "(unnamed)"
        for c in src.whole_codings:
            if c.code in self.case_codes:
                self.case_links.append((c.code, doc_id))
                continue
            code_id = self.code_of.get(c.code or "")
            if code_id is None or not text:
                self.r.not_carried.append(
                    f"a whole-source coding of '{label}': "
                    + ("unknown code" if code_id is None else "the source is empty")
                )
                continue
            self.p.codings.add(
                code_id,
                doc_id,
                0,
                len(text),
                coder=self.coder_id(c.user),
                guid=self.guid("codings", c.guid),
                created_at=stamp(c.created),
            )
            self.count("codings")
            self.r.tolerated.append(f"a coding of the whole source '{label}' became a coding of all its text")


def stamp(value: str | None) -> str | None:
    """An xsd:dateTime as we store timestamps (UTC ``+00:00``), or None to let the store use now."""
    if not value:
        return None
    v = value.strip()
    return v[:-1] + "+00:00" if v.endswith("Z") else v
