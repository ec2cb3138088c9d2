"""Names made of Title Case words, covered whole: a run of capitalised words in mid-sentence is one name, so a
place, an unknown word or a word-name found inside it stands for the whole run ("Halifax Rotary", "Preston
BID", "Open Door Calderdale", "Beckfoot Upper Heaton", "Safe Haven Families", "Red Lion", "Westport Lake",
"Community Foundation for Calderdale"). A run of ordinary words that nothing explained is proposed as an
organisation, flagged unsure, when it stands where a name goes ("Together for Children were...", "the
partnership with Healthy Minds"): strict recall counts a span only when all of it is covered."""

from __future__ import annotations

import bisect

from .gazetteers import Gazetteers
from .lexicon import (
    CUISINES,
    LOC_HEADS_CAP,
    MONTHS,
    NATIONAL,
    NOT_NAMES,
    ORG_HEADS_CAP,
    RANKS,
    ROLE_WORDS,
    STOP,
    TITLES,
    WEAK_ORG_HEADS,
    WEEKDAYS,
)
from .merging import merge
from .rule_heads import _GENERIC_HEAD_MODS
from .spans import Span, fold
from .tokens import Tok

_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "midlands", "upper", "lower", "greater"])
# the last word of an organisation named after a place or person by what it does ("Furness Youth Boxing")
_ORG_TAIL = dict.fromkeys(["boxing", "football", "netball", "cricket", "dance", "theatre", "arts", "sports",
                           "works", "matters", "futures", "minds", "voices", "united", "rovers", "athletic"], 1)
_LONGEST = 400  # no span is longer than this (an address on one line is about 80 characters)
_JOINERS = frozenset(["for", "of", "&", "upon", "under"])
_PLACE_TAILS = frozenset(["lake", "reservoir", "moor", "woods", "wood", "fold", "beck", "valley", "heights", "vale"])
# Title Case words that make a phrase a kind of service or document, not one organisation's name
_GENERIC = frozenset(
    """
    help early services service care social safeguarding team teams board partnership police council
    health education court plan strategy policy framework model group groups panel meeting unit hub
    children young people family families child protection justice youth work worker workers officer
    officers manager lead leads assessment review report form tool referral referrals pathway programme
    program project network forum contextual exploitation sexual criminal county lines missing return
    home interview interviews discussion conference multi agency local authority adult adults mental
    disability needs special educational act order orders notice notices section risk harm abuse neglect
    domestic violence trafficking modern slavery national regional area district division command units
    operational tactical strategic gold silver bronze chief executive head deputy director directors
    assistant appendix annex table figure item items action actions minutes agenda terms reference ref
    yes no ok thanks thank please note notes subject re fwd dear regards kind best wishes sent from my
    iphone android mobile phone email text message messages microsoft sub-group subgroup zoom whatsapp
    snapchat instagram facebook tiktok google apple amazon monzo offences offence department ministry
    policing warning keeping guidance regulations statutory committee door nursing quality
    """.split()  # noqa: SIM905
)


def kind_of_team(keys: list[str], words: dict) -> bool:
    """True for a phrase of ordinary English words ending in a word of services and teams, half of them such
    words ("Quality
    Committee", "Front Door", "Child Exploitation Unit"): a kind of team or a job, not one organisation."""
    keys = [k for k in keys if k not in _JOINERS and k != "the"]
    return bool(keys) and keys[-1] in _GENERIC and all(k in words for k in keys) and (
        2 * sum(k in _GENERIC for k in keys) >= len(keys))


def _titleish(t: Tok, upper_doc: bool) -> bool:
    k = t.key
    if t.shape == "title":
        return k not in STOP and k not in MONTHS and k not in WEEKDAYS and k not in TITLES and k not in RANKS \
            and not k.rstrip("s") in WEEKDAYS and any(c.isalpha() for c in k)
    return t.shape == "upper" and not upper_doc and 2 <= len(k) <= 5 and k.isalpha()


def _joins(toks: list[Tok], j: int, places: frozenset | set, heads: frozenset) -> bool:
    """Whether the lowercase word after token ``j`` joins two parts of one name: "for", "of", and "on" after or
    before a place ("Ashton on Mersey", "Southend on Sea"; not "the Red Lion on Church Street")."""
    k = toks[j + 1].key
    if k in _JOINERS:
        return True
    return k == "on" and (toks[j].key in places or toks[j + 2].key in places) and not (
        j + 3 < len(toks) and toks[j + 3].key in heads)


