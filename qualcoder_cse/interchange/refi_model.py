"""The plain dataclasses a REFI-QDA file is read into (no XML, no project): ``refi_read`` fills them,
``refi_positions`` moves their selections onto the stored text, ``refi_import`` stores them."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    # What the file says the selected text is (ATLAS.ti and QualCoder put it in ``name``); positions are
    # judged against it. Empty when the writer gives none (NVivo writes name="").
    said: str = ""
    where: str = ""  # the positions as the file gives them, for the report


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
    raw: str | None = None  # the text as the file holds it (CRLF kept) until positions are settled


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
    named: bool = True  # False: MAXQDA/QualCoder's nameless case that only carries one source's values


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
    unit: str = "code points"  # how the file counted positions (see refi_positions)
    unit_note: str = ""  # which unit was used and why, for the report


@dataclass
class ImportReport:
    source: str
    kind: str
    origin: str
    counts: dict[str, int] = field(default_factory=dict)
    tolerated: list[str] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)
    positions: str = ""  # the unit the file's positions were read in, and why
    key_file: str = ""  # the re-identification key this import wrote (anonymise="auto"), else empty

    def lines(self) -> list[str]:
        out = [f"imported {self.source} ({self.kind}, written by {self.origin or 'an unnamed tool'})"]
        out.append("  " + ", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        if self.positions:
            out.append(f"positions: {self.positions}")
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
            "positions": self.positions,
            "key_file": self.key_file,
        }
