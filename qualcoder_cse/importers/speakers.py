"""Speaker turns: find who speaks where in a normalised transcript.

A line that starts with a speaker label opens a turn; the turn runs to the end of the last non-blank line
before the next label (continuation lines belong to it). Text before the first label belongs to no turn.
The label stays in the text (coders want to see "P1:"), and the turn's span includes it.

Labels recognised by default (each may be preceded by a timestamp such as ``[00:12:31]``, ``(00:04:10)`` or
a bare ``00:12:31``):

- role labels, any letter case: ``INT:``, ``IV:``, ``I:``, ``R:``, ``Q:``, ``A:``, ``Interviewer:``,
  ``Respondent 3:``, ``Participant B:``, ``Facilitator:``, ``Moderator:``, ``Young person 2:``, ``Speaker 1:``;
- short codes with a number: ``P1:``, ``YP2:``, ``F1:``, ``M2:``, ``FG1P3:``;
- titles and ranks with a surname: ``DS Smith:``, ``DCI Khan:``, ``PC O'Neil:``, ``Dr Jones:``;
- bracketed labels: ``[Facilitator]``, ``[P3]`` (not stage directions such as ``[laughs]``);
- "service" layouts: ``Speaker 1 (00:04):`` (Rev), and a label line ``Sarah Jones  0:03`` followed by the
  text (Otter);
- chat exports: ``12/03/2024, 14:02 - Sam: hi`` and ``[12/03/2024, 14:02:33] Sam: hi`` (WhatsApp), where
  the date and time become the turn's timestamp;
- other capitalised names (``Sarah:``, ``John Smith:``) only when the same label opens at least
  ``min_weak_count`` lines of the document, so a lone ``Date:`` or ``Location:`` heading is not a speaker.

Patterns are configurable per import (``SpeakerOptions.patterns``: regular expressions with a named group
``speaker`` and optionally ``ts``, tried before the defaults). When a labelled line carries a timestamp, the
timestamp is kept as the turn's metadata and, by default, removed from the text (as for VTT/SRT cues).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import regex as regex_engine  # a user's pattern can be given a time limit (re cannot be interrupted)

from .errors import ImporterError

TIMESTAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TS_BRACKETED = rf"[\[(](?P<ts>{TIMESTAMP})[\])]"
_TS_BARE = r"(?P<tsb>\d{1,3}:\d{2}:\d{2}(?:[.,]\d{1,3})?)"
_LEAD_TS = rf"(?:{_TS_BRACKETED}|{_TS_BARE})[ \t]+"
_CHAT_STAMP = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[APap]\.?[Mm]\.?)?"

_ISO_STAMP = r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?(?:[ \t]?(?:UTC|GMT|BST|Z))?"
_CHAT_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[APap]\.?[Mm]\.?)?"
# a chat handle as exported: letters, digits, dots, underscores, hyphens, no spaces ("deano_x", "keelz.m")
_HANDLE = r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}(?<![.-])"
# a sender's display name in a header line, and the emoji some put after it
_CHAT_NAME = r"[^\W\d_][\w'’.-]*(?:[ \t][^\W\d_][\w'’.-]*){0,2}"
_EMOJI = r"[^\w\s\[\](),:|·—–-]"
_TITLE_RX = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|PC|DC|PS|DS|DI|DCI|DSI|DSU|Supt|Insp|Sgt|Cllr|Rev)\.?"
# "Interviewer: Dr Helen Marsh": a header naming who holds the role, not a turn of speech
_HEADER_REST = re.compile(
    rf"^(?:(?P<title>{_TITLE_RX})[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{0,3}}[ \t]*(?:\([^)]*\))?[ \t]*$"
)

_ROLES = (
    r"interviewer|interviewee|int|iv|i|r|q|a|res|resp|respondent|participant|facilitator|fac|moderator|mod|"
    r"researcher|chair|speaker|young\s+person|yp|parent|carer|officer|practitioner|worker|teacher|"
    r"social\s+worker|manager|member|caller|child|mum|dad|mother|father|nurse|observer|transcriber"
)
_STRONG_NAME = (
    rf"(?i:(?:{_ROLES})(?:[ \t]*\d{{1,3}}|[ \t]+[A-Z])?)(?![\w'’-])"
    r"|[A-Z]{1,4}\d{1,3}(?:[A-Z]{1,2}\d{1,3})?"
    r"|(?:PC|DC|PS|DS|DI|DCI|DSI|DSU|DCS|Supt|Ch\.?\s*Supt|Det\.?\s*Supt|Insp|Sgt|Cllr|Dr|Mr|Mrs|Ms|Miss|Prof)"
    r"\.?[ \t]+[A-Z][A-Za-z'’-]+"
)
_WEAK_NAME = r"[A-Z][A-Za-z'’-]*(?:[ \t]+[A-Z][A-Za-z'’-]*){0,2}(?:[ \t]+\d{1,3})?"
# Headings and stage directions that look like labels but are not speakers.
_NOT_SPEAKERS = frozenset({
    "note", "notes", "date", "time", "location", "venue", "place", "present", "attendees", "apologies",
    "subject", "title", "re", "duration", "page", "file", "summary", "agenda", "action", "actions",
    "outcome", "outcomes", "comment", "comments", "example", "key", "tel", "telephone", "email", "age",
    "gender", "ethnicity", "school", "address", "dob", "ref", "reference", "transcript", "interview",
    "focus", "group", "session", "tape", "recording", "audio", "video", "start", "end", "break", "pause",
    "inaudible", "unclear", "laughs", "laughing", "laughter", "crosstalk", "overtalk", "overlapping",
    "silence", "coughs", "sighs", "noise", "background", "music", "redacted", "removed", "name", "names",
    "interruption", "interrupted", "pauses", "phone", "rings", "knock", "door", "crying", "cries", "long",
    "short", "translation", "translated"
})


def is_not_speaker(name: str) -> bool:
    """True for headings and stage directions that look like labels ("Date", "Laughs", "Note 2")."""
    words = re.sub(r"\d+", "", name).lower().split()
    return bool(words) and (words[0] in _NOT_SPEAKERS or words[-1] in _NOT_SPEAKERS)


@dataclass(frozen=True)
class DetectedTurn:
    """A speaker turn in the normalised text: offsets end exclusive, timestamp as written or None."""

    start: int
    end: int
    speaker: str
    timestamp: str | None = None

    def as_tuple(self) -> tuple[int, int, str, str | None]:
        return (self.start, self.end, self.speaker, self.timestamp)


@dataclass(frozen=True)
class SpeakerOptions:
    """How to find speaker turns in one import."""

    enabled: bool = True
    patterns: tuple[str, ...] = ()
    use_defaults: bool = True
    min_weak_count: int = 2
    strip_timestamps: bool = True


@dataclass
class _Label:
    line: int
    speaker: str
    strong: bool
    ts: str | None = None
    ts_span: tuple[int, int] | None = None  # within the line, what to cut when timestamps are stripped
    extra: set = field(default_factory=set)


USER_PATTERN_TIMEOUT = 5.0  # seconds a user's speaker pattern may spend on one line


def compile_pattern(pattern: str) -> regex_engine.Pattern:
    """A user's speaker pattern, compiled and checked, or ImporterError. Python ``re`` syntax; compiled with
    the ``regex`` module so that a pattern that backtracks without end can be stopped (see _match_line)."""
    try:
        rx = regex_engine.compile(pattern)
    except (regex_engine.error, ValueError, OverflowError) as exc:
        raise ImporterError(f"The speaker pattern {pattern!r} is not a valid regular expression ({exc}).") from None
    if "speaker" not in rx.groupindex:
        raise ImporterError(f"The speaker pattern {pattern!r} needs a named group (?P<speaker>...).")
    return rx


def _default_patterns() -> list[tuple[re.Pattern, bool | None]]:
    """(pattern, strong) pairs; strong None means: decide by which name group matched."""
    lead = rf"^(?:{_LEAD_TS})?"
    after_label = rf"[ \t]*(?:{_TS_BRACKETED.replace('ts', 'ts2')})?[ \t]*:(?=[ \t]|$)"
    return [
        # Chat exports (WhatsApp and the like): "12/03/2024, 14:02 - Sam: hi", "[12/03/2024, 14:02:33] Sam: hi".
        (re.compile(rf"^\[?(?P<ts4>{_CHAT_STAMP})\]?(?:[ \t]+-)?[ \t]+(?P<strong>[^:\n]{{1,60}}?):(?=[ \t]|$)"), None),
        # (session 11) exports stamped with an ISO date: "2026-01-03 19:22:01 UTC deanox: text" (TikTok, Instagram
        # returns, forensic extracts)
        (re.compile(rf"^\[?(?P<ts4>{_ISO_STAMP})\]?(?:[ \t]+[-|])?[ \t]+(?P<strong>[^:|\n]{{1,60}}?):(?=[ \t]|$)"), None),
        # Bracketed label: "[Facilitator] text", "[P3]: text".
        (re.compile(rf"{lead}\[(?:(?P<strong>{_STRONG_NAME})|(?P<weak>{_WEAK_NAME}))\]:?(?=[ \t]|$)"), None),
        # Label line with a timestamp and nothing else (Otter): "Sarah Jones  0:03".
        (re.compile(rf"^(?:(?P<strong>{_STRONG_NAME})|(?P<weak>{_WEAK_NAME}))[ \t]+(?P<ts3>{TIMESTAMP})$"), None),
        # Colon label, optionally with a timestamp before the colon (Rev): "Speaker 1 (00:04): text".
        (re.compile(rf"{lead}(?:(?P<strong>{_STRONG_NAME})|(?P<weak>{_WEAK_NAME})){after_label}"), None),
        # Chat exports with handles: "[18:03] deano_x: text", "18:03 deano_x: text", "lil_kay22 (4:15 PM): text".
        (re.compile(rf"^[\[(]?(?P<ts>{_CHAT_TIME})[\])]?[ \t]+(?P<weak>{_HANDLE}):(?=[ \t]|$)"), None),
        (re.compile(rf"^(?P<weak>{_HANDLE})[ \t]*[\[(](?P<ts2>{_CHAT_TIME})[\])][ \t]*:(?=[ \t]|$)"), None),
        # (session 9) Telegram copied from the desktop app: "Bash 🦁, [28.04.25 16:02]" heads the lines under it;
        # Messenger: "Róisín · 16/03/2025 15:12" (emoji after the name stay out of it).
        (re.compile(rf"^(?P<weak>{_CHAT_NAME})(?:[ \t]*{_EMOJI})*,[ \t]*\[(?P<tsd>{_CHAT_STAMP})\][ \t]*$"), None),
        (re.compile(rf"^(?P<weak>{_CHAT_NAME})(?:[ \t]*{_EMOJI})*[ \t]+·[ \t]+(?P<tsd>{_CHAT_STAMP})[ \t]*$"), None),
        # Discord: a line "reeceyboy — Today at 19:03" heads the message lines under it.
        (re.compile(rf"^(?P<weak>{_HANDLE})[ \t]+[—–-][ \t]+(?:Today|Yesterday|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
                    rf"(?:[ \t]+at)?[ \t]+(?P<tsd>{_CHAT_TIME})[ \t]*$"), None),
    ]


def _clean(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().rstrip(".")


def _hint_patterns(hints: frozenset[str]) -> list[re.Pattern]:
    out = []
    for hint in sorted(hints, key=len, reverse=True):
        out.append(re.compile(rf"^(?:{_LEAD_TS})?(?P<speaker>{re.escape(hint)})[ \t]*:(?=[ \t]|$)"))
    return out


def _match_line(line: str, user, hints, defaults) -> _Label | None:
    for rx in user:
        try:
            m = rx.match(line, timeout=USER_PATTERN_TIMEOUT)
        except TimeoutError:
            raise ImporterError(
                "The speaker pattern takes too long on one line (it backtracks too much); simplify it."
            ) from None
        if m and m.group("speaker") and m.group("speaker").strip():
            return _from_match(m, m.group("speaker"), True)
    for rx in hints:
        m = rx.match(line)
        if m:
            return _from_match(m, m.group("speaker"), True)
    for rx, _ in defaults:
        m = rx.match(line)
        if not m:
            continue
        groups = m.groupdict()
        strong = groups.get("strong") is not None
        name = groups["strong"] if strong else groups.get("weak")
        if name is None:
            continue
        if not strong and is_not_speaker(name):
            continue
        return _from_match(m, name, strong)
    return None


def _from_match(m: re.Match, name: str, strong: bool) -> _Label:
    ts, span = None, None
    for group in ("ts", "tsb", "ts2", "ts3", "ts4", "tsd"):
        if group in m.re.groupindex and m.group(group):
            ts = m.group(group)
            start, end = m.span(group)
            if group == "tsd":  # the header line stays whole: the anonymiser knows the handle by it
                return _Label(line=-1, speaker=_clean(name), strong=strong, ts=ts)
            # Cut the brackets and the whitespace that separated the timestamp from the label.
            line = m.string
            if start > 0 and line[start - 1] in "[(":
                start -= 1
                end += 1
            if start == 0:  # a leading stamp: cut the separator after it too ("14:02 - Sam: hi")
                while end < len(line) and line[end] in " \t-":
                    end += 1
            else:
                while start > 0 and line[start - 1] in " \t":
                    start -= 1
            span = (start, end)
            break
    return _Label(line=-1, speaker=_clean(name), strong=strong, ts=ts, ts_span=span)


def detect_turns(
    text: str, options: SpeakerOptions | None = None, hints: frozenset[str] = frozenset()
) -> tuple[str, list[DetectedTurn]]:
    """Find the speaker turns of a normalised text.

    Returns the text (changed only when timestamps of labelled lines are cut out, see ``strip_timestamps``)
    and the turns, with offsets into that returned text. ``hints`` are labels a structured source (a VTT
    voice, a table's speaker column) already names as speakers.
    """
    options = options or SpeakerOptions()
    if not options.enabled or not text:
        return text, []
    user = [compile_pattern(p) for p in options.patterns]
    defaults = _default_patterns() if options.use_defaults else []
    hint_rx = _hint_patterns(hints)
    lines = text.split("\n")
    labels: list[_Label] = []
    for i, line in enumerate(lines):
        if not line or len(line) > 20000:
            continue
        label = _match_line(line, user, hint_rx, defaults)
        if label is not None:
            label.line = i
            labels.append(label)
    labels = _without_headers(lines, labels)
    weak_counts = Counter(lb.speaker for lb in labels if not lb.strong)
    labels = [lb for lb in labels if lb.strong or weak_counts[lb.speaker] >= options.min_weak_count]
    if not labels:
        return text, []
    if options.strip_timestamps:
        for lb in labels:
            if lb.ts_span:
                s, e = lb.ts_span
                line = lines[lb.line]
                lines[lb.line] = line[:s] + line[e:]
    # Offsets of every line in the (possibly shortened) text.
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    new_text = "\n".join(lines)
    turns: list[DetectedTurn] = []
    for k, lb in enumerate(labels):
        last = (labels[k + 1].line - 1) if k + 1 < len(labels) else len(lines) - 1
        while last > lb.line and not lines[last].strip():
            last -= 1
        start = starts[lb.line]
        end = starts[last] + len(lines[last])
        turns.append(DetectedTurn(start, end, lb.speaker, lb.ts))
    return new_text, turns


def _without_headers(lines: list[str], labels: list[_Label]) -> list[_Label]:
    """Drop header lines at the top ("Interviewer: Dr Helen Marsh", "Facilitator: Sam Reid (Barnardo's)"): a
    role label whose line holds only a name with a title or of two or more words, before the first real turn."""
    out = []
    in_header = True
    for lb in labels:
        if in_header and lb.strong and lb.ts is None:
            line = lines[lb.line]
            at = line.find(lb.speaker)
            colon = line.find(":", at + len(lb.speaker)) if at >= 0 else -1
            m = _HEADER_REST.match(line[colon + 1:].strip()) if colon >= 0 else None
            if m and (m.group("title") or len(line[colon + 1:].split()) >= 2) and not is_not_speaker(lb.speaker):
                continue
        in_header = False
        out.append(lb)
    return out


def speaker_summary(turns: list[DetectedTurn]) -> list[tuple[str, int]]:
    """(speaker, number of turns), in order of first appearance: what the import dialog previews."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for t in turns:
        if t.speaker not in counts:
            order.append(t.speaker)
        counts[t.speaker] += 1
    return [(s, counts[s]) for s in order]


TRANSCRIPT_LABEL_SHARE = 0.03  # label lines among the non-blank lines from the first label on


def looks_like_transcript(text: str, turns: list[DetectedTurn]) -> bool:
    """True when ``turns`` read like the turns of a transcript rather than stray "Name:" lines in other
    text (tweets quoting "Covid:", a report with "Pfizer:" headings): at least two turns, and turn openings
    make up a fair share of the lines from the first turn on (a transcript's turns follow one another; in
    a thread of 15,000 comments 70 such lines are noise)."""
    if len(turns) < 2:
        return False
    lines = [ln for ln in text[turns[0].start :].split("\n") if ln.strip()]
    return len(turns) >= TRANSCRIPT_LABEL_SHARE * len(lines)