def _runs(text: str, toks: list[Tok], upper_doc: bool, places: frozenset | set = frozenset(),
          heads: frozenset = frozenset()) -> list[tuple[int, int]]:
    """Maximal runs of Title Case tokens joined by single spaces (with "for", "of", "&"... between two of them);
    a possessive ends a run."""
    out = []
    n = len(toks)
    i = 0
    while i < n:
        if not _titleish(toks[i], upper_doc):
            i += 1
            continue
        j = i
        while toks[j].base_end == toks[j].end and j + 1 < n:
            nxt = toks[j + 1]
            if (nxt.spaced or text[toks[j].end:nxt.start] == " & ") and _titleish(nxt, upper_doc):
                j += 1  # "Siddiqui & Co Solicitors"
            elif nxt.spaced and nxt.shape == "lower" and j + 2 < n and toks[j + 2].spaced \
                    and _titleish(toks[j + 2], upper_doc) and _joins(toks, j, places, heads):
                j += 2
            else:
                break
        if j > i:
            out.append((i, j))
        i = j + 1
    return out


def title_runs(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers, loc_heads: frozenset,
               upper_doc: bool = False, floor: float = 0.3) -> list[Span]:
    """Widen spans found inside a Title Case run to the whole run; propose unexplained runs as unsure ORGs."""
    if upper_doc:
        return spans
    words = gaz.words
    spans = sorted(spans, key=lambda sp: (sp.start, sp.end))
    starts = [sp.start for sp in spans]
    new: list[Span] = []
    drop: set[int] = set()
    for i, j in _runs(text, toks, upper_doc, gaz.places1, _street_heads(gaz)):
        # a sentence-opening ordinary word is not part of the name ("Yesterday Preston was...")
        prefix = text[text.rfind("\n", 0, toks[i].start) + 1:toks[i].start]
        line_run = toks[i].initial and not prefix.strip(" \t-*•>") and (
            j + 1 >= len(toks) or "\n" in text[toks[j].end:toks[j + 1].start]
            or text[toks[j].end:toks[j].end + 2] in (" (", ", ", ":", " -"))
        if toks[i].initial and not line_run and (words.get(toks[i].key, 99) <= 50 or toks[i].key in NOT_NAMES):
            i += 1
            while i < j and toks[i].key in _JOINERS:
                i += 1
        if j - i < 1:
            continue
        while j > i and (toks[j].key in NOT_NAMES or toks[j].key in CUISINES):
            j -= 1  # "the Lucky Star Chinese takeaway": a cuisine or nationality is not part of the name
        if j - i < 1:
            continue
        s, e = toks[i].start, toks[j].base_end
        inside = _inside(spans, starts, s, e, floor)
        if any(sp.label in ("DATE", "CONTACT", "ID") for _x, sp in inside):
            continue
        keys = [toks[x].key for x in range(i, j + 1) if toks[x].key not in _JOINERS and toks[x].key != "on"]
        phrase = " ".join(fold(toks[x].text) for x in range(i, j + 1))
        if phrase in NATIONAL or any(k in NATIONAL for k in keys) or any(k in ROLE_WORDS for k in keys):
            continue
        if not inside:
            if keys[-1] in loc_heads or keys[-1] in ORG_HEADS_CAP or keys[-1] in WEAK_ORG_HEADS or any(
                    k in _GENERIC_HEAD_MODS for k in keys):
                continue  # the head-word rules saw this one and left it ("the Church Hall")
            span = _unexplained(text, toks, i, j, keys, gaz)
            if span:
                new.append(span)
            continue
        if all(sp.start <= s and sp.end >= e for _x, sp in inside):
            continue  # already whole
        places = [sp for _x, sp in inside if sp.label in ("LOCATION", "ORG")]
        persons = [sp for _x, sp in inside if sp.label == "PERSON"]
        if not places:
            # a word-name inside ordinary words ("Safe Haven Families", "Red Lion"), not a person's full name;
            # not a word-name that opens the run ("Say Something", "Early Help")
            if _ORG_TAIL.get(keys[-1]) and all(gaz.given.get(k, (0, 0))[0] < 1000 for k in keys) and all(
                    sp.source in ("gazetteer", "unknown") for sp in persons):
                pass  # "Furness Youth Boxing": a place-like surname before what the organisation does
            elif any(sp.start <= s or sp.confidence < 0.5 for sp in persons) or all(
                    k in _GENERIC or k in _GENERIC_HEAD_MODS for k in _uncovered(toks, i, j, persons)) or not all(words.get(k, 99) <= 50 for k in keys) or any(
                    sp.source not in ("gazetteer", "unknown") for sp in persons):
                continue
            if all(k in gaz.given or k in gaz.surnames for k in keys) and not all(words.get(k, 99) <= 20 for k in keys):
                continue
        elif persons and all(k in gaz.given or k in gaz.surnames for k in keys) and not _place_tail(
                keys[-1], gaz, loc_heads) and not any(sp.label == "ORG" for sp in places):
            continue  # "Will Keighley": a person whose surname is a town (not "Shipley Lake")
        if len(inside) == 2 and inside[0][1].label == "PERSON" and inside[1][1].label == "LOCATION" and " " in (
                inside[0][1].text) and text[inside[0][1].end:inside[1][1].start] == " of ":
            continue  # (session 11) "Gary Hebblewhite of Leeds": a person and where he lives, no organisation
        if len(inside) >= 2 and any(k in loc_heads or k in gaz.street_suffixes for k in keys[:-1]) and all(
                sp.label == "LOCATION" for _x, sp in inside):
            continue  # "Bath Road Leeds": a street and its town, an address
        if _place_tail(keys[-1], gaz, loc_heads):
            label = "LOCATION"
        else:
            label = "ORG"
        ws = min([s] + [sp.start for _x, sp in inside])
        we = max([e] + [sp.end for _x, sp in inside])
        conf = max(sp.confidence for _x, sp in inside)
        drop.update(x for x, _sp in inside)
        new.append(Span(ws, we, label, text[ws:we], conf, "context"))
    if not new:
        return spans
    return merge([sp for x, sp in enumerate(spans) if x not in drop] + new)


def workplaces(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """Where a named person works, named by an ordinary word: "send it to Jodie at Base", "Nita from Reach"."""
    persons = {sp.end: sp for sp in spans if sp.label == "PERSON"}
    covered = bytearray(len(text) + 1)
    for sp in spans:
        covered[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
    out = []
    for i in range(1, len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.key not in ("at", "from") or toks[i - 1].base_end not in persons or t.shape != "lower":
            continue
        j = i + 1
        while j < len(toks) and toks[j].spaced and _titleish(toks[j], False) and not covered[toks[j].start] and (
                toks[j].key not in NOT_NAMES and toks[j].key not in NATIONAL and toks[j].key not in _GENERIC
                and toks[j].key not in gaz.given) and j - i <= 3:
            j += 1
            if toks[j - 1].base_end != toks[j - 1].end:
                break
        if j > i + 1 and not nxt.initial:
            s, e = nxt.start, toks[j - 1].base_end
            out.append(Span(s, e, "ORG", text[s:e], 0.45, "context"))
    return out


_STREET_HEADS: dict[int, frozenset] = {}


def _street_heads(gaz: Gazetteers) -> frozenset:
    """Street and place head words (computed once per gazetteer)."""
    heads = _STREET_HEADS.get(id(gaz))
    if heads is None:
        heads = _STREET_HEADS[id(gaz)] = frozenset(gaz.street_suffixes) | LOC_HEADS_CAP
    return heads


def _place_tail(k: str, gaz: Gazetteers, loc_heads: frozenset) -> bool:
    """A word that says what kind of place the words before it name ("Lake", "Fold", "Road")."""
    return k in loc_heads or k in LOC_HEADS_CAP or k in _PLACE_TAILS or k in gaz.street_suffixes


def _inside(spans: list[Span], starts: list[int], s: int, e: int, floor: float) -> list[tuple[int, Span]]:
    """The spans (sorted by start) that overlap [s, e), with their index."""
    out = []
    x = bisect.bisect_left(starts, e) - 1
    while x >= 0 and starts[x] > s - _LONGEST:
        sp = spans[x]
        if sp.end > s and sp.confidence >= floor:
            out.append((x, sp))
        x -= 1
    return out[::-1]


def _uncovered(toks: list[Tok], i: int, j: int, spans: list[Span]) -> list[str]:
    """The keys of the run's words that no span covers."""
    return [toks[x].key for x in range(i, j + 1)
            if toks[x].key not in _JOINERS and not any(s.start <= toks[x].start < s.end for s in spans)]


def _unexplained(text: str, toks: list[Tok], i: int, j: int, keys: list[str], gaz: Gazetteers) -> Span | None:
    """A run of ordinary Title Case words mid-sentence that no layer explained: an organisation named by words
    ("Together for Children", "Healthy Minds"), proposed below the unsure line for the researcher to decide."""
    if toks[i].initial or len(keys) < 2 or len(keys) > 5 or any(len(k) < 2 or k in _COMPASS for k in keys):
        return None  # "Site D", "Child J", "North East"
    if 2 * sum(k in _GENERIC for k in keys) >= len(keys):
        return None  # "Sexual Offences", "Department for Transport", "MS Teams": kinds of things, not names
    if any(k in NOT_NAMES or k in gaz.given and gaz.words.get(k, 99) > 50 for k in keys):
        return None
    s, e = toks[i].start, toks[j].base_end
    return Span(s, e, "ORG", text[s:e], 0.45, "context")
